package org.flowexplorer.model.data;

import java.util.SplittableRandom;
import java.util.function.IntToDoubleFunction;

/**
 * The sampling code behind {@link ToyDataset}: one method per set, each a transcription of the
 * matching branch of FFJORD's {@code toy_data.py} (and, for swissroll, circles and moons, of
 * scikit-learn's {@code make_swiss_roll}, {@code make_circles} and {@code make_moons}).
 *
 * <p>Where the reference emits fewer than {@code n} points ({@code pinwheel}: {@code n//5*5},
 * {@code 2spirals}: {@code 2*(n//2)}) the remainder is spread over the components one point each,
 * so the mixture proportions stay as even as possible. Where the reference lays points out in a
 * fixed order and then shuffles (or does not), the result here is always shuffled.
 *
 * <p>Works in double precision; {@link ToyDataset} narrows to float. One instance per call.
 */
final class ToySamplers {
    private static final double TWO_PI = 2.0 * Math.PI;

    private final SplittableRandom rng;

    ToySamplers(long seed) {
        this.rng = new SplittableRandom(seed);
    }

    /** make_swiss_roll(noise) keeping coordinates (x, z), divided by 5. */
    double[] swissRoll(int n, double noise) {
        double[] xy = new double[2 * n];
        for (int i = 0; i < n; i++) {
            double t = 1.5 * Math.PI * (1.0 + 2.0 * rng.nextDouble());
            xy[2 * i] = (t * Math.cos(t) + noise * rng.nextGaussian()) / 5.0;
            xy[2 * i + 1] = (t * Math.sin(t) + noise * rng.nextGaussian()) / 5.0;
        }
        return xy;
    }

    /** make_circles(factor=0.5, noise) * 3: outer circle n//2 points, inner the rest, evenly spaced. */
    double[] circles(int n, double noise) {
        int nOut = n / 2;
        int nIn = n - nOut;
        double[] xy = new double[2 * n];
        arc(xy, 0, nOut, i -> TWO_PI * i / nOut, 0.0, 0.0, 1.0);
        arc(xy, nOut, nIn, i -> TWO_PI * i / nIn, 0.0, 0.0, 0.5);
        shuffle(xy);
        addNoise(xy, noise);
        scale(xy, 3.0, 0.0, 0.0);
        return xy;
    }

    /**
     * make_moons(noise) * 2 + (-1, -0.2): the upper moon gets n//2 points and the lower one the
     * rest, each evenly spaced over [0, pi] with both end points included.
     */
    double[] moons(int n, double noise) {
        int nOut = n / 2;
        int nIn = n - nOut;
        double[] xy = new double[2 * n];
        arc(xy, 0, nOut, i -> linspaceClosed(Math.PI, nOut, i), 0.0, 0.0, 1.0);
        arc(xy, nOut, nIn, i -> linspaceClosed(Math.PI, nIn, i), 1.0, 0.5, -1.0);
        shuffle(xy);
        addNoise(xy, noise);
        scale(xy, 2.0, -1.0, -0.2);
        return xy;
    }

    /**
     * Rings of radius 3, 2.25, 1.5, 0.75 with n//4 evenly spaced points each (the smallest ring
     * takes the remainder), plus Gaussian noise of std {@code noise} after scaling.
     */
    double[] rings(int n, double noise) {
        int quarter = n / 4;
        int[] counts = {quarter, quarter, quarter, n - 3 * quarter};
        double[] xy = new double[2 * n];
        int p = 0;
        for (int ring = 0; ring < 4; ring++) {
            double radius = 3.0 * (4 - ring) / 4.0;
            int m = counts[ring];
            for (int i = 0; i < m; i++, p++) {
                double t = TWO_PI * i / m;
                xy[2 * p] = radius * Math.cos(t);
                xy[2 * p + 1] = radius * Math.sin(t);
            }
        }
        shuffle(xy);
        addNoise(xy, noise);
        return xy;
    }

    /** (N(0, noise^2) + one of 8 centres at radius 4, uniformly chosen) / 1.414. */
    double[] eightGaussians(int n, double noise) {
        double s = 1.0 / Math.sqrt(2.0);
        double[][] centres = {{1, 0}, {-1, 0}, {0, 1}, {0, -1}, {s, s}, {s, -s}, {-s, s}, {-s, -s}};
        double[] xy = new double[2 * n];
        for (int i = 0; i < n; i++) {
            double[] c = centres[rng.nextInt(8)];
            xy[2 * i] = (noise * rng.nextGaussian() + 4.0 * c[0]) / 1.414;
            xy[2 * i + 1] = (noise * rng.nextGaussian() + 4.0 * c[1]) / 1.414;
        }
        return xy;
    }

