package org.flowexplorer.app.worker;

import java.util.OptionalDouble;
import org.flowexplorer.app.scene.Bounds;
import org.flowexplorer.model.flow.FlowTrace;
import org.flowexplorer.model.io.DataSource;
import org.flowexplorer.model.teach.CouplingInspection;
import org.flowexplorer.model.train.LossSnapshot;

/**
 * What the worker last published: an immutable picture of the training state and all heavy view
 * data, computed on the worker thread and built by {@link SnapshotBuilder}. Arrays are never
 * modified after publication (a later snapshot that has not recomputed something shares the
 * earlier array), so the FX thread may read them without locks; do not modify them. Every number
 * in the view data is finite: what the model cannot compute is left out, never sent as NaN.
 *
 * @param sequence        increases with every publication
 * @param commandsHandled how many commands the worker has handled so far (lets the UI ignore stale state)
 * @param runId           changes when training restarts (reset, new data, new architecture, a loaded file)
 * @param phase           whether the model exists yet
 * @param status          the training loop's state, its losses and its messages
 * @param settings        what is being trained, and how
 * @param view            the points, traces, grid, density, samples and query the plots show
 * @param loss            the run's loss curve (smoothed train NLL per step, see {@code LossSmoothing}; test
 *                        NLL every few steps; NaN where not measured): an O(1) immutable view of the
 *                        worker's append-only history, exactly what a saved session stores
 * @param inspector       the formula inspector's layer, direction and numbers
 * @param timings         durations of the last expensive computations
 * @param heldOut         the test NLL's robust summaries (median, outliers) and the data's entropy floor
 * @param replay          the checkpoints kept for the replay timeline and which one the views show
 */
