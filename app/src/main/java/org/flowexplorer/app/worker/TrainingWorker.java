package org.flowexplorer.app.worker;

import java.util.Arrays;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.LongSupplier;
import org.flowexplorer.app.worker.Snapshot.Bounds;
import org.flowexplorer.app.worker.Snapshot.Density;
import org.flowexplorer.app.worker.Snapshot.QueryResult;
import org.flowexplorer.app.worker.Snapshot.Samples;
import org.flowexplorer.app.worker.Snapshot.Timings;
import org.flowexplorer.app.worker.Snapshot.Trace;
import org.flowexplorer.model.flow.CouplingLayer;
import org.flowexplorer.model.flow.FlowTrace;
import org.flowexplorer.model.flow.RealNVP;
import org.flowexplorer.model.train.Trainer;
import org.flowexplorer.model.train.TrainingConfig;

/**
 * The one thread that owns the data, the model and its trainer. The UI talks to it only through
 * immutable {@link Command}s ({@link #submit}) and reads immutable {@link Snapshot}s
 * ({@link #latest()}, latest wins).
 *
 * <p>While playing, the loop runs training steps in slices of a few milliseconds, handling queued
 * commands between slices, and publishes at most one snapshot per {@link Options#publishIntervalMillis()}.
 * Expensive view data is refreshed on a budget: the layer trace of the displayed points and the
 * warped grid take at most about a third of the worker's time, the density heatmap is recomputed at
 * most every {@link Options#densityIntervalMillis()} (at a lower resolution while training, full
 * resolution once paused). When paused everything is brought up to date before publishing.
 *
 * <p>For tests the same logic runs on the calling thread: {@link #initializeNow()},
 * {@link #processPending()}, {@link #runStepsNow(int)} and {@link #publishNow()}, without
 * {@link #start()}ing the thread.
 */
public final class TrainingWorker implements CommandSink, AutoCloseable {

    /** Tuning knobs; {@link #defaults()} for the app, smaller values in tests. */
    public record Options(int maxDisplayPoints, int testPoints, int testEvery, int densityResolutionIdle,
            int densityResolutionPlaying, long densityIntervalMillis, long publishIntervalMillis, int gridLines,
            int gridPointsPerLine, double traceTimeShare, long stepSliceMillis, double clipNorm, double emaAlpha) {
        public static Options defaults() {
            return new Options(10_000, 2_000, 50, 256, 128, 400, 16, 15, 48, 0.33, 8, 1.0, 0.05);
        }

        public Options withDensityResolution(int idle, int playing) {
            return new Options(maxDisplayPoints, testPoints, testEvery, idle, playing, densityIntervalMillis,
                    publishIntervalMillis, gridLines, gridPointsPerLine, traceTimeShare, stepSliceMillis, clipNorm,
                    emaAlpha);
        }
    }

    /** Thread name of the worker. */
    public static final String THREAD_NAME = "flow-training-worker";

    private final BlockingQueue<Command> queue = new LinkedBlockingQueue<>();
    private final AtomicReference<Snapshot> latest = new AtomicReference<>();
    private final LongSupplier clock;
    private final Options options;
    private volatile boolean running;
    private volatile Thread thread;

    // ---- owned by the worker thread (or the test thread in same-thread mode) ----
    private DatasetSettings dataset;
    private ArchitectureSettings architecture;
    private double learningRate;
    private int batchSize;
    private float[] data;
    private float[] testData;
    private float[] displayPoints;
    private float[] gridPoints;
    private Bounds dataBounds;
    private RealNVP model;
    private Trainer trainer;
    private long modelVersion;
    private int runId;
    private long sequence;
    private long commandsHandled;
    private boolean playing;
    private boolean densityEnabled;
    private int displayedLayer;
    private final SeriesBuffer trainSeries = new SeriesBuffer();
    private final SeriesBuffer testSeries = new SeriesBuffer();
    private double ema;
    private long emaCount;
    private double testNll = Double.NaN;
    private Trace trace;
    private Trace grid;
    private Density density;
    private Samples samples;
    private float[] sampleLatent;
    private Command.Query query;
    private QueryResult queryResult;
    private boolean queryDirty;
    private String notice = "";
    private String error = "";
    private boolean dirty = true;
    private long lastPublishNanos = Long.MIN_VALUE / 2;
    private long nextTraceNanos;
    private long nextDensityNanos;
    private long rateStartNanos;
    private long rateStartStep;
    private double stepsPerSecond;
    private double stepMillis = Double.NaN;
    private double traceMillis = Double.NaN;
    private double firstBuildMillis = Double.NaN;

