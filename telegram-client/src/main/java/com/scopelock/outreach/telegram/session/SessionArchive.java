package com.scopelock.outreach.telegram.session;

import com.scopelock.outreach.model.SessionGranted;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

/**
 * A TDLib database directory as it travels in a session grant: packed into a zip in memory (entry names are
 * relative paths with '/'), unpacked into a private (0700) directory refusing any entry that would land outside it
 * or on the directory itself, and wiped (every file overwritten with zeros, then the tree deleted).
 */
public final class SessionArchive {
    private static final System.Logger LOG = System.getLogger(SessionArchive.class.getName());

    private SessionArchive() {
    }

    /** A new private (0700 where POSIX) temp directory under {@code parent}. */
    public static Path newPrivateDirectory(Path parent, String prefix) throws IOException {
        Files.createDirectories(parent);
        try {
            return Files.createTempDirectory(parent, prefix,
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        } catch (UnsupportedOperationException e) {
            return Files.createTempDirectory(parent, prefix);
        }
    }

    public static byte[] pack(Path dir) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes); Stream<Path> walk = Files.walk(dir)) {
            List<Path> files = walk.filter(Files::isRegularFile).sorted().toList();
            for (Path file : files) {
                zip.putNextEntry(new ZipEntry(dir.relativize(file).toString().replace('\\', '/')));
                Files.copy(file, zip);
                zip.closeEntry();
            }
        }
        return bytes.toByteArray();
    }

    /** Unpacks {@link #pack} output into {@code dir}; an entry outside {@code dir}, or naming it, is refused. */
    public static void unpack(byte[] zipBytes, Path dir) throws IOException {
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

    /**
     * Opens a grant ({@link SessionSealer}: associated data = owner + session slug) and unpacks it into a new private
     * directory under {@code parent}; on failure nothing is left behind.
     */
    public static Path unseal(SessionSealer sealer, SessionGranted grant, Path parent, String prefix)
            throws IOException {
        byte[] zip = sealer.open(grant);
        try {
            Path dir = newPrivateDirectory(parent, prefix);
            try {
                unpack(zip, dir);
            } catch (IOException | RuntimeException e) {
                wipe(dir);
                throw e;
            }
            return dir;
        } finally {
            Arrays.fill(zip, (byte) 0);
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
            LOG.log(System.Logger.Level.WARNING, "could not wipe a session directory completely: {0}",
                    e.getClass().getSimpleName());
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
