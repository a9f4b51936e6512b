package org.flowexplorer.app.worker;

import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import java.util.function.LongSupplier;
import org.flowexplorer.model.flow.RealNVP;
import org.flowexplorer.model.train.LossSmoothing;
import org.flowexplorer.model.train.Trainer;
import org.flowexplorer.model.train.TrainingConfig;

/**
 * The one thread that owns the data, the model and its trainer. The UI talks to it only through
 * immutable {@link Command}s ({@link #submit}) and reads immutable {@link Snapshot}s
 * ({@link #latest()}, latest wins).
 *
 * <p>While playing, the loop runs training steps in slices of {@link Options#stepSliceMillis()},
 * handling queued commands between slices, and publishes at most one snapshot per
 * {@link Options#publishIntervalMillis()}; the {@link ViewDataScheduler} keeps the expensive view
 * data up to date on a time budget, and everything is brought up to date once paused.
 * {@link Snapshot.Timings#trainShare()} reports the share training actually got. A step that
 * makes the loss, gradient or parameters non-finite is undone and training pauses with a
 * {@link Divergence} message; so do exploding but finite values (without the undo).
 *
 * <p>The parts: {@link Experiment} (data, model, trainer, history), {@link CommandHandler} (one
 * method per command), {@link SessionOps} (files), {@link ViewDataScheduler} (view data) and
 * {@link SnapshotBuilder}; this class is the thread and its loop.
 *
 * <p>For tests the same logic runs on the calling thread: {@link #initializeNow()},
 * {@link #processPending()}, {@link #runStepsNow(int)} and {@link #publishNow()}, without
 * {@link #start()}ing the thread; {@link #forTesting()} reaches the live model.
 */
public final class TrainingWorker implements CommandSink, AutoCloseable {

    /**
     * Tuning knobs; {@link #defaults()} for the app, {@link #builder()} (starting from the
     * defaults) for anything else.
     *
     * @param traceTimeShare   at most this share of the worker's time goes to traces, grid and samples while training
     * @param densityTimeShare at most this share goes to the density heatmap while training
     * @param emaAlpha         the loss smoothing's weight on the newest minibatch loss ({@link LossSmoothing})
     */
    public record Options(int maxDisplayPoints, int testPoints, int testEvery, int densityResolutionIdle,
            int densityResolutionPlaying, long densityIntervalMillis, long publishIntervalMillis, int gridLines,
            int gridPointsPerLine, double traceTimeShare, double densityTimeShare, long stepSliceMillis,
            double clipNorm, double emaAlpha, long traceIntervalMillis, int densityThreads) {
        public Options {
            if (densityThreads < 1) {
                throw new IllegalArgumentException("density threads must be at least 1, got " + densityThreads);
            }
            if (!(traceTimeShare > 0 && traceTimeShare <= 1) || !(densityTimeShare > 0 && densityTimeShare <= 1)) {
                throw new IllegalArgumentException("time shares must be in (0, 1]");
            }
        }

        /** The app's: trace ≤ ~18 Hz and ≤ 12 % of the time, density 128² every ≥ 500 ms and ≤ 8 % while training, 256² paused. */
        public static Options defaults() {
            return builder().build();
        }

        public static WorkerOptionsBuilder builder() {
            return new WorkerOptionsBuilder();
        }

        public Options withDensityResolution(int idle, int playing) {
            return toBuilder().densityResolution(idle, playing).build();
        }

        public WorkerOptionsBuilder toBuilder() {
            return new WorkerOptionsBuilder(this);
        }
    }

    /** The fewest custom (drawn or imported) points the worker trains on. */
    public static final int MIN_CUSTOM_POINTS = 8;

    public static final String THREAD_NAME = "flow-training-worker";

    /** How long {@link #close()} waits for the thread: an interrupt ends even a big step within this. */
    static final long CLOSE_TIMEOUT_MILLIS = 1_000;

    private final BlockingQueue<Runnable> inbox = new LinkedBlockingQueue<>();
    private final AtomicReference<Snapshot> latest = new AtomicReference<>();
    private final LongSupplier clock;
    private final Options options;
    private volatile boolean running;
    private volatile Thread thread;

