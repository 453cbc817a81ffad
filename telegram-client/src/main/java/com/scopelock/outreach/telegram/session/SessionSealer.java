package com.scopelock.outreach.telegram.session;

import com.scopelock.outreach.model.SessionGranted;

import com.google.crypto.tink.Aead;
import com.google.crypto.tink.InsecureSecretKeyAccess;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.RegistryConfiguration;
import com.google.crypto.tink.TinkJsonProtoKeysetFormat;
import com.google.crypto.tink.aead.AeadConfig;
import com.google.crypto.tink.aead.PredefinedAeadParameters;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.Locale;
import java.util.Objects;

/**
 * Seals and opens a Telegram session (the packed TDLib database directory) with Tink AEAD (AES256-GCM).
 *
 * <ul>
 *   <li><b>Keyset</b>: a Tink JSON keyset (cleartext, as held in a Kubernetes Secret / env var), either the JSON
 *   itself or its base64. It may hold several keys: the primary seals, every enabled key opens, so keys are rotated
 *   by adding a new primary ({@link #rotate(String)}) and removing the old key once no grant sealed with it is
 *   left.</li>
 *   <li><b>Key id</b>: Tink's output prefix ({@code 0x01} + the 4-byte key id) starts every sealed blob;
 *   {@link Sealed#keyId()} is the same id as 8 hex digits, for operators.</li>
 *   <li><b>Associated data</b> binds the blob to its owner and session slug:
 *   {@code "telegram-session.v1" 0x00 owner 0x00 session_slug} (UTF-8; neither part may contain 0x00). A blob
 *   sealed for one member does not open for another, nor under another slug.</li>
 * </ul>
 * No exception message carries key material or plaintext.
 */
public final class SessionSealer {
    private static final byte[] AAD_PREFIX = "telegram-session.v1".getBytes(StandardCharsets.UTF_8);

    static {
        try {
            AeadConfig.register();
        } catch (GeneralSecurityException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private final Aead aead;
    private final String primaryKeyId;
    private final int keyCount;

    private SessionSealer(KeysetHandle handle) throws GeneralSecurityException {
        this.aead = handle.getPrimitive(RegistryConfiguration.get(), Aead.class);
        this.primaryKeyId = keyId(handle.getPrimary().getId());
        this.keyCount = handle.size();
    }

    /** A sealed session: Tink ciphertext (key-id prefix included) and the id of the key that sealed it. */
    public record Sealed(byte[] ciphertext, String keyId) {
        public String base64() {
            return Base64.getEncoder().encodeToString(ciphertext);
        }

        @Override
        public String toString() {
            return "Sealed[key_id=" + keyId + ", " + ciphertext.length + " bytes]";
        }
    }

    /** Thrown when a keyset is unusable or a blob does not open; the message never holds secrets. */
    public static final class SealingException extends RuntimeException {
        public SealingException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /** From a Tink JSON keyset, or the base64 of one. */
    public static SessionSealer fromKeyset(String jsonOrBase64) {
        Objects.requireNonNull(jsonOrBase64, "keyset");
        String text = jsonOrBase64.strip();
        if (text.isEmpty()) {
            throw new SealingException("session sealing keyset is empty", null);
        }
        if (!text.startsWith("{")) {
            try {
                text = new String(Base64.getDecoder().decode(text), StandardCharsets.UTF_8);
            } catch (IllegalArgumentException e) {
                throw new SealingException("session sealing keyset is neither JSON nor base64 of JSON", null);
            }
        }
        try {
            return new SessionSealer(TinkJsonProtoKeysetFormat.parseKeyset(text, InsecureSecretKeyAccess.get()));
        } catch (GeneralSecurityException | RuntimeException e) {
            // Tink's messages do not contain key bytes, but keep ours generic anyway
            throw new SealingException("session sealing keyset is not a valid Tink AEAD keyset", null);
        }
    }

    /** A new keyset with one AES256-GCM key, as Tink JSON (for local stacks and tests; production uses a Secret). */
    public static String newKeyset() {
        try {
            return serialize(KeysetHandle.generateNew(PredefinedAeadParameters.AES256_GCM));
        } catch (GeneralSecurityException e) {
            throw new SealingException("cannot generate a keyset", e);
        }
    }

    /** {@code keyset} plus a new AES256-GCM key made primary; the old keys stay to open older grants. */
    public static String rotate(String keyset) {
        try {
            KeysetHandle old = TinkJsonProtoKeysetFormat.parseKeyset(fromKeysetText(keyset),
                    InsecureSecretKeyAccess.get());
            KeysetHandle rotated = KeysetHandle.newBuilder(old)
                    .addEntry(KeysetHandle.generateEntryFromParameters(PredefinedAeadParameters.AES256_GCM)
                            .withRandomId().makePrimary())
                    .build();
            return serialize(rotated);
        } catch (GeneralSecurityException e) {
            throw new SealingException("cannot rotate the keyset", null);
        }
    }

    public Sealed seal(byte[] plaintext, String owner, String sessionSlug) {
        try {
            return new Sealed(aead.encrypt(plaintext, associatedData(owner, sessionSlug)), primaryKeyId);
        } catch (GeneralSecurityException e) {
            throw new SealingException("sealing failed", null);
        }
    }

    /** Opens a blob sealed for exactly this owner and session slug, with any key of the keyset. */
    public byte[] open(byte[] ciphertext, String owner, String sessionSlug) {
        try {
            return aead.decrypt(ciphertext, associatedData(owner, sessionSlug));
        } catch (GeneralSecurityException e) {
            throw new SealingException("sealed session does not open for this owner and session "
                    + "(wrong owner/slug, or a key not in the keyset)", null);
        }
    }

    public byte[] open(SessionGranted grant) {
        return open(Base64.getDecoder().decode(grant.sealed()), grant.owner(), grant.sessionSlug());
    }

    public String primaryKeyId() {
        return primaryKeyId;
    }

    public int keyCount() {
        return keyCount;
    }

    static byte[] associatedData(String owner, String sessionSlug) {
        byte[] o = part("owner", owner);
        byte[] s = part("session slug", sessionSlug);
        byte[] aad = new byte[AAD_PREFIX.length + 1 + o.length + 1 + s.length];
        System.arraycopy(AAD_PREFIX, 0, aad, 0, AAD_PREFIX.length);
        System.arraycopy(o, 0, aad, AAD_PREFIX.length + 1, o.length);
        System.arraycopy(s, 0, aad, AAD_PREFIX.length + 2 + o.length, s.length);
        return aad;
    }

    private static byte[] part(String name, String value) {
        if (value == null || value.isEmpty() || value.indexOf('\0') >= 0) {
            throw new IllegalArgumentException(name + " must be non-empty and free of NUL characters");
        }
        return value.getBytes(StandardCharsets.UTF_8);
    }

    private static String keyId(int id) {
        return String.format(Locale.ROOT, "%08x", id);
    }

    private static String serialize(KeysetHandle handle) throws GeneralSecurityException {
        return TinkJsonProtoKeysetFormat.serializeKeyset(handle, InsecureSecretKeyAccess.get());
    }

    private static String fromKeysetText(String jsonOrBase64) {
        String text = jsonOrBase64.strip();
        return text.startsWith("{") ? text : new String(Base64.getDecoder().decode(text), StandardCharsets.UTF_8);
    }

    @Override
    public String toString() {
        return "SessionSealer[AES256-GCM, primary key " + primaryKeyId + ", " + keyCount + " key(s)]";
    }
}