    public TrainingWorker(DatasetSettings dataset, ArchitectureSettings architecture, TrainingConfig training,
            Options options, LongSupplier nanoClock) {
        this.dataset = dataset;
        this.architecture = architecture;
        this.learningRate = training.learningRate();
        this.batchSize = training.batchSize();
        this.options = options;
        this.clock = nanoClock;
        this.densityEnabled = false;
        publishPreparing();
    }

    /** A worker with the app defaults and the system clock. */
    public static TrainingWorker withDefaults() {
        return new TrainingWorker(DatasetSettings.defaults(), ArchitectureSettings.defaults(),
                TrainingConfig.DEFAULT, Options.defaults(), System::nanoTime);
    }

    // ================================================================= public, any thread

    @Override
    public void submit(Command command) {
        queue.add(command);
    }

    /** The newest snapshot (never null: a PREPARING one until the model is built). */
    public Snapshot latest() {
        return latest.get();
    }

    /** Starts the daemon worker thread, which builds the model and then waits for commands. */
    public synchronized void start() {
        if (thread != null) {
            throw new IllegalStateException("already started");
        }
        running = true;
        Thread t = new Thread(this::runLoop, THREAD_NAME);
        t.setDaemon(true);
        t.setPriority(Thread.NORM_PRIORITY - 1);
        thread = t;
        t.start();
    }

    /** The worker thread, or null when not started. */
    public Thread thread() {
        return thread;
    }

