package com.scopelock.outreach.telegram.sim;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;

/**
 * The shared world: {@code <dir>/world.json}, changed only while holding an exclusive lock on
 * {@code <dir>/world.lock} (an OS file lock between processes, plus a JVM lock between threads of one process,
 * since file locks are per process). {@code <dir>/world.version} counts changes, so pollers re-parse only when
 * something changed. Writes go to a temp file and are moved over atomically, so a crash never
 * leaves half a world.
 */
public final class SimWorldStore {
    private static final Map<Path, ReentrantLock> JVM_LOCKS = new ConcurrentHashMap<>();
    static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private final Path dir;
    private final Path worldFile;
    private final Path lockFile;
    private final Path versionFile;
    private final ReentrantLock jvmLock;
    private SimWorld cached;
    private long cachedVersion = -1;

    public SimWorldStore(Path dir) {
        try {
            this.dir = Files.createDirectories(dir).toRealPath();
        } catch (IOException e) {
            throw new UncheckedIOException("SIMULATED TELEGRAM: cannot create world directory " + dir, e);
        }
        this.worldFile = this.dir.resolve("world.json");
        this.lockFile = this.dir.resolve("world.lock");
        this.versionFile = this.dir.resolve("world.version");
        this.jvmLock = JVM_LOCKS.computeIfAbsent(this.dir, d -> new ReentrantLock());
    }

    public Path dir() {
        return dir;
    }

    /** Reads a consistent snapshot (a private copy; changes to it are not saved). */
    public SimWorld read() {
        return locked(world -> world, false);
    }

    /**
     * The latest world, parsed again only when some process changed it ({@code world.version} moved): what the
     * simulator's poller and request handling use. Shared — callers must not modify it.
     */
    SimWorld current() {
        jvmLock.lock();
        try (FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
             FileLock ignored = channel.lock()) {
            long version = Files.exists(versionFile) ? Long.parseLong(Files.readString(versionFile).trim()) : 0;
            if (cached == null || version != cachedVersion) {
                cached = load();
                cachedVersion = version;
            }
            return cached;
        } catch (IOException | NumberFormatException e) {
            throw new IllegalStateException("SIMULATED TELEGRAM: world " + worldFile + " unreadable", e);
        } finally {
            jvmLock.unlock();
        }
    }

    /** Applies {@code change} to the world and saves it, atomically with respect to every process. */
    public <T> T update(Function<SimWorld, T> change) {
        return locked(change, true);
    }

    private <T> T locked(Function<SimWorld, T> action, boolean save) {
        jvmLock.lock();
        try (FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
             FileLock ignored = channel.lock()) {
            SimWorld world = load();
            T result = action.apply(world);
            if (save) {
                world.version++;
                Path tmp = dir.resolve("world.json.tmp");
                MAPPER.writeValue(tmp.toFile(), world);
                Files.move(tmp, worldFile, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                Files.writeString(versionFile, Long.toString(world.version));
            }
            return result;
        } catch (IOException e) {
            throw new UncheckedIOException("SIMULATED TELEGRAM: world " + worldFile + " unreadable", e);
        } finally {
            jvmLock.unlock();
        }
    }

    private SimWorld load() throws IOException {
        return Files.exists(worldFile) ? MAPPER.readValue(worldFile.toFile(), SimWorld.class) : new SimWorld();
    }
}
