import com.scopelock.outreach.telegram.session.SessionSealer;

/**
 * Prints a new Tink AES256-GCM keyset (JSON) for sealing Telegram sessions; the local stack keeps it in
 * .local-stack/keys. Run with common-model and Tink on the classpath.
 */
public class NewKeyset {
    public static void main(String[] args) {
        System.out.println(SessionSealer.newKeyset());
    }
}
