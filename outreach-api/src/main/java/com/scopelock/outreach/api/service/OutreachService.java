package com.scopelock.outreach.api.service;

import com.scopelock.outreach.problems.ProblemException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.scopelock.outreach.api.config.GenerationConfig;
import com.scopelock.outreach.api.graph.ClaimRepository;
import com.scopelock.outreach.api.graph.ClaimRepository.ClaimResult;
import com.scopelock.outreach.api.graph.ClaimRepository.ClaimedLead;
import com.scopelock.outreach.api.graph.ConversationRepository;
import com.scopelock.outreach.api.graph.LeadRepository;
import com.scopelock.outreach.api.graph.MessageRepository;
import com.scopelock.outreach.api.graph.MessageRepository.StoredMessage;
import com.scopelock.outreach.api.messaging.GenerationClient;
import com.scopelock.outreach.api.messaging.WatchPublisher;
import com.scopelock.outreach.model.GenerationRequested;
import com.scopelock.outreach.model.JsonCodec;
import com.scopelock.outreach.model.MatchingMessage;
import com.scopelock.outreach.model.MessageGenerated;
import com.scopelock.outreach.model.MessageGenerated.PersonalizationContext;
import com.scopelock.outreach.model.WatchRequested;
import com.scopelock.outreach.rules.FallbackTemplate;
import com.scopelock.outreach.rules.MessageValidator;
import com.scopelock.outreach.rules.Signals;
import com.scopelock.outreach.rules.Slugs;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * First messages: claim the lead, ask message-generator (template fallback on timeout), store a new version,
 * put the chat on the watch list; edits by the owner before sending; mark-sent; releasing a claim (which withdraws
 * the watch when nothing was sent).
 */
@ApplicationScoped
public class OutreachService {
    private static final Logger LOG = Logger.getLogger(OutreachService.class);

    private final ClaimRepository claims;
    private final MessageRepository messages;
    private final LeadRepository leads;
    private final GenerationClient generator;
    private final WatchPublisher watch;
    private final QueueService queue;
    private final GenerationConfig config;
    private final MessageValidator validator;
    private final FallbackTemplate template;
    private final MeterRegistry metrics;
    private final WatchWithdrawals withdrawals;
    private final ConversationRepository conversations;

    public OutreachService(ClaimRepository claims, MessageRepository messages, LeadRepository leads,
                           GenerationClient generator, WatchPublisher watch, QueueService queue,
                           GenerationConfig config, MeterRegistry metrics, WatchWithdrawals withdrawals,
                           ConversationRepository conversations) {
        this.conversations = conversations;
        this.metrics = metrics;
        this.withdrawals = withdrawals;
        this.claims = claims;
        this.messages = messages;
        this.leads = leads;
        this.generator = generator;
        this.watch = watch;
        this.queue = queue;
        this.config = config;
        this.validator = new MessageValidator(config.maxChars(), List.of(config.pitch(), config.template().text()));
        this.template = new FallbackTemplate(config.template().text(), config.template().profileLabels(),
                config.template().nameWhenMissing(), validator);
    }

    /** What the REST layer shows of a message; {@code claimedUntil} only on a generate answer. */
    public record MessageView(StoredMessage message, String telegramLink, String claimedUntil) {
    }

    public record Sent(String contactId, String messageId, String contactStatus, String sentAt, boolean already) {
    }

    public record Released(String contactId, boolean released) {
    }

    private record Outcome(String text, String generatedBy, String contextJson, String warning, String variant,
                           String experiment, String hookType) {
    }

    // ---------------------------------------------------------------------------------------------- generate

