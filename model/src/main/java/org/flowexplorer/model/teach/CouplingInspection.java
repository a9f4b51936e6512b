package org.flowexplorer.model.teach;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.flowexplorer.model.flow.AffineCoupling;
import org.flowexplorer.model.flow.CouplingLayer;
import org.flowexplorer.model.flow.CouplingType;
import org.flowexplorer.model.flow.CouplingWalk;
import org.flowexplorer.model.flow.FlowBlock;
import org.flowexplorer.model.flow.FlowTrace;
import org.flowexplorer.model.flow.RealNVP;
import org.flowexplorer.model.flow.ScaleFunction;

/**
 * One point's trip through one coupling layer, written out as the step-by-step walk-through of
 * seed 000 ({@code y = x_m + (1 − m)·(x·exp(s) + t)}) with that point's real numbers.
 *
 * <p>The layer's input is taken from the model's own trace (float32); the layer then runs that one
 * point through its own code in double precision ({@link CouplingLayer#walk}) and reports its
 * conditioner outputs and intermediate terms with their formulas. This class only arranges them:
 * the mask lines before, the merge {@code x_m + (1 − m)·g} and the log-det line after.
 *
 * <p>Every {@link Step} holds D values, one per coordinate; a value a step does not define (e.g. t
 * for a conditioning coordinate) is {@code NaN} and is shown as "—". Immutable.
 */
public final class CouplingInspection {

    /** Which way the layer is run. */
    public enum Direction {
        /** data → latent: y = x_m + (1 − m)·(x·exp(s) + t). */
        FORWARD,
        /** latent → data: x = y_m + (1 − m)·(y − t)·exp(−s). */
        INVERSE
    }

    /** What a step's values are: per coordinate, or terms of a sum whose {@link Step#total()} matters. */
    public enum Kind { VECTOR, SUM }

    /**
     * One line of the walk-through.
     *
     * @param symbol  short name, e.g. {@code x_m}
     * @param formula how it is computed, e.g. {@code x_m = x · m}
     * @param values  D values (NaN = not defined for that coordinate)
     * @param kind    {@link Kind#SUM} for the log-det line, whose values are the summed terms
     * @param total   the sum for {@link Kind#SUM} lines, NaN otherwise
     */
    public record Step(String symbol, String formula, double[] values, Kind kind, double total) {
        public Step {
            values = values.clone();
        }

        @Override
        public double[] values() {
            return values.clone();
        }

        public double value(int coordinate) {
            return values[coordinate];
        }

        public int dim() {
            return values.length;
        }
    }

    private final Direction direction;
    private final int layer;
    private final int layerCount;
    private final CouplingType type;
    private final float[] point;
    private final boolean[] mask;
    private final List<Step> steps;
    private final double[] input;
    private final double[] output;
    private final double logDet;
    private final ScaleFunction scale;
    private final List<String> followedBy;
    private List<SplineCurve> splines = List.of();

    private CouplingInspection(Direction direction, int layer, int layerCount, CouplingType type, float[] point,
            boolean[] mask, List<Step> steps, double[] input, double[] output, double logDet, ScaleFunction scale,
            List<String> followedBy) {
        this.direction = direction;
        this.layer = layer;
        this.layerCount = layerCount;
        this.type = type;
        this.point = point;
        this.mask = mask;
        this.steps = List.copyOf(steps);
        this.input = input;
        this.output = output;
        this.logDet = logDet;
        this.scale = scale;
        this.followedBy = List.copyOf(followedBy);
    }

    /** The forward walk-through of layer {@code layer} for a data-space point (its input traced through layers 0..l−1). */
    public static CouplingInspection forward(RealNVP flow, float[] dataPoint, int layer) {
        return of(flow, dataPoint, layer, Direction.FORWARD);
    }

