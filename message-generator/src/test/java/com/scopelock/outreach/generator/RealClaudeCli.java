package com.scopelock.outreach.generator;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * The real Claude CLI, npm {@code @anthropic-ai/claude-code} at the version pinned in
 * {@code deploy/local/claude-code.version}, installed by {@code deploy/local/fetch-claude-code} into the
 * git-ignored stack home (run here when it is missing; a second run reuses it).
 */
public final class RealClaudeCli {
    private RealClaudeCli() {
    }

    public static Path repoRoot() {
        String root = System.getProperty("outreach.repo.root");
        if (root == null || root.isBlank()) {
            throw new IllegalStateException("system property outreach.repo.root is not set (the POM sets it)");
        }
        return Path.of(root);
    }

    public static String pinnedVersion() throws IOException {
        return Files.readString(repoRoot().resolve("deploy/local/claude-code.version")).strip();
    }

    /** The {@code claude} executable, installed first when missing. */
    public static synchronized Path executable() throws IOException, InterruptedException {
        Path stackHome = Path.of(System.getProperty("outreach.stack.home", repoRoot().resolve(".local-stack").toString()));
        Path bin = stackHome.resolve("claude-code").resolve(pinnedVersion()).resolve("node_modules/.bin/claude");
        if (Files.isExecutable(bin)) {
            return bin;
        }
        ProcessBuilder install = new ProcessBuilder(repoRoot().resolve("deploy/local/fetch-claude-code").toString())
                .redirectError(ProcessBuilder.Redirect.INHERIT);
        install.environment().put("OUTREACH_CACHE_HOME", stackHome.toString());
        Process process = install.start();
        String printed = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        if (!process.waitFor(10, TimeUnit.MINUTES) || process.exitValue() != 0) {
            process.destroyForcibly();
            throw new IllegalStateException("deploy/local/fetch-claude-code failed (npm must reach its registry once)");
        }
        Path installed = Path.of(printed);
        if (!installed.equals(bin) || !Files.isExecutable(bin)) {
            throw new IllegalStateException("fetch-claude-code installed " + printed + ", expected " + bin);
        }
        return bin;
    }
}
