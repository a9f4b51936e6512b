package org.flowexplorer.model.data;

import org.flowexplorer.model.Limits;

import java.util.Arrays;
import java.util.Locale;
import java.util.OptionalDouble;
import java.util.stream.Collectors;

/**
 * The eight 2-D toy distributions of FFJORD's {@code lib/toy_data.py} (Grathwohl et al. 2019),
 * as reproduced by {@code shared/bench/toy_data.py}, and four plane sets of Neural Spline Flows
 * (Durkan et al. 2019; {@link PlaneSamplers}).
 *
 * <p>Each set reproduces the <em>distribution</em> of the Python reference, not its random
 * stream. Points are returned row-major as {@code x0,y0,x1,y1,...}, always exactly {@code n} of
 * them and in random order, so any prefix is itself a fair sample. The {@code noise} argument is
 * each set's own noise knob, whose default ({@link #defaultNoise()}) is the value the reference
 * uses; see {@link #description()} and {@link ToySamplers} for what it scales.
 */
public enum ToyDataset {
    SWISSROLL("swissroll", 1.0,
            "A 2-D swiss roll (sklearn make_swiss_roll, noise = std of the Gaussian on each coordinate before /5)."),
    CIRCLES("circles", 0.08,
            "Two concentric circles of radius 3 and 1.5 (sklearn make_circles, noise = std before the *3 scaling)."),
    MOONS("moons", 0.1,
            "Two interleaving half circles (sklearn make_moons, noise = std before the *2 scaling)."),
    RINGS("rings", 0.08,
            "Four concentric rings of radius 0.75, 1.5, 2.25 and 3 with evenly spaced points plus Gaussian noise of std 'noise'."),
    EIGHT_GAUSSIANS("8gaussians", 0.5,
            "A mixture of eight Gaussians on a circle of radius 4/1.414, each of std 'noise'/1.414."),
    PINWHEEL("pinwheel", 0.3,
            "Five curved pinwheel arms; 'noise' is the radial std, the tangential std is a third of it."),
    TWO_SPIRALS("2spirals", 0.1,
            "Two interleaved spirals with uniform jitter plus Gaussian noise of std 'noise'."),
    CHECKERBOARD("checkerboard", 0.0,
            "Uniform over the 8 black squares (side 2) of a 4x4 checkerboard, plus optional Gaussian jitter of std 'noise'."),
    DIAMOND("diamond", 0.04,
            "NSF's diamond: a 20x20 grid of Gaussians of std 'noise' on [-2.5, 2.5]^2, rotated by 45 degrees."),
    CRESCENT("crescent", Math.exp(-1),
            "NSF's crescent: t ~ N(0,1) and x = t^2/2 - 1 plus Gaussian noise of std 'noise' (points (x, t))."),
    SINE_WAVE("sinewave", Math.exp(-1),
            "NSF's sine wave: t ~ N(0,1) and y = sin(5t) plus Gaussian noise of std 'noise'."),
    FOUR_CIRCLES("fourcircles", 0.1,
            "NSF's four circles: radius 2 about (+-1, +-1), uniform angle, plus Gaussian noise of std 'noise'.");

    private final String id;
    private final double defaultNoise;
    private final String description;

    ToyDataset(String id, double defaultNoise, String description) {
        this.id = id;
        this.defaultNoise = defaultNoise;
        this.description = description;
    }

    /** The command-line name, e.g. {@code "8gaussians"}; identical to the Python script's name. */
    public String id() {
        return id;
    }

    /** The noise knob value used by the Python reference. */
    public double defaultNoise() {
        return defaultNoise;
    }

    /** One sentence describing the set and what its noise knob means, for tooltips and help. */
    public String description() {
        return description;
    }

    /**
     * A lower bound on the expected negative log-likelihood (nats per point) any model can reach,
     * i.e. the differential entropy of the data, where it is known in closed form. Only the
     * checkerboard has one: it is uniform on 8 squares of area 4, so its entropy is ln 32. Gaussian
     * jitter can only raise the entropy, so the bound holds for every noise value.
     */
    public OptionalDouble knownNllLowerBound() {
        return this == CHECKERBOARD ? OptionalDouble.of(Math.log(32.0)) : OptionalDouble.empty();
    }

    /**
     * Draws {@code n} points, deterministically for a given seed.
     *
     * @param n     number of points, from 1 to {@link Limits#MAX_POINTS}
     * @param noise this set's noise knob, finite and non-negative (0 = noiseless where meaningful)
     * @param seed  random seed; the same arguments always give the same points
     * @return row-major {@code float[2n]}
     */
    public float[] generate(int n, double noise, long seed) {
        if (n < 1) {
            throw new IllegalArgumentException("n must be at least 1, got " + n);
        }
        Limits.requirePoints(n);
        if (!(noise >= 0.0) || Double.isInfinite(noise)) {
            throw new IllegalArgumentException("noise must be finite and >= 0, got " + noise);
        }
        ToySamplers s = new ToySamplers(seed);
        PlaneSamplers nsf = new PlaneSamplers(seed);
        double[] xy = switch (this) {
            case SWISSROLL -> s.swissRoll(n, noise);
            case CIRCLES -> s.circles(n, noise);
            case MOONS -> s.moons(n, noise);
            case RINGS -> s.rings(n, noise);
            case EIGHT_GAUSSIANS -> s.eightGaussians(n, noise);
            case PINWHEEL -> s.pinwheel(n, noise);
            case TWO_SPIRALS -> s.twoSpirals(n, noise);
            case CHECKERBOARD -> s.checkerboard(n, noise);
            case DIAMOND -> nsf.diamond(n, noise);
            case CRESCENT -> nsf.crescent(n, noise);
            case SINE_WAVE -> nsf.sineWave(n, noise);
            case FOUR_CIRCLES -> nsf.fourCircles(n, noise);
        };
        float[] out = new float[xy.length];
        for (int i = 0; i < xy.length; i++) {
            out[i] = (float) xy[i];
        }
        return out;
    }

    /** Same as {@link #generate(int, double, long)} with {@link #defaultNoise()}. */
    public float[] generate(int n, long seed) {
        return generate(n, defaultNoise, seed);
    }

    /**
     * Looks a set up by its command-line name, ignoring case.
     *
     * @throws IllegalArgumentException for an unknown name; the message lists the valid names
     */
    public static ToyDataset fromId(String name) {
        if (name != null) {
            String wanted = name.trim().toLowerCase(Locale.ROOT);
            for (ToyDataset d : values()) {
                if (d.id.equals(wanted)) {
                    return d;
                }
            }
        }
        throw new IllegalArgumentException("unknown data set \"" + name + "\"; valid names: " + validIds());
    }

    /** The valid names, comma separated, in declaration order. */
    public static String validIds() {
        return Arrays.stream(values()).map(ToyDataset::id).collect(Collectors.joining(", "));
    }

    @Override
    public String toString() {
        return id;
    }
}
