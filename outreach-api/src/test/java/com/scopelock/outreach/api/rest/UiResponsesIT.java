package com.scopelock.outreach.api.rest;

import com.scopelock.outreach.testsupport.FalkorDbTestResource;
import com.scopelock.outreach.testsupport.KafkaTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The UI as a browser gets it over HTTP: security headers, a CSP that admits exactly its inline scripts, caching, gzip. */
@QuarkusTest
@QuarkusTestResource(value = KafkaTestResource.class, restrictToAnnotatedClass = false)
@QuarkusTestResource(value = FalkorDbTestResource.class, restrictToAnnotatedClass = false)
class UiResponsesIT {
    @TestHTTPResource("/")
    URL base;

    private RawHttp.Answer get(String path, Map<String, String> headers) throws IOException {
        return RawHttp.send(base, "GET", path, headers);
    }

    @Test
    void pagesCarryTheSecurityHeadersAndAreRevalidated() throws IOException {
        for (String page : List.of("/", "/import/", "/contact/")) {
            RawHttp.Answer answer = get(page, Map.of("Accept", "text/html"));
            assertEquals(200, answer.status(), page);
            String csp = answer.header("Content-Security-Policy");
            assertTrue(csp.contains("script-src 'self'"), csp);
            assertFalse(csp.contains("unsafe-inline") || csp.contains("unsafe-eval"), csp);
            assertTrue(csp.contains("frame-ancestors 'none'"), csp);
            assertTrue(csp.contains("default-src 'self'"), csp);
            assertTrue(csp.contains("connect-src 'self' http://127.0.0.1:8084 http://127.0.0.1:8081 http://127.0.0.1:8083"), csp);
            assertEquals("DENY", answer.header("X-Frame-Options"));
            assertEquals("nosniff", answer.header("X-Content-Type-Options"));
            assertEquals("no-referrer", answer.header("Referrer-Policy"));
            assertEquals("no-cache", answer.header("Cache-Control"), page);
            for (String script : inlineScripts(answer.text())) {
                assertTrue(csp.contains("'sha256-" + sha256(script) + "'"), "inline script of " + page
                        + " not allowed by the CSP: " + script.substring(0, Math.min(80, script.length())));
            }
        }
    }

    @Test
    void hashedAssetsAreImmutableAndTextIsGzipped() throws IOException {
        String index = get("/", Map.of()).text();
        String asset = null;
        RawHttp.Answer plain = null;
        // the first script of the page large enough for compression to matter
        for (int at = index.indexOf("src=\"/_next/static/"); at >= 0; at = index.indexOf("src=\"/_next/static/", at + 1)) {
            String candidate = index.substring(at + 5, index.indexOf('"', at + 5));
            RawHttp.Answer answer = get(candidate, Map.of());
            if (answer.body().length > 20_000) {
                asset = candidate;
                plain = answer;
                break;
            }
        }
        assertTrue(asset != null, "no script over 20 KB on the page");
        assertEquals(200, plain.status(), asset);
        assertEquals("public, max-age=31536000, immutable", plain.header("Cache-Control"));
        assertEquals("nosniff", plain.header("X-Content-Type-Options"));
        assertNull(plain.header("Content-Encoding"));

        RawHttp.Answer gzipped = get(asset, Map.of("Accept-Encoding", "gzip"));
        assertEquals(200, gzipped.status());
        assertEquals("gzip", gzipped.header("Content-Encoding"));
        assertTrue(gzipped.body().length < plain.body().length * 0.6,
                "gzip " + gzipped.body().length + " bytes vs " + plain.body().length);

        RawHttp.Answer page = get("/", Map.of("Accept-Encoding", "gzip"));
        assertEquals("gzip", page.header("Content-Encoding"));
    }

    @Test
    void apiAnswersAreNotCachedByTheUiRules() throws IOException {
        RawHttp.Answer answer = get("/q/health/live", Map.of());
        assertEquals("nosniff", answer.header("X-Content-Type-Options"));
        assertFalse(String.valueOf(answer.header("Cache-Control")).contains("immutable"));
    }

    /** The contents of the page's script elements without src (the export's only inline code). */
    static List<String> inlineScripts(String html) {
        List<String> found = new ArrayList<>();
        int at = 0;
        while (true) {
            int open = html.indexOf("<script", at);
            if (open < 0) {
                return found;
            }
            int tagEnd = html.indexOf('>', open);
            int close = html.indexOf("</script>", tagEnd);
            if (!html.substring(open, tagEnd).contains(" src=") && close > tagEnd + 1) {
                found.add(html.substring(tagEnd + 1, close));
            }
            at = close + 9;
        }
    }

    private static String sha256(String text) {
        try {
            return Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
