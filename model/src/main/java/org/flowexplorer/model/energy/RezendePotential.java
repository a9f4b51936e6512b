package org.flowexplorer.model.energy;

/**
 * The four test energies of Rezende &amp; Mohamed, "Variational Inference with Normalizing Flows"
 * (ICML 2015), Table 1, with their analytic gradients. With w1 = sin(2πx1/4),
 * w2 = 3·exp(−½((x1 − 1)/0.6)²) and w3 = 3·σ((x1 − 1)/0.3):
 *
 * <pre>
 *   U1 = ½((‖x‖ − 2)/0.4)² − ln(exp(−½((x1 − 2)/0.6)²) + exp(−½((x1 + 2)/0.6)²))
 *   U2 = ½((x2 − w1)/0.4)²
 *   U3 = −ln(exp(−½((x2 − w1)/0.35)²) + exp(−½((x2 − w1 + w2)/0.35)²))
 *   U4 = −ln(exp(−½((x2 − w1)/0.4)²) + exp(−½((x2 − w1 + w3)/0.35)²))
 * </pre>
 *
 * exp(−U2), exp(−U3) and exp(−U4) do not decay along x1 (their mass is infinite), so reverse KL
 * could lower its loss without end by spreading q along x1. As in the paper's figures, which show
 * [−4, 4]², they get a wall outside it: + ½((|x1| − 4)/0.2)² for |x1| &gt; 4 (zero inside, so the
 * picture in the square is the paper's).
 */
public enum RezendePotential implements Potential {
    U1, U2, U3, U4;

    private static final double HALF_WIDTH = 4.0;
    private static final double WALL = 0.2;

    @Override
    public double value(double x1, double x2) {
        return switch (this) {
            case U1 -> {
                double a = (Math.hypot(x1, x2) - 2) / 0.4;
                double g1 = -0.5 * sq((x1 - 2) / 0.6), g2 = -0.5 * sq((x1 + 2) / 0.6);
                yield 0.5 * a * a - logSumExp(g1, g2);
            }
            case U2 -> 0.5 * sq((x2 - w1(x1)) / 0.4) + wall(x1);
            case U3 -> twoBands(x2 - w1(x1), 0.35, x2 - w1(x1) + w2(x1), 0.35) + wall(x1);
            case U4 -> twoBands(x2 - w1(x1), 0.4, x2 - w1(x1) + w3(x1), 0.35) + wall(x1);
        };
    }

    @Override
    public void gradient(double x1, double x2, double[] out) {
        double dw1 = Math.PI / 2 * Math.cos(Math.PI * x1 / 2);
        switch (this) {
            case U1 -> {
                double r = Math.hypot(x1, x2);
                double radial = r > 0 ? (r - 2) / (0.4 * 0.4) / r : 0;
                double g1 = -0.5 * sq((x1 - 2) / 0.6), g2 = -0.5 * sq((x1 + 2) / 0.6);
                double p1 = 1 / (1 + Math.exp(g2 - g1));
                // −d/dx1 log(e^g1 + e^g2) = p1·(x1 − 2)/0.36 + p2·(x1 + 2)/0.36
                out[0] = radial * x1 + (p1 * (x1 - 2) + (1 - p1) * (x1 + 2)) / 0.36;
                out[1] = radial * x2;
            }
            case U2 -> {
                double a = (x2 - w1(x1)) / 0.4;
                out[0] = -a / 0.4 * dw1 + wallSlope(x1);
                out[1] = a / 0.4;
            }
            case U3 -> {
                double w2 = w2(x1), dw2 = -w2 * (x1 - 1) / 0.36;
                twoBandsGradient(x2 - w1(x1), 0.35, -dw1, x2 - w1(x1) + w2, 0.35, -dw1 + dw2, out);
                out[0] += wallSlope(x1);
            }
            case U4 -> {
                double sig = sigmoid((x1 - 1) / 0.3), dw3 = 3 * sig * (1 - sig) / 0.3;
                twoBandsGradient(x2 - w1(x1), 0.4, -dw1, x2 - w1(x1) + w3(x1), 0.35, -dw1 + dw3, out);
                out[0] += wallSlope(x1);
            }
        }
    }

    private static double w1(double x1) {
        return Math.sin(2 * Math.PI * x1 / 4);
    }

    private static double w2(double x1) {
        return 3 * Math.exp(-0.5 * sq((x1 - 1) / 0.6));
    }

    private static double w3(double x1) {
        return 3 * sigmoid((x1 - 1) / 0.3);
    }

    /** −ln(exp(−½(a/sa)²) + exp(−½(b/sb)²)). */
    private static double twoBands(double a, double sa, double b, double sb) {
        return -logSumExp(-0.5 * sq(a / sa), -0.5 * sq(b / sb));
    }

    /**
     * ∇ of {@link #twoBands} where a and b depend on x1 with slopes da, db and on x2 with slope 1:
     * the band weights p_a, p_b (a softmax) times each band's own gradient.
     */
    private static void twoBandsGradient(double a, double sa, double da, double b, double sb, double db, double[] out) {
        double ga = -0.5 * sq(a / sa), gb = -0.5 * sq(b / sb);
        double pa = 1 / (1 + Math.exp(gb - ga)), pb = 1 - pa;
        double ka = pa * a / (sa * sa), kb = pb * b / (sb * sb);
        out[0] = ka * da + kb * db;
        out[1] = ka + kb;
    }

    private static double wall(double x1) {
        double over = Math.abs(x1) - HALF_WIDTH;
        return over > 0 ? 0.5 * sq(over / WALL) : 0;
    }

    private static double wallSlope(double x1) {
        double over = Math.abs(x1) - HALF_WIDTH;
        return over > 0 ? Math.signum(x1) * over / (WALL * WALL) : 0;
    }

    private static double sigmoid(double v) {
        return 1 / (1 + Math.exp(-v));
    }

    private static double sq(double v) {
        return v * v;
    }

    static double logSumExp(double a, double b) {
        double m = Math.max(a, b);
        return m + Math.log(Math.exp(a - m) + Math.exp(b - m));
    }
}
