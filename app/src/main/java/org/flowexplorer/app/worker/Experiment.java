package org.flowexplorer.app.worker;

import org.flowexplorer.app.scene.Bounds;
import org.flowexplorer.app.scene.WarpedGrid;
import org.flowexplorer.model.data.PixelDensity;
import org.flowexplorer.model.energy.Potential;
import org.flowexplorer.model.eval.HeldOutNll;
import org.flowexplorer.model.flow.RealNVP;
import org.flowexplorer.model.io.DataSource;
import org.flowexplorer.model.train.LossHistory;
import org.flowexplorer.model.train.LossSmoothing;
import org.flowexplorer.model.train.StepReport;
import org.flowexplorer.model.train.Trainer;
import org.flowexplorer.model.train.TrainingConfig;

/**
 * What is being trained: the data and test data, the model, its trainer and its loss history, and
 * the settings they were made from. Owned by the worker thread; a new data set or model starts a
 * new run ({@link #runId()}).
 */
final class Experiment {
    /** Held-out points with fresh test samples on: the KL gap's standard error is then about 0.01 nats. */
    static final int FRESH_TEST_POINTS = 10_000;
    /** With fresh samples on, the (5× larger) test set is evaluated this many times less often. */
    static final int FRESH_TEST_EVERY_FACTOR = 5;

    private final TrainingWorker.Options options;
    private DatasetSettings dataset;
    private ArchitectureSettings architecture;
    private double learningRate;
    private int batchSize;
    private DataSource source;
    /** The reverse-KL target of {@link DatasetSettings#energy()}, or null for maximum likelihood on the points. */
    private Potential energy;
    /** The density custom points were sampled from when known (an opened image), else null. */
    private PixelDensity customDensity;
    private Points points;
    private RealNVP model;
    private Trainer trainer;
    private LossHistory history = new LossHistory();
    private HeldOutHistory heldOut = new HeldOutHistory();
    private final EntropyFloor floors = new EntropyFloor();
    private EntropyFloor.Floor floor = EntropyFloor.Floor.NONE;
    /** Set while {@link #buildForFirstFrame} runs: the slow parts it leaves for {@link #completeFirstBuild}. */
    private boolean deferring;
    /** The data whose entropy floor is still to be estimated, or null. */
    private DataSource floorPending;
    /** Whether the new model's step-0 test NLL is still to be measured. */
    private boolean testNllPending;
    private boolean freshTestSamples;
    private LossSmoothing smoothing;
    private long stepOffset;
    private long modelVersion;
    private int runId;
    private double trainNll = Double.NaN;
    private double testNll = Double.NaN;
    private final Replay replay = new Replay();
    /** {@link #model} or, while a checkpoint is shown, the model restored from it. */
    private RealNVP viewed;

    Experiment(DatasetSettings dataset, ArchitectureSettings architecture, TrainingConfig training,
            TrainingWorker.Options options) {
        this.options = options;
        this.dataset = dataset;
        this.architecture = architecture;
        this.learningRate = training.learningRate();
        this.batchSize = training.batchSize();
        this.source = toySource(dataset);
        this.smoothing = new LossSmoothing(options.emaAlpha());
    }

    boolean built() {
        return model != null;
    }

    /**
     * Builds data and model for the window's first snapshot without two things that snapshot does
     * not need at once: the entropy floor (a Monte-Carlo estimate, 0.2–0.3 s at start-up) and the
     * step-0 test NLL (0.2–0.5 s at start-up, where it is the first use of BLAS and of kernels the
     * JIT has not compiled yet). Play waits for neither; {@link #completeFirstBuild} adds them
     * before anything else happens to the model.
     */
    void buildForFirstFrame() {
        deferring = true;
        try {
            rebuildData();
            rebuildModel();
        } finally {
            deferring = false;
        }
    }

