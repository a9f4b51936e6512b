package org.flowexplorer.app.task;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class TaskRunnerTest {
    @Test
    void theSameThreadRunnerRunsAtOnceOnTheCaller() throws Exception {
        TaskRunner r = TaskRunner.sameThread();
        Thread caller = Thread.currentThread();
        Thread[] ran = new Thread[1];
        var f = r.submit(() -> {
            ran[0] = Thread.currentThread();
            return 42;
        });
        assertTrue(f.isDone());
        assertEquals(42, f.get());
        assertEquals(caller, ran[0]);
    }

    @Test
    void theBackgroundRunnerRunsInOrderOffTheCallerAndReportsFailures() throws Exception {
        TaskRunner r = TaskRunner.background("test-runner");
        List<Integer> order = new CopyOnWriteArrayList<>();
        for (int i = 0; i < 20; i++) {
            int k = i;
            r.execute(() -> order.add(k));
        }
        String name = r.submit(() -> Thread.currentThread().getName()).get(10, TimeUnit.SECONDS);
        assertEquals("test-runner", name);
        assertNotEquals(Thread.currentThread().getName(), name);
        assertEquals(java.util.stream.IntStream.range(0, 20).boxed().toList(), order);
        ExecutionException e = assertThrows(ExecutionException.class, () -> r.submit(() -> {
            throw new IOException("disk full");
        }).get(10, TimeUnit.SECONDS));
        assertInstanceOf(IOException.class, e.getCause());
        assertTrue(r.shutdown(1000));
        assertTrue(r.isShutdown());
    }

    @Test
    void shutdownLetsQueuedWorkFinishThenRefusesMore() throws Exception {
        TaskRunner r = TaskRunner.background("test-runner");
        List<String> done = new CopyOnWriteArrayList<>();
        r.execute(() -> {
            sleep(100);
            done.add("first");
        });
        r.execute(() -> done.add("second"));
        assertTrue(r.shutdown(5000));
        assertEquals(List.of("first", "second"), done);
        assertThrows(IllegalStateException.class, () -> r.execute(() -> { }));
    }

    @Test
    void shutdownInterruptsWorkThatOutlivesTheTimeout() {
        TaskRunner r = TaskRunner.background("test-runner");
        r.execute(() -> sleep(60_000));
        long t0 = System.nanoTime();
        assertTrue(r.shutdown(100), "interrupted work ends");
        assertTrue(System.nanoTime() - t0 < TimeUnit.SECONDS.toNanos(5));
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
