package com.scopelock.outreach.api.graph;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * A lead's notes ({@code U4_Lead_Note {slug, lead, text, author, created_at}}, linked
 * {@code (lead)-[:U4_HAS_NOTE]->(note)}) and tags ({@code tags}, a list on the lead); the team's, visible to every
 * member. Each change writes its timeline event in the same query.
 */
@ApplicationScoped
public class LeadNoteRepository {
    static final String ADD_NOTE = """
            MATCH (c:U4_Contact_Lead {slug: $slug})
            CREATE (c)-[:U4_HAS_NOTE]->(n:U4_Lead_Note {slug: $note, lead: c.slug, text: $text, author: $actor, created_at: $now})
            """ + TimelineEvents.APPEND + """
            RETURN n.slug AS note_id, n.text AS text, n.author AS author, n.created_at AS created_at""";

    static final String NOTES = """
            MATCH (c:U4_Contact_Lead {slug: $slug})
            OPTIONAL MATCH (c)-[:U4_HAS_NOTE]->(n:U4_Lead_Note)
            RETURN n.slug AS note_id, n.text AS text, n.author AS author, n.created_at AS created_at
            ORDER BY n.created_at DESC LIMIT $limit""";

    static final String SET_TAGS = """
            MATCH (c:U4_Contact_Lead {slug: $slug})
            SET c.tags = $tags, c.updated_at = $now, c.updated_by = $actor
            """ + TimelineEvents.APPEND + """
            RETURN c.tags AS tags""";

    private final FalkorGraphClient graph;

    public LeadNoteRepository(FalkorGraphClient graph) {
        this.graph = graph;
    }

    public record Note(String noteId, String text, String author, String createdAt) {
    }

    /** Empty when there is no such lead. */
    public Uni<Optional<Note>> add(String slug, String text, String actor, Instant now) {
        Map<String, Object> p = new LinkedHashMap<>();
        String note = "note-" + UUID.randomUUID();
        p.put("slug", slug);
        p.put("note", note);
        p.put("text", text);
        p.put("actor", actor);
        p.put("now", GraphTime.format(now));
        TimelineEvents.params(p, "note_added", Map.of("note_id", note));
        return graph.write(ADD_NOTE, p).map(r -> r.isEmpty() ? Optional.empty() : Optional.of(note(r.row(0))));
    }

    /** Newest first; empty when there is no such lead, a list without notes when it has none. */
    public Uni<Optional<List<Note>>> notes(String slug, int limit) {
        return graph.read(NOTES, Map.of("slug", slug, "limit", limit)).map(r -> r.isEmpty() ? Optional.empty()
                : Optional.of(r.all().stream().filter(row -> row.get("note_id") != null).map(LeadNoteRepository::note).toList()));
    }

    /** Replaces the lead's tags; empty when there is no such lead. */
    public Uni<Optional<List<String>>> setTags(String slug, List<String> tags, String actor, Instant now) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("slug", slug);
        p.put("tags", tags);
        p.put("actor", actor);
        p.put("now", GraphTime.format(now));
        TimelineEvents.params(p, "tags_changed", Map.of("tags", tags));
        return graph.write(SET_TAGS, p).map(r -> r.isEmpty() ? Optional.empty() : Optional.of(tags));
    }

    private static Note note(GraphResult.Row row) {
        return new Note(row.string("note_id"), row.string("text"), row.string("author"), row.string("created_at"));
    }
}
