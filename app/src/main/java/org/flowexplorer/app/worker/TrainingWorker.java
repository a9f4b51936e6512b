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
import org.flowexplorer.model.eval.DensityGrid;
import org.flowexplorer.model.flow.Architecture;
import org.flowexplorer.model.flow.CouplingLayer;
import org.flowexplorer.model.flow.FlowSpec;
import org.flowexplorer.model.flow.FlowTrace;
import org.flowexplorer.model.flow.RealNVP;
import org.flowexplorer.model.io.DataSource;
import org.flowexplorer.model.io.LoadedModel;
import org.flowexplorer.model.io.ModelMetadata;
import org.flowexplorer.model.io.Session;
import org.flowexplorer.model.io.SessionSettings;
import org.flowexplorer.model.teach.CouplingInspection;
import org.flowexplorer.model.train.LossHistory;
import org.flowexplorer.model.train.LossSnapshot;
import org.flowexplorer.model.train.Trainer;
import org.flowexplorer.model.train.TrainingConfig;

/**
 * The one thread that owns the data, the model and its trainer. The UI talks to it only through
 * immutable {@link Command}s ({@link #submit}) and reads immutable {@link Snapshot}s
 * ({@link #latest()}, latest wins).
 *
 * <p>While playing, the loop runs training steps in slices of a few milliseconds, handling queued
 * commands between slices, and publishes at most one snapshot per {@link Options#publishIntervalMillis()}.
 * Training comes first: expensive view data is refreshed on a budget while playing. The layer trace
 * of the displayed points, the warped grid and the model samples are recomputed at most every
 * {@link Options#traceIntervalMillis()} (about 18 Hz) and take at most {@link Options#traceTimeShare()}
 * of the worker's time; the density heatmap ({@link DensityGrid}, split across
 * {@link Options#densityThreads()} threads, owned by the worker and closed when it stops) is
 * recomputed at {@link Options#densityResolutionPlaying()}² at most every
 * {@link Options#densityIntervalMillis()} and within {@value #DENSITY_TIME_SHARE} of the time, and
 * at full resolution once paused. When paused everything is brought up to date before publishing.
 * {@link Snapshot.Timings#trainShare()} reports the share training actually got.
 *
 * <p>For tests the same logic runs on the calling thread: {@link #initializeNow()},
 * {@link #processPending()}, {@link #runStepsNow(int)} and {@link #publishNow()}, without
 * {@link #start()}ing the thread.
 */
public final class TrainingWorker implements CommandSink, AutoCloseable {

    /** Tuning knobs; {@link #defaults()} for the app, smaller values in tests. */
    public record Options(int maxDisplayPoints, int testPoints, int testEvery, int densityResolutionIdle,
            int densityResolutionPlaying, long densityIntervalMillis, long publishIntervalMillis, int gridLines,
            int gridPointsPerLine, double traceTimeShare, long stepSliceMillis, double clipNorm, double emaAlpha,
            long traceIntervalMillis, int densityThreads) {
        public Options {
            if (densityThreads < 1) {
                throw new IllegalArgumentException("density threads must be at least 1, got " + densityThreads);
            }
        }

        /** Without a minimum trace interval, density on the worker thread only (tests). */
        public Options(int maxDisplayPoints, int testPoints, int testEvery, int densityResolutionIdle,
                int densityResolutionPlaying, long densityIntervalMillis, long publishIntervalMillis, int gridLines,
                int gridPointsPerLine, double traceTimeShare, long stepSliceMillis, double clipNorm, double emaAlpha) {
            this(maxDisplayPoints, testPoints, testEvery, densityResolutionIdle, densityResolutionPlaying,
                    densityIntervalMillis, publishIntervalMillis, gridLines, gridPointsPerLine, traceTimeShare,
                    stepSliceMillis, clipNorm, emaAlpha, 0, 1);
        }

        /** The app's: trace ≤ ~18 Hz and ≤ 12 % of the time, density 128² every ≥ 500 ms while training, 256² paused. */
        public static Options defaults() {
            return new Options(10_000, 2_000, 50, 256, 128, 500, 16, 15, 48, 0.12, 8, 1.0, 0.05, 55,
                    DensityGrid.defaultThreads());
        }

        public Options withDensityResolution(int idle, int playing) {
            return new Options(maxDisplayPoints, testPoints, testEvery, idle, playing, densityIntervalMillis,
                    publishIntervalMillis, gridLines, gridPointsPerLine, traceTimeShare, stepSliceMillis, clipNorm,
                    emaAlpha, traceIntervalMillis, densityThreads);
        }
    }

