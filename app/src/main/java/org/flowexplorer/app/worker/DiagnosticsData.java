package org.flowexplorer.app.worker;

import java.util.List;
import java.util.function.LongSupplier;
import org.flowexplorer.app.worker.Snapshot.QueryResult;
import org.flowexplorer.app.worker.Snapshot.Trace;
import org.flowexplorer.model.eval.LayerHealth;
import org.flowexplorer.model.flow.FlowTrace;
import org.flowexplorer.model.flow.RealNVP;
import org.flowexplorer.model.teach.ConditionerCurves;
import org.flowexplorer.model.train.ClippingReport;

/**
 * Keeps the {@link Diagnostics} up to date while their tab is shown: recomputed when the displayed
 * points' trace is (which {@link ViewDataScheduler} already does on its time budget), when the
 * stepper's coupling or the query point changes, and otherwise left as it is (the snapshot shares
 * it). While the tab is hidden only a change of coupling is computed. The curves
 * take {@link ConditionerCurves#DEFAULT_POINTS} one-point walks through one layer; the health
 * numbers read the trace the scheduler made and pull at most {@link #PROBE} of its points back
 * through the inverse (so the cost does not grow with the number of points shown). Owned by the worker thread.
 */
final class DiagnosticsData {
    /** Points of the round-trip probe: a strided subset of the displayed points. */
    static final int PROBE = 512;

    private final LongSupplier clock;
    private Diagnostics current;
    private Object key;
    private boolean visible;
    private int computedCoupling = -1;

    DiagnosticsData(LongSupplier clock) {
        this.clock = clock;
    }

    /** Whether the tab is shown; while it is hidden only a change of coupling is computed (so the tab opens ready). */
    void setVisible(boolean shown) {
        visible = shown;
    }

    /**
     * The diagnostics for this trace, coupling and query; the same object while none of them
     * changed. The health numbers are taken only from a trace of the model as it is now (the round
     * trip pulls the trace's latent points back with the model), so while the coupling or query
     * changes between traces the curves follow and the health numbers stay those of the last trace.
     */
    Diagnostics refresh(Experiment e, Trace trace, QueryResult query, int coupling) {
        RealNVP model = e.built() ? e.model() : null;
        if (trace == null || model == null || trace.layers() != model.layers().size()) { // no trace of this model yet
            current = null;
            key = null;
            return null;
        }
        // the query as asked for, not its path (recomputed with every model version, also between traces)
        List<Object> now = query == null ? List.of(trace, coupling)
                : List.of(trace, coupling, query.space(), query.x(), query.y());
        boolean fresh = trace.modelVersion() == e.modelVersion() && (current == null || current.modelVersion() != trace.modelVersion());
        if ((now.equals(key) && !fresh) || (!visible && current != null && coupling == computedCoupling)) {
            return current;
        }
        computedCoupling = coupling;
        key = now;
        long t0 = clock.getAsLong();
        FlowTrace points = trace.flowTrace();
        float[] q = query == null ? null : new float[] {(float) query.dataX(), (float) query.dataY()};
        ConditionerCurves curves = ConditionerCurves.of(model, points, coupling, q, ConditionerCurves.DEFAULT_POINTS,
                ConditionerCurves.DEFAULT_BINS);
        boolean kept = !fresh && current != null;
        LayerHealth health = fresh ? LayerHealth.of(model, points, PROBE) : kept ? current.layers() : null;
        ClippingReport clipping = kept ? current.clipping() : e.trainer().clipping();
        long version = kept ? current.modelVersion() : trace.modelVersion();
        current = new Diagnostics(version, curves, health, clipping, (clock.getAsLong() - t0) / 1e6);
        return current;
    }
}
