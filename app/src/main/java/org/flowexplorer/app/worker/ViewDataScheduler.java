package org.flowexplorer.app.worker;

import java.util.Arrays;
import java.util.List;
import java.util.function.LongSupplier;
import org.flowexplorer.app.scene.Bounds;
import org.flowexplorer.app.scene.DensityImage;
import org.flowexplorer.app.scene.LayerMasks;
import org.flowexplorer.app.worker.Snapshot.Density;
import org.flowexplorer.app.worker.Snapshot.QueryResult;
import org.flowexplorer.app.worker.Snapshot.Samples;
import org.flowexplorer.app.worker.Snapshot.Trace;
import org.flowexplorer.model.eval.DensityGrid;
import org.flowexplorer.model.flow.FlowTrace;
import org.flowexplorer.model.flow.MixtureBase;
import org.flowexplorer.model.flow.RealNVP;
import org.flowexplorer.model.teach.CouplingInspection;

/**
 * The view data of the snapshots, kept up to date with the model so that training comes first. While
 * training, the expensive parts run on two {@link ViewDataThread}s, each on its own copy of the
 * model, and this (the worker's) thread only copies the parameters over when a thread is idle
 * (a thread still busy with an older version is skipped, never queued): the trace of the displayed
 * points, the warped grid and the samples at most every {@link TrainingWorker.Options#traceIntervalMillis()}
 * and within {@link #OFF_THREAD_TRACE_SHARE} of a core (CPU time); the density heatmap
 * ({@link DensityGrid}) at {@link TrainingWorker.Options#densityResolutionPlaying()}² at most every
 * {@link TrainingWorker.Options#densityIntervalMillis()} and within
 * {@link TrainingWorker.Options#densityTimeShare()} of a core, on one thread (the other core trains).
 * Brought up to date ({@code full}, when paused) everything is computed here at once, the density at
 * full resolution split across {@link TrainingWorker.Options#densityThreads()} threads. The query
 * path and the inspector (one point each) follow every publish. Owned by the worker thread.
 */
final class ViewDataScheduler implements AutoCloseable {
    /**
     * {@code -Dflowexplorer.viewDataOnWorker=true}: compute the view data on the worker thread
     * while training too, as before the view threads (within the same shares of its time), to
     * measure the two against each other in one build.
     */
    static final boolean ON_WORKER = Boolean.getBoolean("flowexplorer.viewDataOnWorker");
    static final double SLOW_DENSITY_MILLIS = 150;
    /**
     * The trace thread's share of a core (its CPU time): more than the worker's own
     * {@link TrainingWorker.Options#traceTimeShare()} allowed, since it no longer takes training's
     * time, and enough for ~18 traces/s of 10 000 points at 8 × (64, 64) (≈ 10 ms each) and ~3/s at
     * 8 × (256, 256) (≈ 150 ms); the rest of that core stays with the FX and render threads.
     * With only two cores that core is also the training's second half: there the trace keeps
     * issue 11's 12 % (measured at 8 × (256, 256) with 35 %: the trace took 45 % of a core and the
     * window trained at 47 % of `train`'s speed).
     */
    static final double OFF_THREAD_TRACE_SHARE = Runtime.getRuntime().availableProcessors() > 2 ? 0.35 : 0.12;
    static final int MIN_PLAYING_RESOLUTION = 64;
    private final TrainingWorker.Options options;
    private final LongSupplier clock;
    private DensityGrid densityGrid;
    private ViewDataThread traceThread;
    private ViewDataThread densityThread;
    private int playingResolution;
    private double traceCpuMillis = Double.NaN;
    private double densityCpuMillis = Double.NaN;
    private Bounds seenBounds;
    private Trace trace;
    private Trace grid;
    private Density density;
    private boolean densityEnabled;
    private float[] sampleLatent;
    private Samples samples;
    private Command.Query query;
    private QueryResult queryResult;
    private long queryVersion = -1;
    private int displayedLayer;
    private int inspectLayer;
    private CouplingInspection.Direction inspectDirection = CouplingInspection.Direction.FORWARD;
    private CouplingInspection inspection;
    private Object inspectionKey;
    private boolean[][] masks;
    private RealNVP maskedModel;
    private long nextTraceNanos;
    private long nextDensityNanos;
    private double traceMillis = Double.NaN;
    private final LayerAnatomyData anatomy;
    private final DiagnosticsData diagnosticsData;
    private Diagnostics diagnostics;

    ViewDataScheduler(TrainingWorker.Options options, LongSupplier clock) {
        this.options = options;
        this.clock = clock;
        this.anatomy = new LayerAnatomyData(clock);
        this.diagnosticsData = new DiagnosticsData(clock);
    }