    /** Estimates the floor and measures the step-0 test NLL that {@link #buildForFirstFrame} left; false if none was left. */
    boolean completeFirstBuild() {
        boolean any = floorPending != null || testNllPending;
        if (floorPending != null) {
            floor = floors.of(floorPending);
            floorPending = null;
        }
        if (testNllPending) {
            testNllPending = false;
            measureStepZeroTestNll();
        }
        return any;
    }

    // ---------------------------------------------------------------- data

    /** Regenerates training and test points from the toy-data settings. */
    void rebuildData() {
        if (dataset.energy() != null) {
            Potential u = Potential.of(dataset.energy());
            PixelDensity target = EnergyTarget.density(u);
            int nTest = Math.min(options.testPoints(), Math.max(256, dataset.n()));
            setData(target.sample(dataset.n(), dataset.seed()), target.sample(nTest, dataset.testSeed()),
                    new DataSource.Custom("energy " + u.name()));
            energy = u;
            return;
        }
        float[] train = dataset.set().generate(dataset.n(), dataset.noise(), dataset.seed());
        setData(train, toyTestData(dataset), toySource(dataset));
    }

    private static DataSource toySource(DatasetSettings d) {
        return new DataSource.Toy(d.set(), d.n(), d.noise(), d.seed());
    }

    float[] toyTestData(DatasetSettings d) {
        return d.set().generate(testCount(d.n()), d.noise(), d.testSeed());
    }

    /** Held-out points of a set of {@code n}: the fresh-sample count, or as many as the options allow (≥ 256). */
    private int testCount(int n) {
        return freshTestSamples ? FRESH_TEST_POINTS : Math.min(options.testPoints(), Math.max(256, n));
    }

    /** Seed of the held-out points sampled from an image density (not a seed the app trains with). */
    static final long IMAGE_TEST_SEED = 0x7e57_1a9eL;

    /**
     * Custom points: trained on as given. With the density they were sampled from ({@code density},
     * may be null) the test NLL is measured on fresh samples of it and its exact entropy is the floor;
     * without, on (a spread-out subset of) the same points.
     */
    void useCustomData(float[] pts, String origin, PixelDensity density) {
        setData(pts, density == null ? customTestData(pts) : density.sample(testCount(pts.length / 2), IMAGE_TEST_SEED),
                new DataSource.Custom(origin));
        if (density != null) {
            customDensity = density;
            floor = EntropyFloor.of(density);
        }
    }

    float[] customTestData(float[] pts) {
        return spreadSubset(pts, options.testPoints());
    }

    void setData(float[] train, float[] test, DataSource from) {
        source = from;
        energy = null; // rebuildData sets it again for an energy's target
        customDensity = null; // useCustomData sets it again for an image's points
        floorPending = deferring ? from : null;
        floor = deferring ? EntropyFloor.Floor.NONE : floors.of(from);
        Bounds b = Bounds.ofData(train);
        points = new Points(train, test, spreadSubset(train, options.maxDisplayPoints()), b,
                WarpedGrid.points(b, options.gridLines(), options.gridPointsPerLine()));
    }

    /**
     * The experiment's points, replaced as a whole when the data change.
     *
     * @param train   the training points
     * @param test    the held-out points of the test NLL
     * @param display the training points drawn (a spread-out subset of large sets)
     * @param bounds  the data view's box: the central 99 % of the training points, padded
     * @param grid    the warped grid's points over {@code bounds}
     */
    record Points(float[] train, float[] test, float[] display, Bounds bounds, float[] grid) {
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

    /** {@code pts} if the worker can train on them; otherwise throws with a user-facing reason. */
    static float[] checkedCustomPoints(float[] pts) {
        int n = pts.length / 2;
        if (n < TrainingWorker.MIN_CUSTOM_POINTS) {
            throw new IllegalArgumentException("Draw or import at least " + TrainingWorker.MIN_CUSTOM_POINTS
                    + " points to train on (" + n + " given); the data were not changed.");
        }
        for (int i = 0; i < pts.length; i++) {
            if (!Float.isFinite(pts[i])) {
                throw new IllegalArgumentException("Point " + i / 2 + " has a non-finite coordinate; the data were not changed.");
            }
        }
        return pts;
    }

