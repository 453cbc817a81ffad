package com.scopelock.outreach.api.service;

import com.scopelock.outreach.api.graph.ContactListRepository;
import com.scopelock.outreach.api.graph.ContactListRepository.Filter;
import com.scopelock.outreach.api.graph.ContactListRepository.Row;
import com.scopelock.outreach.api.graph.ContactListRepository.Sort;
import com.scopelock.outreach.api.graph.GraphTime;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** The contact lists: one page and its count, with the days a lead has waited for a reply. */
@ApplicationScoped
public class ContactListService {
    /** At most this many words of a search are used (each a prefix of a name or username word). */
    public static final int MAX_SEARCH_WORDS = 6;
    public static final int MAX_WORD = 40;

    private final ContactListRepository lists;

    public ContactListService(ContactListRepository lists) {
        this.lists = lists;
    }

    /** {@code q}: plain text; {@code mine}: the member for owner=me, else null. */
    public record ListQuery(List<String> stages, String tag, String q, boolean awaitingReply, boolean followUpDue,
                            String mine, Sort sort, long offset, int limit) {
    }

    public record Item(Row lead, Long daysWaiting) {
    }

    public record ListPage(List<Item> contacts, long filteredCount) {
    }

    public Uni<ListPage> list(ListQuery query) {
        Instant now = Instant.now();
        Search search = search(query.q());
        if (search.nothing()) {
            return Uni.createFrom().item(new ListPage(List.of(), 0));
        }
        Filter filter = new Filter(query.stages(), query.tag(), search.fullText(), search.telegramId(),
                query.awaitingReply(), query.followUpDue(), query.mine(), GraphTime.format(now));
        return lists.count(filter).chain(count -> count == 0 || query.offset() >= count
                ? Uni.createFrom().item(new ListPage(List.of(), count))
                : lists.page(filter, query.sort(), query.offset(), query.limit()).map(rows -> new ListPage(
                        rows.stream().map(r -> new Item(r, daysWaiting(r, now))).toList(), count)));
    }

    /** Whole days since the message was sent, for a contacted lead that has not replied. */
    static Long daysWaiting(Row row, Instant now) {
        if (!"contacted".equals(row.stage()) || row.contactedAt() == null || row.repliedAt() != null) {
            return null;
        }
        try {
            return Math.max(0, Duration.between(Instant.parse(row.contactedAt()), now).toDays());
        } catch (java.time.format.DateTimeParseException e) {
            return null;
        }
    }

    /** A search as the graph takes it: an exact telegram id, a full-text query of plain word prefixes, or neither. */
    record Search(String fullText, Long telegramId, boolean nothing) {
    }

    /**
     * Digits only (a leading @ or spaces aside): a telegram id. Otherwise the letters, digits and underscores of
     * the text, cut into words (a linear scan), each searched as a prefix; every other character is a separator,
     * so no query syntax of the full-text engine ever comes from the request.
     */
    static Search search(String q) {
        if (q == null || q.isBlank()) {
            return new Search(null, null, false);
        }
        String text = q.strip();
        if (text.startsWith("@")) {
            text = text.substring(1);
        }
        if (!text.isEmpty() && text.length() <= 19 && text.chars().allMatch(ch -> ch >= '0' && ch <= '9')) {
            try {
                return new Search(null, Long.parseLong(text), false);
            } catch (NumberFormatException e) {
                return new Search(null, null, true);
            }
        }
        List<String> words = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        for (int i = 0; i < text.length() && words.size() < MAX_SEARCH_WORDS; ) {
            int cp = text.codePointAt(i);
            i += Character.charCount(cp);
            if (Character.isLetterOrDigit(cp) || cp == '_') {
                if (word.length() < MAX_WORD) {
                    word.appendCodePoint(Character.toLowerCase(cp));
                }
            } else if (!word.isEmpty()) {
                words.add(word.toString());
                word.setLength(0);
            }
        }
        if (!word.isEmpty() && words.size() < MAX_SEARCH_WORDS) {
            words.add(word.toString());
        }
        if (words.isEmpty()) {
            return new Search(null, null, true);
        }
        // a prefix needs two characters in the full-text engine; a single letter is searched as a whole word
        return new Search(String.join(" ", words.stream().map(w -> w.length() >= 2 ? w + "*" : w).toList()), null, false);
    }
}
