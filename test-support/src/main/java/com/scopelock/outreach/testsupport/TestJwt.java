package com.scopelock.outreach.testsupport;

import io.smallrye.jwt.build.Jwt;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;

/**
 * Mints JWTs with the TEST-ONLY key of {@code test-jwt/}. Services verify them in the {@code %test} profile
 * with {@code mp.jwt.verify.publickey.location=test-jwt/public.pem}.
 */
public final class TestJwt {
    public static final String ISSUER = "https://missiondeck.test";
    public static final String AUDIENCE = "outreach-suite";

    private TestJwt() {
    }

    public static String token(String member) {
        return sign(member, ISSUER, AUDIENCE, Instant.now().plus(Duration.ofHours(1)));
    }

    public static String bearer(String member) {
        return "Bearer " + token(member);
    }

    public static String sign(String member, String issuer, String audience, Instant expiresAt) {
        return Jwt.issuer(issuer).audience(audience).subject(member).upn(member)
                .issuedAt(expiresAt.minus(Duration.ofHours(2))).expiresAt(expiresAt)
                .sign(privateKey());
    }

    /**
     * A correctly signed, unexpired token for the right issuer and audience that names the member only in
     * {@code upn} and has no {@code sub}: every service must refuse it (401), the owner is the subject.
     */
    public static String bearerWithoutSubject(String member) {
        Instant expiresAt = Instant.now().plus(Duration.ofHours(1));
        return "Bearer " + Jwt.issuer(ISSUER).audience(AUDIENCE).upn(member).preferredUserName(member)
                .issuedAt(expiresAt.minus(Duration.ofHours(2))).expiresAt(expiresAt).sign(privateKey());
    }

    private static PrivateKey privateKey() {
        try (InputStream in = TestJwt.class.getResourceAsStream("/test-jwt/private.pem")) {
            String pem = new String(in.readAllBytes(), StandardCharsets.US_ASCII)
                    .replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
            return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(pem)));
        } catch (IOException | java.security.GeneralSecurityException e) {
            throw new IllegalStateException("test key unreadable", e);
        }
    }
}
