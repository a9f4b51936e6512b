package org.flowexplorer.app.cli;

import atlantafx.base.theme.PrimerLight;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javafx.application.Application;
import javafx.application.Platform;

/**
 * Starts the JavaFX toolkit without a display for commands that draw views ({@code render}):
 * Monocle's headless platform with the software pipeline, and the light theme the views' CSS
 * expects. Started at most once per process; if the toolkit is already running (the workbench, or
 * tests) it is reused as is. Classes here load JavaFX only when {@link #start()} is called, so
 * other commands never touch it.
 */
final class FxHeadless {
    private static boolean started;
    /** Held so the level setting is not lost when the logger is garbage-collected. */
    private static final java.util.logging.Logger FX_LOG = java.util.logging.Logger.getLogger("javafx");

    private FxHeadless() {
    }

    /** Starts (or joins) the FX toolkit; idempotent. */
    static synchronized void start() {
        if (started) {
            return;
        }
        System.setProperty("glass.platform", "Monocle");
        System.setProperty("monocle.platform", "Headless");
        System.setProperty("prism.order", "sw");
        System.setProperty("prism.text", "t2k");
        System.setProperty("java.awt.headless", "true");
        // JavaFX warns about running from the class path on every start; not the user's concern here
        FX_LOG.setLevel(java.util.logging.Level.SEVERE);
        try {
            CompletableFuture<Void> up = new CompletableFuture<>();
            Platform.startup(() -> up.complete(null));
            up.get(60, TimeUnit.SECONDS);
        } catch (IllegalStateException alreadyRunning) {
            // toolkit started by someone else in this process: use it
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CliFailure("interrupted while starting the JavaFX toolkit", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new CliFailure("cannot start the headless JavaFX toolkit (" + e + ")", e);
        } catch (UnsupportedOperationException | LinkageError e) {
            throw new CliFailure("cannot start the headless JavaFX toolkit (" + FlowCli.oneLine(e.toString()) + ")", e);
        }
        Platform.setImplicitExit(false);
        call(() -> {
            if (Application.getUserAgentStylesheet() == null) {
                Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
            }
            return null;
        });
        started = true;
    }

    /** Runs {@code work} on the FX thread and returns its result; its exceptions are rethrown unwrapped. */
    static <T> T call(Callable<T> work) {
        if (Platform.isFxApplicationThread()) {
            try {
                return work.call();
            } catch (RuntimeException e) {
                throw e;
            } catch (Exception e) {
                throw new CliFailure(FlowCli.describe(e), e);
            }
        }
        CompletableFuture<T> result = new CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                result.complete(work.call());
            } catch (Throwable t) {
                result.completeExceptionally(t);
            }
        });
        try {
            return result.get(5, TimeUnit.MINUTES);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CliFailure("interrupted while drawing", e);
        } catch (TimeoutException e) {
            throw new CliFailure("drawing on the JavaFX thread did not finish within 5 minutes", e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException r) {
                throw r;
            }
            if (cause instanceof Error err) {
                throw err;
            }
            throw new CliFailure(FlowCli.describe(cause), cause);
        }
    }
}