    // ---------------------------------------------------------------- what the user asked for

    void setDensityEnabled(boolean on) {
        densityEnabled = on;
        if (!on) {
            density = null;
        }
    }

    /** Draws n seeded base samples (n = 0: none); their images follow the model. */
    private MixtureBase.Components baseComponents;

    void setSamples(RealNVP model, int n, long seed) {
        sampleLatent = n == 0 ? null : model.baseSample(n, seed);
        samples = null;
    }

    void setQuery(Command.Query q) {
        query = q;
        queryResult = null;
    }

    void setDisplayedLayer(int layer, int layers) {
        displayedLayer = Math.max(0, Math.min(layers, layer));
    }

    void setInspection(int layer, CouplingInspection.Direction direction) {
        inspectLayer = layer;
        inspectDirection = direction;
    }

    void setLayerAnatomyVisible(boolean visible) {
        anatomy.setVisible(visible);
    }

    void setDiagnosticsVisible(boolean visible) {
        diagnosticsData.setVisible(visible);
    }

    /**
     * A new model: the samples of the old one are dropped (they showed what it had learned; press
     * Sample again for the new one), the query and inspector are recomputed.
     */
    void onNewRun(int layers) {
        displayedLayer = Math.min(displayedLayer, layers);
        sampleLatent = null;
        samples = null;
        queryResult = null;
        inspection = null;
        inspectionKey = null;
    }

    // ---------------------------------------------------------------- keeping up with the model

    /**
     * Recomputes what is stale, within the budgets unless {@code full}.
     *
     * @return why training should pause when the new trace shows exploding values, else null
     */
    Divergence refresh(Experiment e, boolean full, long now) {
        RealNVP model = e.model();
        long version = e.modelVersion();
        if (e.points().bounds() != seenBounds) { // new data: nothing drawn over the old box stays
            seenBounds = e.points().bounds();
            trace = null;
            grid = null;
            density = null;
        }
        Divergence exploding = null;
        for (ViewDataThread t : new ViewDataThread[] {traceThread, densityThread}) {
            ViewDataThread.Result r = t == null ? null : t.poll();
            if (r != null) {
                Divergence d = apply(e, r);
                exploding = exploding == null ? d : exploding;
            }
        }
        boolean traceStale = trace == null || trace.modelVersion() != version;
        boolean samplesStale = sampleLatent != null && (samples == null || samples.modelVersion() != version);
        boolean traceDue = (traceStale || samplesStale) && (full || now >= nextTraceNanos);
        int res = full ? options.densityResolutionIdle() : playingResolution();
        boolean densityDue = densityEnabled && (density == null || density.modelVersion() != version || density.width() < res)
                && (full || now >= nextDensityNanos);
        // the per-point views (trace, warped grid, samples) refresh together, on the trace budget
        ViewDataThread.Job traceJob = !traceDue ? null : new ViewDataThread.Job(version, e.currentStep(),
                e.settings().learningRate(), options.clipNorm(), traceStale ? e.points().display() : null,
                traceStale ? e.points().grid() : null, samplesStale ? sampleLatent : null, 0, e.points().bounds());
        ViewDataThread.Job densityJob = !densityDue ? null : new ViewDataThread.Job(version, e.currentStep(),
                e.settings().learningRate(), options.clipNorm(), null, null, null, res, e.points().bounds());
        if (full || ON_WORKER) { // brought up to date now, on this thread, the density grid on all its threads
            for (ViewDataThread.Job job : new ViewDataThread.Job[] {traceJob, densityJob}) {
                if (job != null) {
                    long t0 = clock.getAsLong();
                    Divergence d = apply(e, ViewDataThread.compute(model, job, densityGrid(), clock));
                    exploding = exploding == null ? d : exploding;
                    long spent = clock.getAsLong() - t0; // the next is due after the share's worth of this thread's time
                    if (full) {
                        continue; // paused: no budget; training's first views follow at once (a 256² grid took seconds)
                    }
                    if (job == traceJob) {
                        nextTraceNanos = t0 + spent + budgetNanos(options.traceIntervalMillis(), spent / 1e6,
                                options.traceTimeShare());
                    } else {
                        nextDensityNanos = t0 + spent + budgetNanos(options.densityIntervalMillis(), spent / 1e6,
                                options.densityTimeShare());
                    }
                }
            }
        } else { // while training: on the view threads, skipped while they are still busy
            if (traceJob != null && traceThread().idle()) {
                traceThread.submit(model, traceJob);
                nextTraceNanos = now + budgetNanos(options.traceIntervalMillis(), traceCpuMillis, OFF_THREAD_TRACE_SHARE);
            }
            if (densityJob != null && densityThread().idle()) {
                densityThread.submit(model, densityJob);
                nextDensityNanos = now + budgetNanos(options.densityIntervalMillis(), densityCpuMillis,
                        options.densityTimeShare());
            }
        }
        if (sampleLatent == null) {
            samples = null;
        }
        if (query != null && (queryResult == null || queryVersion != version)) {
            queryVersion = version;
            queryResult = queryOf(model, query);
        } else if (query == null) {
            queryResult = null;
        }
        updateInspection(model, version);
        anatomy.refresh(e, trace, queryResult, inspectedLayer(model), full, now);
        diagnostics = diagnosticsData.refresh(e, trace, queryResult, inspectedLayer(model));
        return exploding;
    }

