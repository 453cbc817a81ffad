package com.scopelock.outreach.telegram.session;

import com.scopelock.outreach.model.SessionGranted;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.time.Instant;
import java.util.Set;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SessionArchiveTest {
    private static final String SLUG = "telegram-session-alice-20261121120000";

    @TempDir
    Path tmp;

    @Test
    void packsAndUnpacksATreeWithRelativeSlashNames() throws IOException {
        Path src = Files.createDirectories(tmp.resolve("src"));
        Files.writeString(src.resolve("td.binlog"), "binlog");
        Files.createDirectories(src.resolve("db/files"));
        Files.writeString(src.resolve("db/files/photo.jpg"), "jpeg");

        byte[] zip = SessionArchive.pack(src);
        Path out = Files.createDirectories(tmp.resolve("out"));
        SessionArchive.unpack(zip, out);

        assertEquals("binlog", Files.readString(out.resolve("td.binlog")));
        assertEquals("jpeg", Files.readString(out.resolve("db/files/photo.jpg")));
    }

    @Test
    void refusesEntriesOutsideTheDirectoryOrNamingItself() throws IOException {
        Path out = Files.createDirectories(tmp.resolve("out"));
        for (String name : new String[]{"../escaped", "a/../../escaped", "/tmp/absolute-escape", ".", "a/.."}) {
            IOException e = assertThrows(IOException.class, () -> SessionArchive.unpack(zip(name), out), name);
            assertEquals("zip entry escapes the session directory", e.getMessage());
        }
        assertFalse(Files.exists(tmp.resolve("escaped")));
        try (Stream<Path> left = Files.list(out)) {
            assertEquals(0, left.count());
        }
    }

    @Test
    void unsealsIntoAPrivateDirectoryAndWipesIt() throws IOException {
        Path src = Files.createDirectories(tmp.resolve("src"));
        Files.writeString(src.resolve("td.binlog"), "session-bytes");
        SessionSealer sealer = SessionSealer.fromKeyset(SessionSealer.newKeyset());
        SessionSealer.Sealed sealed = sealer.seal(SessionArchive.pack(src), "alice", SLUG);
        SessionGranted grant = SessionGranted.of("alice", SLUG, 1L, sealed.base64(), sealed.keyId(), true,
                Instant.now());

        Path dir = SessionArchive.unseal(sealer, grant, tmp.resolve("work"), "rm-session-");
        assertEquals("session-bytes", Files.readString(dir.resolve("td.binlog")));
        assertEquals(Set.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE,
                PosixFilePermission.OWNER_EXECUTE), Files.getPosixFilePermissions(dir));

        SessionArchive.wipe(dir);
        assertFalse(Files.exists(dir));
    }

    @Test
    void aGrantWhoseZipEscapesLeavesNoDirectoryBehind() throws IOException {
        SessionSealer sealer = SessionSealer.fromKeyset(SessionSealer.newKeyset());
        SessionSealer.Sealed sealed = sealer.seal(zip("../escaped"), "alice", SLUG);
        SessionGranted grant = SessionGranted.of("alice", SLUG, 1L, sealed.base64(), sealed.keyId(), true,
                Instant.now());
        Path work = tmp.resolve("work");

        assertThrows(IOException.class, () -> SessionArchive.unseal(sealer, grant, work, "rm-session-"));
        try (Stream<Path> left = Files.list(work)) {
            assertEquals(0, left.count());
        }
        assertFalse(Files.exists(tmp.resolve("escaped")));
    }

    @Test
    void wipeZeroesAndDeletesTheTree() throws IOException {
        Path dir = SessionArchive.newPrivateDirectory(tmp, "wipe-");
        Files.createDirectories(dir.resolve("a/b"));
        Files.writeString(dir.resolve("a/b/secret"), "x".repeat(20_000));

        SessionArchive.wipe(dir);
        SessionArchive.wipe(dir); // already gone: no error
        assertFalse(Files.exists(dir));
        assertTrue(Files.exists(tmp));
    }

    private static byte[] zip(String entryName) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            zip.putNextEntry(new ZipEntry(entryName));
            zip.write("payload".getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
        }
        return bytes.toByteArray();
    }
}
