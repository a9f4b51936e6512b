package org.flowexplorer.model.teach;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.flowexplorer.model.flow.CouplingLayer;
import org.flowexplorer.model.flow.CouplingType;
import org.flowexplorer.model.flow.FlowTrace;
import org.flowexplorer.model.flow.RealNVP;
import org.flowexplorer.model.nn.ConditionerLayout;

/**
 * One point's trip through one coupling layer, written out as the step-by-step walk-through of
 * seed 000 ({@code y = x_m + (1 − m)·(x·exp(s) + t)}) with that point's real numbers.
 *
 * <p>The layer's input is taken from the model's own trace (float32); the layer itself is then
 * recomputed here in double precision straight from the flat PyTorch-ordered parameters:
 * {@code Linear → ReLU → … → Linear} on the conditioning coordinates x_A (mask = 1), the first d_B
 * outputs are raw s, the last d_B are t, and {@code s = 2·tanh(raw s)} (additive couplings: s = 0).
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

    private CouplingInspection(Direction direction, int layer, int layerCount, CouplingType type, float[] point,
            boolean[] mask, List<Step> steps, double[] input, double[] output, double logDet) {
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
        return compute(flow, dataPoint, layer, Direction.INVERSE, tr.positions()[layer + 1]);
    }

    /**
     * The inverse walk-through of layer {@code layer} for a latent point z (e.g. a sample being
     * pulled back to data space); {@link #point()} is then z.
     */
    public static CouplingInspection inverseFromLatent(RealNVP flow, float[] latentPoint, int layer) {
        checkArgs(flow, latentPoint, layer);
        FlowTrace tr = flow.traceInverse(latentPoint);
        return compute(flow, latentPoint, layer, Direction.INVERSE, tr.positions()[layer + 1]);
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
        boolean[] m = layer.mask().values();
        int[] ci = layer.mask().conditioningIndices();
        int[] ti = layer.mask().transformedIndices();
        int dt = ti.length;
        double[] in = new double[d];
        for (int i = 0; i < d; i++) {
            in[i] = layerInput[i];
        }
        // conditioner on the conditioning coordinates (identical in both directions: they pass through)
        double[] xa = new double[ci.length];
        for (int k = 0; k < ci.length; k++) {
            xa[k] = in[ci[k]];
        }
        double[] out = mlp(flow.parameterValues(), layer.parameterOffset(), layer.conditioner(), xa);
        boolean affine = layer.type() == CouplingType.AFFINE;
        double[] rawS = nan(d), t = nan(d), s = nan(d);
        for (int k = 0; k < dt; k++) {
            int i = ti[k];
            if (affine) {
                rawS[i] = out[k];
                t[i] = out[dt + k];
                s[i] = 2 * Math.tanh(out[k]);
            } else {
                t[i] = out[k];
                s[i] = 0;
            }
        }
        double[] mv = new double[d], om = new double[d], xm = new double[d];
        for (int i = 0; i < d; i++) {
            mv[i] = m[i] ? 1 : 0;
            om[i] = 1 - mv[i];
            xm[i] = in[i] * mv[i];
        }
        double sumS = 0;
        for (int i : ti) {
            sumS += s[i];
        }
        List<Step> steps = new ArrayList<>();
        String n = Integer.toString(l);
        double[] result = new double[d];
        if (dir == Direction.FORWARD) {
            double[] xe = nan(d), xet = nan(d), part = new double[d];
            for (int i : ti) {
                xe[i] = in[i] * Math.exp(s[i]);
                xet[i] = xe[i] + t[i];
                part[i] = om[i] * xet[i];
            }
            for (int i = 0; i < d; i++) {
                result[i] = xm[i] + part[i];
            }
            steps.add(vec("x", "x = input to layer " + n, in));
            steps.add(vec("m", "m = mask (1 = passes through, 0 = scaled and shifted)", mv));
            steps.add(vec("x_m", "x_m = x · m", xm));
            steps.add(vec("1 − m", "1 − m", om));
            addConditionerSteps(steps, affine, "x", rawS, t, s);
            steps.add(vec("x·exp(s)", affine ? "x · exp(s)" : "x · exp(s) = x   (s = 0)", xe));
            steps.add(vec("x·exp(s)+t", "x · exp(s) + t", xet));
            steps.add(vec("(1−m)·(…)", "(1 − m) · (x · exp(s) + t)", part));
            steps.add(vec("y", "y = x_m + (1 − m) · (x · exp(s) + t)", result));
            steps.add(new Step("log|det J|", affine ? "log|det J| = Σ s" : "log|det J| = Σ s = 0   (additive: volume-preserving)",
                    termsOf(s, ti, d, 1), Kind.SUM, sumS));
            return new CouplingInspection(dir, l, flow.layers().size(), layer.type(), point.clone(), m, steps, in, result, sumS);
        }
        double[] ymt = nan(d), scaled = nan(d), part = new double[d];
        for (int i : ti) {
            ymt[i] = in[i] - t[i];
            scaled[i] = ymt[i] * Math.exp(-s[i]);
            part[i] = om[i] * scaled[i];
        }
        for (int i = 0; i < d; i++) {
            result[i] = xm[i] + part[i];
        }
        steps.add(vec("y", "y = output of layer " + n + " (input to its inverse)", in));
        steps.add(vec("m", "m = mask (1 = passes through, 0 = un-scaled and un-shifted)", mv));
        steps.add(vec("y_m", "y_m = y · m   (= x_m: passed through unchanged)", xm));
        steps.add(vec("1 − m", "1 − m", om));
        addConditionerSteps(steps, affine, "y", rawS, t, s);
        steps.add(vec("y−t", "y − t", ymt));
        steps.add(vec("(y−t)·exp(−s)", affine ? "(y − t) · exp(−s)" : "(y − t) · exp(−s) = y − t   (s = 0)", scaled));
        steps.add(vec("(1−m)·(…)", "(1 − m) · (y − t) · exp(−s)", part));
        steps.add(vec("x", "x = y_m + (1 − m) · (y − t) · exp(−s)", result));
        steps.add(new Step("log|det J⁻¹|", affine ? "log|det J⁻¹| = −Σ s" : "log|det J⁻¹| = −Σ s = 0   (additive)",
                termsOf(s, ti, d, -1), Kind.SUM, -sumS));
        return new CouplingInspection(dir, l, flow.layers().size(), layer.type(), point.clone(), m, steps, in, result, -sumS);
    }

    private static void addConditionerSteps(List<Step> steps, boolean affine, String v, double[] rawS, double[] t, double[] s) {
        String a = v + "_A";
        if (affine) {
            steps.add(vec("raw s", "[raw s | t] = NN(" + a + "), " + a + " = mask-1 coordinates; raw s = first half", rawS));
            steps.add(vec("t", "t = second half of NN(" + a + ")", t));
            steps.add(vec("s", "s = 2 · tanh(raw s)   (bounded log-scale)", s));
        } else {
            steps.add(vec("t", "t = NN(" + a + "),  " + a + " = mask-1 coordinates", t));
            steps.add(vec("s", "s = 0   (additive coupling: no scaling)", s));
        }
    }

    private static double[] termsOf(double[] s, int[] ti, int d, int sign) {
        double[] terms = nan(d);
        for (int i : ti) {
            terms[i] = sign * s[i] + 0.0;
        }
        return terms;
    }

    private static Step vec(String symbol, String formula, double[] values) {
        return new Step(symbol, formula, values, Kind.VECTOR, Double.NaN);
    }

    private static double[] nan(int d) {
        double[] a = new double[d];
        Arrays.fill(a, Double.NaN);
        return a;
    }

    /**
     * The conditioner MLP in double precision: for each Linear i, weight [out, in] row-major at
     * {@code offset + weightOffset(i)}, bias at {@code offset + biasOffset(i)}; ReLU after all but the last.
     */
    static double[] mlp(double[] params, int offset, ConditionerLayout net, double[] input) {
        double[] a = input;
        int last = net.linearCount() - 1;
        for (int i = 0; i <= last; i++) {
            int nin = net.in(i), nout = net.out(i);
            int w = offset + net.weightOffset(i), b = offset + net.biasOffset(i);
            double[] o = new double[nout];
            for (int r = 0; r < nout; r++) {
                double acc = params[b + r];
                for (int c = 0; c < nin; c++) {
                    acc += params[w + r * nin + c] * a[c];
                }
                o[r] = i < last ? Math.max(0, acc) : acc;
            }
            a = o;
        }
        return a;
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

    /** Σ s forward, −Σ s inverse. */
    public double logDet() {
        return logDet;
    }
}
