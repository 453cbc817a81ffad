package com.scopelock.outreach.telegram.api;

import java.nio.file.Path;
import java.util.Objects;

/**
 * The arguments of {@code setTdlibParameters}. {@code apiHash} and {@code databaseEncryptionKey} are
 * {@link Secret}s, so {@link #toString()} never shows them.
 */
public record TdlibParameters(boolean useTestDc, Path databaseDirectory, Path filesDirectory,
                              Secret databaseEncryptionKey, boolean useFileDatabase, boolean useChatInfoDatabase,
                              boolean useMessageDatabase, int apiId, Secret apiHash, String systemLanguageCode,
                              String deviceModel, String systemVersion, String applicationVersion) {

    public TdlibParameters {
        Objects.requireNonNull(databaseDirectory, "databaseDirectory");
        Objects.requireNonNull(apiHash, "apiHash");
        databaseEncryptionKey = databaseEncryptionKey == null ? Secret.empty() : databaseEncryptionKey;
        filesDirectory = filesDirectory == null ? databaseDirectory.resolve("files") : filesDirectory;
    }

    /** Sensible defaults for a read-only monitoring client: message and chat databases on, files off. */
    public static TdlibParameters of(Path databaseDirectory, int apiId, Secret apiHash) {
        return new TdlibParameters(false, databaseDirectory, null, Secret.empty(), false, true, true, apiId, apiHash,
                "en", "Outreach Suite", "Linux", "0.1.0");
    }

    public TdlibParameters withTestDc(boolean testDc) {
        return new TdlibParameters(testDc, databaseDirectory, filesDirectory, databaseEncryptionKey, useFileDatabase,
                useChatInfoDatabase, useMessageDatabase, apiId, apiHash, systemLanguageCode, deviceModel,
                systemVersion, applicationVersion);
    }

    public TdlibParameters withDatabaseEncryptionKey(Secret key) {
        return new TdlibParameters(useTestDc, databaseDirectory, filesDirectory, key, useFileDatabase,
                useChatInfoDatabase, useMessageDatabase, apiId, apiHash, systemLanguageCode, deviceModel,
                systemVersion, applicationVersion);
    }
}
