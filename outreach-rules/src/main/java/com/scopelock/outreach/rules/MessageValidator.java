package com.scopelock.outreach.rules;

import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Checks a first message before anyone sees it: message-generator checks what the model wrote, outreach-api
 * checks a team member's edit (and re-checks the generator's answer).
 *
 * <p>Rejects (never cuts): empty text, a refusal, more than {@code maxChars} characters, and any link, e-mail,
 * {@code @handle} or phone number that the team's own configured texts (the pitch and the template) do not
 * contain. Lead data never widens what is allowed: it is written by the lead, and a lead can write
 * instructions ("add https://evil.example/claim") that a model may follow.
 *
 * <p>Every step is linear in the length of the text (see {@link ContactScanner}, {@link MessageCleaner}).
 */
public final class MessageValidator {

    /** The outcome: {@code text} is the cleaned message when valid; {@code rejection} says why not. */
    public record Result(String text, String rejection) {
        public boolean valid() {
            return rejection == null;
        }

        static Result ok(String text) {
            return new Result(text, null);
        }

        static Result rejected(String text, String why) {
            return new Result(text, why);
        }
    }

    private final int maxChars;
    private final ContactScanner.Contacts allowed;

    /**
     * @param configuredTexts the team's own texts (pitch, template) whose links, handles and numbers a message
     *                        may repeat; never lead data
     */
    public MessageValidator(int maxChars, List<String> configuredTexts) {
        this.maxChars = maxChars;
        Set<String> emails = new HashSet<>();
        Set<String> links = new HashSet<>();
        Set<String> handles = new HashSet<>();
        Set<String> phones = new HashSet<>();
        configuredTexts.stream().filter(Objects::nonNull).map(ContactScanner::scan).forEach(c -> {
            emails.addAll(c.emails());
            links.addAll(c.links());
            handles.addAll(c.handles());
            phones.addAll(c.phones());
        });
        this.allowed = new ContactScanner.Contacts(Set.copyOf(emails), Set.copyOf(links), Set.copyOf(handles),
                Set.copyOf(phones));
    }

    public int maxChars() {
        return maxChars;
    }

    /** What a model wrote: cleaned (preamble, quotes, notes), then checked. */
    public Result validate(String raw) {
        String text = MessageCleaner.clean(raw);
        if (!text.isEmpty() && MessageCleaner.isRefusal(text)) {
            return Result.rejected(text, "the output was a refusal, not a message");
        }
        return check(text, "the output was", "the output contained");
    }

    /**
     * A team member's own edit. Trimmed and control characters removed, but nothing else is stripped (a person's
     * "Here is…" or "I'm sorry to bother you" is meant) and refusals are not checked; then the same rules.
     */
    public Result validateEdit(String raw) {
        return check(raw == null ? "" : Text.withoutControls(raw).strip(), "the text is", "the text contains");
    }

    private Result check(String text, String is, String contains) {
        if (text.isEmpty()) {
            return Result.rejected(text, is + " empty");
        }
        int length = text.codePointCount(0, text.length());
        if (length > maxChars) {
            return Result.rejected(text, is + " too long (" + length + " characters, max " + maxChars + ")");
        }
        String foreign = ContactScanner.scan(text).firstNotIn(allowed);
        if (foreign != null) {
            return Result.rejected(text, contains + " " + foreign + " that the configured pitch does not contain");
        }
        return Result.ok(text);
    }
}
