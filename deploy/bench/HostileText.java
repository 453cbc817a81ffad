import com.scopelock.outreach.rules.ContactScanner;
import com.scopelock.outreach.rules.Defaults;

import java.util.List;
import java.util.function.Supplier;

/**
 * deploy/bench/hostile-text: the message check on a lead whose analysis_data is "a." x N. Before = the
 * java.util.regex validator of an older revision (compiled by the script as OldMessageValidator), which scanned
 * the lead's whole data as the allowed context; after = outreach-rules, which never scans lead data and scans
 * any text linearly (also shown: ContactScanner over the hostile text itself).
 */
public class HostileText {
    public static void main(String[] args) throws Exception {
        String message = "Hey Hugo, loved your 100 retweets. Interested in hearing more?";
        var after = new com.scopelock.outreach.rules.MessageValidator(500, List.of(Defaults.PITCH, Defaults.TEMPLATE));
        System.out.println("| repetitions of \"a.\" | check | before (java.util.regex, lead data as allowed context) | after (outreach-rules) |");
        System.out.println("|---|---|---|---|");
        for (int reps : new int[] {8_000, 24_000}) {
            String lead = "{\"bio\":\"" + "a.".repeat(reps) + "\"}";
            OldMessageValidator before = new OldMessageValidator(500);
            System.out.printf("| %d | generator answer re-check | %s | %s |%n", reps,
                    time(() -> before.validate(message, lead)), time(() -> after.validate(message)));
            System.out.printf("| %d | PUT edit | %s | %s |%n", reps,
                    time(() -> before.validateEdit(message, lead)), time(() -> after.validateEdit(message)));
            System.out.printf("| %d | contact scan of the hostile text itself | — | %s |%n", reps,
                    time(() -> ContactScanner.scan(lead)));
        }
    }

    private static String time(Supplier<?> work) {
        long t = System.nanoTime();
        try {
            work.get();
            return String.format("%.1f ms", (System.nanoTime() - t) / 1e6);
        } catch (StackOverflowError e) {
            return String.format("StackOverflowError after %.1f ms", (System.nanoTime() - t) / 1e6);
        }
    }
}