    public Uni<MessageView> generate(String owner, String contactSlug) {
        Instant now = Instant.now();
        long started = System.nanoTime();
        return claims.claim(contactSlug, owner, now, now.plus(config.claimDuration()))
                .invoke(() -> LOG.debugf("generate %s: claimed after %d ms", contactSlug, (System.nanoTime() - started) / 1_000_000))
                .map(found -> found.orElseThrow(() -> notFound(contactSlug)))
                .invoke(claim -> {
                    if (claim.doNotContact()) {
                        throw ProblemException.of(409, "do_not_contact", "this lead is marked do-not-contact ("
                                + claim.doNotContactReason() + "); remove the mark to contact them");
                    }
                    if (!claim.granted()) {
                        throw conflict(claim.claimedBy(), claim.claimedUntil());
                    }
                    queue.invalidateCounts();
                })
                .chain(claim -> produce(owner, claim))
                .invoke(view -> {
                    long nanos = System.nanoTime() - started;
                    Timer.builder("outreach_generation_seconds").description("POST generate-message, claim to answer")
                            .tag("generated_by", view.message().generatedBy()).publishPercentiles(0.5, 0.95)
                            .register(metrics).record(nanos, TimeUnit.NANOSECONDS);
                    LOG.debugf("generate %s: answered after %d ms (%s)", contactSlug, nanos / 1_000_000,
                            view.message().generatedBy());
                });
    }

    private Uni<MessageView> produce(String owner, ClaimResult claim) {
        ClaimedLead lead = claim.lead();
        JsonNode analysis = json(lead.analysisData());
        Map<String, Integer> signals = signals(analysis);
        GenerationRequested request = GenerationRequested.of(owner, UUID.randomUUID().toString(), lead.id(),
                lead.name(), lead.profileType(), lead.supervisorScore(), lead.hustlerScore(), signals,
                matchingMessages(lead.matchingMessages()), sampleMessages(analysis, lead.sampleMessages()),
                Instant.now());
        long asked = System.nanoTime();
        return generator.request(request, config.timeout())
                .invoke(() -> LOG.debugf("generate %s: generator answered after %d ms", lead.id(), (System.nanoTime() - asked) / 1_000_000))
                .map(answer -> fromGenerator(answer, lead, signals))
                .onFailure().recoverWithItem(e -> templated(lead, signals, reason(e),
                        e instanceof TimeoutException ? "timeout" : "unreachable"))
                .chain(outcome -> messages.create(new MessageRepository.NewMessage(Slugs.message(lead.id()), lead.id(),
                        owner, outcome.text(), outcome.contextJson(), outcome.generatedBy(), outcome.warning(),
                        request.correlationId(), Instant.now(), outcome.variant(), outcome.experiment(),
                        outcome.hookType())))
                .map(stored -> stored.orElseThrow(() -> notFound(lead.id())))
                .invoke(() -> LOG.debugf("generate %s: stored after %d ms from the request", lead.id(), (System.nanoTime() - asked) / 1_000_000))
                .call(stored -> publishWatch(owner, stored))
                .map(stored -> new MessageView(stored, link(stored), claim.claimedUntil()));
    }

    /** The generator's answer checked again here (same rules): bounded work, at most maxChars are scanned. */
    private Outcome fromGenerator(MessageGenerated answer, ClaimedLead lead, Map<String, Integer> signals) {
        MessageValidator.Result check = validator.validate(answer.messageText());
        if (!check.valid()) {
            LOG.warnf("message-generator's answer %s rejected: %s", answer.correlationId(), check.rejection());
            return templated(lead, signals, "message-generator's text was rejected (" + check.rejection()
                    + "), used the generic template", "rejected");
        }
        String generatedBy = answer.generatedBy() == null ? MessageGenerated.BY_TEMPLATE : answer.generatedBy();
        PersonalizationContext context = answer.personalizationContext() != null ? answer.personalizationContext()
                : new PersonalizationContext(null, Signals.strongest(signals), false);
        String variant = answer.variant() != null ? answer.variant()
                : MessageGenerated.BY_TEMPLATE.equals(generatedBy) ? MessageGenerated.TEMPLATE_VARIANT : null;
        return new Outcome(check.text(), generatedBy, JsonCodec.encode(context), answer.warning(), variant,
                answer.experiment(), context.hook() == null ? null : context.hook().signalType());
    }

