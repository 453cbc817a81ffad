package com.scopelock.outreach.generator.service;

import com.scopelock.outreach.generator.config.GeneratorConfig;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** What {@link ClaudeCliClient} needs, as a plain value so tests can build it without Quarkus. */
public record CliSettings(List<String> command, Duration timeout, int maxConcurrent, int queueCapacity,
                          int maxStdoutChars, int maxStderrChars) {

    public CliSettings {
        if (command == null || command.isEmpty() || command.getFirst().isBlank()) {
            throw new IllegalArgumentException("generator.cli.command must name an executable");
        }
        command = List.copyOf(command);
        if (maxConcurrent < 1 || queueCapacity < 0) {
            throw new IllegalArgumentException("generator.cli.max-concurrent must be >= 1, queue-capacity >= 0");
        }
    }

    public static CliSettings of(List<String> command, Duration timeout) {
        return new CliSettings(command, timeout, 4, 16, 65536, 4096);
    }

    public static CliSettings from(GeneratorConfig.Cli cli) {
        List<String> command = new ArrayList<>(cli.command());
        command.addAll(cli.extraArgs());
        return new CliSettings(command, cli.timeout(), cli.maxConcurrent(), cli.queueCapacity(),
                cli.maxStdoutChars(), cli.maxStderrChars());
    }
}