    /**
     * The walk-through of layer {@code layer} for a data-space point, either direction. For
     * {@link Direction#INVERSE} the point is first pushed to latent space and then pulled back with
     * the model's inverse trace, so the inverse step starts from what layer l produced for it and
     * recovers the forward step's input.
     */
    public static CouplingInspection of(RealNVP flow, float[] dataPoint, int layer, Direction direction) {
        checkArgs(flow, dataPoint, layer);
        if (direction == Direction.FORWARD) {
            FlowTrace tr = flow.traceForward(dataPoint);
            return compute(flow, dataPoint, layer, Direction.FORWARD, tr.positions()[layer]);
        }
        float[] z = flow.forward(dataPoint, null);
        FlowTrace tr = flow.traceInverse(z);
        return compute(flow, dataPoint, layer, Direction.INVERSE, tr.beforeNormAt(layer));
    }

    /**
     * The inverse walk-through of layer {@code layer} for a latent point z (e.g. a sample being
     * pulled back to data space); {@link #point()} is then z.
     */
    public static CouplingInspection inverseFromLatent(RealNVP flow, float[] latentPoint, int layer) {
        checkArgs(flow, latentPoint, layer);
        FlowTrace tr = flow.traceInverse(latentPoint);
        return compute(flow, latentPoint, layer, Direction.INVERSE, tr.beforeNormAt(layer)); // the coupling's output (before a norm)
    }

    private static void checkArgs(RealNVP flow, float[] p, int layer) {
        if (p.length != flow.dim()) {
            throw new IllegalArgumentException("expected a point with " + flow.dim() + " coordinates, got " + p.length);
        }
        if (layer < 0 || layer >= flow.layers().size()) {
            throw new IllegalArgumentException("layer " + layer + " out of range 0.." + (flow.layers().size() - 1));
        }
    }

    private static CouplingInspection compute(RealNVP flow, float[] point, int l, Direction dir, float[] layerInput) {
        CouplingLayer layer = flow.layers().get(l);
        int d = flow.dim();
        boolean inverse = dir == Direction.INVERSE;
        boolean[] m = layer.mask().values();
        int[] ti = layer.mask().transformedIndices();
        double[] in = new double[d];
        for (int i = 0; i < d; i++) {
            in[i] = layerInput[i];
        }
        CouplingWalk walk = layer.walk(flow.parameterValues(), in, inverse);
        double[] result = walk.output().clone();
        double[] mv = new double[d], om = new double[d], xm = new double[d], part = new double[d];
        for (int i = 0; i < d; i++) {
            mv[i] = m[i] ? 1 : 0;
            om[i] = 1 - mv[i];
            xm[i] = in[i] * mv[i];
            part[i] = m[i] ? 0 : om[i] * result[i]; // a transformed coordinate's output is g (or g⁻¹) itself
        }
        // couplings are numbered 1…L on screen (layer index l is coupling l + 1)
        String v = inverse ? "y" : "x", out = inverse ? "x" : "y", n = Integer.toString(l + 1);
        CouplingWalk.Head head = walk.head();
        List<Step> steps = new ArrayList<>();
        steps.add(vec(v, inverse ? "y = output of coupling " + n + " (input to its inverse)" : "x = input to coupling " + n, in));
        String changed = layer.type() == CouplingType.SPLINE ? (inverse ? "bent back by g⁻¹)" : "bent by g)")
                : layer.type() == CouplingType.ADDITIVE ? (inverse ? "un-shifted)" : "shifted)")
                : inverse ? "un-scaled and un-shifted)" : "scaled and shifted)";
        steps.add(vec("m", "m = mask (1 = passes through, 0 = " + changed, mv));
        steps.add(vec(v + "_m", inverse ? "y_m = y · m   (= x_m: passed through unchanged)" : "x_m = x · m", xm));
        steps.add(vec("1 − m", "1 − m", om));
        for (CouplingWalk.Step s : head.steps()) {
            steps.add(vec(s.symbol(), s.formula(), onTransformed(s.values(), ti, d)));
        }
        steps.add(vec("(1−m)·(…)", "(1 − m) · " + head.map(), part));
        steps.add(vec(out, out + " = " + v + "_m + (1 − m) · " + head.map(), result));
        String ldSymbol = head.logDetFormula().substring(0, head.logDetFormula().indexOf(" ="));
        steps.add(new Step(ldSymbol, head.logDetFormula(), onTransformed(head.logDetTerms(), ti, d), Kind.SUM, walk.logDet()));
        ScaleFunction scale = layer instanceof AffineCoupling a ? a.scale() : null;
        CouplingInspection inspection = new CouplingInspection(dir, l, flow.layers().size(), layer.type(), point.clone(), m,
                steps, in, result, walk.logDet(), scale, followingBlocks(flow));
        // the spline is drawn over the forward input x (inverse: the x the inverse recovered)
        inspection.splines = SplineCurve.of(layer, flow.parameterValues(), inverse ? result : in, SplineCurve.DEFAULT_POINTS);
        return inspection;
    }

