package org.flowexplorer.model.flow;

import org.flowexplorer.model.nn.Numerics;

/**
 * One monotone rational-quadratic spline on [−B, B] with K bins and the identity outside
 * (Durkan, Bekasov, Murray &amp; Papamakarios 2019), the same function as nflows'
 * {@code unconstrained_rational_quadratic_spline(tails='linear')}. From 3K − 1 unnormalised
 * numbers (K widths, K heights, K − 1 interior derivatives, in that order):
 *
 * <pre>
 *   w_i = m + (1 − mK)·softmax(uw)_i,   x_0 = −B, x_i = −B + 2B·Σ_{l&lt;i} w_l, x_K = B    (m = 1e-3; heights alike: y_i)
 *   d_0 = d_K = 1,   d_i = m + softplus(ud_i)                                          (0 &lt; i &lt; K)
 *   in bin k (x_k ≤ x &lt; x_{k+1}):  W = x_{k+1} − x_k, H = y_{k+1} − y_k, δ = H/W, θ = (x − x_k)/W, T = θ(1 − θ)
 *   g(x)       = y_k + H·(δθ² + d_k·T) / (δ + (d_k + d_{k+1} − 2δ)·T)
 *   log g′(x)  = log δ² (d_{k+1}θ² + 2δT + d_k(1 − θ)²) − 2 log(δ + (d_k + d_{k+1} − 2δ)·T)
 *   g⁻¹(y): θ = 2c / (−b − √(b² − 4ac)) with a = (y − y_k)(d_k + d_{k+1} − 2δ) + H(δ − d_k),
 *           b = H·d_k − (y − y_k)(d_k + d_{k+1} − 2δ), c = −δ(y − y_k)
 *   outside [−B, B]: g(x) = x, log g′ = 0
 * </pre>
 *
 * The backward pass is analytic: ∂/∂x and ∂/∂(every unnormalised number) of
 * {@code ∂L/∂y · g(x) + ∂L/∂log g′ · log g′(x)}, through the rational function, the knots'
 * cumulative sums, the softmaxes and the softplus. The end knots ±B and the end derivatives 1 are
 * constants (as nflows pins them), so their gradients are dropped.
 *
 * <p>Bins are found as nflows' {@code searchsorted} does: the last k with x_k ≤ x, x = B in the last
 * bin. An instance holds one coordinate's knots; a coupling reloads one instance per coordinate
 * ({@link #load}), so the training loop allocates nothing. The public methods only read the knots.
 */
public final class RationalQuadraticSpline {
    public static final double MIN_BIN_WIDTH = 1e-3;
    public static final double MIN_BIN_HEIGHT = 1e-3;
    public static final double MIN_DERIVATIVE = 1e-3;

    private final int k;
    private final double bound;
    private final double[] p;       // the unnormalised numbers, 3K − 1
    private final double[] sw, sh;  // softmax of the widths and of the heights, K each
    private final double[] xs, ys;  // knots, K + 1 each
    private final double[] ds;      // derivatives at the knots, K + 1
    private final double[] gx, gy;  // backward scratch: ∂L/∂x_i and ∂L/∂y_i, K + 1 each

    RationalQuadraticSpline(SplineShape shape) {
        k = shape.bins();
        bound = shape.bound();
        p = new double[shape.outputsPerTransformed()];
        sw = new double[k];
        sh = new double[k];
        xs = new double[k + 1];
        ys = new double[k + 1];
        ds = new double[k + 1];
        gx = new double[k + 1];
        gy = new double[k + 1];
    }

    /** The spline of one coordinate's 3K − 1 unnormalised numbers (K widths, K heights, K − 1 derivatives). */
    public static RationalQuadraticSpline of(SplineShape shape, double[] unnormalised) {
        if (unnormalised.length != shape.outputsPerTransformed()) {
            throw new IllegalArgumentException("expected " + shape.outputsPerTransformed() + " numbers, got " + unnormalised.length);
        }
        RationalQuadraticSpline s = new RationalQuadraticSpline(shape);
        s.load(Numerics.float64(), unnormalised, 0);
        return s;
    }

    // ---- knots from the unnormalised numbers ------------------------------------------------

    /** Knots from the 3K − 1 numbers at {@code o[off …]}, a float32 or float64 buffer. */
    <A> void load(Numerics<A> nm, A o, int off) {
        for (int i = 0; i < p.length; i++) {
            p[i] = nm.get(o, off + i);
        }
        computeKnots();
    }

