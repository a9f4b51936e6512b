package org.flowexplorer.app.worker;

import java.util.List;
import java.util.Objects;
import java.util.function.LongSupplier;
import org.flowexplorer.app.scene.LayerAnatomy;
import org.flowexplorer.app.worker.Snapshot.QueryResult;
import org.flowexplorer.app.worker.Snapshot.Trace;
import org.flowexplorer.model.flow.RealNVP;

/**
 * The "Log-det &amp; Jacobian" view data ({@link LayerAnatomy}) for the stepper's coupling, kept up
 * to date on the worker thread. A new coupling, query point, data set or model is shown at once (the
 * user is looking); while training it follows the model at most every {@value #MIN_INTERVAL_MILLIS} ms
 * and within {@value #TIME_SHARE} of the worker's time, so training keeps its frame budget. Layer k's
 * map at {@value #MAP_RESOLUTION}² (one layer), the cumulative map at {@value #CUMULATIVE_RESOLUTION}²
 * (k layers), glyphs on a {@value #GLYPHS_PER_SIDE}² grid. Owned by the worker thread.
 */
final class LayerAnatomyData {
    static final int MAP_RESOLUTION = 96;
    static final int CUMULATIVE_RESOLUTION = 64;
    static final int GLYPHS_PER_SIDE = 9;
    static final double TIME_SHARE = 0.06;
    static final long MIN_INTERVAL_MILLIS = 250;

    private final LongSupplier clock;
    private LayerAnatomy current;
    private List<Object> shown;
    private long shownVersion = -1;
    private long nextNanos;
    private boolean visible;

    LayerAnatomyData(LongSupplier clock) {
        this.clock = clock;
    }

    /**
     * Whether the tab is shown. Hidden, the data follow only what the user asks for (coupling, query
     * point, data), not training: the maps through k layers cost the worker up to hundreds of ms, which
     * held back the explorer's snapshots (16 fps instead of 50 with 10 000 points at 1600×1000).
     */
    void setVisible(boolean shown) {
        visible = shown;
    }

    /**
     * Recomputes when what is asked for changed, or when the model did and the budget allows.
     *
     * @param coupling the stepper's coupling, 0…L−1 (shown as k = coupling + 1)
     */
    void refresh(Experiment e, Trace trace, QueryResult query, int coupling, boolean full, long now) {
        RealNVP model = e.model();
        if (model == null || trace == null || model.dim() != 2 || trace.layers() != model.layers().size()) {
            return;
        }
        int k = Math.max(1, Math.min(model.layers().size(), coupling + 1));
        double[] at = query == null ? null : new double[] {query.dataX(), query.dataY()};
        List<Object> asked = List.of(model, k, Objects.toString(at == null ? null : List.of(at[0], at[1])),
                e.points().bounds());
        boolean changed = !asked.equals(shown);
        boolean stale = shownVersion != e.modelVersion();
        if (!changed && !(stale && visible && (full || now >= nextNanos))) {
            return;
        }
        long t0 = clock.getAsLong();
        LayerAnatomy.Request r = new LayerAnatomy.Request(k, trace.bounds()[k - 1], e.points().bounds(), MAP_RESOLUTION,
                CUMULATIVE_RESOLUTION, GLYPHS_PER_SIDE);
        current = LayerAnatomy.of(model, r, trace.positions(), at);
        shown = asked;
        shownVersion = e.modelVersion();
        long t1 = clock.getAsLong();
        nextNanos = t1 + Math.max(MIN_INTERVAL_MILLIS * 1_000_000L, (long) ((t1 - t0) * (1 - TIME_SHARE) / TIME_SHARE));
    }

    /** The last computed view data, null before the first trace (or for a model that is not 2-D). */
    LayerAnatomy current() {
        return current;
    }
}