    /** At most this share of the worker's time goes to the density heatmap while training. */
    public static final double DENSITY_TIME_SHARE = 0.08;

    /** The fewest custom (drawn or imported) points the worker trains on. */
    public static final int MIN_CUSTOM_POINTS = 8;

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
    private DataSource source;
    private LossHistory history = new LossHistory();
    private long stepOffset;
    private double lastTrainNll = Double.NaN;
    private int inspectLayer;
    private CouplingInspection.Direction inspectDirection = CouplingInspection.Direction.FORWARD;
    private CouplingInspection inspection;
    private Object inspectionKey;
    private DensityGrid densityGrid;
    private long trainNanosWindow;
    private double trainShare = Double.NaN;
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
        this.source = toySource(dataset);
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
        if (thread == null) {
            closeDensityGrid(); // same-thread mode: the caller owned it
        }
    }

    private void closeDensityGrid() {
        if (densityGrid != null) {
            densityGrid.close();
            densityGrid = null;
        }
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
        } catch (InterruptedException | java.util.concurrent.CancellationException e) {
            // stop() interrupts, also mid training step (the step throws before Adam): leave quietly
        } catch (Throwable t) {
            error = "The training worker stopped: " + t;
            playing = false;
            try {
                publish(false);
            } catch (Throwable ignored) {
                // nothing more to report
            }
        } finally {
            closeDensityGrid();
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
        trainNanosWindow += t1 - t0;
        stepMillis = Double.isNaN(stepMillis) ? (t1 - t0) / 1e6 : 0.9 * stepMillis + 0.1 * (t1 - t0) / 1e6;
        modelVersion++;
        dirty = true;
        long step = currentStep();
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
        lastTrainNll = smoothed;
        double test = Double.NaN;
        if (step % options.testEvery() == 0) {
            testNll = model.meanNll(testData);
            test = testNll;
        }
        history.append(step, smoothed, test);
        return true;
    }

    /** Steps taken by the model shown: those of a loaded model plus this run's. */
    private long currentStep() {
        return stepOffset + trainer.steps();
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
                    trainNanosWindow = 0;
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
            } else if (c instanceof Command.SetCustomData s) {
                float[] pts = checkedCustomPoints(s.points());
                playing = false;
                useCustomData(pts, s.origin());
                rebuildModel();
                notice = "Now training on your own data (" + (s.origin() == null ? "drawn" : s.origin()) + ", "
                        + pts.length / 2 + " points): model re-initialised, training restarts at step 0.";
            } else if (c instanceof Command.Configure s) {
                playing = false;
                dataset = s.dataset();
                architecture = s.architecture();
                learningRate = s.learningRate();
                batchSize = s.batchSize();
                rebuildData();
                rebuildModel();
                notice = s.label() + ": " + dataset.set().id() + " (" + dataset.n() + " points), " + architecture
                        + ", learning rate " + learningRate + ", batch " + batchSize + "; model re-initialised.";
            } else if (c instanceof Command.LoadSession s) {
                loadSession(s);
            } else if (c instanceof Command.LoadModel s) {
                loadModel(s);
            } else if (c instanceof Command.Capture s) {
                dirty = wasDirty;
                try {
                    s.result().complete(capture(s.view()));
                } catch (RuntimeException e) {
                    s.result().completeExceptionally(e);
                }
            } else if (c instanceof Command.SetInspection s) {
                inspectLayer = s.layer();
                inspectDirection = s.direction();
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
        float[] train = dataset.set().generate(dataset.n(), dataset.noise(), dataset.seed());
        setData(train, toyTestData(dataset), toySource(dataset));
    }

    private static DataSource toySource(DatasetSettings d) {
        return new DataSource.Toy(d.set(), d.n(), d.noise(), d.seed());
    }

    private float[] toyTestData(DatasetSettings d) {
        int nTest = Math.min(options.testPoints(), Math.max(256, d.n()));
        return d.set().generate(nTest, d.noise(), d.testSeed());
    }

    /** Custom points: trained on as given; the test NLL is measured on (a spread-out subset of) the same points. */
    private void useCustomData(float[] pts, String origin) {
        setData(pts, spreadSubset(pts, options.testPoints()), new DataSource.Custom(origin));
    }

    private void setData(float[] train, float[] test, DataSource from) {
        data = train;
        testData = test;
        source = from;
        displayPoints = spreadSubset(train, options.maxDisplayPoints());
        dataBounds = squareBounds(train, 0.005, 0.12);
        gridPoints = gridPoints(dataBounds, options.gridLines(), options.gridPointsPerLine());
        trace = null;
        grid = null;
        density = null;
    }

    /** At most {@code max} points, evenly strided over the array (all of them, the same array, when few). */
    static float[] spreadSubset(float[] xy, int max) {
        int n = xy.length / 2;
        if (n <= max) {
            return xy;
        }
        float[] out = new float[2 * max];
        for (int i = 0; i < max; i++) {
            int k = (int) ((long) i * n / max);
            out[2 * i] = xy[2 * k];
            out[2 * i + 1] = xy[2 * k + 1];
        }
        return out;
    }

    private static float[] checkedCustomPoints(float[] pts) {
        int n = pts.length / 2;
        if (n < MIN_CUSTOM_POINTS) {
            throw new IllegalArgumentException("Draw or import at least " + MIN_CUSTOM_POINTS + " points to train on ("
                    + n + " given); the data were not changed.");
        }
        for (int i = 0; i < pts.length; i++) {
            if (!Float.isFinite(pts[i])) {
                throw new IllegalArgumentException("Point " + i / 2 + " has a non-finite coordinate; the data were not changed.");
            }
        }
        return pts;
    }

    private void rebuildModel() {
        RealNVP m = RealNVP.create(architecture.spec(), architecture.seed());
        installModel(m, new Trainer(m, data, new TrainingConfig(batchSize, learningRate, options.clipNorm(),
                architecture.seed())), new LossHistory(), 0);
        testNll = model.meanNll(testData); // step 0; also loads BLAS on first use
        history.append(0, Double.NaN, testNll);
    }

    /** Makes {@code m} the live model (with its trainer and history) and starts a new run. */
    private void installModel(RealNVP m, Trainer t, LossHistory h, long offset) {
        model = m;
        trainer = t;
        history = h;
        stepOffset = offset;
        modelVersion++;
        runId++;
        ema = 0;
        emaCount = 0;
        lastTrainNll = Double.NaN;
        stepsPerSecond = 0;
        trainShare = Double.NaN;
        error = "";
        displayedLayer = Math.min(displayedLayer, architecture.layers());
        samples = null;
        inspection = null;
        inspectionKey = null;
        queryDirty = query != null;
        LossSnapshot loss = h.snapshot();
        for (int i = loss.size() - 1; i >= 0; i--) {
            if (!Double.isNaN(loss.trainNll(i))) {
                // continue the smoothed curve where it ended (bias correction already ≈ 1)
                ema = loss.trainNll(i);
                emaCount = 10_000;
                lastTrainNll = ema;
                break;
            }
        }
    }

    // ================================================================= sessions and model files

    /** The architecture settings of a loaded 2-D model; throws with a user-facing reason if the app cannot train it. */
    private static ArchitectureSettings architectureOf(RealNVP m, long seed) {
        if (m.dim() != 2) {
            throw new IllegalArgumentException("the model works on " + m.dim() + "-D points; Flow Explorer shows 2-D flows");
        }
        FlowSpec spec = m.spec();
        return new ArchitectureSettings(spec.layers(), spec.hidden(), spec.coupling(), seed);
    }

    private void loadSession(Command.LoadSession c) {
        try {
            Session s = c.session();
            SessionSettings st = s.settings();
            ArchitectureSettings arch = architectureOf(s.model(), st.training().seed());
            float[] pts = s.data();
            DatasetSettings ds = dataset;
            float[] test;
            if (st.dataSource() instanceof DataSource.Toy t) {
                ds = new DatasetSettings(t.dataset(), Math.max(16, Math.min(DatasetSettings.MAX_POINTS, t.n())), t.noise(), t.seed());
                test = toyTestData(ds);
            } else {
                checkedCustomPoints(pts);
                test = spreadSubset(pts, options.testPoints());
            }
            if (pts.length < 2) {
                throw new IllegalArgumentException("the session has no training points");
            }
            TrainingConfig tc = st.training();
            Trainer t = new Trainer(s.model(), pts, tc);
            LossHistory h = LossHistory.of(s.history().snapshot());
            // everything checked: swap
            playing = false;
            dataset = ds;
            architecture = arch;
            learningRate = tc.learningRate();
            batchSize = tc.batchSize();
            setData(pts, test, st.dataSource());
            installModel(s.model(), t, h, Math.max(s.metadata().steps(), h.lastStep()));
            testNll = model.meanNll(testData);
            notice = "Opened session " + c.name() + ": " + Snapshot.describeSource(source) + ", " + architecture
                    + ", step " + currentStep() + ".";
            c.done().complete(null);
        } catch (RuntimeException e) {
            c.done().completeExceptionally(e);
            throw new IllegalArgumentException("Cannot open " + c.name() + ": " + e.getMessage()
                    + " The current session is unchanged.", e);
        }
    }

    private void loadModel(Command.LoadModel c) {
        try {
            LoadedModel lm = c.model();
            ModelMetadata meta = lm.metadata();
            ArchitectureSettings arch = architectureOf(lm.model(), meta.training() == null ? architecture.seed() : meta.training().seed());
            Trainer t = new Trainer(lm.model(), data, new TrainingConfig(batchSize, learningRate, options.clipNorm(),
                    arch.seed()));
            LossHistory h = meta.lossHistory() == null ? new LossHistory() : LossHistory.of(meta.lossHistory());
            playing = false;
            architecture = arch;
            installModel(lm.model(), t, h, Math.max(meta.steps(), h.lastStep()));
            testNll = model.meanNll(testData);
            notice = "Opened model " + c.name() + " (" + architecture + ", " + currentStep()
                    + " steps trained) on the current data.";
            c.done().complete(null);
        } catch (RuntimeException e) {
            c.done().completeExceptionally(e);
            throw new IllegalArgumentException("Cannot open " + c.name() + ": " + e.getMessage()
                    + " The current session is unchanged.", e);
        }
    }

    /** A copy of the current state as a session (model copied; data and history snapshot shared immutably). */
    private Session capture(java.util.Map<String, String> view) {
        TrainingConfig tc = new TrainingConfig(batchSize, learningRate, options.clipNorm(), architecture.seed());
        ModelMetadata.DatasetInfo info = source instanceof DataSource.Toy t
                ? new ModelMetadata.DatasetInfo(t.dataset().id(), data.length / 2, t.noise(), t.seed())
                : new ModelMetadata.DatasetInfo(Snapshot.describeSource(source), data.length / 2, null, null);
        ModelMetadata meta = ModelMetadata.trained(tc, currentStep()).withDataset(info);
        Architecture arch = new Architecture(architecture.layers(), architecture.hidden(), architecture.coupling());
        return new Session(model.copy(), meta, data, new SessionSettings(source, arch, tc, view),
                LossHistory.of(history.snapshot()));
    }

    // ================================================================= publishing

    private void publishPreparing() {
        latest.set(new Snapshot(sequence++, commandsHandled, runId, Snapshot.Phase.PREPARING, "Preparing model…", "", false, 0, 0, 0,
                Double.NaN, Double.NaN, learningRate, batchSize, dataset, architecture, null, null, null, null,
                options.gridLines() * 2, options.gridPointsPerLine(), masksFor(architecture), null, null, null,
                LossSnapshot.empty(), 0, Timings.NONE, source, null, 0, inspectDirection, 0));
    }

    /** @param full bring everything up to date now, ignoring time budgets */
    private void publish(boolean full) {
        if (model == null) {
            return;
        }
        long now = clock.getAsLong();
        boolean traceStale = trace == null || trace.modelVersion() != modelVersion;
        boolean samplesStale = sampleLatent != null && (samples == null || samples.modelVersion() != modelVersion);
        if ((traceStale || samplesStale) && (full || now >= nextTraceNanos || trace == null)) {
            // the per-point views (trace, warped grid, samples) refresh together, on the trace budget
            long t0 = clock.getAsLong();
            if (traceStale) {
                trace = traceOf(displayPoints);
                grid = traceOf(gridPoints);
            }
            if (samplesStale) {
                samples = new Samples(modelVersion, sampleLatent, model.inverse(sampleLatent, null));
            }
            long t1 = clock.getAsLong();
            traceMillis = (t1 - t0) / 1e6;
            double share = options.traceTimeShare();
            nextTraceNanos = t1 + Math.max(options.traceIntervalMillis() * 1_000_000L,
                    (long) ((t1 - t0) * (1 - share) / share));
        }
        if (densityEnabled) {
            int res = full ? options.densityResolutionIdle() : options.densityResolutionPlaying();
            boolean stale = density == null || density.modelVersion() != modelVersion || density.width() < res;
            if (stale && (full || now >= nextDensityNanos)) {
                density = densityOf(res);
                long end = clock.getAsLong();
                nextDensityNanos = end + Math.max(options.densityIntervalMillis() * 1_000_000L,
                        (long) (density.millis() * 1e6 * (1 - DENSITY_TIME_SHARE) / DENSITY_TIME_SHARE));
            }
        }
        if (sampleLatent == null) {
            samples = null;
        }
        if (query != null && (queryDirty || queryResult == null)) {
            queryResult = queryOf(query);
            queryDirty = false;
        } else if (query != null && modelVersion != queryVersion) {
            queryResult = queryOf(query);
        }
        updateInspection();
        if (playing) {
            double dt = (now - rateStartNanos) / 1e9;
            if (dt >= 0.5) {
                stepsPerSecond = (trainer.steps() - rateStartStep) / dt;
                trainShare = trainNanosWindow / (dt * 1e9);
                rateStartNanos = now;
                rateStartStep = trainer.steps();
                trainNanosWindow = 0;
            }
        }
        latest.set(new Snapshot(sequence++, commandsHandled, runId, Snapshot.Phase.READY, notice, error, playing, currentStep(),
                trainer.epoch(), stepsPerSecond, lastTrainNll,
                testNll, learningRate, batchSize, dataset, architecture, dataBounds, displayPoints, trace, grid,
                options.gridLines() * 2, options.gridPointsPerLine(), masksOf(model), density, samples,
                queryResult, history.snapshot(), displayedLayer,
                new Timings(stepMillis, traceMillis, density == null ? Double.NaN : density.millis(),
                        firstBuildMillis, playing ? trainShare : Double.NaN),
                source, inspection, inspectedLayer(), inspectDirection, stepOffset));
        lastPublishNanos = now;
        dirty = false;
    }

    private long queryVersion;

    private int inspectedLayer() {
        return Math.max(0, Math.min(inspectLayer, model.layers().size() - 1));
    }

    /** The formula inspector for the query point's data-space position (one point: cheap, every publish). */
    private void updateInspection() {
        if (queryResult == null) {
            inspection = null;
            inspectionKey = null;
            return;
        }
        int layer = inspectedLayer();
        java.util.List<Object> key = java.util.List.of(modelVersion, queryResult, layer, inspectDirection);
        if (key.equals(inspectionKey)) {
            return;
        }
        inspectionKey = key;
        float[] p = {(float) queryResult.dataX(), (float) queryResult.dataY()};
        inspection = Float.isFinite(p[0]) && Float.isFinite(p[1])
                ? CouplingInspection.of(model, p, layer, inspectDirection) : null;
    }

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
        return new Trace(modelVersion, t.positions(), bounds, meanS, meanT, t);
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
        if (densityGrid == null) {
            densityGrid = new DensityGrid(options.densityThreads());
        }
        float[] lp = densityGrid.logDensity(model, res, res, b.xmin(), b.xmax(), b.ymin(), b.ymax());
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
