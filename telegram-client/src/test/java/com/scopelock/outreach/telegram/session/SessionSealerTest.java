package com.scopelock.outreach.telegram.session;

import com.scopelock.outreach.model.JsonCodec;
import com.scopelock.outreach.model.SessionGranted;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SessionSealerTest {
    private static final byte[] SESSION = "TDLIB-DATABASE-BYTES-0123456789".getBytes(StandardCharsets.UTF_8);
    private static final String SLUG = "telegram-session-alice-20261121120000";

    @Test
    void sealsAndOpensOnlyWithTheSameOwnerAndSlug() {
        SessionSealer sealer = SessionSealer.fromKeyset(SessionSealer.newKeyset());
        SessionSealer.Sealed sealed = sealer.seal(SESSION, "alice", SLUG);

        assertArrayEquals(SESSION, sealer.open(sealed.ciphertext(), "alice", SLUG));
        assertThrows(SessionSealer.SealingException.class, () -> sealer.open(sealed.ciphertext(), "bob", SLUG));
        assertThrows(SessionSealer.SealingException.class,
                () -> sealer.open(sealed.ciphertext(), "alice", "telegram-session-alice-20261121120001"));
        // no ambiguity between the two parts of the associated data
        assertThrows(SessionSealer.SealingException.class,
                () -> sealer.open(sealed.ciphertext(), "alicetelegram", "-session-alice-20261121120000"));
        byte[] tampered = sealed.ciphertext().clone();
        tampered[tampered.length - 1] ^= 1;
        assertThrows(SessionSealer.SealingException.class, () -> sealer.open(tampered, "alice", SLUG));
    }

    @Test
    void ciphertextCarriesTinkKeyIdPrefixAndNoPlaintext() {
        SessionSealer sealer = SessionSealer.fromKeyset(SessionSealer.newKeyset());
        SessionSealer.Sealed sealed = sealer.seal(SESSION, "alice", SLUG);
        byte[] c = sealed.ciphertext();
        assertEquals(1, c[0], "Tink output prefix version byte");
        assertEquals(sealer.primaryKeyId(),
                String.format("%02x%02x%02x%02x", c[1], c[2], c[3], c[4]));
        assertEquals(sealer.primaryKeyId(), sealed.keyId());
        assertFalse(new String(c, StandardCharsets.ISO_8859_1).contains("TDLIB-DATABASE"));
        assertFalse(sealed.toString().contains(sealed.base64()));
    }

    @Test
    void rotationSealsWithTheNewPrimaryAndStillOpensOldGrants() {
        String v1 = SessionSealer.newKeyset();
        SessionSealer old = SessionSealer.fromKeyset(v1);
        SessionSealer.Sealed before = old.seal(SESSION, "alice", SLUG);

        String v2 = SessionSealer.rotate(v1);
        // base64 of the JSON keyset is accepted too (env vars, Kubernetes Secrets)
        SessionSealer rotated = SessionSealer.fromKeyset(
                Base64.getEncoder().encodeToString(v2.getBytes(StandardCharsets.UTF_8)));
        assertEquals(2, rotated.keyCount());
        assertNotEquals(old.primaryKeyId(), rotated.primaryKeyId());

        SessionSealer.Sealed after = rotated.seal(SESSION, "alice", SLUG);
        assertEquals(rotated.primaryKeyId(), after.keyId());
        assertArrayEquals(SESSION, rotated.open(before.ciphertext(), "alice", SLUG), "old grant opens");
        assertArrayEquals(SESSION, rotated.open(after.ciphertext(), "alice", SLUG));
        // a replica that still has only the old keyset cannot open what the new primary sealed
        assertThrows(SessionSealer.SealingException.class, () -> old.open(after.ciphertext(), "alice", SLUG));
        // another keyset opens nothing
        SessionSealer stranger = SessionSealer.fromKeyset(SessionSealer.newKeyset());
        assertThrows(SessionSealer.SealingException.class, () -> stranger.open(before.ciphertext(), "alice", SLUG));
    }

    @Test
    void grantRoundTripsThroughJsonAndNeverShowsSecrets() {
        String keyset = SessionSealer.newKeyset();
        SessionSealer sealer = SessionSealer.fromKeyset(keyset);
        SessionSealer.Sealed sealed = sealer.seal(SESSION, "alice", SLUG);
        SessionGranted grant = SessionGranted.of("alice", SLUG, 5_000_000_001L, sealed.base64(), sealed.keyId(), true,
                Instant.now());

        String json = JsonCodec.encode(grant);
        assertTrue(json.contains("\"type\":\"session.granted\""), json);
        assertTrue(json.contains("\"session_slug\":\"" + SLUG + "\""), json);
        assertTrue(json.contains("\"key_id\":\"" + sealed.keyId() + "\""), json);
        assertFalse(json.contains("TDLIB-DATABASE"));
        SessionGranted decoded = JsonCodec.decode(json, SessionGranted.class);
        assertEquals(grant, decoded);
        assertArrayEquals(SESSION, sealer.open(decoded));

        assertFalse(grant.toString().contains(grant.sealed()));
        assertFalse(sealer.toString().contains("value"));
        SessionSealer.SealingException bad = assertThrows(SessionSealer.SealingException.class,
                () -> SessionSealer.fromKeyset(keyset.replace("ENABLED", "BROKEN")));
        String keyValue = keyset.replaceAll("(?s).*\"value\":\\s*\"([^\"]+)\".*", "$1");
        assertFalse(bad.getMessage().contains(keyValue));
        assertFalse(Arrays.toString(bad.getStackTrace()).contains(keyValue));
    }

    @Test
    void rejectsAmbiguousAssociatedData() {
        SessionSealer sealer = SessionSealer.fromKeyset(SessionSealer.newKeyset());
        assertThrows(IllegalArgumentException.class, () -> sealer.seal(SESSION, "al\0ice", SLUG));
        assertThrows(IllegalArgumentException.class, () -> sealer.seal(SESSION, "", SLUG));
    }
}
