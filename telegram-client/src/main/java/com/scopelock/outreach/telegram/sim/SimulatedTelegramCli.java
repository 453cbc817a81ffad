package com.scopelock.outreach.telegram.sim;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Command-line control of the simulated Telegram, for harnesses in other processes. Prints one JSON line per
 * answer, labelled "simulated". Usage: {@code SimulatedTelegramCli --world DIR COMMAND ARGS…} (or env
 * SIMULATED_TELEGRAM_WORLD); {@code --help} prints the command list.
 */
public final class SimulatedTelegramCli {
    static final String USAGE = """
            SIMULATED TELEGRAM control — usage: SimulatedTelegramCli --world DIR COMMAND [ARGS]
              (or set SIMULATED_TELEGRAM_WORLD=DIR; --help, -h or help prints this)
            ACCOUNT = an account's phone number or user id; LEAD = a Telegram user id or @username (made on demand,
            a numeric one with exactly that id, so any imported lead can act)
              add-account PHONE FIRST_NAME [LAST_NAME [USERNAME]]   -> {"user_id":…}
              add-lead TELEGRAM_ID [FIRST_NAME [LAST_NAME [USERNAME]]]  (an imported lead, e.g. to set its username)
              set-password ACCOUNT PASSWORD [HINT]                   (2FA on)
              qr-rotation MILLIS                                     (for logins started afterwards)
              pending-qr                                             -> current links of pending QR logins
              scan LINK_OR_TOKEN ACCOUNT                             (the phone scans the QR code)
              lead-writes ACCOUNT LEAD LEAD_FIRST_NAME TEXT…         (the lead replies / writes first)
              member-sends ACCOUNT LEAD TEXT…                        (the member's manual send from their phone:
                                                                      an outgoing message in the chat with LEAD)
              owner-writes ACCOUNT CHAT_ID TEXT…                     (the same, by chat id = the lead's user id)
              revoke ACCOUNT                                         (terminate all its sessions)
              flood ACCOUNT SECONDS                                  (429 "retry after N")
              network down|up
              sessions ACCOUNT
              show                                                   (the whole world as JSON)
            """;

    private static final com.fasterxml.jackson.databind.ObjectMapper OUTPUT =
            new com.fasterxml.jackson.databind.ObjectMapper()
                    .setPropertyNamingStrategy(com.fasterxml.jackson.databind.PropertyNamingStrategies.SNAKE_CASE);

    private SimulatedTelegramCli() {
    }

    public static void main(String[] args) {
        int status = run(args, System.out, System.err);
        if (status != 0) {
            System.exit(status);
        }
    }

    static int run(String[] args, PrintStream out, PrintStream err) {
        List<String> rest = new ArrayList<>(Arrays.asList(args));
        String world = System.getenv("SIMULATED_TELEGRAM_WORLD");
        if (!rest.isEmpty() && isHelp(rest.getFirst())) {
            out.print(USAGE);
            return 0;
        }
        if (rest.size() >= 2 && rest.getFirst().equals("--world")) {
            world = rest.get(1);
            rest = rest.subList(2, rest.size());
        }
        if (!rest.isEmpty() && isHelp(rest.getFirst())) {
            out.print(USAGE);
            return 0;
        }
        if (world == null || rest.isEmpty()) {
            err.print(USAGE);
            return 2;
        }
        try {
            out.println(execute(new SimulatedTelegramControl(Path.of(world)), rest));
            return 0;
        } catch (RuntimeException e) {
            err.println("{\"simulated\":true,\"error\":" + quote(String.valueOf(e.getMessage())) + "}");
            return 1;
        }
    }

    private static String execute(SimulatedTelegramControl control, List<String> a) {
        String command = a.getFirst();
        return switch (command) {
            case "add-account" -> result("user_id", control.addAccount(arg(a, 1), arg(a, 2), opt(a, 3), opt(a, 4)));
            case "set-password" -> {
                control.setPassword(arg(a, 1), arg(a, 2), opt(a, 3));
                yield result("ok", true);
            }
            case "qr-rotation" -> {
                control.setQrRotation(Duration.ofMillis(Long.parseLong(arg(a, 1))));
                yield result("ok", true);
            }
            case "pending-qr" -> result("pending", control.pendingQrLogins());
            case "scan" -> result("user_id", control.scan(arg(a, 1), arg(a, 2)));
            case "add-lead" -> result("user_id", control.addLead(number(a, 1), opt(a, 2), opt(a, 3), opt(a, 4)));
            case "lead-writes" -> result("message", control.leadWrites(arg(a, 1), arg(a, 2), arg(a, 3), text(a, 4)));
            case "member-sends" -> result("message", control.memberSends(arg(a, 1), arg(a, 2), text(a, 3)));
            case "owner-writes" ->
                    result("message", control.ownerWrites(arg(a, 1), number(a, 2), text(a, 3)));
            case "revoke" -> result("revoked", control.revokeSessions(arg(a, 1)));
            case "flood" -> {
                control.floodWait(arg(a, 1), Duration.ofSeconds(Long.parseLong(arg(a, 2))));
                yield result("ok", true);
            }
            case "network" -> {
                control.setNetworkDown(switch (arg(a, 1)) {
                    case "down" -> true;
                    case "up" -> false;
                    default -> throw new IllegalArgumentException("network down|up");
                });
                yield result("ok", true);
            }
            case "sessions" -> result("sessions", control.sessions(arg(a, 1)).stream()
                    .map(s -> java.util.Map.of("user_id", s.userId(), "created_at", s.createdAt().toString(),
                            "device_model", s.deviceModel(), "revoked", s.revoked()))
                    .toList());
            case "show" -> write(control.snapshot());
            default -> throw new IllegalArgumentException("unknown command " + command + "\n" + USAGE);
        };
    }

    private static String result(String key, Object value) {
        return write(java.util.Map.of("simulated", true, key, value));
    }

    private static String write(Object value) {
        try {
            return OUTPUT.writeValueAsString(value);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String quote(String s) {
        return write(s);
    }

    private static String arg(List<String> a, int i) {
        if (a.size() <= i) {
            throw new IllegalArgumentException("missing argument " + i + " of " + a.getFirst() + "\n" + USAGE);
        }
        return a.get(i);
    }

    private static boolean isHelp(String arg) {
        return arg.equals("--help") || arg.equals("-h") || arg.equals("help");
    }

    private static long number(List<String> a, int i) {
        try {
            return Long.parseLong(arg(a, i));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("argument " + i + " of " + a.getFirst() + " must be a number, not "
                    + a.get(i));
        }
    }

    private static String opt(List<String> a, int i) {
        return a.size() > i ? a.get(i) : null;
    }

    private static String text(List<String> a, int from) {
        arg(a, from);
        return String.join(" ", a.subList(from, a.size()));
    }
}
