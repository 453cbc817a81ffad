package com.scopelock.outreach.telegram.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SimWorldStoreTest {
    @TempDir
    Path dir;

    @Test
    void concurrentUpdatesAreNeverLost() throws Exception {
        SimWorldStore a = new SimWorldStore(dir);
        SimWorldStore b = new SimWorldStore(dir);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        List<Future<?>> futures = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            SimWorldStore store = i % 2 == 0 ? a : b;
            futures.add(pool.submit(() -> {
                for (int n = 0; n < 25; n++) {
                    store.update(w -> w.nextSeq++);
                }
            }));
        }
        for (Future<?> f : futures) {
            f.get();
        }
        pool.shutdown();
        assertEquals(101, a.read().nextSeq);
        assertEquals(100, b.read().version);
    }

    @Test
    void currentIsReparsedOnlyAfterAChange() {
        SimWorldStore poller = new SimWorldStore(dir);
        SimWorldStore control = new SimWorldStore(dir);
        SimWorld first = poller.current();
        assertSame(first, poller.current(), "unchanged world is not parsed again");
        control.update(w -> w.networkDown = true);
        SimWorld second = poller.current();
        assertNotSame(first, second);
        assertEquals(true, second.networkDown);
    }
}
