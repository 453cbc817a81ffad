package com.scopelock.outreach.generator;

import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Path;

/** The fake Claude CLI scripts of src/test/resources/fake-cli, made executable at test time. */
public final class FakeCli {
    private FakeCli() {
    }

    public static String path(String script) {
        URL url = FakeCli.class.getResource("/fake-cli/" + script);
        if (url == null) {
            throw new IllegalArgumentException("no fake CLI " + script);
        }
        try {
            Path file = Path.of(url.toURI());
            if (!file.toFile().canExecute() && !file.toFile().setExecutable(true)) {
                throw new IllegalStateException("cannot make " + file + " executable");
            }
            return file.toString();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
