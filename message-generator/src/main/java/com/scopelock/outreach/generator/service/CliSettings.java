package com.scopelock.outreach.generator.service;

import com.scopelock.outreach.generator.config.GeneratorConfig;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What {@link ClaudeCliClient} and {@link ClaudeCliStatusProbe} need, as a plain value so tests can build it
 * without Quarkus. {@code statusCommand} is the CLI's {@code auth status} (derived from {@code command} unless
 * configured).
 */
public record CliSettings(List<String> command, Duration timeout, int maxConcurrent, int queueCapacity,
                          int maxStdoutChars, int maxStderrChars, CliEnvironment environment,
                          List<String> statusCommand, Duration statusTimeout) {

    public CliSettings {
        if (command == null || command.isEmpty() || command.getFirst().isBlank()) {
            throw new IllegalArgumentException("generator.cli.command must name an executable");
        }
        command = List.copyOf(command);
        if (maxConcurrent < 1 || queueCapacity < 0) {
            throw new IllegalArgumentException("generator.cli.max-concurrent must be >= 1, queue-capacity >= 0");
        }
        if (environment == null) {
            environment = CliEnvironment.defaults();
        }
        statusCommand = statusCommand == null || statusCommand.isEmpty()
                ? authStatusCommand(command) : List.copyOf(statusCommand);
        if (statusTimeout == null) {
            statusTimeout = Duration.ofSeconds(5);
        }
    }

    public CliSettings(List<String> command, Duration timeout, int maxConcurrent, int queueCapacity,
                       int maxStdoutChars, int maxStderrChars) {
        this(command, timeout, maxConcurrent, queueCapacity, maxStdoutChars, maxStderrChars, null, null, null);
    }

    public static CliSettings of(List<String> command, Duration timeout) {
        return new CliSettings(command, timeout, 4, 16, 65536, 4096);
    }

    public static CliSettings from(GeneratorConfig.Cli cli) {
        return from(cli, System.getenv());
    }

    /** {@code parentEnvironment}: where the pass-through variables are read (the service's environment). */
    public static CliSettings from(GeneratorConfig.Cli cli, Map<String, String> parentEnvironment) {
        List<String> command = new ArrayList<>(cli.command());
        command.addAll(cli.extraArgs());
        CliEnvironment environment = CliEnvironment.of(parentEnvironment, cli.envPassthrough(),
                CliCredentials.of(cli.oauthToken(), cli.apiKey()), cli.privateConfigDir());
        return new CliSettings(command, cli.timeout(), cli.maxConcurrent(), cli.queueCapacity(),
                cli.maxStdoutChars(), cli.maxStderrChars(), environment, cli.statusCommand().orElse(null),
                cli.statusTimeout());
    }

    /** The executable part of the command (up to its first option) followed by {@code auth status}. */
    static List<String> authStatusCommand(List<String> command) {
        List<String> status = new ArrayList<>();
        for (String part : command) {
            if (part.startsWith("-") && !status.isEmpty()) {
                break;
            }
            status.add(part);
        }
        status.add("auth");
        status.add("status");
        return List.copyOf(status);
    }
}
