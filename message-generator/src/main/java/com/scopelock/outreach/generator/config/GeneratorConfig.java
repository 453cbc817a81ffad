package com.scopelock.outreach.generator.config;

import com.scopelock.outreach.generator.service.CliEnvironment;
import com.scopelock.outreach.rules.Defaults;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Every setting of message-generator; the README lists each with its environment variable. */
@ConfigMapping(prefix = "generator")
public interface GeneratorConfig {

    Cli cli();

    Message message();

    Template template();

    Labels labels();

    Experiment experiment();

    /** How long a request may be answered after it was published; older ones are skipped (nobody waits). */
    @WithDefault("120s")
    Duration maxRequestAge();

    /** Completed answers kept per correlation id, so a redelivered request is answered without a new CLI run. */
    @WithDefault("1000")
    int answerCacheSize();

    interface Cli {
        /** The executable and its fixed arguments, run without a shell. */
        @WithDefault("claude,-p")
        List<String> command();

        /**
         * Appended after {@link #command()}: disables every tool and MCP server of the Claude CLI, and
         * {@code --no-session-persistence} keeps it from storing each prompt (lead data) as a session transcript.
         */
        @WithDefault("--tools=,--strict-mcp-config,--max-turns,1,--output-format,text,--no-session-persistence")
        List<String> extraArgs();

        /** The subscription's long-lived token ({@code claude setup-token}); env {@code CLAUDE_CODE_OAUTH_TOKEN}. */
        Optional<String> oauthToken();

        /** An Anthropic API key; env {@code ANTHROPIC_API_KEY}. The CLI prefers it when both are set. */
        Optional<String> apiKey();

        /** Service environment variables the CLI subprocess gets (nothing else is passed). */
        @WithDefault(CliEnvironment.DEFAULT_PASSTHROUGH)
        List<String> envPassthrough();

        /**
         * true: each run gets its own CLAUDE_CONFIG_DIR in its temporary directory, deleted afterwards (nothing is
         * written under HOME; credentials must then come from the token or the key). false: the CLI uses
         * {@code ~/.claude} of the service user, e.g. after {@code claude login}.
         */
        @WithDefault("true")
        boolean privateConfigDir();

        /** How the CLI's login state is asked; empty: the command's executable + {@code auth status}. */
        Optional<List<String>> statusCommand();

        /** How often the login state is asked again (in the background, never on a request). */
        @WithDefault("60s")
        Duration statusRefresh();

        @WithDefault("5s")
        Duration statusTimeout();

        /** Per run; the whole process tree is killed when it passes. */
        @WithDefault("10s")
        Duration timeout();

        @WithDefault("4")
        int maxConcurrent();

        /** Runs waiting for a slot; beyond this a request fails fast (template with a warning). */
        @WithDefault("16")
        int queueCapacity();

        @WithDefault("65536")
        int maxStdoutChars();

        @WithDefault("4096")
        int maxStderrChars();
    }

    interface Message {
        /** The persona that signs the prompt. */
        @WithDefault("Maya")
        String persona();

        /** What the team offers. Its links and @handles (and the template's) are the only ones a message may carry. */
        @WithDefault(Defaults.PITCH)
        String pitch();

        @WithDefault("Interested in hearing more?")
        String callToActionExample();

        @WithDefault("" + Defaults.MAX_MESSAGE_CHARS)
        int maxChars();

        /** All CLI time for one request (including a retry and waiting for a slot). */
        @WithDefault("10s")
        Duration totalBudget();

        /** Retry once on invalid output when at least this much of the budget is left. */
        @WithDefault("3s")
        Duration minRetryBudget();

        @WithDefault("true")
        boolean retryInvalidOutput();
    }

    interface Template {
        @WithDefault(Defaults.TEMPLATE)
        String text();

        /** Words used for {profile_type} beyond outreach-rules' defaults, e.g. generator.template.profile-labels.unknown=community. */
        Map<String, String> profileLabels();

        @WithDefault(Defaults.NAME_WHEN_MISSING)
        String nameWhenMissing();
    }

    /**
     * The A/B experiment over prompt variants. Each lead gets one variant, chosen by a hash of its contact slug and
     * {@link #id()}; the variant's name travels with the message (and is stored on it). Off: every lead gets the
     * plain prompt (variant {@code default}, no experiment); messages written earlier keep their variant.
     */
    interface Experiment {
        @WithDefault("true")
        boolean enabled();

        /** Changing it reshuffles the leads into a new experiment. */
        @WithDefault("prompt-variants-1")
        String id();

        /** The variants in play; each name's settings come from {@link #variant()} over the stock ones. */
        @WithDefault("concise,warm")
        List<String> variants();

        /** Per variant, e.g. generator.experiment.variant.concise.tone=…; unset fields keep the stock values. */
        Map<String, Variant> variant();
    }

    /** What a variant changes in the prompt; links in a variant's pitch are not allowed in messages. */
    interface Variant {
        /** What we offer, in this variant's words (default: generator.message.pitch). */
        Optional<String> pitch();

        /** How the message should sound, e.g. "brief and direct". */
        Optional<String> tone();

        /** The length asked for, in characters (never above generator.message.max-chars). */
        Optional<Integer> length();

        /** {@code best} (the hook selector's pick) or {@code none} (write from the profile only). */
        Optional<String> hookStrategy();
    }

    interface Labels {
        /** false: label replies with the keyword rules only. */
        @WithDefault("true")
        boolean useCli();

        @WithDefault("10s")
        Duration timeout();

        /** Longer reply text is cut before it goes into the prompt. */
        @WithDefault("2000")
        int maxReplyChars();

        /** The longest text POST /api/generator/label accepts (Telegram's own message limit). */
        @WithDefault("4096")
        int maxTextChars();
    }
}
