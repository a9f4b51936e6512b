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
 * The view data of the snapshots, kept up to date with the model on a time budget so that
 * training comes first: the trace of the displayed points, the warped grid and the samples at most
 * every {@link TrainingWorker.Options#traceIntervalMillis()} and within
 * {@link TrainingWorker.Options#traceTimeShare()} of the time; the density heatmap
 * ({@link DensityGrid}, split across {@link TrainingWorker.Options#densityThreads()} threads, closed
 * with the worker) at {@link TrainingWorker.Options#densityResolutionPlaying()}² at most every
 * {@link TrainingWorker.Options#densityIntervalMillis()} and within
 * {@link TrainingWorker.Options#densityTimeShare()} of the time, at full resolution when brought
 * up to date ({@code full}). The query path and the inspector (one point each) follow every publish.
 * Owned by the worker thread.
 */
final class ViewDataScheduler implements AutoCloseable {
    private final TrainingWorker.Options options;
    private final LongSupplier clock;
    private DensityGrid densityGrid;
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
        boolean traceStale = trace == null || trace.modelVersion() != version;
        boolean samplesStale = sampleLatent != null && (samples == null || samples.modelVersion() != version);
        if ((traceStale || samplesStale) && (full || now >= nextTraceNanos || trace == null)) {
            // the per-point views (trace, warped grid, samples) refresh together, on the trace budget
            long t0 = clock.getAsLong();
            if (traceStale) {
                FlowTrace points = model.traceForward(e.points().display());
                exploding = Divergence.explodingTrace(e.currentStep(), points, e.settings().learningRate(),
                        options.clipNorm());
                Trace t = traceOf(version, points);
                Trace g = traceOf(version, model.traceForward(e.points().grid()));
                if (finite(t.positions()) && finite(g.positions())) { // else the last finite picture stays
                    trace = t;
                    grid = g;
                }
            }
            if (samplesStale) {
                samples = finiteSamples(version, sampleLatent, model.inverse(sampleLatent, null));
            }
            long t1 = clock.getAsLong();
            traceMillis = (t1 - t0) / 1e6;
            double share = options.traceTimeShare();
            nextTraceNanos = t1 + Math.max(options.traceIntervalMillis() * 1_000_000L,
                    (long) ((t1 - t0) * (1 - share) / share));
        }
        if (densityEnabled) {
            int res = full ? options.densityResolutionIdle() : options.densityResolutionPlaying();
            boolean stale = density == null || density.modelVersion() != version || density.width() < res;
            if (stale && (full || now >= nextDensityNanos)) {
                density = densityOf(e, res);
                double share = options.densityTimeShare();
                nextDensityNanos = clock.getAsLong() + Math.max(options.densityIntervalMillis() * 1_000_000L,
                        (long) (density.millis() * 1e6 * (1 - share) / share));
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

    private Trace traceOf(long version, FlowTrace t) {
        int layers = t.layers();
        Bounds[] bounds = new Bounds[layers + 1];
        for (int l = 0; l <= layers; l++) {
            bounds[l] = Bounds.squareAround(t.positions()[l], 0.01, 0.15);
        }
        float[] meanS = new float[layers];
        float[] meanT = new float[layers];
        for (int l = 0; l < layers; l++) {
            meanS[l] = meanAbs(t.scales() == null ? null : t.scales()[l]);
            meanT[l] = meanAbs(t.shifts() == null ? null : t.shifts()[l]);
        }
        return new Trace(version, t.positions(), bounds, meanS, meanT, t);
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

    private static boolean finite(float[][] layers) {
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

    private Density densityOf(Experiment e, int res) {
        long t0 = clock.getAsLong();
        if (densityGrid == null) {
            densityGrid = new DensityGrid(options.densityThreads());
        }
        DensityImage img = DensityImage.of(densityGrid, e.model(), res, e.points().bounds());
        return new Density(e.modelVersion(), img.values(), img.width(), img.height(), img.bounds(),
                (clock.getAsLong() - t0) / 1e6);
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
    }
}
