package org.flowexplorer.model.data;

import java.util.function.DoubleBinaryOperator;

/**
 * The exact log-density of a {@link ToyDataset}'s generating distribution at a given noise setting,
 * transcribed from {@link ToySamplers} (every constant below is the sampler's).
 *
 * <p>Where a sampler lays points out evenly (circles, moons, rings, the arms of pinwheel and
 * 2spirals) this is the n → ∞ limit: a uniform curve parameter and equal component weights. For
 * n in the thousands and more the difference is far below the noise scale.
 *
 * <p>How each density is obtained (details in the factory methods):
 * <ul>
 * <li>swissroll, circles, moons, rings: a curve parameter density convolved with isotropic Gaussian
 * noise, log p(x) = log ∫ p(u) N(x; c(u), s²I) du, by quadrature over u ({@link CurveNodes}) and
 * log-sum-exp ({@link KernelMixture}); any /5, ×2 or ×3 of the sampler scales the curve and s.</li>
 * <li>2spirals: the same over the spiral parameter, with the kernel U[0, 1/6]² ⊗ N(0, s²I) for the
 * uniform jitter (exact per-coordinate Φ differences).</li>
 * <li>8gaussians: an exact mixture of 8 Gaussians; checkerboard: an exact mixture of 8 uniform
 * squares, each convolved with N(0, s²I) when noise > 0.</li>
 * <li>pinwheel: change of variables through the sampler's invertible warp ({@link PinwheelDensity}).</li>
 * </ul>
 * At noise 0 only checkerboard has a density that this class computes: the others lie on curves or
 * points, except 2spirals, whose jitter leaves a density the Gaussian-kernel quadrature cannot resolve;
 * {@link #of} refuses noise 0 for them. Instances are immutable and thread-safe.
 */
public final class ToyDensity {
    private final ToyDataset dataset;
    private final double noise;
    private final DoubleBinaryOperator logDensity;
    private final String method;

    private ToyDensity(ToyDataset dataset, double noise, DoubleBinaryOperator logDensity, String method) {
        this.dataset = dataset;
        this.noise = noise;
        this.logDensity = logDensity;
        this.method = method;
    }

    /**
     * The density of {@code dataset} at noise knob {@code noise} (see {@link ToyDataset#description()}).
     *
     * @throws IllegalArgumentException if noise is negative or not finite, is 0 for a set that then has
     *                                  no density, or is so small that the quadrature would need over
     *                                  {@value CurveNodes#MAX_NODES} nodes
     */
    public static ToyDensity of(ToyDataset dataset, double noise) {
        if (!(noise >= 0.0) || Double.isInfinite(noise)) {
            throw new IllegalArgumentException("noise must be finite and >= 0, got " + noise);
        }
        if (noise == 0.0 && dataset == ToyDataset.TWO_SPIRALS) {
            throw new IllegalArgumentException("2spirals at noise 0 (spirals blurred only by the uniform jitter) is not "
                    + "supported: the quadrature needs a Gaussian noise > 0");
        }
        if (noise == 0.0 && dataset != ToyDataset.CHECKERBOARD) {
            String support = switch (dataset) {
                case EIGHT_GAUSSIANS -> "8 points";
                case DIAMOND -> "400 points";
                case PINWHEEL -> "5 points";
                default -> "curves";
            };
            throw new IllegalArgumentException(dataset.id() + " has no density at noise 0: its points lie on " + support
                    + "; use a noise > 0");
        }
        return switch (dataset) {
            case SWISSROLL -> swissRoll(noise);
            case CIRCLES -> circles(noise);
            case MOONS -> moons(noise);
            case RINGS -> rings(noise);
            case EIGHT_GAUSSIANS -> eightGaussians(noise);
            case PINWHEEL -> new ToyDensity(dataset, noise, new PinwheelDensity(noise)::logDensity,
                    "change of variables through the pinwheel warp: sum over arms and preimages (Brent roots) of "
                            + "N(f)/|det J|");
            case TWO_SPIRALS -> twoSpirals(noise);
            case CHECKERBOARD -> checkerboard(noise);
            case DIAMOND -> new ToyDensity(dataset, noise, (x, y) -> PlaneDensities.diamond(x, y, noise),
                    "exact: rotated back, a product of two 1-D mixtures of 20 Gaussians");
            case CRESCENT -> new ToyDensity(dataset, noise, (x, y) -> PlaneDensities.crescent(x, y, noise),
                    "exact: N(t; 0, 1) N(x; t^2/2 - 1, noise^2)");
            case SINE_WAVE -> new ToyDensity(dataset, noise, (x, y) -> PlaneDensities.sineWave(x, y, noise),
                    "exact: N(t; 0, 1) N(y; sin 5t, noise^2)");
            case FOUR_CIRCLES -> new ToyDensity(dataset, noise, (x, y) -> PlaneDensities.fourCircles(x, y, noise),
                    "exact: mean of four Rician ring densities (Bessel I0)");
        };
    }