public record Snapshot(
        long sequence,
        long commandsHandled,
        int runId,
        Phase phase,
        Status status,
        Settings settings,
        ViewData view,
        LossSnapshot loss,
        Inspector inspector,
        Timings timings,
        HeldOutReport heldOut,
        ReplayState replay) {

    public enum Phase {
        PREPARING, READY
    }

    /**
     * @param notice         a one-line message for the status bar (e.g. "Architecture changed: model reset"), may be empty
     * @param error          the last error (bad command, diverged training), empty if none
     * @param playing        whether the training loop runs
     * @param step           optimisation steps of the model shown (a loaded model's plus this run's)
     * @param epoch          passes over the data started in this run
     * @param stepsPerSecond recent training speed
     * @param trainNll       smoothed minibatch NLL (nats), NaN before the first step
     * @param testNll        last held-out NLL (nats), NaN before the first evaluation
     * @param stepOffset     steps the model had been trained before this run (a loaded session or model)
     * @param divergence     why training last paused by itself (non-finite or exploding values), null if it did not
     */
    public record Status(String notice, String error, boolean playing, long step, long epoch, double stepsPerSecond,
            double trainNll, double testNll, long stepOffset, Divergence divergence) {
    }

    /**
     * @param dataSource     where the training points came from (a toy set, or custom: drawn / imported)
     * @param trainingPoints how many points are trained on (0 before the data are built)
     */
    public record Settings(DatasetSettings dataset, ArchitectureSettings architecture, double learningRate,
            int batchSize, DataSource dataSource, int trainingPoints) {
    }

    /**
     * @param dataBounds        the data view's box (robust square bounds of the training points)
     * @param points            displayed training points (data space, at most {@link TrainingWorker.Options#maxDisplayPoints()})
     * @param trace             those points after every layer; null until computed
     * @param grid              a data-space grid pushed through every layer; null until computed
     * @param gridLines         polylines in the grid (vertical and horizontal)
     * @param gridPointsPerLine points on each polyline
     * @param masks             masks[l][d] true when coordinate d conditions layer l
     * @param density           model density over {@code dataBounds}, null when off or not computed yet
     * @param samples           model samples, null when none were drawn
     * @param query             the query point's trace, null when none
     * @param displayedLayer    the layer the stepper shows (0 = data … L = latent)
     * @param anatomy           the log-det maps, Jacobian glyphs and query waterfall of the stepper's coupling, null until computed
     * @param diagnostics       the conditioner curves and numerical health; null until the first trace
     * @param baseComponents    the mixture base's weights, means and scales, null for N(0, I) (a new object only when they change)
     */
    public record ViewData(Bounds dataBounds, float[] points, Trace trace, Trace grid, int gridLines,
            int gridPointsPerLine, boolean[][] masks, Density density, Samples samples, QueryResult query,
            int displayedLayer, org.flowexplorer.app.scene.LayerAnatomy anatomy, Diagnostics diagnostics,
            org.flowexplorer.model.flow.MixtureBase.Components baseComponents) {
    }

    /**
     * @param inspection the coupling formula with real numbers for the query point at the inspected layer,
     *                   null when there is no query point
     * @param layer      the coupling layer the inspector shows (0..L−1)
     * @param direction  which way the inspector runs the layer
     */
    public record Inspector(CouplingInspection inspection, int layer, CouplingInspection.Direction direction) {
    }

    public int layers() {
        return settings.architecture().layers();
    }

    /** The floor of the expected NLL: the toy set's estimated entropy H(p) at its noise, empty for custom data. */
    public OptionalDouble lowerBound() {
        return heldOut.floor();
    }

    /** Whether the points are the user's own (drawn or imported) rather than a generated toy set. */
    public boolean customData() {
        return settings.dataSource() instanceof DataSource.Custom;
    }

    /** Short name of the data: the toy set's id, the imported file's name, or "drawn points". */
    public String dataName() {
        return settings.dataSource() == null ? settings.dataset().set().id() : describeSource(settings.dataSource());
    }

    /** "moons", "my points.csv" or "drawn points". */
    public static String describeSource(DataSource source) {
        if (source instanceof DataSource.Custom c) {
            return c.origin() == null ? "drawn points" : c.origin();
        }
        return ((DataSource.Toy) source).dataset().id();
    }

    /**
     * Points after every layer: {@code positions[l]} ([n, 2] row-major) for l = 0 (data) … L (latent),
     * with robust per-layer bounds and each layer's mean |s| and |t| (index l−1 for layer l).
     */
    public record Trace(long modelVersion, float[][] positions, Bounds[] bounds, float[] meanAbsScale,
            float[] meanAbsShift, FlowTrace flowTrace) {
        public int layers() {
            return positions.length - 1;
        }

        public int n() {
            return positions[0].length / 2;
        }
    }

    /** Density p(x) on a width × height grid over {@code bounds}, row-major, row 0 at ymin, as PlotView wants. */
    public record Density(long modelVersion, float[] values, int width, int height, Bounds bounds, double millis) {
    }

    /** Samples: base draws z and their images x = f⁻¹(z) (pairs whose image is not finite are left out). */
    public record Samples(long modelVersion, float[] latent, float[] data) {
    }

    /**
     * A query point and its path through the layers.
     *
     * @param path           L+1 points (x,y pairs): index 0 data space, L latent space
     * @param roundTripError ‖f⁻¹(f(x)) − x‖ for the data-space point x of the path
     */
    public record QueryResult(Command.Space space, double x, double y, float[] path, double roundTripError) {
        public double dataX() {
            return path[0];
        }

        public double dataY() {
            return path[1];
        }

        public double latentX() {
            return path[path.length - 2];
        }

        public double latentY() {
            return path[path.length - 1];
        }
    }

    /**
     * Durations of the last expensive computations, for the status bar and measurements;
     * {@code trainShare} is the fraction of the worker's wall time spent in training steps while
     * playing (over the last rate window; NaN when not playing), {@code viewShare} the fraction it
     * spent keeping the view data up to date (handing jobs to the view threads, the cheap views;
     * the traces and the density themselves run on those threads while playing).
     */
    public record Timings(double stepMillis, double traceMillis, double densityMillis, double firstBuildMillis,
            double trainShare, double viewShare) {
        public static final Timings NONE = new Timings(Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN,
                Double.NaN);
    }
}
