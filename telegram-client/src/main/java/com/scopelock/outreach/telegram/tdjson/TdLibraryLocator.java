package com.scopelock.outreach.telegram.tdjson;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * Finds libtdjson.so: system property {@code tdlib.path} or env {@code TDLIB_PATH} (the file itself), else
 * {@code <stack home>/tdlib/libtdjson.so} with the stack home from system property {@code outreach.stack.home}
 * or env {@code OUTREACH_STACK_HOME} (deploy/local/fetch puts the library there).
 */
public final class TdLibraryLocator {
    public static final String LIBRARY_FILE = "libtdjson.so";

    private TdLibraryLocator() {
    }

    public static Path locate() {
        return locate(System.getProperties(), System.getenv());
    }

    public static Path locate(Properties properties, Map<String, String> env) {
        List<Path> candidates = new ArrayList<>();
        addIfSet(candidates, properties.getProperty("tdlib.path"), null);
        addIfSet(candidates, env.get("TDLIB_PATH"), null);
        addIfSet(candidates, properties.getProperty("outreach.stack.home"), "tdlib/" + LIBRARY_FILE);
        addIfSet(candidates, env.get("OUTREACH_STACK_HOME"), "tdlib/" + LIBRARY_FILE);
        for (Path candidate : candidates) {
            if (Files.isRegularFile(candidate)) {
                return candidate.toAbsolutePath().normalize();
            }
        }
        throw new IllegalStateException("libtdjson.so not found; tried " + candidates
                + ". Set -Dtdlib.path / TDLIB_PATH, or -Doutreach.stack.home / OUTREACH_STACK_HOME"
                + " (run deploy/local/fetch to download it)");
    }

    private static void addIfSet(List<Path> candidates, String value, String child) {
        if (value != null && !value.isBlank()) {
            Path path = Path.of(value.trim());
            candidates.add(child == null ? path : path.resolve(child));
        }
    }
}