    // ---- owned by the worker thread (or the test thread in same-thread mode) ----
    private final Experiment experiment;
    private final RunState run = new RunState();
    private final ViewDataScheduler views;
    private final CommandHandler handler;
    private final SnapshotBuilder snapshots;
    private long commandsHandled;
    private boolean dirty = true;
    private long lastPublishNanos = Long.MIN_VALUE / 2;

    public TrainingWorker(DatasetSettings dataset, ArchitectureSettings architecture, TrainingConfig training,
            Options options, LongSupplier nanoClock) {
        this.options = options;
        this.clock = nanoClock;
        this.experiment = new Experiment(dataset, architecture, training, options);
        this.views = new ViewDataScheduler(options, nanoClock);
        this.handler = new CommandHandler(experiment, run, views, nanoClock, this::runStepsNow);
        this.snapshots = new SnapshotBuilder(experiment, run, views);
        latest.set(snapshots.build(commandsHandled));
    }

    /** A worker with the app defaults and the system clock. */
    public static TrainingWorker withDefaults() {
        return new TrainingWorker(DatasetSettings.defaults(), ArchitectureSettings.defaults(),
                TrainingConfig.DEFAULT, Options.defaults(), System::nanoTime);
    }

    // ================================================================= public, any thread

    @Override
    public void submit(Command command) {
        inbox.add(() -> handle(command));
    }

    /** The newest snapshot (never null: a PREPARING one until the model is built). */
    public Snapshot latest() {
        return latest.get();
    }

    /** Starts the daemon worker thread, which builds the model and then waits for commands. */
    public void start() {
        start(THREAD_NAME);
    }

    /** As {@link #start()}, the thread named {@code threadName} (a second worker, e.g. compare mode's side B). */
    public synchronized void start(String threadName) {
        if (thread != null) {
            throw new IllegalStateException("already started");
        }
        running = true;
        Thread t = new Thread(this::runLoop, threadName);
        t.setDaemon(true);
        t.setPriority(Thread.NORM_PRIORITY - 1);
        thread = t;
        t.start();
    }

    /** The worker thread, or null when not started. */
    public Thread thread() {
        return thread;
    }