    /**
     * H(p) in nats from the closed form, where this class has one: ln 32 for the noiseless
     * checkerboard, and the four Neural Spline Flows sets (how: {@link PlaneDensities}). Empty for
     * the others, whose entropy only a Monte-Carlo estimate gives ({@link EntropyEstimate}).
     */
    public java.util.OptionalDouble exactEntropy() {
        return switch (dataset) {
            case CHECKERBOARD -> noise == 0 ? java.util.OptionalDouble.of(Math.log(32)) : java.util.OptionalDouble.empty();
            case DIAMOND -> java.util.OptionalDouble.of(PlaneDensities.diamondEntropy(noise));
            case CRESCENT, SINE_WAVE -> java.util.OptionalDouble.of(PlaneDensities.curveEntropy(noise));
            case FOUR_CIRCLES -> java.util.OptionalDouble.of(PlaneDensities.fourCirclesEntropy(noise));
            default -> java.util.OptionalDouble.empty();
        };
    }

    /** {@link #of} at the set's default noise. */
    public static ToyDensity of(ToyDataset dataset) {
        return of(dataset, dataset.defaultNoise());
    }

    public ToyDataset dataset() {
        return dataset;
    }

    public double noise() {
        return noise;
    }

    /** One line saying how the density is computed, e.g. for a CLI's {@code method} field. */
    public String method() {
        return method;
    }

    /** log p(x, y) in nats; −∞ where the density is 0 or underflows (tens of noise std off the support). */
    public double logDensity(double x, double y) {
        return logDensity.applyAsDouble(x, y);
    }

    /** log p at each point of a row-major {@code x0,y0,x1,y1,...} array. */
    public double[] logDensity(float[] xy) {
        if (xy.length % 2 != 0) {
            throw new IllegalArgumentException("points must be x,y pairs, got " + xy.length + " numbers");
        }
        double[] out = new double[xy.length / 2];
        for (int i = 0; i < out.length; i++) {
            out[i] = logDensity.applyAsDouble(xy[2 * i], xy[2 * i + 1]);
        }
        return out;
    }

    /** t ~ U[1.5π, 4.5π], x = (t cos t, t sin t)/5 + N(0, (noise/5)² I): Simpson over t. */
    private static ToyDensity swissRoll(double noise) {
        double std = noise / 5.0;
        CurveNodes nodes = new CurveNodes(std);
        double a = 1.5 * Math.PI;
        double b = 4.5 * Math.PI;
        double logP = -Math.log(b - a);
        nodes.addArc(a, b, t -> logP, (t, xy) -> {
            xy[0] = t * Math.cos(t) / 5.0;
            xy[1] = t * Math.sin(t) / 5.0;
        }, Math.hypot(1.0, b) / 5.0, 1.0);
        return curves(ToyDataset.SWISSROLL, noise, nodes, nodes.gaussians(std));
    }

    /** Circles of radius 3 and 1.5 (weights 1/2), uniform angle, noise 3·noise: periodic trapezoid. */
    private static ToyDensity circles(double noise) {
        double std = 3.0 * noise;
        CurveNodes nodes = new CurveNodes(std);
        nodes.addCircle(0.0, 0.0, 3.0, 0.5);
        nodes.addCircle(0.0, 0.0, 1.5, 0.5);
        return curves(ToyDataset.CIRCLES, noise, nodes, nodes.gaussians(std));
    }

    /**
     * Upper moon 2(cos t, sin t) + (−1, −0.2), lower moon 2(1 − cos t, 0.5 − sin t) + (−1, −0.2),
     * t ~ U[0, π], weights 1/2, noise 2·noise: Simpson over t.
     */
    private static ToyDensity moons(double noise) {
        double std = 2.0 * noise;
        CurveNodes nodes = new CurveNodes(std);
        double logP = -Math.log(Math.PI);
        nodes.addArc(0.0, Math.PI, t -> logP, (t, xy) -> {
            xy[0] = 2.0 * Math.cos(t) - 1.0;
            xy[1] = 2.0 * Math.sin(t) - 0.2;
        }, 2.0, 0.5);
        nodes.addArc(0.0, Math.PI, t -> logP, (t, xy) -> {
            xy[0] = 2.0 * (1.0 - Math.cos(t)) - 1.0;
            xy[1] = 2.0 * (0.5 - Math.sin(t)) - 0.2;
        }, 2.0, 0.5);
        return curves(ToyDataset.MOONS, noise, nodes, nodes.gaussians(std));
    }