    /** Stops the thread: flag, interrupt, and join for up to {@code timeoutMillis}. Returns whether it ended. */
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
        stop(2_000);
    }

    // ================================================================= same-thread API (tests)

    /** Builds data and model on the calling thread if not built yet, and publishes. */
    public void initializeNow() {
        if (model == null) {
            long t0 = clock.getAsLong();
            rebuildData();
            rebuildModel();
            firstBuildMillis = (clock.getAsLong() - t0) / 1e6;
            dirty = true;
        }
    }

    /** Handles all queued commands on the calling thread; returns how many. */
    public int processPending() {
        int handled = 0;
        Command c;
        while ((c = queue.poll()) != null) {
            handle(c);
            handled++;
        }
        return handled;
    }

    /** Runs {@code k} training steps now on the calling thread (regardless of play state). */
    public void runStepsNow(int k) {
        initializeNow();
        for (int i = 0; i < k; i++) {
            if (!trainOneStep()) {
                break;
            }
        }
    }

    /**
     * Runs {@code query} on the worker thread with the live trainer (and {@code trainer.model()})
     * between steps and completes the future with its result (tests and diagnostics; keep it short
     * and do not keep references to the model).
     */
    public <T> java.util.concurrent.CompletableFuture<T> inspect(java.util.function.Function<Trainer, T> query) {
        Command.Inspect<T> c = new Command.Inspect<>(query, new java.util.concurrent.CompletableFuture<>());
        submit(c);
        return c.result();
    }

    /** Brings all view data up to date and publishes a snapshot now, on the calling thread. */
    public Snapshot publishNow() {
        publish(true);
        return latest.get();
    }

    /** The live model: only for the owning thread (tests in same-thread mode). */
    public RealNVP modelForTesting() {
        return model;
    }

    /** The live trainer: only for the owning thread (tests in same-thread mode). */
    public Trainer trainerForTesting() {
        return trainer;
    }

    public boolean isPlaying() {
        return playing;
    }

    // ================================================================= the loop

    private void runLoop() {
        try {
            initializeNow();
            publish(true);
            while (running) {
                Command c = playing ? queue.poll() : queue.poll(200, TimeUnit.MILLISECONDS);
                if (c != null) {
                    handle(c);
                    processPending();
                }
                if (playing) {
                    trainSlice();
                }
                if (dirty) {
                    long now = clock.getAsLong();
                    boolean due = now - lastPublishNanos >= options.publishIntervalMillis() * 1_000_000L;
                    if (!playing || due) {
                        publish(!playing);
                    }
                }
            }
        } catch (InterruptedException e) {
            // stop() interrupts: leave quietly
        } catch (Throwable t) {
            error = "The training worker stopped: " + t;
            playing = false;
            try {
                publish(false);
            } catch (Throwable ignored) {
                // nothing more to report
            }
        }
    }

    private void trainSlice() {
        long start = clock.getAsLong();
        long slice = options.stepSliceMillis() * 1_000_000L;
        do {
            if (!trainOneStep()) {
                return;
            }
        } while (playing && queue.isEmpty() && clock.getAsLong() - start < slice && running);
    }

    /** One step with bookkeeping; false when training stopped (diverged). */
    private boolean trainOneStep() {
        long t0 = clock.getAsLong();
        double loss = trainer.step();
        long t1 = clock.getAsLong();
        stepMillis = Double.isNaN(stepMillis) ? (t1 - t0) / 1e6 : 0.9 * stepMillis + 0.1 * (t1 - t0) / 1e6;
        modelVersion++;
        dirty = true;
        long step = trainer.steps();
        if (!Double.isFinite(loss)) {
            playing = false;
            error = "Training diverged (loss " + loss + ") at step " + step
                    + ": lower the learning rate and press Reset.";
            return false;
        }
        emaCount++;
        double a = options.emaAlpha();
        ema = a * loss + (1 - a) * ema;
        double smoothed = ema / (1 - Math.pow(1 - a, emaCount));
        trainSeries.append(step, smoothed);
        if (step % options.testEvery() == 0) {
            evaluateTest();
        }
        return true;
    }

    private void evaluateTest() {
        testNll = model.meanNll(testData);
        testSeries.append(trainer.steps(), testNll);
    }

    // ================================================================= commands

    private void handle(Command c) {
        commandsHandled++;
        boolean wasDirty = dirty;
        try {
            initializeNow();
            dirty = true;
            if (c instanceof Command.Play) {
                if (!playing) {
                    playing = true;
                    error = "";
                    rateStartNanos = clock.getAsLong();
                    rateStartStep = trainer.steps();
                }
            } else if (c instanceof Command.Pause) {
                playing = false;
                stepsPerSecond = 0;
            } else if (c instanceof Command.Step s) {
                playing = false;
                stepsPerSecond = 0;
                runStepsNow(s.count());
            } else if (c instanceof Command.Reset) {
                playing = false;
                rebuildModel();
                notice = "Model re-initialised: training restarts at step 0.";
            } else if (c instanceof Command.SetLearningRate s) {
                learningRate = s.learningRate();
                trainer.setLearningRate(learningRate);
            } else if (c instanceof Command.SetBatchSize s) {
                batchSize = s.batchSize();
                trainer.setBatchSize(batchSize);
            } else if (c instanceof Command.ChangeDataset s) {
                playing = false;
                dataset = s.settings();
                rebuildData();
                rebuildModel();
                notice = "Data set changed to " + dataset.set().id() + " (" + dataset.n()
                        + " points): model re-initialised.";
            } else if (c instanceof Command.ChangeArchitecture s) {
                playing = false;
                architecture = s.settings();
                rebuildModel();
                notice = "Architecture changed to " + architecture + ": model re-initialised, training restarts at step 0.";
            } else if (c instanceof Command.Sample s) {
                if (s.n() == 0) {
                    sampleLatent = null;
                    samples = null;
                } else {
                    sampleLatent = model.standardNormal(s.n(), s.seed());
                    samples = null;
                }
            } else if (c instanceof Command.Query q) {
                query = q;
                queryDirty = true;
            } else if (c instanceof Command.ClearQuery) {
                query = null;
                queryResult = null;
            } else if (c instanceof Command.SetDisplayedLayer s) {
                displayedLayer = Math.max(0, Math.min(architecture.layers(), s.layer()));
            } else if (c instanceof Command.Inspect<?> s) {
                s.run(trainer);
                dirty = wasDirty;
            } else if (c instanceof Command.SetDensity s) {
                densityEnabled = s.enabled();
                if (!densityEnabled) {
                    density = null;
                }
            }
        } catch (RuntimeException e) {
            error = String.valueOf(e.getMessage());
        }
    }

    private void rebuildData() {
        data = dataset.set().generate(dataset.n(), dataset.noise(), dataset.seed());
        int nTest = Math.min(options.testPoints(), Math.max(256, dataset.n()));
        testData = dataset.set().generate(nTest, dataset.noise(), dataset.testSeed());
        int shown = Math.min(dataset.n(), options.maxDisplayPoints());
        displayPoints = Arrays.copyOf(data, 2 * shown); // any prefix is a fair sample
        dataBounds = squareBounds(data, 0.005, 0.12);
        gridPoints = gridPoints(dataBounds, options.gridLines(), options.gridPointsPerLine());
        trace = null;
        grid = null;
        density = null;
    }

    private void rebuildModel() {
        model = RealNVP.create(architecture.spec(), architecture.seed());
        trainer = new Trainer(model, data, new TrainingConfig(batchSize, learningRate, options.clipNorm(),
                architecture.seed()));
        modelVersion++;
        runId++;
        trainSeries.clear();
        testSeries.clear();
        ema = 0;
        emaCount = 0;
        stepsPerSecond = 0;
        error = "";
        displayedLayer = Math.min(displayedLayer, architecture.layers());
        evaluateTest(); // step 0; also loads BLAS on first use
        samples = null;
        queryDirty = query != null;
    }

    // ================================================================= publishing

    private void publishPreparing() {
        latest.set(new Snapshot(sequence++, commandsHandled, runId, Snapshot.Phase.PREPARING, "Preparing model…", "", false, 0, 0, 0,
                Double.NaN, Double.NaN, learningRate, batchSize, dataset, architecture, null, null, null, null,
                options.gridLines() * 2, options.gridPointsPerLine(), masksFor(architecture), null, null, null,
                Snapshot.Series.EMPTY, Snapshot.Series.EMPTY, 0, Timings.NONE));
    }

    /** @param full bring everything up to date now, ignoring time budgets */
    private void publish(boolean full) {
        if (model == null) {
            return;
        }
        long now = clock.getAsLong();
        if (trace == null || trace.modelVersion() != modelVersion) {
            if (full || now >= nextTraceNanos) {
                long t0 = clock.getAsLong();
                trace = traceOf(displayPoints);
                grid = traceOf(gridPoints);
                long t1 = clock.getAsLong();
                traceMillis = (t1 - t0) / 1e6;
                nextTraceNanos = t1 + (long) ((t1 - t0) * (1 - options.traceTimeShare()) / options.traceTimeShare());
            }
        }
        if (densityEnabled) {
            int res = full ? options.densityResolutionIdle() : options.densityResolutionPlaying();
            boolean stale = density == null || density.modelVersion() != modelVersion || density.width() < res;
            if (stale && (full || now >= nextDensityNanos)) {
                density = densityOf(res);
                long end = clock.getAsLong();
                nextDensityNanos = end + Math.max(options.densityIntervalMillis() * 1_000_000L,
                        (long) (3 * density.millis() * 1e6));
            }
        }
        if (sampleLatent != null && (samples == null || samples.modelVersion() != modelVersion)) {
            samples = new Samples(modelVersion, sampleLatent, model.inverse(sampleLatent, null));
        }
        if (query != null && (queryDirty || queryResult == null)) {
            queryResult = queryOf(query);
            queryDirty = false;
        } else if (query != null && modelVersion != queryVersion) {
            queryResult = queryOf(query);
        }
        if (playing) {
            double dt = (now - rateStartNanos) / 1e9;
            if (dt >= 0.5) {
                stepsPerSecond = (trainer.steps() - rateStartStep) / dt;
                rateStartNanos = now;
                rateStartStep = trainer.steps();
            }
        }
        latest.set(new Snapshot(sequence++, commandsHandled, runId, Snapshot.Phase.READY, notice, error, playing, trainer.steps(),
                trainer.epoch(), stepsPerSecond, trainSeries.size() == 0 ? Double.NaN : trainSeries.view().last(),
                testNll, learningRate, batchSize, dataset, architecture, dataBounds, displayPoints, trace, grid,
                options.gridLines() * 2, options.gridPointsPerLine(), masksOf(model), density, samples,
                queryResult, trainSeries.view(), testSeries.view(), displayedLayer,
                new Timings(stepMillis, traceMillis, density == null ? Double.NaN : density.millis(),
                        firstBuildMillis)));
        lastPublishNanos = now;
        dirty = false;
    }

    private long queryVersion;

    private QueryResult queryOf(Command.Query q) {
        queryVersion = modelVersion;
        float[] p = {(float) q.x(), (float) q.y()};
        FlowTrace t = q.space() == Command.Space.DATA ? model.traceForward(p) : model.traceInverse(p);
        int layers = t.layers();
        float[] path = new float[2 * (layers + 1)];
        for (int l = 0; l <= layers; l++) {
            path[2 * l] = t.positions()[l][0];
            path[2 * l + 1] = t.positions()[l][1];
        }
        float[] x = {path[0], path[1]};
        float[] back = model.inverse(model.forward(x, null), null);
        double err = Math.hypot(back[0] - x[0], back[1] - x[1]);
        return new QueryResult(q.space(), q.x(), q.y(), path, err);
    }

    private Trace traceOf(float[] points) {
        FlowTrace t = model.traceForward(points);
        int layers = t.layers();
        Bounds[] bounds = new Bounds[layers + 1];
        for (int l = 0; l <= layers; l++) {
            bounds[l] = squareBounds(t.positions()[l], 0.01, 0.15);
        }
        float[] meanS = new float[layers];
        float[] meanT = new float[layers];
        for (int l = 0; l < layers; l++) {
            meanS[l] = meanAbs(t.scales() == null ? null : t.scales()[l]);
            meanT[l] = meanAbs(t.shifts() == null ? null : t.shifts()[l]);
        }
        return new Trace(modelVersion, t.positions(), bounds, meanS, meanT);
    }

    private static float meanAbs(float[] v) {
        if (v == null || v.length == 0) {
            return 0f;
        }
        double acc = 0;
        for (float f : v) {
            acc += Math.abs(f);
        }
        return (float) (acc / v.length);
    }

    private Density densityOf(int res) {
        long t0 = clock.getAsLong();
        Bounds b = dataBounds;
        float[] grid = new float[2 * res * res];
        double dx = (b.xmax() - b.xmin()) / (res - 1);
        double dy = (b.ymax() - b.ymin()) / (res - 1);
        for (int j = 0; j < res; j++) {
            for (int i = 0; i < res; i++) {
                int k = 2 * (j * res + i);
                grid[k] = (float) (b.xmin() + i * dx);
                grid[k + 1] = (float) (b.ymin() + j * dy);
            }
        }
        float[] lp = model.logProb(grid);
        for (int i = 0; i < lp.length; i++) {
            float p = (float) Math.exp(lp[i]);
            lp[i] = Float.isFinite(p) ? p : 0f;
        }
        return new Density(modelVersion, lp, res, res, b, (clock.getAsLong() - t0) / 1e6);
    }

    // ================================================================= helpers

    private static boolean[][] masksFor(ArchitectureSettings a) {
        boolean[][] m = new boolean[a.layers()][];
        for (int l = 0; l < a.layers(); l++) {
            m[l] = org.flowexplorer.model.flow.Mask.alternating(2, l).values();
        }
        return m;
    }

    /** Masks of a built model (same as {@link #masksOf} for the alternating flows the app builds). */
    static boolean[][] masksOf(RealNVP model) {
        List<CouplingLayer> layers = model.layers();
        boolean[][] m = new boolean[layers.size()][];
        for (int l = 0; l < layers.size(); l++) {
            m[l] = layers.get(l).mask().values();
        }
        return m;
    }

    /** A square box around the central (1 − 2·tail) of the points on each axis, padded by {@code pad}. */
    static Bounds squareBounds(float[] xy, double tail, double pad) {
        int n = xy.length / 2;
        int stride = Math.max(1, n / 1500);
        float[] xs = new float[(n + stride - 1) / stride];
        float[] ys = new float[xs.length];
        int m = 0;
        for (int i = 0; i < n; i += stride) {
            float x = xy[2 * i];
            float y = xy[2 * i + 1];
            if (Float.isFinite(x) && Float.isFinite(y)) {
                xs[m] = x;
                ys[m] = y;
                m++;
            }
        }
        if (m == 0) {
            return new Bounds(-4, 4, -4, 4);
        }
        Arrays.sort(xs, 0, m);
        Arrays.sort(ys, 0, m);
        int lo = (int) Math.floor(tail * (m - 1));
        int hi = (int) Math.ceil((1 - tail) * (m - 1));
        double x0 = xs[lo];
        double x1 = xs[hi];
        double y0 = ys[lo];
        double y1 = ys[hi];
        double cx = (x0 + x1) / 2;
        double cy = (y0 + y1) / 2;
        double half = Math.max(Math.max(x1 - x0, y1 - y0) / 2, 1e-3) * (1 + 2 * pad);
        return new Bounds(cx - half, cx + half, cy - half, cy + half);
    }

    /** Grid lines over {@code b}: {@code lines} vertical then {@code lines} horizontal, {@code per} points each. */
    static float[] gridPoints(Bounds b, int lines, int per) {
        float[] out = new float[2 * 2 * lines * per];
        int k = 0;
        for (int dir = 0; dir < 2; dir++) {
            for (int i = 0; i < lines; i++) {
                double u = lines == 1 ? 0.5 : i / (double) (lines - 1);
                for (int j = 0; j < per; j++) {
                    double v = j / (double) (per - 1);
                    double x = dir == 0 ? b.xmin() + u * (b.xmax() - b.xmin()) : b.xmin() + v * (b.xmax() - b.xmin());
                    double y = dir == 0 ? b.ymin() + v * (b.ymax() - b.ymin()) : b.ymin() + u * (b.ymax() - b.ymin());
                    out[k++] = (float) x;
                    out[k++] = (float) y;
                }
            }
        }
        return out;
    }

    /** Commands not handled yet. */
    int pendingCommands() {
        return queue.size();
    }
}
