package com.scopelock.outreach.replymonitor.telegram;

import com.scopelock.outreach.model.SessionGranted;
import com.scopelock.outreach.model.SessionSealer;
import org.jboss.logging.Logger;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Comparator;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * A grant's TDLib database, opened with {@link SessionSealer} (associated data = owner + session slug) and unpacked
 * (the auth service's zip: relative paths with '/') into a private (0700) temp directory; {@link #wipe} overwrites
 * every file with zeros and deletes the tree.
 */
public final class SessionDirectory {
    private static final Logger LOG = Logger.getLogger(SessionDirectory.class);

    private SessionDirectory() {
    }

    public static Path unseal(SessionSealer sealer, SessionGranted grant, Path parent) throws IOException {
        byte[] zip = sealer.open(grant);
        Files.createDirectories(parent);
        Path dir;
        try {
            dir = Files.createTempDirectory(parent, "rm-session-",
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        } catch (UnsupportedOperationException e) {
            dir = Files.createTempDirectory(parent, "rm-session-");
        }
        try {
            unpack(zip, dir);
        } catch (IOException | RuntimeException e) {
            wipe(dir);
            throw e;
        } finally {
            java.util.Arrays.fill(zip, (byte) 0);
        }
        return dir;
    }

    static void unpack(byte[] zipBytes, Path dir) throws IOException {
        Path root = dir.toAbsolutePath().normalize();
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(zipBytes))) {
            for (ZipEntry e = zip.getNextEntry(); e != null; e = zip.getNextEntry()) {
                Path target = root.resolve(e.getName()).normalize();
                if (!target.startsWith(root) || target.equals(root)) {
                    throw new IOException("zip entry escapes the session directory");
                }
                if (e.isDirectory()) {
                    Files.createDirectories(target);
                } else {
                    Files.createDirectories(target.getParent());
                    try (OutputStream out = Files.newOutputStream(target)) {
                        zip.transferTo(out);
                    }
                }
            }
        }
    }

    /** Best effort: zeros over every file, then delete the tree. */
    public static void wipe(Path dir) {
        if (dir == null || !Files.exists(dir)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                if (Files.isRegularFile(p)) {
                    zero(p);
                }
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            LOG.warnf("could not wipe a session directory completely: %s", e.getClass().getSimpleName());
        }
    }

    private static void zero(Path file) {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.WRITE)) {
            long size = ch.size();
            ByteBuffer zeros = ByteBuffer.allocate(8192);
            for (long pos = 0; pos < size; ) {
                zeros.clear().limit((int) Math.min(zeros.capacity(), size - pos));
                pos += ch.write(zeros, pos);
            }
            ch.force(true);
        } catch (IOException e) {
            // deletion still follows
        }
    }
}
