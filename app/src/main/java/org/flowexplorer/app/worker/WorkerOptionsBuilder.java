package org.flowexplorer.app.worker;

import org.flowexplorer.model.eval.DensityGrid;
import org.flowexplorer.model.train.LossSmoothing;

/** {@link TrainingWorker.Options} by name; every setting starts at the app's default. */
public final class WorkerOptionsBuilder {
    private int maxDisplayPoints = 10_000;
    private int testPoints = 2_000;
    private int testEvery = 50;
    private int densityResolutionIdle = 256;
    private int densityResolutionPlaying = 128;
    private long densityIntervalMillis = 500;
    private long publishIntervalMillis = 16;
    private int gridLines = 15;
    private int gridPointsPerLine = 48;
    private double traceTimeShare = 0.12;
    private double densityTimeShare = 0.08;
    private long stepSliceMillis = 8;
    private double clipNorm = 1.0;
    private double emaAlpha = LossSmoothing.DEFAULT_ALPHA;
    private long traceIntervalMillis = 55;
    private int densityThreads = DensityGrid.defaultThreads();

    WorkerOptionsBuilder() {
    }

    WorkerOptionsBuilder(TrainingWorker.Options o) {
        maxDisplayPoints = o.maxDisplayPoints();
        testPoints = o.testPoints();
        testEvery = o.testEvery();
        densityResolutionIdle = o.densityResolutionIdle();
        densityResolutionPlaying = o.densityResolutionPlaying();
        densityIntervalMillis = o.densityIntervalMillis();
        publishIntervalMillis = o.publishIntervalMillis();
        gridLines = o.gridLines();
        gridPointsPerLine = o.gridPointsPerLine();
        traceTimeShare = o.traceTimeShare();
        densityTimeShare = o.densityTimeShare();
        stepSliceMillis = o.stepSliceMillis();
        clipNorm = o.clipNorm();
        emaAlpha = o.emaAlpha();
        traceIntervalMillis = o.traceIntervalMillis();
        densityThreads = o.densityThreads();
    }

    /** Training points drawn at most (a spread-out subset of larger sets). */
    public WorkerOptionsBuilder maxDisplayPoints(int n) {
        maxDisplayPoints = n;
        return this;
    }

    /** Held-out points for the test NLL, measured every {@code every} steps. */
    public WorkerOptionsBuilder testPoints(int n, int every) {
        testPoints = n;
        testEvery = every;
        return this;
    }

    /** The density heatmap's side when paused and while training. */
    public WorkerOptionsBuilder densityResolution(int idle, int playing) {
        densityResolutionIdle = idle;
        densityResolutionPlaying = playing;
        return this;
    }

    /** Minimum time between density heatmaps while training, and their share of the time. */
    public WorkerOptionsBuilder densityBudget(long intervalMillis, double timeShare) {
        densityIntervalMillis = intervalMillis;
        densityTimeShare = timeShare;
        return this;
    }

    /** Minimum time between traces (points, grid, samples) while training, and their share of the time. */
    public WorkerOptionsBuilder traceBudget(long intervalMillis, double timeShare) {
        traceIntervalMillis = intervalMillis;
        traceTimeShare = timeShare;
        return this;
    }

    /** Minimum time between snapshots while training. */
    public WorkerOptionsBuilder publishIntervalMillis(long millis) {
        publishIntervalMillis = millis;
        return this;
    }

    /** The warped grid: {@code lines} in each direction, {@code pointsPerLine} points on each. */
    public WorkerOptionsBuilder grid(int lines, int pointsPerLine) {
        gridLines = lines;
        gridPointsPerLine = pointsPerLine;
        return this;
    }

    /** Training steps run back to back for up to this long before queued commands are handled. */
    public WorkerOptionsBuilder stepSliceMillis(long millis) {
        stepSliceMillis = millis;
        return this;
    }

    /** Maximum total gradient norm (0 or less: no clipping). */
    public WorkerOptionsBuilder clipNorm(double c) {
        clipNorm = c;
        return this;
    }

    public WorkerOptionsBuilder emaAlpha(double a) {
        emaAlpha = a;
        return this;
    }

    public WorkerOptionsBuilder densityThreads(int n) {
        densityThreads = n;
        return this;
    }

    public TrainingWorker.Options build() {
        return new TrainingWorker.Options(maxDisplayPoints, testPoints, testEvery, densityResolutionIdle,
                densityResolutionPlaying, densityIntervalMillis, publishIntervalMillis, gridLines,
                gridPointsPerLine, traceTimeShare, densityTimeShare, stepSliceMillis, clipNorm, emaAlpha,
                traceIntervalMillis, densityThreads);
    }
}
