package com.scopelock.outreach.api.service;

import com.scopelock.outreach.api.graph.TimelineRepository;
import com.scopelock.outreach.api.graph.TimelineRepository.Event;
import com.scopelock.outreach.problems.ProblemException;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** A lead's timeline, oldest first (instants compared as instants: older writers kept other fraction digits). */
@ApplicationScoped
public class TimelineService {
    private final TimelineRepository timeline;

    public TimelineService(TimelineRepository timeline) {
        this.timeline = timeline;
    }

    public Uni<List<Event>> of(String contactSlug) {
        return timeline.of(contactSlug).map(found -> {
            List<Event> events = new ArrayList<>(found.orElseThrow(
                    () -> ProblemException.of(404, "contact_not_found", "no contact " + contactSlug)));
            events.removeIf(e -> e.at() == null);
            events.sort(Comparator.comparing((Event e) -> instant(e.at())).thenComparing(Event::at));
            return events;
        });
    }

    /** What {@code member} did through the API (stage moves, notes, tags, follow-ups), newest first. */
    public Uni<List<TimelineRepository.AuditEntry>> audit(String member, long offset, int limit) {
        return timeline.byActor(member, offset, limit);
    }

    private static Instant instant(String at) {
        try {
            return Instant.parse(at);
        } catch (DateTimeParseException e) {
            return Instant.MAX;
        }
    }
}
