package org.flowexplorer.model.nn;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.IntConsumer;

/**
 * Daemon threads shared by the parts of a training step that run on several threads (the batch's
 * slices, gradient sums, Adam's ranges). Idle threads end after 30 s, so a model that stops
 * training keeps none. They are daemons owned by no window or worker (named training-slice, not
 * flow-*, the prefix of the threads a worker must end when it stops).
 */
public final class WorkerThreads {
    private static final ThreadPoolExecutor POOL = create();

    private WorkerThreads() {
    }

    private static ThreadPoolExecutor create() {
        int size = Math.max(2, Runtime.getRuntime().availableProcessors());
        ThreadPoolExecutor pool = new ThreadPoolExecutor(size, size, 30, TimeUnit.SECONDS, new LinkedBlockingQueue<>(), r -> {
            Thread t = new Thread(r, "training-slice");
            t.setDaemon(true);
            return t;
        });
        pool.allowCoreThreadTimeOut(true);
        return pool;
    }

    /** First index of part i of {@code parts} over n indices (part sizes differ by at most one). */
    public static int partStart(int n, int parts, int i) {
        return (int) ((long) n * i / parts);
    }

    /**
     * Runs {@code task.accept(0)} on the calling thread and tasks 1…n−1 on the workers, and returns
     * once all have finished — also if the calling thread is interrupted meanwhile (their buffers
     * must be idle before anything reuses them; the flag stays set). Rethrows the first failure in
     * task order.
     */
    public static void run(int tasks, IntConsumer task) {
        List<Future<?>> pending = new ArrayList<>();
        for (int i = 1; i < tasks; i++) {
            int at = i;
            pending.add(POOL.submit(() -> task.accept(at)));
        }
        RuntimeException failure = null;
        try {
            task.accept(0);
        } catch (RuntimeException ex) {
            failure = ex;
        }
        boolean interrupted = false;
        for (Future<?> f : pending) {
            while (true) {
                try {
                    f.get();
                    break;
                } catch (InterruptedException ex) {
                    interrupted = true;
                } catch (ExecutionException ex) {
                    if (failure == null) {
                        failure = ex.getCause() instanceof RuntimeException r ? r
                                : new IllegalStateException("a training thread failed", ex.getCause());
                    }
                    break;
                }
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        if (failure != null) {
            throw failure;
        }
    }
}
