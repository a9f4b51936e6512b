package org.flowexplorer.app.worker;

import java.util.OptionalDouble;
import org.flowexplorer.model.flow.FlowTrace;
import org.flowexplorer.model.io.DataSource;
import org.flowexplorer.model.teach.CouplingInspection;
import org.flowexplorer.model.train.LossSnapshot;

/**
 * What the worker last published: an immutable picture of the training state and all heavy view
 * data, computed on the worker thread. Arrays are never modified after publication (a later
 * snapshot that has not recomputed something shares the earlier array), so the FX thread may read
 * them without locks; do not modify them.
 *
 * @param sequence       increases with every publication
 * @param commandsHandled how many commands the worker has handled so far (lets the UI ignore stale state)
 * @param runId          changes when training restarts (reset, new data, new architecture)
 * @param phase          whether the model exists yet
 * @param notice         a one-line message for the status bar (e.g. "Architecture changed: model reset"), may be empty
 * @param error          the last error (bad command, diverged training), empty if none
 * @param playing        whether the training loop runs
 * @param step           optimisation steps taken in this run
 * @param stepsPerSecond recent training speed
 * @param trainNll       exponentially smoothed minibatch NLL (nats), NaN before the first step
 * @param testNll        last held-out NLL (nats), NaN before the first evaluation
 * @param points         displayed training points (data space, at most {@link TrainingWorker.Options#maxDisplayPoints()})
 * @param trace          those points after every layer; null until computed
 * @param grid           a data-space grid pushed through every layer; null until computed
 * @param masks          masks[l][d] true when coordinate d conditions layer l
 * @param density        model density over {@code dataBounds}, null when off or not computed yet
 * @param samples        model samples, null when none were drawn
 * @param query          the query point's trace, null when none
 * @param loss           the run's loss curve (smoothed train NLL per step, test NLL every few steps, NaN
 *                       where not measured): an O(1) immutable view of the worker's append-only history,
 *                       exactly what a saved session stores
 * @param dataSource     where the training points came from (a toy set, or custom: drawn / imported)
 * @param inspection     the coupling formula with real numbers for the query point at the inspected layer,
 *                       null when there is no query point
 * @param inspectedLayer the coupling layer the inspector shows (0..L−1)
 * @param inspectionDirection which way the inspector runs the layer
 * @param stepOffset     steps the model had been trained before this run (a loaded session or model)
 */
public record Snapshot(
        long sequence,
        long commandsHandled,
        int runId,
        Phase phase,
        String notice,
        String error,
        boolean playing,
        long step,
        long epoch,
        double stepsPerSecond,
        double trainNll,
        double testNll,
        double learningRate,
        int batchSize,
        DatasetSettings dataset,
        ArchitectureSettings architecture,
        Bounds dataBounds,
        float[] points,
        Trace trace,
        Trace grid,
        int gridLines,
        int gridPointsPerLine,
        boolean[][] masks,
        Density density,
        Samples samples,
        QueryResult query,
        LossSnapshot loss,
        int displayedLayer,
        Timings timings,
        DataSource dataSource,
        CouplingInspection inspection,
        int inspectedLayer,
        CouplingInspection.Direction inspectionDirection,
        long stepOffset) {

    public enum Phase {
        PREPARING, READY
    }

    public int layers() {
        return architecture.layers();
    }

    public OptionalDouble lowerBound() {
        return dataSource instanceof DataSource.Toy ? dataset.set().knownNllLowerBound() : OptionalDouble.empty();
    }

    /** Whether the points are the user's own (drawn or imported) rather than a generated toy set. */
    public boolean customData() {
        return dataSource instanceof DataSource.Custom;
    }

    /** Short name of the data: the toy set's id, the imported file's name, or "drawn points". */
    public String dataName() {
        return dataSource == null ? dataset.set().id() : describeSource(dataSource);
    }

    /** "moons", "my points.csv" or "drawn points". */
    public static String describeSource(DataSource source) {
        if (source instanceof DataSource.Custom c) {
            return c.origin() == null ? "drawn points" : c.origin();
        }
        return ((DataSource.Toy) source).dataset().id();
    }

    /** The smoothed train NLL per step as a chart series (measured entries only; O(n), allocates). */
    public Series trainLoss() {
        return Series.of(loss == null ? LossSnapshot.empty().trainSeries() : loss.trainSeries());
    }

    /** The test NLL as a chart series (O(n), allocates). */
    public Series testLoss() {
        return Series.of(loss == null ? LossSnapshot.empty().testSeries() : loss.testSeries());
    }

    /** An axis-aligned box in some space. */
    public record Bounds(double xmin, double xmax, double ymin, double ymax) {
        public static final Bounds LATENT = new Bounds(-4, 4, -4, 4);

        public Bounds lerp(Bounds o, double f) {
            return new Bounds(xmin + f * (o.xmin - xmin), xmax + f * (o.xmax - xmax),
                    ymin + f * (o.ymin - ymin), ymax + f * (o.ymax - ymax));
        }
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

    /** Density p(x) on a gw×gh grid over {@code bounds}, row-major, row 0 at ymin, as PlotView wants. */
    public record Density(long modelVersion, float[] values, int width, int height, Bounds bounds, double millis) {
    }

    /** Samples: base draws z and their images x = f⁻¹(z). */
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

    /** The first {@code size} entries of (step, value) arrays, for a chart. */
    public record Series(int[] steps, float[] values, int size) {
        public static final Series EMPTY = new Series(new int[0], new float[0], 0);

        /** The non-NaN values of a loss series. */
        public static Series of(LossSnapshot.Series s) {
            int[] steps = new int[s.size()];
            float[] values = new float[s.size()];
            int k = 0;
            for (int i = 0; i < s.size(); i++) {
                if (!Double.isNaN(s.values()[i])) {
                    steps[k] = (int) Math.min(Integer.MAX_VALUE, s.steps()[i]);
                    values[k++] = (float) s.values()[i];
                }
            }
            return new Series(steps, values, k);
        }

        public float last() {
            return size == 0 ? Float.NaN : values[size - 1];
        }
    }

    /**
     * Durations of the last expensive computations, for the status bar and measurements;
     * {@code trainShare} is the fraction of the worker's wall time spent in training steps while
     * playing (over the last rate window; NaN when not playing).
     */
    public record Timings(double stepMillis, double traceMillis, double densityMillis, double firstBuildMillis,
            double trainShare) {
        public static final Timings NONE = new Timings(Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN);
    }
}