    // ---------------------------------------------------------------- model

    /** The training settings now in force, seeded with the architecture's seed. */
    TrainingConfig trainingConfig() {
        return trainingConfig(architecture.seed());
    }

    /** The training settings now in force, with shuffles seeded by {@code seed}. */
    TrainingConfig trainingConfig(long seed) {
        return new TrainingConfig(batchSize, learningRate, options.clipNorm(), seed, windowTrainingThreads());
    }

    /**
     * Threads for the window's training step: every core but two, at least one. The FX thread and
     * the view-data threads (traces, density) need a core each while training runs, so on a 2-core
     * machine training keeps the one-thread path (more cores were not available to measure the
     * split on). {@code -Dflowexplorer.trainingThreads=N} overrides; the CLI's
     * {@code train --threads} defaults to every core instead.
     */
    static int windowTrainingThreads() {
        Integer forced = Integer.getInteger("flowexplorer.trainingThreads");
        return forced != null && forced > 0 ? forced : Math.max(1, Runtime.getRuntime().availableProcessors() - 2);
    }

    /** A freshly initialised model for the current architecture and data; the history starts with the step-0 test NLL. */
    void rebuildModel() {
        RealNVP m = RealNVP.create(architecture.spec(), architecture.seed());
        Trainer t = energy != null ? Trainer.reverseKl(m, energy, trainingConfig()) : new Trainer(m, points.train(), trainingConfig());
        install(m, t, new LossHistory(), 0);
        testNll = Double.NaN;
        testNllPending = deferring;
        if (!deferring) {
            measureStepZeroTestNll();
        }
    }

    private void measureStepZeroTestNll() {
        testNll = evaluateTest(0); // also loads BLAS on first use
        history.append(0, Double.NaN, testNll);
    }

    /** Makes {@code m} the live model (with its trainer and history) and starts a new run. */
    void install(RealNVP m, Trainer t, LossHistory h, long offset) {
        replay.startRun(offset, m);
        heldOut = new HeldOutHistory();
        swap(m, t, h, offset);
    }

    private void swap(RealNVP m, Trainer t, LossHistory h, long offset) {
        model = m;
        viewed = m;
        trainer = t;
        history = h;
        stepOffset = offset;
        modelVersion++;
        runId++;
        // continue the smoothed curve where a loaded history ended
        smoothing = LossSmoothing.continuing(h.snapshot(), options.emaAlpha());
        trainNll = smoothing.value();
    }

    /** Measures the held-out NLL now (after loading a model or session). */
    void measureTestNll() {
        testNll = model.meanNll(points.test());
    }

    /**
     * One guarded training step with its bookkeeping. A step that made the loss, the gradient or a
     * parameter non-finite is undone (model and optimiser bit for bit as before it) and not recorded;
     * a kept step whose loss exploded is recorded and reported.
     *
     * @return null when training can go on, otherwise why it should pause
     */
    Divergence trainStep() {
        if (replay.showing()) {
            showLive(); // training always continues the live model, and the views follow it again
        }
        StepReport r = trainer.guardedStep();
        modelVersion++;
        if (!r.finite()) {
            trainer.restoreBeforeLastStep();
            return Divergence.nonFinite(stepOffset + r.step(), r, learningRate, options.clipNorm());
        }
        long step = currentStep();
        trainNll = smoothing.add(r.loss());
        double test = Double.NaN;
        if (step % testEvery() == 0) {
            double measured = evaluateTest(step);
            testNll = measured;
            test = Double.isFinite(measured) ? measured : Double.NaN; // the chart never receives ±∞
        }
        history.append(step, trainNll, test);
        replay.record(step, model);
        return Divergence.explodingLoss(step, r.loss(), learningRate, options.clipNorm());
    }

    private int testEvery() {
        return freshTestSamples ? FRESH_TEST_EVERY_FACTOR * options.testEvery() : options.testEvery();
    }