    static boolean finite(float[][] layers) {
        for (float[] a : layers) {
            for (float f : a) {
                if (!Float.isFinite(f)) {
                    return false;
                }
            }
        }
        return true;
    }

    /** The samples whose image is finite (pairs of latent and data kept together). */
    private static Samples finiteSamples(long version, float[] latent, float[] data) {
        int kept = 0;
        float[] z = new float[latent.length];
        float[] x = new float[data.length];
        for (int i = 0; i + 1 < data.length; i += 2) {
            if (Float.isFinite(data[i]) && Float.isFinite(data[i + 1])) {
                z[kept] = latent[i];
                x[kept] = data[i];
                z[kept + 1] = latent[i + 1];
                x[kept + 1] = data[i + 1];
                kept += 2;
            }
        }
        return kept == data.length ? new Samples(version, latent, data)
                : new Samples(version, java.util.Arrays.copyOf(z, kept), java.util.Arrays.copyOf(x, kept));
    }

    /**
     * Takes a computed result if it is still wanted: the same data, and newer than what is shown (a
     * result that arrives after the data changed, or after the paused worker brought everything up
     * to date, is dropped).
     *
     * @return why training should pause when the new trace shows exploding values, else null
     */
    private Divergence apply(Experiment e, ViewDataThread.Result r) {
        ViewDataThread.Job job = r.job();
        if (job.bounds() != seenBounds) {
            return null;
        }
        Divergence exploding = null;
        if (r.points() != null && job.points() == e.points().display()
                && (trace == null || trace.modelVersion() < job.version())) {
            exploding = r.exploding();
            if (r.finite()) { // else the last finite picture stays
                trace = r.points();
                grid = r.grid();
            }
        }
        if (r.samples() != null && job.sampleLatent() == sampleLatent
                && (samples == null || samples.modelVersion() < job.version())) {
            samples = finiteSamples(job.version(), job.sampleLatent(), r.samples());
        }
        if (job.wantsTrace() || job.sampleLatent() != null) {
            traceMillis = r.traceMillis();
            traceCpuMillis = r.traceCpuMillis();
        }
        if (job.wantsDensity()) {
            densityCpuMillis = r.densityCpuMillis();
        }
        DensityImage img = r.density();
        if (img != null && densityEnabled && (density == null || density.modelVersion() < job.version()
                || (density.modelVersion() == job.version() && density.width() < img.width()))) {
            density = new Density(job.version(), img.values(), img.width(), img.height(), img.bounds(),
                    r.densityMillis());
        }
        if (img != null && img.width() == playingResolution()) {
            adaptPlayingResolution(r.densityCpuMillis());
        }
        return exploding;
    }

    /**
     * The heatmap's side while training: {@link TrainingWorker.Options#densityResolutionPlaying()},
     * halved (down to {@value #MIN_PLAYING_RESOLUTION}) while a heatmap takes longer than
     * {@value #SLOW_DENSITY_MILLIS} ms, so that a wide model's heatmap still follows training (8 ×
     * (256, 256) takes ~16× as long per point as 8 × (64, 64)); doubled back when fast again.
     */
    private int playingResolution() {
        if (playingResolution == 0) {
            playingResolution = options.densityResolutionPlaying();
        }
        return playingResolution;
    }

    private void adaptPlayingResolution(double millis) {
        int configured = options.densityResolutionPlaying();
        if (millis > SLOW_DENSITY_MILLIS && playingResolution / 2 >= Math.min(configured, MIN_PLAYING_RESOLUTION)) {
            playingResolution /= 2;
        } else if (millis < SLOW_DENSITY_MILLIS / 5 && playingResolution * 2 <= configured) {
            playingResolution *= 2;
        }
    }