    /** What the flow applies after each coupling, before the next position (e.g. "batch norm"). */
    private static List<String> followingBlocks(RealNVP flow) {
        List<String> after = new ArrayList<>();
        for (FlowBlock b : flow.blocks().get(0)) {
            after.add(b.displayName());
        }
        return after;
    }

    /** Values over the transformed coordinates placed at their indices of a D-vector; NaN elsewhere. */
    private static double[] onTransformed(double[] values, int[] ti, int d) {
        double[] a = new double[d];
        Arrays.fill(a, Double.NaN);
        for (int k = 0; k < ti.length; k++) {
            a[ti[k]] = values[k];
        }
        return a;
    }

    private static Step vec(String symbol, String formula, double[] values) {
        return new Step(symbol, formula, values, Kind.VECTOR, Double.NaN);
    }

    public Direction direction() {
        return direction;
    }

    /** Index of the inspected layer, 0-based. */
    public int layer() {
        return layer;
    }

    /** L, the flow's number of coupling layers. */
    public int layerCount() {
        return layerCount;
    }

    public CouplingType type() {
        return type;
    }

    /** The inspected point as given (data space; latent space for {@link #inverseFromLatent}). */
    public float[] point() {
        return point.clone();
    }

    public int dim() {
        return mask.length;
    }

    /** The layer's mask; true (1) = conditioning, passes through unchanged. */
    public boolean[] mask() {
        return mask.clone();
    }

    public boolean passesThrough(int coordinate) {
        return mask[coordinate];
    }

    public List<Step> steps() {
        return steps;
    }

    public Step step(int i) {
        return steps.get(i);
    }

    /** The first step whose symbol equals {@code symbol}. */
    public Step step(String symbol) {
        for (Step s : steps) {
            if (s.symbol().equals(symbol)) {
                return s;
            }
        }
        throw new IllegalArgumentException("no step '" + symbol + "' in " + direction + " inspection");
    }

    /** The layer's input in this direction (x forward, y inverse). */
    public double[] input() {
        return input.clone();
    }

    /** The layer's output in this direction (y forward, x inverse). */
    public double[] output() {
        return output.clone();
    }

    /** The affine coupling's scale function (s from the conditioner's raw output); null for a coupling without a scale. */
    public ScaleFunction scale() {
        return scale;
    }

    /**
     * The blocks the flow applies after this coupling, in order, before the stepper's next position
     * (e.g. {@code "batch norm"}); empty for the seed's flow. The walk-through covers the coupling alone.
     */
    public List<String> followedBy() {
        return followedBy;
    }

    /** A spline coupling's splines at this point, one per transformed coordinate; empty for the other couplings. */
    public List<SplineCurve> splines() {
        return splines;
    }

    /** Σ s forward, −Σ s inverse. */
    public double logDet() {
        return logDet;
    }
}
