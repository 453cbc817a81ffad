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
 * since file locks are per process). Writes go to a temp file and are moved over atomically, so a crash never
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
    private final ReentrantLock jvmLock;

    public SimWorldStore(Path dir) {
        try {
            this.dir = Files.createDirectories(dir).toRealPath();
        } catch (IOException e) {
            throw new UncheckedIOException("SIMULATED TELEGRAM: cannot create world directory " + dir, e);
        }
        this.worldFile = this.dir.resolve("world.json");
        this.lockFile = this.dir.resolve("world.lock");
        this.jvmLock = JVM_LOCKS.computeIfAbsent(this.dir, d -> new ReentrantLock());
    }

    public Path dir() {
        return dir;
    }

    /** Reads a consistent snapshot (a private copy; changes to it are not saved). */
    public SimWorld read() {
        return locked(world -> world, false);
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
                Path tmp = dir.resolve("world.json.tmp");
                MAPPER.writeValue(tmp.toFile(), world);
                Files.move(tmp, worldFile, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
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
