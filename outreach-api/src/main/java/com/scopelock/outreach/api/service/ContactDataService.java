package com.scopelock.outreach.api.service;

import com.scopelock.outreach.api.graph.ContactDataRepository;
import com.scopelock.outreach.api.graph.ContactDataRepository.Erased;
import com.scopelock.outreach.api.graph.ContactDataRepository.Message;
import com.scopelock.outreach.api.graph.ContactDataRepository.Reply;
import com.scopelock.outreach.api.graph.LeadNoteRepository.Note;
import com.scopelock.outreach.api.graph.LeadRepository;
import com.scopelock.outreach.api.graph.LeadRepository.LeadDetail;
import com.scopelock.outreach.api.graph.TimelineRepository.Event;
import com.scopelock.outreach.problems.ProblemException;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.time.Instant;
import java.util.List;

/**
 * Export (everything held about one lead) and erasure of a lead: the watches of its chats are withdrawn first
 * (tombstones on the compacted {@code outreach.watch}), a do-not-contact lead is suppressed (its hashed id kept so
 * no re-import brings it back), then the graph forgets the lead with its messages, notes, timeline, conversations,
 * replies and label corrections.
 */
@ApplicationScoped
public class ContactDataService {
    private static final Logger LOG = Logger.getLogger(ContactDataService.class);

    /** What erasing here does not reach; it ages out by the topics' retention (or is another service's). */
    public static final List<String> AGES_OUT = List.of(
            "outreach.lead-upserts: the imported record, until the topic's retention",
            "outreach.replies, outreach.reply-labels, outreach.sent-detections: the lead's replies and detections, until retention",
            "outreach.generation-requests, outreach.generated-messages: the generation round trips, until retention",
            "lead-ingest's import reports, kept by lead-ingest until their own expiry");

    private final ContactDataRepository data;
    private final LeadRepository leads;
    private final LeadNoteService notes;
    private final TimelineService timeline;
    private final WatchWithdrawals withdrawals;
    private final QueueService queue;

    public ContactDataService(ContactDataRepository data, LeadRepository leads, LeadNoteService notes,
                              TimelineService timeline, WatchWithdrawals withdrawals, QueueService queue) {
        this.data = data;
        this.leads = leads;
        this.notes = notes;
        this.timeline = timeline;
        this.withdrawals = withdrawals;
        this.queue = queue;
    }

    public record Export(String exportedAt, String exportedBy, LeadDetail contact, List<Note> notes,
                         List<Event> timeline, List<Message> messages, List<Reply> replies) {
    }

    public record Erasure(String contactId, Erased erased, int watchesWithdrawn, boolean suppressed,
                          List<String> agesOut) {
    }

    public Uni<Export> export(String member, String contactSlug) {
        return leads.bySlug(contactSlug).chain(found -> {
            LeadDetail lead = found.orElseThrow(() -> notFound(contactSlug));
            return Uni.combine().all().unis(notes.notes(contactSlug), timeline.of(contactSlug),
                            data.messages(contactSlug), data.replies(lead.lead().telegramId()))
                    .with((n, t, m, r) -> new Export(Instant.now().toString(), member, lead, n, t, m, r));
        });
    }

    public Uni<Erasure> erase(String member, String contactSlug) {
        Instant now = Instant.now();
        return data.lead(contactSlug, member, now).chain(found -> {
            ContactDataRepository.Lead lead = found.orElseThrow(() -> notFound(contactSlug));
            if (lead.claimedByOther()) {
                throw ProblemException.of(409, "claimed_by_other", "this lead is claimed by " + lead.claimedBy()
                                + " until " + lead.claimedUntil() + "; only they can erase it meanwhile")
                        .with("claimed_by", lead.claimedBy()).with("claimed_until", lead.claimedUntil());
            }
            return withdrawals.doNotContact(contactSlug)
                    .call(() -> lead.doNotContact() ? data.suppress(lead.telegramId(), now) : Uni.createFrom().voidItem())
                    .chain(withdrawn -> data.erase(contactSlug, lead.telegramId()).map(erased -> {
                        queue.invalidateCounts();
                        LOG.infof("%s erased lead %s (%s)", member, contactSlug, erased);
                        return new Erasure(contactSlug, erased, withdrawn, lead.doNotContact(), AGES_OUT);
                    }));
        });
    }

    private static ProblemException notFound(String slug) {
        return ProblemException.of(404, "contact_not_found", "no contact " + slug);
    }
}
