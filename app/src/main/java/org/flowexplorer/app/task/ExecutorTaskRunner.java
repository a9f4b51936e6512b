package org.flowexplorer.app.task;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;

/**
 * A {@link TaskRunner} over a single daemon thread: work runs in submission order (a save never
 * overtakes the load before it), and being a daemon, a stuck write can never keep the JVM alive
 * once the window is gone.
 */
final class ExecutorTaskRunner implements TaskRunner {
    private final ExecutorService executor;

    ExecutorTaskRunner(String threadName) {
        executor = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, threadName);
            t.setDaemon(true);
            return t;
        });
    }

    @Override
    public void execute(Runnable command) {
        try {
            executor.execute(command);
        } catch (RejectedExecutionException e) {
            throw new IllegalStateException("the task runner was shut down", e);
        }
    }

    @Override
    public boolean shutdown(long timeoutMillis) {
        executor.shutdown();
        try {
            if (executor.awaitTermination(timeoutMillis, TimeUnit.MILLISECONDS)) {
                return true;
            }
            executor.shutdownNow();
            return executor.awaitTermination(Math.min(timeoutMillis, 200), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            executor.shutdownNow();
            Thread.currentThread().interrupt();
            return false;
        }
    }

    @Override
    public boolean isShutdown() {
        return executor.isShutdown();
    }
}
