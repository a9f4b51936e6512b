package org.flowexplorer.model.flow;

import java.util.Locale;
import org.flowexplorer.model.nn.FastMath;

/**
 * How an affine coupling turns the conditioner's raw scale output into its log-scale s (the
 * scale is exp(s) and log|det J| = Σ s), the three choices of seed 001's "Scale
 * Parameterisation":
 *
 * <pre>
 *   tanh:B     s = B · tanh(raw)           ds/draw = B − s²/B          (the seed: B = 2, bounded |s| &lt; B)
 *   softplus   exp(s) = softplus(raw)      ds/draw = σ(raw)/softplus(raw) = (1 − exp(−e))/e, e = exp(s)
 *   exp        s = raw                     ds/draw = 1                 (unbounded)
 * </pre>
 *
 * Each has a float and a double form of s, and the slope ds/draw written from s and e = exp(s)
 * alone, so the backward pass needs only the buffers the forward pass keeps.
 *
 * @param kind  which function
 * @param bound B of {@link Kind#TANH} (positive and finite); 0 for the others
 */
public record ScaleFunction(Kind kind, double bound) {
    /** The three parameterisations. */
    public enum Kind { TANH, SOFTPLUS, EXP }

    /** The seed's s = 2 · tanh(raw), the default. */
    public static final ScaleFunction DEFAULT = tanh(2);
    /** scale = softplus(raw). */
    public static final ScaleFunction SOFTPLUS = new ScaleFunction(Kind.SOFTPLUS, 0);
    /** s = raw. */
    public static final ScaleFunction EXP = new ScaleFunction(Kind.EXP, 0);

    /** Below this raw value log softplus(raw) = raw to double precision (softplus(x) = eˣ(1 − eˣ/2 + …)). */
    private static final double SOFTPLUS_LINEAR_BELOW = -40;

    public ScaleFunction {
        java.util.Objects.requireNonNull(kind, "kind");
        if (kind == Kind.TANH && !(bound > 0 && Double.isFinite(bound))) {
            throw new IllegalArgumentException("the tanh bound must be a positive number, got " + bound);
        }
        if (kind != Kind.TANH && bound != 0) {
            throw new IllegalArgumentException(kind.name().toLowerCase(Locale.ROOT) + " takes no bound");
        }
    }

    /** s = B · tanh(raw). */
    public static ScaleFunction tanh(double bound) {
        return new ScaleFunction(Kind.TANH, bound);
    }

    /**
     * Parses {@code tanh}, {@code tanh:B} (e.g. {@code tanh:3}), {@code softplus} or {@code exp}.
     *
     * @throws IllegalArgumentException with one line naming the accepted forms
     */
    public static ScaleFunction parse(String text) {
        String t = text.trim().toLowerCase(Locale.ROOT);
        if (t.equals("softplus")) {
            return SOFTPLUS;
        }
        if (t.equals("exp")) {
            return EXP;
        }
        if (t.equals("tanh")) {
            return DEFAULT;
        }
        if (t.startsWith("tanh:")) {
            double b;
            try {
                b = Double.parseDouble(t.substring(5));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("the tanh bound in '" + text + "' is not a number");
            }
            return tanh(b);
        }
        throw new IllegalArgumentException("unknown scale '" + text + "' (expected tanh, tanh:B, softplus or exp)");
    }

    /** E.g. {@code "tanh:2"}, {@code "tanh:2.5"}, {@code "softplus"}, {@code "exp"}; {@link #parse} reads it back. */
    public String id() {
        if (kind != Kind.TANH) {
            return kind.name().toLowerCase(Locale.ROOT);
        }
        return "tanh:" + (bound == Math.rint(bound) && Math.abs(bound) < 1e15 ? Long.toString((long) bound) : Double.toString(bound));
    }

    /** The formula of s in words, for walk-throughs, e.g. {@code "s = 2 · tanh(raw s)   (bounded log-scale)"}. */
    public String formula() {
        return switch (kind) {
            case TANH -> "s = " + id().substring(5) + " · tanh(raw s)   (bounded log-scale)";
            case SOFTPLUS -> "s = log softplus(raw s)   (scale = softplus(raw s), smooth and positive)";
            case EXP -> "s = raw s   (unbounded log-scale)";
        };
    }

    public boolean isDefault() {
        return equals(DEFAULT);
    }

    // ---- the functions, in float and double --------------------------------------------------

    /** s(raw) in float32 (tanh through {@link FastMath#tanh}, as the seed's default has always been). */
    float logScale(float raw) {
        return switch (kind) {
            case TANH -> (float) bound * (float) FastMath.tanh(raw);
            case SOFTPLUS -> (float) logSoftplus(raw);
            case EXP -> raw;
        };
    }

    /** s(raw) in float64. */
    double logScale(double raw) {
        return switch (kind) {
            case TANH -> bound * Math.tanh(raw);
            case SOFTPLUS -> logSoftplus(raw);
            case EXP -> raw;
        };
    }

    /** ds/draw from s and e = exp(s), float32. */
    float slope(float s, float e) {
        return switch (kind) {
            case TANH -> (float) bound - s * s / (float) bound;
            case SOFTPLUS -> (float) softplusSlope(e);
            case EXP -> 1f;
        };
    }

    /** ds/draw from s and e = exp(s), float64. */
    double slope(double s, double e) {
        return switch (kind) {
            case TANH -> bound - s * s / bound;
            case SOFTPLUS -> softplusSlope(e);
            case EXP -> 1.0;
        };
    }

    /** log(log(1 + eˣ)), without overflow for large x or underflow for very negative x. */
    private static double logSoftplus(double x) {
        if (x < SOFTPLUS_LINEAR_BELOW) {
            return x;
        }
        double softplus = Math.max(x, 0) + Math.log1p(Math.exp(-Math.abs(x)));
        return Math.log(softplus);
    }

    /** σ(raw)/softplus(raw) with softplus = e: σ(raw) = 1 − exp(−softplus(raw)) = −expm1(−e). */
    private static double softplusSlope(double e) {
        return e < 1e-150 ? 1.0 : -Math.expm1(-e) / e; // σ/softplus → 1 as raw → −∞ (and e may underflow to 0)
    }

    @Override
    public String toString() {
        return id();
    }
}