    /** The earliest next start: {@code intervalMillis} apart, and {@code share} of a core for jobs that took {@code lastMillis}. */
    private static long budgetNanos(long intervalMillis, double lastMillis, double share) {
        long spread = Double.isNaN(lastMillis) ? 0 : (long) (lastMillis * 1e6 * (1 - share) / share);
        return Math.max(intervalMillis * 1_000_000L, spread);
    }

    /** The worker's own grid, split across all of {@link TrainingWorker.Options#densityThreads()} (paused). */
    private DensityGrid densityGrid() {
        if (densityGrid == null) {
            densityGrid = new DensityGrid(options.densityThreads());
        }
        return densityGrid;
    }

    private ViewDataThread traceThread() {
        if (traceThread == null) {
            traceThread = new ViewDataThread("flow-view-trace", clock);
        }
        return traceThread;
    }

    private ViewDataThread densityThread() {
        if (densityThread == null) {
            densityThread = new ViewDataThread("flow-view-density", clock);
        }
        return densityThread;
    }

    /** The query's path through every layer; null when the model cannot follow it (a non-finite point). */
    private static QueryResult queryOf(RealNVP model, Command.Query q) {
        float[] p = {(float) q.x(), (float) q.y()};
        FlowTrace t = q.space() == Command.Space.DATA ? model.traceForward(p) : model.traceInverse(p);
        int layers = t.layers();
        float[] path = new float[2 * (layers + 1)];
        for (int l = 0; l <= layers; l++) {
            path[2 * l] = t.positions()[l][0];
            path[2 * l + 1] = t.positions()[l][1];
        }
        if (!finite(new float[][] {path})) {
            return null;
        }
        float[] x = {path[0], path[1]};
        float[] back = model.inverse(model.forward(x, null), null);
        double err = Math.hypot(back[0] - x[0], back[1] - x[1]);
        return new QueryResult(q.space(), q.x(), q.y(), path, err);
    }

    private int inspectedLayer(RealNVP model) {
        return Math.max(0, Math.min(inspectLayer, model.layers().size() - 1));
    }

    /** The formula inspector for the query point's data-space position (one point: cheap, every publish). */
    private void updateInspection(RealNVP model, long version) {
        if (queryResult == null) {
            inspection = null;
            inspectionKey = null;
            return;
        }
        int layer = inspectedLayer(model);
        List<Object> key = List.of(version, queryResult, layer, inspectDirection);
        if (key.equals(inspectionKey)) {
            return;
        }
        inspectionKey = key;
        float[] p = {(float) queryResult.dataX(), (float) queryResult.dataY()};
        inspection = CouplingInspection.of(model, p, layer, inspectDirection);
    }

    // ---------------------------------------------------------------- what the snapshot shows

    Snapshot.ViewData viewData(Experiment e) {
        return new Snapshot.ViewData(e.points().bounds(), e.points().display(), trace, grid, options.gridLines() * 2,
                options.gridPointsPerLine(), masks(e.model()), density, samples, queryResult, displayedLayer, anatomy.current(),
                diagnostics, baseComponents(e.model()));
    }

    /** The model's mixture components, the previous object while they are unchanged (the diff compares references). */
    private MixtureBase.Components baseComponents(RealNVP model) {
        MixtureBase.Components now = model.mixtureComponents().orElse(null);
        if (now == null || baseComponents == null || !Arrays.deepEquals(new Object[] {now.weights(), now.means(), now.scales()},
                new Object[] {baseComponents.weights(), baseComponents.means(), baseComponents.scales()})) {
            baseComponents = now;
        }
        return baseComponents;
    }

    /** Before the model exists: the settings' masks and nothing to draw yet. */
    Snapshot.ViewData emptyViewData(ArchitectureSettings a) {
        return new Snapshot.ViewData(null, null, null, null, options.gridLines() * 2, options.gridPointsPerLine(),
                LayerMasks.alternating(a.layers()), null, null, null, displayedLayer, null, null, null);
    }

    Snapshot.Inspector inspector(RealNVP model) {
        return new Snapshot.Inspector(inspection, model == null ? 0 : inspectedLayer(model), inspectDirection);
    }

    /** The same array while the model is the same, so a view can compare masks by reference. */
    private boolean[][] masks(RealNVP model) {
        if (model != maskedModel) {
            maskedModel = model;
            masks = LayerMasks.of(model);
        }
        return masks;
    }

    double traceMillis() {
        return traceMillis;
    }

    double densityMillis() {
        return density == null ? Double.NaN : density.millis();
    }

    @Override
    public void close() {
        if (densityGrid != null) {
            densityGrid.close();
            densityGrid = null;
        }
        for (ViewDataThread t : new ViewDataThread[] {traceThread, densityThread}) {
            if (t != null) {
                t.close();
            }
        }
        traceThread = null;
        densityThread = null;
    }
}
