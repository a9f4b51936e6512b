package org.flowexplorer.app.task;

/** A {@link TaskRunner} that runs each task at once on the caller's thread (JabRef's CurrentThreadTaskExecutor). */
final class SameThreadTaskRunner implements TaskRunner {
    private volatile boolean shutdown;

    @Override
    public void execute(Runnable command) {
        if (shutdown) {
            throw new IllegalStateException("the task runner was shut down");
        }
        command.run();
    }

    @Override
    public boolean shutdown(long timeoutMillis) {
        shutdown = true;
        return true;
    }

    @Override
    public boolean isShutdown() {
        return shutdown;
    }
}