    /** The mean test NLL (as {@code meanNll} computes it), recording its robust summary at {@code step}. */
    private double evaluateTest(long step) {
        HeldOutNll s = HeldOutNll.of(model.logProbValues(points.test()));
        heldOut.append(step, s);
        return s.mean();
    }

    /**
     * Whether the test NLL is measured on {@value #FRESH_TEST_POINTS} fresh samples of the toy set
     * or image rather than the usual held-out set; changes the test points of a toy set or image now
     * (points of unknown density keep theirs) and measures them.
     */
    void setFreshTestSamples(boolean on) {
        freshTestSamples = on;
        if (points != null && (source instanceof DataSource.Toy || customDensity != null)) {
            float[] test = customDensity == null ? toyTestData(dataset)
                    : customDensity.sample(testCount(points.train().length / 2), IMAGE_TEST_SEED);
            points = new Points(points.train(), test, points.display(), points.bounds(), points.grid());
            if (model != null) {
                measureTestNll();
            }
        }
    }

    /** The robust test summaries of this run and the data's entropy floor. */
    HeldOutReport heldOutReport() {
        return new HeldOutReport(heldOut.snapshot(), floor.entropy(), floor.reason(),
                points == null ? 0 : points.test().length / 2,
                freshTestSamples && (source instanceof DataSource.Toy || customDensity != null));
    }

    /** Steps taken by the model shown: those of a loaded model plus this run's. */
    long currentStep() {
        return stepOffset + trainer.steps();
    }

    // ---------------------------------------------------------------- replay (see Replay)

    /** Every view shows the newest checkpoint at or before {@code step}; returns its step. */
    long showCheckpoint(long step) {
        long shown = replay.show(step, model);
        viewed = replay.shown();
        modelVersion++;
        return shown;
    }

    /** The views follow the live model again. */
    void showLive() {
        replay.showLive();
        viewed = model;
        modelVersion++;
    }

    /**
     * Continues training from the newest checkpoint at or before {@code step}: the live model takes
     * its state, Adam starts afresh, and the loss history and later checkpoints are cut there (a
     * new run, so the chart redraws the cut curve). Returns the step resumed from.
     */
    long resumeFrom(long step) {
        org.flowexplorer.model.train.Checkpoint c = replay.cutAt(step);
        c.restoreInto(model);
        heldOut = Replay.heldOutUpTo(heldOut, c.step());
        swap(model, new Trainer(model, points.train(), trainingConfig()), Replay.historyUpTo(history, c.step()), c.step());
        measureTestNll();
        return c.step();
    }

    Replay replay() {
        return replay;
    }

    /** The model being trained, whatever the views show. */
    RealNVP liveModel() {
        return model;
    }

    // ---------------------------------------------------------------- settings

    void setLearningRate(double lr) {
        learningRate = lr;
        if (trainer != null) {
            trainer.setLearningRate(lr);
        }
    }

    void setBatchSize(int b) {
        batchSize = b;
        if (trainer != null) {
            trainer.setBatchSize(b);
        }
    }

    void setDataset(DatasetSettings d) {
        dataset = d;
    }

    void setArchitecture(ArchitectureSettings a) {
        architecture = a;
    }

    // ---------------------------------------------------------------- read access (worker thread)

    /** What is being trained, and how. */
    Snapshot.Settings settings() {
        return new Snapshot.Settings(dataset, architecture, learningRate, batchSize, source,
                points == null ? 0 : points.train().length / 2);
    }

    ArchitectureSettings architecture() {
        return architecture;
    }

    Points points() {
        return points;
    }

    /** The model the views show: the live one, or the checkpoint being replayed ({@link Replay}). */
    RealNVP model() {
        return viewed;
    }

    Trainer trainer() {
        return trainer;
    }

    LossHistory history() {
        return history;
    }

    long stepOffset() {
        return stepOffset;
    }

    /** Changes whenever the model's parameters may have changed. */
    long modelVersion() {
        return modelVersion;
    }

    int runId() {
        return runId;
    }

    double trainNll() {
        return trainNll;
    }

    double testNll() {
        return testNll;
    }
}