    private Outcome templated(ClaimedLead lead, Map<String, Integer> signals, String warning, String reason) {
        metrics.counter("outreach_generation_fallbacks_total", "reason", reason).increment();
        return new Outcome(template.render(lead.name(), lead.profileType()), MessageGenerated.BY_TEMPLATE,
                JsonCodec.encode(new PersonalizationContext(null, Signals.strongest(signals), false)), warning,
                MessageGenerated.TEMPLATE_VARIANT, null, null);
    }

    private String reason(Throwable e) {
        if (e instanceof TimeoutException) {
            return "message-generator did not answer within " + seconds(config.timeout()) + ", used the generic template";
        }
        LOG.warnf("generation request failed: %s", e.toString());
        return "message-generator could not be reached (" + e.getClass().getSimpleName()
                + "), used the generic template";
    }

    private static String seconds(Duration d) {
        long ms = d.toMillis();
        return ms % 1000 == 0 ? (ms / 1000) + " s" : String.format(Locale.ROOT, "%.1f s", ms / 1000.0);
    }

    // ---------------------------------------------------------------------------------------------- reads, edits

    public Uni<List<MessageView>> messagesOf(String owner, String contactSlug) {
        return messages.ofContact(contactSlug, owner).chain(found -> {
            if (!found.isEmpty()) {
                return Uni.createFrom().item(found.stream().map(m -> new MessageView(m, link(m), null)).toList());
            }
            return leads.bySlug(contactSlug).map(lead -> {
                if (lead.isEmpty()) {
                    throw notFound(contactSlug);
                }
                return List.<MessageView>of();
            });
        });
    }

    public Uni<MessageView> edit(String owner, String messageSlug, String text) {
        return messages.forEdit(messageSlug, owner)
                .map(found -> found.orElseThrow(() -> messageNotFound(messageSlug)))
                .chain(message -> {
                    if (message.isSent()) {
                        throw alreadySent(messageSlug, message.sentAt());
                    }
                    MessageValidator.Result check = validator.validateEdit(text);
                    if (!check.valid()) {
                        throw ProblemException.of(400, "invalid_message_text", check.rejection());
                    }
                    return messages.edit(messageSlug, owner, check.text(), Instant.now());
                })
                .map(edited -> edited.orElseThrow(() -> alreadySent(messageSlug, null)))
                .call(stored -> publishWatch(owner, stored))
                .map(stored -> new MessageView(stored, link(stored), null));
    }

    // ---------------------------------------------------------------------------------------------- sent, release

    public Uni<Sent> markSent(String owner, String contactSlug, String messageSlug) {
        return messages.markSent(contactSlug, messageSlug, owner, Instant.now())
                .map(found -> found.orElseThrow(() -> ProblemException.of(404, "message_not_found",
                        "no message " + messageSlug + " of yours for contact " + contactSlug)))
                .invoke(queue::invalidateCounts)
                .call(r -> r.already() ? Uni.createFrom().voidItem() : conversations.relinkReplies(owner, contactSlug))
                .map(r -> new Sent(contactSlug, messageSlug, r.contactStatus(), r.sentAt(), r.already()));
    }

    /** Takes back the owner's own "mark as sent" within {@code outreach.generation.undo-sent-window}. */
    public Uni<String> undoSent(String owner, String contactSlug, String messageSlug) {
        Instant now = Instant.now();
        return messages.undoSent(contactSlug, messageSlug, owner, now.minus(config.undoSentWindow()), now)
                .map(found -> found.orElseThrow(() -> ProblemException.of(409, "undo_not_possible",
                        "message " + messageSlug + " is not a message of yours marked as sent in the last "
                                + config.undoSentWindow().toMinutes() + " minutes")))
                .invoke(queue::invalidateCounts);
    }