    /** Rings of radius 3, 2.25, 1.5, 0.75 (weights 1/4), uniform angle, noise std: periodic trapezoid. */
    private static ToyDensity rings(double noise) {
        CurveNodes nodes = new CurveNodes(noise);
        for (int ring = 0; ring < 4; ring++) {
            nodes.addCircle(0.0, 0.0, 3.0 * (4 - ring) / 4.0, 0.25);
        }
        return curves(ToyDataset.RINGS, noise, nodes, nodes.gaussians(noise));
    }

    /** Eight Gaussians of std noise/1.414 at 4·(unit vector at 45° steps)/1.414, weights 1/8: exact. */
    private static ToyDensity eightGaussians(double noise) {
        double[] cx = new double[8];
        double[] cy = new double[8];
        double[] logW = new double[8];
        double s = 1.0 / Math.sqrt(2.0);
        double[][] unit = {{1, 0}, {-1, 0}, {0, 1}, {0, -1}, {s, s}, {s, -s}, {-s, s}, {-s, -s}};
        for (int i = 0; i < 8; i++) {
            cx[i] = 4.0 * unit[i][0] / 1.414;
            cy[i] = 4.0 * unit[i][1] / 1.414;
            logW[i] = -Math.log(8.0);
        }
        KernelMixture mixture = KernelMixture.gaussians(cx, cy, logW, noise / 1.414);
        return new ToyDensity(ToyDataset.EIGHT_GAUSSIANS, noise, mixture::logDensity,
                "exact mixture of 8 Gaussians of std noise/1.414, log-sum-exp");
    }

    /**
     * Spiral 1: c(m)/3 + U[0, 1/6]² with c(m) = (−m cos m, m sin m), m = 3π√U so p(m) = 2m/(3π)² on
     * [0, 3π]; spiral 2 its point reflection (weights 1/2); plus N(0, noise² I). Simpson over m with
     * the jitter square as the kernel.
     */
    private static ToyDensity twoSpirals(double noise) {
        double side = 0.5 / 3.0;
        double end = 3.0 * Math.PI;
        CurveNodes nodes = new CurveNodes(noise);
        for (int sign = 1; sign >= -1; sign -= 2) {
            double sg = sign;
            // the square's lower-left corner: c/3 for spiral 1, −c/3 − (1/6, 1/6) for its reflection
            double shift = sign > 0 ? 0.0 : -side;
            nodes.addArc(0.0, end, m -> Math.log(2.0 * m / (end * end)), (m, xy) -> {
                xy[0] = sg * (-m * Math.cos(m)) / 3.0 + shift;
                xy[1] = sg * (m * Math.sin(m)) / 3.0 + shift;
            }, Math.hypot(1.0, end) / 3.0, 0.5);
        }
        return curves(ToyDataset.TWO_SPIRALS, noise, nodes, nodes.squares(side, noise));
    }

    /**
     * Uniform on the 8 black squares of side 2 (density 1/32), each convolved with N(0, noise² I):
     * exact, a product of Φ differences per square. At noise 0 log p = −ln 32 on the closed squares.
     */
    private static ToyDensity checkerboard(double noise) {
        double[] cx = new double[8];
        double[] cy = new double[8];
        double[] logW = new double[8];
        int i = 0;
        for (int column = -2; column <= 1; column++) {
            // the sampler's x2 = U[0,1) − 2B + (floor(x1) mod 2), all times 2
            double low = 2.0 * Math.floorMod(column, 2);
            for (double bottom : new double[] {low, low - 4.0}) {
                cx[i] = 2.0 * column;
                cy[i] = bottom;
                logW[i] = -Math.log(8.0);
                i++;
            }
        }
        KernelMixture squares = KernelMixture.squares(cx, cy, logW, 2.0, noise);
        return new ToyDensity(ToyDataset.CHECKERBOARD, noise, squares::logDensity, noise == 0.0
                ? "exact: uniform 1/32 on the 8 black squares"
                : "exact mixture of 8 uniform squares convolved with N(0, noise^2 I), log-sum-exp");
    }

    private static ToyDensity curves(ToyDataset dataset, double noise, CurveNodes nodes, KernelMixture mixture) {
        return new ToyDensity(dataset, noise, mixture::logDensity, "curve parameter convolved with the noise kernel: "
                + nodes.size() + " quadrature nodes (Simpson / periodic trapezoid, spacing <= std/4), log-sum-exp");
    }
}