    /**
     * Five arms: f = (1 + N(0, noise^2), N(0, (noise/3)^2)), rotated by the row vector convention
     * of the reference ({@code f @ [[cos a, -sin a], [sin a, cos a]]}) with
     * a = 2 pi k / 5 + 0.25 exp(f_0), then scaled by 2. Arm sizes differ by at most one point.
     */
    double[] pinwheel(int n, double noise) {
        double radialStd = noise;
        double tangentialStd = noise * (0.1 / 0.3);
        double[] xy = new double[2 * n];
        for (int i = 0; i < n; i++) {
            int arm = i % 5;
            double f0 = 1.0 + radialStd * rng.nextGaussian();
            double f1 = tangentialStd * rng.nextGaussian();
            double a = TWO_PI * arm / 5.0 + 0.25 * Math.exp(f0);
            double c = Math.cos(a);
            double sn = Math.sin(a);
            xy[2 * i] = 2.0 * (f0 * c + f1 * sn);
            xy[2 * i + 1] = 2.0 * (-f0 * sn + f1 * c);
        }
        shuffle(xy);
        return xy;
    }

    /**
     * Spiral arm m = 3 pi sqrt(U), (x, y) = (-m cos m + U/2, m sin m + U/2), the second spiral its
     * point reflection; divided by 3, plus Gaussian noise of std {@code noise}. The first spiral
     * gets n - n//2 points.
     */
    double[] twoSpirals(int n, double noise) {
        double[] xy = new double[2 * n];
        int half = n / 2;
        for (int i = 0; i < n; i++) {
            double m = Math.sqrt(rng.nextDouble()) * 540.0 * TWO_PI / 360.0;
            double x = -Math.cos(m) * m + rng.nextDouble() * 0.5;
            double y = Math.sin(m) * m + rng.nextDouble() * 0.5;
            double sign = i < n - half ? 1.0 : -1.0;
            xy[2 * i] = sign * x / 3.0 + noise * rng.nextGaussian();
            xy[2 * i + 1] = sign * y / 3.0 + noise * rng.nextGaussian();
        }
        shuffle(xy);
        return xy;
    }

    /**
     * x1 ~ U[-2, 2), x2 ~ U[0, 1) - 2 B + (floor(x1) mod 2) with B ~ Bernoulli(1/2), all times 2,
     * plus optional Gaussian jitter of std {@code noise} (the reference has none).
     */
    double[] checkerboard(int n, double noise) {
        double[] xy = new double[2 * n];
        for (int i = 0; i < n; i++) {
            double x1 = rng.nextDouble() * 4.0 - 2.0;
            double x2 = rng.nextDouble() - 2.0 * rng.nextInt(2) + Math.floorMod((long) Math.floor(x1), 2L);
            xy[2 * i] = 2.0 * x1;
            xy[2 * i + 1] = 2.0 * x2;
        }
        addNoise(xy, noise);
        return xy;
    }

    /** numpy.linspace(0, stop, m) (end point included): value i of m. */
    /**
     * Points {@code first .. first+count-1} on a circle arc: (cx + r·cos t, cy + r·sin t) at angle
     * t = {@code angle(i)}; a negative r gives the mirrored arc (the lower moon).
     */
    private static void arc(double[] xy, int first, int count, IntToDoubleFunction angle, double cx, double cy, double r) {
        for (int i = 0; i < count; i++) {
            double t = angle.applyAsDouble(i);
            xy[2 * (first + i)] = cx + r * Math.cos(t);
            xy[2 * (first + i) + 1] = cy + r * Math.sin(t);
        }
    }

    private static double linspaceClosed(double stop, int m, int i) {
        return m == 1 ? 0.0 : stop * i / (m - 1);
    }

    /** Fisher-Yates shuffle of whole points (pairs), like sklearn.utils.shuffle on rows. */
    private void shuffle(double[] xy) {
        for (int i = xy.length / 2 - 1; i > 0; i--) {
            int j = rng.nextInt(i + 1);
            double x = xy[2 * i];
            double y = xy[2 * i + 1];
            xy[2 * i] = xy[2 * j];
            xy[2 * i + 1] = xy[2 * j + 1];
            xy[2 * j] = x;
            xy[2 * j + 1] = y;
        }
    }

    private void addNoise(double[] xy, double std) {
        if (std == 0.0) {
            return;
        }
        for (int i = 0; i < xy.length; i++) {
            xy[i] += std * rng.nextGaussian();
        }
    }

    private static void scale(double[] xy, double factor, double shiftX, double shiftY) {
        for (int i = 0; i < xy.length; i += 2) {
            xy[i] = xy[i] * factor + shiftX;
            xy[i + 1] = xy[i + 1] * factor + shiftY;
        }
    }
}