    public Uni<Released> release(String owner, String contactSlug) {
        return claims.release(contactSlug, owner, Instant.now())
                .map(found -> found.orElseThrow(() -> notFound(contactSlug)))
                .map(r -> {
                    if (r.claimedByOther()) {
                        throw conflict(r.claimedBy(), r.claimedUntil());
                    }
                    if (r.released()) {
                        queue.invalidateCounts();
                    }
                    return new Released(contactSlug, r.released());
                })
                // nothing sent: nobody will write to this lead, so the chat need not be watched
                .call(released -> released.released() ? withdrawals.released(owner, contactSlug)
                        .onFailure().recoverWithItem(e -> {
                            LOG.warnf("watch of %s not withdrawn on release: %s", contactSlug, e.toString());
                            return 0;
                        }) : Uni.createFrom().item(0));
    }

    // ---------------------------------------------------------------------------------------------- helpers

    private Uni<Void> publishWatch(String owner, StoredMessage m) {
        WatchRequested record = WatchRequested.of(owner, m.telegramId(), m.contactId(), m.id(), m.messageText(),
                null, Instant.now());
        return watch.publish(record)
                .ifNoItem().after(config.watchPublishTimeout()).fail()
                .onFailure().recoverWithItem(e -> {
                    LOG.warnf("watch record for %s not acknowledged: %s", m.id(), e.toString());
                    return null;
                });
    }

    private static String link(StoredMessage m) {
        return TelegramLinks.prefilled(username(m), m.messageText());
    }

    /** The lead's Telegram username from the analysis, without a leading @; null when it has none. */
    private static String username(StoredMessage m) {
        JsonNode username = json(m.analysisData()).get("username");
        if (username == null || !username.isTextual() || username.textValue().isBlank()) {
            return null;
        }
        String name = username.textValue().strip();
        return name.startsWith("@") ? name.substring(1) : name;
    }

    private static ProblemException notFound(String contactSlug) {
        return ProblemException.of(404, "contact_not_found", "no contact " + contactSlug);
    }

    private static ProblemException messageNotFound(String messageSlug) {
        return ProblemException.of(404, "message_not_found", "no message " + messageSlug + " of yours");
    }

    private static ProblemException alreadySent(String messageSlug, String sentAt) {
        return ProblemException.of(409, "message_already_sent", "message " + messageSlug + " was already marked sent"
                + (sentAt == null ? "" : " at " + sentAt) + " and can no longer be edited");
    }

    private static ProblemException conflict(String claimedBy, String claimedUntil) {
        String message = "this lead is claimed by " + claimedBy + " until " + claimedUntil;
        return ProblemException.of(409, "claimed_by_other", message)
                .with("claimed_by", claimedBy).with("claimed_until", claimedUntil);
    }

    static Map<String, Integer> signals(JsonNode analysis) {
        Map<String, Integer> out = new LinkedHashMap<>();
        JsonNode signals = analysis.get("signals");
        if (signals != null && signals.isObject()) {
            signals.properties().forEach(e -> {
                if (e.getValue().isNumber()) {
                    out.put(e.getKey(), e.getValue().intValue());
                }
            });
        }
        return out;
    }

    private static List<MatchingMessage> matchingMessages(String json) {
        if (json == null) {
            return List.of();
        }
        try {
            return JsonCodec.mapper().readValue(json, new TypeReference<List<MatchingMessage>>() { });
        } catch (IOException e) {
            LOG.warnf("stored matching messages unreadable: %s", e.getMessage());
            return List.of();
        }
    }

    private static List<String> sampleMessages(JsonNode analysis, String storedJson) {
        List<String> out = new ArrayList<>();
        JsonNode samples = analysis.get("sample_messages");
        if (samples == null || !samples.isArray()) {
            samples = json(storedJson);
        }
        if (samples.isArray()) {
            samples.forEach(s -> {
                if (s.isTextual()) {
                    out.add(s.textValue());
                }
            });
        }
        return out;
    }

    private static JsonNode json(String text) {
        if (text == null) {
            return JsonCodec.mapper().createObjectNode();
        }
        try {
            JsonNode node = JsonCodec.mapper().readTree(text);
            return node == null ? JsonCodec.mapper().createObjectNode() : node;
        } catch (IOException e) {
            return JsonCodec.mapper().createObjectNode();
        }
    }
}
