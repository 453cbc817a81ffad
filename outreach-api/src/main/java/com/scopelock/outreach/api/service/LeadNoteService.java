package com.scopelock.outreach.api.service;

import com.scopelock.outreach.api.graph.LeadNoteRepository;
import com.scopelock.outreach.api.graph.LeadNoteRepository.Note;
import com.scopelock.outreach.problems.ProblemException;
import com.scopelock.outreach.problems.Problems;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Notes and tags on a lead: any member adds them, the whole team sees them. */
@ApplicationScoped
public class LeadNoteService {
    public static final int MAX_TAGS = 20;
    public static final int MAX_TAG = 32;
    public static final int MAX_NOTE = 2000;
    public static final int NOTES_SHOWN = 200;

    private final LeadNoteRepository notes;

    public LeadNoteService(LeadNoteRepository notes) {
        this.notes = notes;
    }

    /**
     * A tag as stored: trimmed, lower case, 1–32 letters, digits, {@code _} or {@code -} (so it never needs quoting
     * anywhere it is shown or filtered). {@code field} names the input in the problem.
     */
    public static String tag(String field, String raw) {
        String tag = raw == null ? "" : raw.strip().toLowerCase(Locale.ROOT);
        int length = tag.codePointCount(0, tag.length());
        if (length == 0 || length > MAX_TAG) {
            throw ProblemException.invalid("invalid_tag", field, "a tag is 1 to " + MAX_TAG + " characters");
        }
        if (!tag.codePoints().allMatch(cp -> Character.isLetterOrDigit(cp) || cp == '_' || cp == '-')) {
            throw ProblemException.invalid("invalid_tag", field, "a tag holds only letters, digits, _ and -, got '"
                    + Problems.quote(raw, 40) + "'");
        }
        return tag;
    }

    public Uni<List<String>> setTags(String member, String contactSlug, List<String> raw) {
        if (raw.size() > MAX_TAGS) {
            throw ProblemException.invalid("invalid_tag", "tags", "at most " + MAX_TAGS + " tags, got " + raw.size());
        }
        List<String> tags = new ArrayList<>();
        for (int i = 0; i < raw.size(); i++) {
            String tag = tag("tags[" + i + "]", raw.get(i));
            if (!tags.contains(tag)) {
                tags.add(tag);
            }
        }
        return notes.setTags(contactSlug, tags, member, Instant.now()).map(found -> found.orElseThrow(() -> notFound(contactSlug)));
    }

    /** Control characters other than line breaks and tabs are dropped; 1–2000 characters after trimming. */
    public Uni<Note> addNote(String member, String contactSlug, String raw) {
        StringBuilder clean = new StringBuilder();
        raw.codePoints().filter(cp -> cp == '\n' || cp == '\t' || !Character.isISOControl(cp)).forEach(clean::appendCodePoint);
        String text = clean.toString().strip();
        int length = text.codePointCount(0, text.length());
        if (length == 0 || length > MAX_NOTE) {
            throw ProblemException.invalid("invalid_note", "text", "a note is 1 to " + MAX_NOTE + " characters, was " + length);
        }
        return notes.add(contactSlug, text, member, Instant.now()).map(found -> found.orElseThrow(() -> notFound(contactSlug)));
    }

    public Uni<List<Note>> notes(String contactSlug) {
        return notes.notes(contactSlug, NOTES_SHOWN).map(found -> found.orElseThrow(() -> notFound(contactSlug)));
    }

    private static ProblemException notFound(String slug) {
        return ProblemException.of(404, "contact_not_found", "no contact " + slug);
    }
}
