package com.scopelock.outreach.telegram.tdjson;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_DOUBLE;
import static java.lang.foreign.ValueLayout.JAVA_INT;

import com.scopelock.outreach.telegram.api.Json;
import com.scopelock.outreach.telegram.guard.ReadOnlyGuard;
import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.SymbolLookup;
import java.lang.invoke.MethodHandle;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The real libtdjson.so through the Foreign Function &amp; Memory API. One instance per process
 * ({@link #load(Path)}); TDLib's log is turned down to verbosity 1 on load. Only one thread may ever call
 * td_receive (a second one aborts the JVM inside TDLib), so {@link #receive(double)} refuses any thread but the
 * first — which is {@link TdDispatcher}'s.
 */
public final class NativeTdJson extends TdJsonTransport {
    private static final System.Logger LOG = System.getLogger(NativeTdJson.class.getName());
    private static NativeTdJson instance;

    private final Path library;
    private final MethodHandle createClientId;
    private final MethodHandle send;
    private final MethodHandle receive;
    private final MethodHandle execute;
    private final AtomicReference<Thread> receiveThread = new AtomicReference<>();

    private NativeTdJson(Path library) {
        this.library = library;
        Linker linker = Linker.nativeLinker();
        SymbolLookup lookup = SymbolLookup.libraryLookup(library, Arena.global());
        createClientId = linker.downcallHandle(find(lookup, "td_create_client_id"), FunctionDescriptor.of(JAVA_INT));
        send = linker.downcallHandle(find(lookup, "td_send"), FunctionDescriptor.ofVoid(JAVA_INT, ADDRESS));
        receive = linker.downcallHandle(find(lookup, "td_receive"), FunctionDescriptor.of(ADDRESS, JAVA_DOUBLE));
        execute = linker.downcallHandle(find(lookup, "td_execute"), FunctionDescriptor.of(ADDRESS, ADDRESS));
    }

    /** Loads the library once per process; a second call must name the same file. */
    public static synchronized NativeTdJson load(Path library) {
        Path normalized = library.toAbsolutePath().normalize();
        if (instance != null) {
            if (!instance.library.equals(normalized)) {
                throw new IllegalStateException("libtdjson is already loaded from " + instance.library
                        + "; one TDLib per process");
            }
            return instance;
        }
        NativeTdJson loaded = new NativeTdJson(normalized);
        loaded.execute(Json.object("setLogVerbosityLevel").put("new_verbosity_level", 1));
        LOG.log(System.Logger.Level.INFO, "Loaded TDLib JSON interface from {0}", normalized);
        instance = loaded;
        return loaded;
    }

    /** Loads the library found by {@link TdLibraryLocator#locate()}. */
    public static NativeTdJson load() {
        return load(TdLibraryLocator.locate());
    }

    public Path library() {
        return library;
    }

    @Override
    public boolean simulated() {
        return false;
    }

    @Override
    public int createClientId() {
        try {
            return (int) createClientId.invokeExact();
        } catch (Throwable t) {
            throw new IllegalStateException("td_create_client_id failed", t);
        }
    }

    @Override
    protected void doSend(int clientId, String json) {
        ReadOnlyGuard.check(Json.parseObject(json)); // already checked by send(); re-checked on the exact bytes sent
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment request = arena.allocateFrom(json);
            send.invokeExact(clientId, request);
        } catch (Throwable t) {
            throw new IllegalStateException("td_send failed", t);
        }
    }

    @Override
    protected String doExecute(String json) {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment request = arena.allocateFrom(json);
            return copy((MemorySegment) execute.invokeExact(request));
        } catch (Throwable t) {
            throw new IllegalStateException("td_execute failed", t);
        }
    }

    @Override
    protected String receive(double timeoutSeconds) {
        Thread current = Thread.currentThread();
        Thread owner = receiveThread.compareAndExchange(null, current);
        if (owner != null && owner != current) {
            throw new IllegalStateException("td_receive may be called from one thread only (owner: "
                    + owner.getName() + ")");
        }
        try {
            return copy((MemorySegment) receive.invokeExact(timeoutSeconds));
        } catch (Throwable t) {
            throw new IllegalStateException("td_receive failed", t);
        }
    }

    /** The thread that owns td_receive (null until the dispatcher's first receive). */
    Thread receiveThread() {
        return receiveThread.get();
    }

    /** TDLib's answer stays valid only until the next call: copy it into a Java string at once. */
    private static String copy(MemorySegment answer) {
        if (answer == null || answer.address() == 0) {
            return null;
        }
        return answer.reinterpret(Integer.MAX_VALUE).getString(0);
    }

    private static MemorySegment find(SymbolLookup lookup, String name) {
        return lookup.find(name).orElseThrow(() -> new IllegalStateException("libtdjson lacks symbol " + name));
    }

    @Override
    public String toString() {
        return "NativeTdJson[" + library + "]";
    }
}
