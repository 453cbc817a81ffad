package com.scopelock.outreach.generator.service;

import com.scopelock.outreach.generator.service.GeneratorMetrics.FallbackReason;
import com.scopelock.outreach.model.GenerationRequested;
import com.scopelock.outreach.model.MessageGenerated;
import com.scopelock.outreach.model.MessageGenerated.Hook;
import com.scopelock.outreach.model.MessageGenerated.PersonalizationContext;
import com.scopelock.outreach.rules.FallbackTemplate;
import com.scopelock.outreach.rules.MessageValidator;
import com.scopelock.outreach.rules.Signals;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * One first message per request: hook, prompt, Claude CLI, validation (one retry on invalid output while
 * the budget allows), otherwise the generic template with a warning. The validator allows only the links and
 * handles of the team's configured pitch and template, never those of the lead data in the prompt. Never fails: every request gets an
 * answer. A correlation id in flight is not run twice; a recently answered one gets the same answer again.
 */
public final class MessageGenerationService {
    private static final Logger LOG = Logger.getLogger(MessageGenerationService.class);
    private static final String TEMPLATE_SUFFIX = ", used the generic template";

    private final ClaudeCliClient cli;
    private final HookSelector hooks;
    private final PromptBuilder prompts;
    private final MessageValidator validator;
    private final FallbackTemplate template;
    private final GeneratorMetrics metrics;
    private final GenerationSettings settings;
    private final VariantAssigner variants;
    private final Clock clock;
    private final Map<String, CompletableFuture<MessageGenerated>> inFlight = new ConcurrentHashMap<>();
    private final Map<String, MessageGenerated> recent;

    public MessageGenerationService(ClaudeCliClient cli, HookSelector hooks, PromptBuilder prompts,
                                    MessageValidator validator, FallbackTemplate template, GeneratorMetrics metrics,
                                    GenerationSettings settings, VariantAssigner variants, Clock clock) {
        this.cli = cli;
        this.hooks = hooks;
        this.prompts = prompts;
        this.validator = validator;
        this.template = template;
        this.metrics = metrics;
        this.settings = settings;
        this.variants = variants;
        this.clock = clock;
        int cacheSize = Math.max(0, settings.answerCacheSize());
        this.recent = Collections.synchronizedMap(new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, MessageGenerated> eldest) {
                return size() > cacheSize;
            }
        });
    }

    public CompletableFuture<MessageGenerated> generate(GenerationRequested request) {
        String id = request.correlationId();
        MessageGenerated done = recent.get(id);
        if (done != null) {
            return CompletableFuture.completedFuture(done);
        }
        CompletableFuture<MessageGenerated> mine = new CompletableFuture<>();
        CompletableFuture<MessageGenerated> running = inFlight.putIfAbsent(id, mine);
        if (running != null) {
            return running;
        }
        start(request).whenComplete((answer, error) -> {
            MessageGenerated result = error == null ? answer
                    : fallback(request, variants.experiment(), System.nanoTime(), null, FallbackReason.ERROR,
                    "message generation failed unexpectedly");
            if (error != null) {
                LOG.errorf("generation for %s failed: %s", id, error.getClass().getSimpleName());
            }
            recent.put(id, result);
            inFlight.remove(id, mine);
            mine.complete(result);
        });
        return mine;
    }

    private CompletableFuture<MessageGenerated> start(GenerationRequested request) {
        long started = System.nanoTime();
        // the budget runs from when outreach-api asked (its HTTP caller is waiting since then), not from when this
        // replica got to the request: a slow consumer must not stretch the answer beyond the budget
        Instant now = clock.instant();
        Instant asked = request.occurredAt() == null || request.occurredAt().isAfter(now) ? now : request.occurredAt();
        Instant deadline = asked.plus(settings.totalBudget());
        VariantAssigner.Assignment variant = variants.assign(request.contactSlug());
        Optional<Hook> hook = variant.variant().hookStrategy() == PromptVariant.HookStrategy.NONE ? Optional.empty()
                : hooks.select(request);
        String prompt = prompts.generation(request, hook, variant.variant());
        return attempt(request, variant, hook.orElse(null), prompt, deadline, started, true);
    }

    private CompletableFuture<MessageGenerated> attempt(GenerationRequested request, VariantAssigner.Assignment variant,
                                                        Hook hook, String prompt, Instant deadline, long started,
                                                        boolean first) {
        return cli.run(prompt, deadline).thenCompose(outcome -> switch (outcome) {
            case CliOutcome.Success s -> {
                MessageValidator.Result checked = validator.validate(s.stdout());
                if (checked.valid()) {
                    yield done(maya(request, variant, hook, checked.text(), started));
                }
                if (first && canRetry(deadline)) {
                    yield attempt(request, variant, hook, prompts.retry(prompt, checked.rejection()), deadline, started,
                            false);
                }
                yield done(fallback(request, variant.experiment(), started, hook, FallbackReason.INVALID_OUTPUT,
                        "Claude CLI output was rejected (" + checked.rejection() + ")"));
            }
            case CliOutcome.TimedOut t -> done(fallback(request, variant.experiment(), started, hook, FallbackReason.TIMEOUT,
                    "Claude CLI timed out after " + ClaudeCliClient.seconds(t.limit().toMillis())));
            case CliOutcome.Failed f -> done(fallback(request, variant.experiment(), started, hook, FallbackReason.CLI_FAILED, f.reason()));
            case CliOutcome.Busy b -> done(fallback(request, variant.experiment(), started, hook, FallbackReason.BUSY,
                    "Claude CLI busy (" + b.reason() + ")"));
        });
    }

    private boolean canRetry(Instant deadline) {
        return settings.retryInvalidOutput()
                && Duration.between(clock.instant(), deadline).compareTo(settings.minRetryBudget()) >= 0;
    }

    private MessageGenerated maya(GenerationRequested request, VariantAssigner.Assignment variant, Hook hook,
                                  String text, long started) {
        long ms = elapsedMs(started);
        metrics.generated(MessageGenerated.BY_MAYA, ms);
        return MessageGenerated.answer(request, text, MessageGenerated.BY_MAYA, context(request, hook, hook != null),
                null, clock.instant(), ms, variant.variant().name(), variant.experiment());
    }

    /** The template is its own variant, whichever variant the lead was assigned. */
    private MessageGenerated fallback(GenerationRequested request, String experiment, long started, Hook hook,
                                      FallbackReason reason, String why) {
        long ms = elapsedMs(started);
        metrics.fallback(reason);
        metrics.generated(MessageGenerated.BY_TEMPLATE, ms);
        LOG.infof("generic template for correlation id %s: %s", request.correlationId(), reason.tag());
        return MessageGenerated.answer(request, template.render(request.name(), request.profileType()), MessageGenerated.BY_TEMPLATE,
                context(request, hook, false), why + TEMPLATE_SUFFIX, clock.instant(), ms,
                MessageGenerated.TEMPLATE_VARIANT, experiment);
    }

    private static PersonalizationContext context(GenerationRequested request, Hook hook, boolean referenced) {
        return new PersonalizationContext(hook, Signals.strongest(request.signals()), referenced);
    }

    private static long elapsedMs(long started) {
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
    }

    private static <T> CompletableFuture<T> done(T value) {
        return CompletableFuture.completedFuture(value);
    }

    /** The same answer again if {@code correlationId} was answered recently. */
    public Optional<MessageGenerated> recentAnswer(String correlationId) {
        return Optional.ofNullable(recent.get(correlationId));
    }
}
