package org.flowexplorer.model.teach;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Seed 000's notebook, rebuilt so a class can follow it in the app: a 3×3 input x = 1…9 (flattened
 * row by row), a mask whose first two rows are 1 and last row 0, and the notebook's
 * {@code RealNVPCouplingLayer}: a separate s-net and t-net, each {@code fc1 → relu → fc2 → relu → fc3}
 * (three {@code Linear(9, 9)}), both fed x·mask.
 *
 * <p>Faithful to the notebook, not to the app's model, in three places: s goes through plain
 * {@code tanh} (the app's flows use {@code 2·tanh}); {@code exp(s)} multiplies <em>all</em> of x
 * and the result is masked afterwards (Steps 5–7); and s, t have 9 outputs, not one per transformed
 * coordinate. The weights use PyTorch's default {@code nn.Linear} initialisation
 * U(−1/√fan_in, 1/√fan_in) = U(−1/3, 1/3) from a seeded generator. The notebook's own weights were
 * random and never printed, so its numbers from Step 3 on cannot be reproduced — only the recipe.
 * Immutable.
 */
public final class WorkedExample {
    /** The notebook's x, flattened: 1…9. */
    public static final double[] X = {1, 2, 3, 4, 5, 6, 7, 8, 9};
    /** The notebook's mask, flattened: first two rows 1, last row 0. */
    public static final double[] MASK = {1, 1, 1, 1, 1, 1, 0, 0, 0};
    static final int N = 9;

    /** One {@code nn.Linear(9, 9)}: weight [out, in] row-major and bias, as PyTorch stores them. */
    public record Linear(String name, double[] weight, double[] bias) {
        public Linear {
            weight = weight.clone();
            bias = bias.clone();
        }

        @Override
        public double[] weight() {
            return weight.clone();
        }

        @Override
        public double[] bias() {
            return bias.clone();
        }

        /** weight · v + bias. */
        public double[] apply(double[] v) {
            int out = bias.length, in = v.length;
            double[] o = new double[out];
            for (int r = 0; r < out; r++) {
                double acc = bias[r];
                for (int c = 0; c < in; c++) {
                    acc += weight[r * in + c] * v[c];
                }
                o[r] = acc;
            }
            return o;
        }
    }

    /**
     * One printed intermediate.
     *
     * @param step    the notebook's step heading, e.g. {@code "Step 3"} ("Input" for x and mask)
     * @param label   what the notebook prints before it, e.g. {@code "s after fc1+relu"}
     * @param formula the notebook's formula line, e.g. {@code "s = relu(fc1(x_m))"}
     * @param values  9 values, row-major 3×3
     */
    public record Stage(String step, String label, String formula, double[] values) {
        public Stage {
            values = values.clone();
        }

        @Override
        public double[] values() {
            return values.clone();
        }
    }

    private final long seed;
    private final List<Linear> sNet;
    private final List<Linear> tNet;
    private final List<Stage> stages;

    private WorkedExample(long seed, List<Linear> sNet, List<Linear> tNet) {
        this.seed = seed;
        this.sNet = List.copyOf(sNet);
        this.tNet = List.copyOf(tNet);
        this.stages = List.copyOf(run());
    }

    /** The example with weights drawn from U(±1/3) by a generator seeded with {@code seed}. */
    public static WorkedExample create(long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        List<Linear> s = new ArrayList<>(), t = new ArrayList<>();
        // same creation order as the notebook's __init__: s_fc1..3, then t_fc1..3
        for (List<Linear> net : List.of(s, t)) {
            for (int i = 1; i <= 3; i++) {
                net.add(randomLinear((net == s ? "s" : "t") + "_fc" + i, rng));
            }
        }
        return new WorkedExample(seed, s, t);
    }

    /** The example with given weights (three Linears each, 9→9). */
    public static WorkedExample withWeights(List<Linear> sNet, List<Linear> tNet) {
        if (sNet.size() != 3 || tNet.size() != 3) {
            throw new IllegalArgumentException("the notebook's s-net and t-net have three Linear layers each");
        }
        sNet.forEach(WorkedExample::checkShape);
        tNet.forEach(WorkedExample::checkShape);
        return new WorkedExample(0, sNet, tNet);
    }

    private static void checkShape(Linear l) {
        if (l.weight.length != N * N || l.bias.length != N) {
            throw new IllegalArgumentException(l.name() + " must be Linear(9, 9)");
        }
    }

    private static Linear randomLinear(String name, SplittableRandom rng) {
        double bound = 1.0 / Math.sqrt(N);
        double[] w = new double[N * N], b = new double[N];
        for (int i = 0; i < w.length; i++) {
            w[i] = (rng.nextDouble() * 2 - 1) * bound;
        }
        for (int i = 0; i < N; i++) {
            b[i] = (rng.nextDouble() * 2 - 1) * bound;
        }
        return new Linear(name, w, b);
    }

    private List<Stage> run() {
        List<Stage> out = new ArrayList<>();
        out.add(new Stage("Input", "x", "x = [[1, 2, 3], [4, 5, 6], [7, 8, 9]]", X));
        out.add(new Stage("Input", "mask", "first two rows 1, last row 0", MASK));
        double[] xm = new double[N], om = new double[N];
        for (int i = 0; i < N; i++) {
            xm[i] = X[i] * MASK[i];
            om[i] = 1 - MASK[i];
        }
        out.add(new Stage("Step 1", "x_m", "x_m = x * mask", xm));
        out.add(new Stage("Step 2", "one_minus_mask", "one_minus_mask = 1 - mask", om));
        double[] s = tanh(net(out, "Step 3", "s", sNet, xm));
        out.add(new Stage("Step 3", "s after tanh", "s = tanh(s)", s));
        double[] t = net(out, "Step 4", "t", tNet, xm);
        double[] xe = new double[N], xet = new double[N], tr = new double[N], y = new double[N];
        for (int i = 0; i < N; i++) {
            xe[i] = X[i] * Math.exp(s[i]);
            xet[i] = xe[i] + t[i];
            tr[i] = om[i] * xet[i];
            y[i] = xm[i] + tr[i];
        }
        out.add(new Stage("Step 5", "x_exp_s", "x_exp_s = x * exp(s)", xe));
        out.add(new Stage("Step 6", "x_exp_s_plus_t", "x_exp_s_plus_t = x_exp_s + t", xet));
        out.add(new Stage("Step 7", "transformed", "transformed = (1 - mask) * (x * exp(s) + t)", tr));
        out.add(new Stage("Step 8", "y", "y = x_m + transformed", y));
        return out;
    }

    /** fc1 → relu → fc2 → relu → fc3 on x_m, printing each result as the notebook does ("s after fc1+relu", …). */
    private static double[] net(List<Stage> out, String step, String v, List<Linear> fcs, double[] xm) {
        double[] a = xm;
        String arg = "x_m";
        for (int i = 0; i < fcs.size(); i++) {
            String fc = "fc" + (i + 1);
            boolean last = i == fcs.size() - 1;
            a = last ? fcs.get(i).apply(a) : relu(fcs.get(i).apply(a));
            out.add(new Stage(step, v + " after " + fc + (last ? "" : "+relu"),
                    v + " = " + (last ? fc + "(" + arg + ")" : "relu(" + fc + "(" + arg + "))"), a));
            arg = v;
        }
        return a;
    }

    private static double[] relu(double[] v) {
        double[] o = new double[v.length];
        for (int i = 0; i < v.length; i++) {
            o[i] = Math.max(0, v[i]);
        }
        return o;
    }

    private static double[] tanh(double[] v) {
        double[] o = new double[v.length];
        for (int i = 0; i < v.length; i++) {
            o[i] = Math.tanh(v[i]);
        }
        return o;
    }

    /** The seed the weights were drawn with (0 for {@link #withWeights}). */
    public long seed() {
        return seed;
    }

    /** s_fc1, s_fc2, s_fc3. */
    public List<Linear> sNet() {
        return sNet;
    }

    /** t_fc1, t_fc2, t_fc3. */
    public List<Linear> tNet() {
        return tNet;
    }

    /** x, mask, then every intermediate the notebook prints, in its order (Steps 1–8). */
    public List<Stage> stages() {
        return stages;
    }

    /** The stage printed as {@code label} (e.g. "x_m", "s after tanh", "y"). */
    public Stage stage(String label) {
        for (Stage s : stages) {
            if (s.label().equals(label)) {
                return s;
            }
        }
        throw new IllegalArgumentException("no stage '" + label + "'");
    }
}