    /**
     * Stops the thread: flag, interrupt (a step in progress ends between layers, or at the latest
     * when it completes, with the model intact), and join for up to {@code timeoutMillis}.
     * Returns whether it ended.
     */
    public boolean stop(long timeoutMillis) {
        running = false;
        Thread t = thread;
        if (t == null) {
            return true;
        }
        t.interrupt();
        try {
            t.join(timeoutMillis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return !t.isAlive();
    }

    @Override
    public void close() {
        stop(CLOSE_TIMEOUT_MILLIS);
        if (thread == null) {
            views.close(); // same-thread mode: the caller owned it
        }
    }

    // ================================================================= same-thread API (tests)

    /** Builds data and model on the calling thread if not built yet. */
    public void initializeNow() {
        if (!experiment.built()) {
            long t0 = clock.getAsLong();
            experiment.rebuildData();
            experiment.rebuildModel();
            views.onNewRun(experiment.architecture().layers());
            snapshots.setFirstBuildMillis((clock.getAsLong() - t0) / 1e6);
            dirty = true;
        }
    }

    /** As {@link #initializeNow}, leaving the floor and the step-0 test NLL for after the first snapshot ({@link Experiment#buildForFirstFrame}). */
    private void initializeForFirstFrame() {
        long t0 = clock.getAsLong();
        experiment.buildForFirstFrame();
        views.onNewRun(experiment.architecture().layers());
        snapshots.setFirstBuildMillis((clock.getAsLong() - t0) / 1e6);
        dirty = true;
    }

    /** Handles all queued commands on the calling thread; returns how many. */
    public int processPending() {
        int handled = 0;
        Runnable r;
        while ((r = inbox.poll()) != null) {
            r.run();
            handled++;
        }
        return handled;
    }

    /** Runs {@code k} training steps now on the calling thread (regardless of play state); stops early on divergence. */
    public void runStepsNow(int k) {
        initializeNow();
        for (int i = 0; i < k; i++) {
            if (!trainOneStep()) {
                break;
            }
        }
    }

    /** Brings all view data up to date and publishes a snapshot now, on the calling thread. */
    public Snapshot publishNow() {
        publish(true);
        return latest.get();
    }

    public boolean isPlaying() {
        return run.playing();
    }

    /** The one way for tests to reach the live model and trainer. */
    public TestAccess forTesting() {
        return new TestAccess();
    }

    /** Test access to the live trainer and model, which belong to the worker thread. */
    public final class TestAccess {
        private TestAccess() {
        }

        /** The live trainer: only in same-thread mode (the caller is the owning thread). */
        public Trainer trainer() {
            return experiment.trainer();
        }

        /** The live model: only in same-thread mode. */
        public RealNVP model() {
            return experiment.liveModel();
        }

        /**
         * Runs {@code query} with the live trainer on the worker thread between steps (or on the
         * next {@link #processPending()} in same-thread mode); keep it short and read-only.
         */
        public <T> CompletableFuture<T> onWorkerThread(Function<Trainer, T> query) {
            CompletableFuture<T> result = new CompletableFuture<>();
            inbox.add(() -> {
                try {
                    result.complete(query.apply(experiment.trainer()));
                } catch (RuntimeException e) {
                    result.completeExceptionally(e);
                }
            });
            return result;
        }
    }

    // ================================================================= the loop

    private void runLoop() {
        try {
            initializeForFirstFrame();
            publish(true);
            if (experiment.completeFirstBuild()) {
                publish(true);
            }
            while (running) {
                Runnable r = run.playing() ? inbox.poll() : inbox.poll(200, TimeUnit.MILLISECONDS);
                if (r != null) {
                    r.run();
                    processPending();
                }
                if (run.playing()) {
                    trainSlice();
                }
                if (dirty && running) {
                    long now = clock.getAsLong();
                    boolean due = now - lastPublishNanos >= options.publishIntervalMillis() * 1_000_000L;
                    if (!run.playing() || due) {
                        publish(!run.playing());
                    }
                }
            }
        } catch (InterruptedException | CancellationException e) {
            // stop() interrupts: leave quietly, the model as it was before the interrupted step
        } catch (Throwable t) {
            if (running) {
                run.setError("The training worker stopped: " + t);
                run.pause();
                try {
                    publish(false);
                } catch (Throwable ignored) {
                    // nothing more to report
                }
            }
        } finally {
            views.close();
        }
    }

    private void trainSlice() {
        long start = clock.getAsLong();
        long slice = options.stepSliceMillis() * 1_000_000L;
        do {
            if (!trainOneStep()) {
                return;
            }
        } while (run.playing() && inbox.isEmpty() && clock.getAsLong() - start < slice && running);
    }

    /** One step with bookkeeping; false when training paused by itself (diverged) or the thread is stopping. */
    private boolean trainOneStep() {
        long t0 = clock.getAsLong();
        Divergence d;
        try {
            d = experiment.trainStep();
        } catch (CancellationException e) {
            // interrupted between layers (close): the parameters were not touched
            running = false;
            return false;
        }
        run.recordStep(clock.getAsLong() - t0);
        dirty = true;
        return !run.stopFor(d);
    }

    private void handle(Command c) {
        commandsHandled++;
        boolean wasDirty = dirty;
        try {
            initializeNow();
            dirty = handler.handle(c) || wasDirty;
        } catch (CancellationException e) {
            throw e; // interrupted between layers: the thread is stopping, not a bad command
        } catch (RuntimeException e) {
            run.setError(String.valueOf(e.getMessage()));
            dirty = true;
        }
    }

    /** @param full bring everything up to date now, ignoring time budgets */
    private void publish(boolean full) {
        if (!experiment.built()) {
            return;
        }
        long now = clock.getAsLong();
        run.stopFor(views.refresh(experiment, full, now));
        run.recordViewWork(clock.getAsLong() - now);
        run.updateRates(now, experiment.trainer().steps());
        latest.set(snapshots.build(commandsHandled));
        lastPublishNanos = now;
        dirty = false;
    }
}