    private void computeKnots() {
        softmax(p, 0, sw);
        softmax(p, k, sh);
        cumulative(sw, MIN_BIN_WIDTH, xs);
        cumulative(sh, MIN_BIN_HEIGHT, ys);
        ds[0] = 1;
        ds[k] = 1;
        for (int i = 1; i < k; i++) {
            ds[i] = MIN_DERIVATIVE + softplus(p[2 * k + i - 1]);
        }
    }

    private void softmax(double[] v, int off, double[] out) {
        double max = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < k; i++) {
            max = Math.max(max, v[off + i]);
        }
        double sum = 0;
        for (int i = 0; i < k; i++) {
            out[i] = Math.exp(v[off + i] - max);
            sum += out[i];
        }
        for (int i = 0; i < k; i++) {
            out[i] /= sum;
        }
    }

    /** knots[0] = −B, knots[i] = −B + 2B·Σ_{l&lt;i} (m + (1 − mK)·share_l), knots[K] = B (pinned, as nflows). */
    private void cumulative(double[] share, double min, double[] knots) {
        double cum = 0;
        knots[0] = -bound;
        for (int i = 0; i < k - 1; i++) {
            cum += min + (1 - min * k) * share[i];
            knots[i + 1] = 2 * bound * cum - bound;
        }
        knots[k] = bound;
    }

    /** PyTorch's softplus (β = 1, threshold 20: linear above). */
    static double softplus(double v) {
        return v > 20 ? v : Math.log1p(Math.exp(v));
    }

    private static double sigmoid(double v) {
        return 1 / (1 + Math.exp(-v));
    }

    // ---- forward, inverse -------------------------------------------------------------------

    /** The bin holding v among {@code knots} (nflows' searchsorted), or −1 outside [−B, B]. */
    private int bin(double[] knots, double v) {
        if (!(v >= -bound && v <= bound)) {
            return -1;
        }
        int b = 0;
        while (b < k - 1 && v >= knots[b + 1]) {
            b++;
        }
        return b;
    }

    /** g(v) forward, g⁻¹(v) inverse; {@code ld[at]} = log g′(x) forward, −log g′(x) inverse. */
    double map(double v, boolean inverse, double[] ld, int at) {
        int b = bin(inverse ? ys : xs, v);
        if (b < 0) {
            ld[at] = 0;
            return v;
        }
        double w = xs[b + 1] - xs[b], h = ys[b + 1] - ys[b], delta = h / w, d0 = ds[b], d1 = ds[b + 1], sum = d0 + d1 - 2 * delta;
        if (!inverse) {
            double theta = (v - xs[b]) / w, t = theta * (1 - theta), den = delta + sum * t;
            ld[at] = logDerivative(delta, d0, d1, theta, den);
            return ys[b] + h * (delta * theta * theta + d0 * t) / den;
        }
        double dy = v - ys[b];
        double a = dy * sum + h * (delta - d0), bq = h * d0 - dy * sum, c = -delta * dy;
        double theta = 2 * c / (-bq - Math.sqrt(Math.max(0, bq * bq - 4 * a * c)));
        double t = theta * (1 - theta);
        double l = logDerivative(delta, d0, d1, theta, delta + sum * t);
        // One Newton step on g(x) = y: the root loses digits where the bin is flat (b² ≈ 4ac).
        double slope = w * Math.exp(l);
        if (slope > 0 && Double.isFinite(slope)) {
            double residual = ys[b] + h * (delta * theta * theta + d0 * t) / (delta + sum * t) - v;
            theta = Math.min(1, Math.max(0, theta - residual / slope));
            t = theta * (1 - theta);
            l = logDerivative(delta, d0, d1, theta, delta + sum * t);
        }
        ld[at] = -l;
        return theta * w + xs[b];
    }

    private static double logDerivative(double delta, double d0, double d1, double theta, double den) {
        double u = 1 - theta;
        double num = delta * delta * (d1 * theta * theta + 2 * delta * theta * u + d0 * u * u);
        return Math.log(num) - 2 * Math.log(den);
    }

    // ---- backward ---------------------------------------------------------------------------

    /**
     * Gradients of {@code g·y + q·log g′(x)} at x: writes ∂/∂(unnormalised number i) to
     * {@code grad[off + i]} (all 3K − 1, overwriting) and returns ∂/∂x.
     */
    double backward(double x, double g, double q, double[] grad, int off) {
        int b = bin(xs, x);
        if (b < 0) {
            java.util.Arrays.fill(grad, off, off + p.length, 0);
            return g;
        }
        double w = xs[b + 1] - xs[b], h = ys[b + 1] - ys[b], s = h / w, d0 = ds[b], d1 = ds[b + 1];
        double th = (x - xs[b]) / w, u = 1 - th, t = th * u, dt = 1 - 2 * th, sum = d0 + d1 - 2 * s;
        double num = s * th * th + d0 * t, den = s + sum * t, r = num / den;
        double poly = d1 * th * th + 2 * s * t + d0 * u * u;
        double gh = g * h / den; // ∂L/∂N through y = y_k + H·N/D (then −R·∂D for D)
        double gTheta = gh * ((2 * s * th + d0 * dt) - r * sum * dt)
                + q * ((2 * d1 * th + 2 * s * dt - 2 * d0 * u) / poly - 2 * sum * dt / den);
        double gS = gh * (th * th - r * (1 - 2 * t)) + q * (2 / s + 2 * t / poly - 2 * (1 - 2 * t) / den);
        double gD0 = gh * (t - r * t) + q * (u * u / poly - 2 * t / den);
        double gD1 = gh * (-r * t) + q * (th * th / poly - 2 * t / den);
        // θ = (x − x_k)/W, δ = H/W, W = x_{k+1} − x_k, H = y_{k+1} − y_k
        double gW = -(gTheta * th + gS * s) / w, gH = g * r + gS / w;
        java.util.Arrays.fill(gx, 0);
        java.util.Arrays.fill(gy, 0);
        gx[b] += -gTheta / w - gW;
        gx[b + 1] += gW;
        gy[b] += g - gH;
        gy[b + 1] += gH;
        knotsBackward(gx, sw, MIN_BIN_WIDTH, grad, off);
        knotsBackward(gy, sh, MIN_BIN_HEIGHT, grad, off + k);
        for (int i = 1; i < k; i++) {
            double gd = (i == b ? gD0 : 0) + (i == b + 1 ? gD1 : 0);
            grad[off + 2 * k + i - 1] = gd * sigmoid(p[2 * k + i - 1]);
        }
        return gTheta / w;
    }

    /** From ∂L/∂knot_i (interior knots only; the ends are pinned) back through the cumulative sum and the softmax. */
    private void knotsBackward(double[] gKnots, double[] share, double min, double[] grad, int off) {
        // knot_i = −B + 2B·Σ_{l<i} (m + (1 − mK)·share_l): ∂L/∂share_l = 2B(1 − mK)·Σ_{i=l+1}^{K−1} ∂L/∂knot_i
        double suffix = 0, dot = 0, c = 2 * bound * (1 - min * k);
        for (int l = k - 1; l >= 0; l--) {
            grad[off + l] = c * suffix;
            dot += share[l] * grad[off + l];
            suffix += l >= 1 ? gKnots[l] : 0;
        }
        for (int l = 0; l < k; l++) {
            grad[off + l] = share[l] * (grad[off + l] - dot);
        }
    }

    // ---- what the teaching views read -------------------------------------------------------

    /**
     * The knots of a spline, copies: x_0 = −B … x_K = B, y_0 = −B … y_K = B and the slopes
     * d_0 = 1, d_1 … d_{K−1}, d_K = 1.
     */
    public record Knots(double[] xs, double[] ys, double[] slopes) {
    }

    /** g(x) (the identity outside [−B, B]). */
    public double forward(double x) {
        return map(x, false, new double[1], 0);
    }

    /** log g′(x) (0 outside [−B, B]). */
    public double logDerivative(double x) {
        double[] ld = new double[1];
        map(x, false, ld, 0);
        return ld[0];
    }

    /** g⁻¹(y). */
    public double inverse(double y) {
        return map(y, true, new double[1], 0);
    }

    /** The bin of x (0…K−1), or −1 in a tail. */
    public int binOf(double x) {
        return bin(xs, x);
    }

    /** B: the spline acts on [−B, B]. */
    public double bound() {
        return bound;
    }

    public Knots knots() {
        return new Knots(xs.clone(), ys.clone(), ds.clone());
    }
}
