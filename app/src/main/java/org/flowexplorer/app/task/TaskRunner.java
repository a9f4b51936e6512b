package org.flowexplorer.app.task;

import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

/**
 * The one place the app runs work off the FX thread: file reads and writes, image encoding and
 * animation exports. It decouples submitting a task from how it is run (JabRef's
 * {@code TaskExecutor}): the app uses {@link #background(String)}, tests use {@link #sameThread()},
 * which makes code with asynchronous steps deterministic. No JavaFX here, so view models may use it.
 *
 * <p>A runner is an {@link Executor} too, so code that only needs {@code execute} takes it as one.
 */
public interface TaskRunner extends Executor {
    /** Runs {@code work} on the runner; the future completes with its result or its exception. */
    default <T> CompletableFuture<T> submit(Callable<T> work) {
        CompletableFuture<T> result = new CompletableFuture<>();
        execute(() -> {
            if (result.isCancelled()) {
                return;
            }
            try {
                result.complete(work.call());
            } catch (Throwable e) {
                result.completeExceptionally(e);
            }
        });
        return result;
    }

    /**
     * Stops taking work, lets queued and running work finish for up to {@code timeoutMillis}, then
     * interrupts what is left; returns whether everything ended. Idempotent.
     */
    boolean shutdown(long timeoutMillis);

    /** Whether {@link #shutdown} was called. */
    boolean isShutdown();

    /** A runner with one daemon thread of this name; tasks run one after the other, in order. */
    static TaskRunner background(String threadName) {
        return new ExecutorTaskRunner(threadName);
    }

    /** Runs every task at once on the calling thread (tests). */
    static TaskRunner sameThread() {
        return new SameThreadTaskRunner();
    }
}
