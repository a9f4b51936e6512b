package org.flowexplorer.app.worker;

import java.util.Locale;
import org.flowexplorer.model.flow.FlowTrace;
import org.flowexplorer.model.train.StepReport;

/**
 * Why training paused by itself: a step produced a non-finite loss, gradient or parameter (the
 * step was undone), or values exploded while staying finite.
 *
 * @param step    the step at which it happened (of the model shown)
 * @param kind    non-finite (undone) or exploding (kept)
 * @param undone  whether the step was undone (the model is as it was before it)
 * @param message what happened and what to try, for the status bar
 */
public record Divergence(long step, Kind kind, boolean undone, String message) {

    public enum Kind {
        NON_FINITE, EXPLODING
    }

    /** A minibatch loss above this counts as exploding (a 2-D flow's NLL is a few nats). */
    public static final double MAX_LOSS = 1e4;
    /** A latent coordinate beyond this counts as exploding (N(0, I) has almost nothing beyond 6). */
    public static final double MAX_ABS_LATENT = 1e4;
    /** A layer's per-point log|det| beyond this counts as exploding. */
    public static final double MAX_ABS_LOG_DET = 1e3;

    /** The step that {@code r} reports went non-finite and was undone. */
    static Divergence nonFinite(long step, StepReport r, double learningRate, double clipNorm) {
        return new Divergence(step, Kind.NON_FINITE, true, String.format(Locale.ROOT,
                "Training paused at step %d: the %s became non-finite (NaN or infinite), so that step was undone and"
                        + " the model is as it was before it. %s",
                step, r.firstNonFinite(), advice(learningRate, clipNorm)));
    }

    /** Null when {@code loss} is not exploding. */
    static Divergence explodingLoss(long step, double loss, double learningRate, double clipNorm) {
        if (!(loss > MAX_LOSS)) {
            return null;
        }
        return exploding(step, String.format(Locale.ROOT, "the minibatch loss reached %.3g (above %.0e)", loss, MAX_LOSS),
                learningRate, clipNorm);
    }

    /** Null when the traced points stay within the limits (latent |z| and every layer's |log det|). */
    static Divergence explodingTrace(long step, FlowTrace t, double learningRate, double clipNorm) {
        float[] z = t.positions()[t.layers()];
        double maxZ = maxAbs(z);
        if (maxZ > MAX_ABS_LATENT) {
            return exploding(step, String.format(Locale.ROOT, "a point reached |z| = %.3g in latent space (above %.0e)",
                    maxZ, MAX_ABS_LATENT), learningRate, clipNorm);
        }
        for (int l = 0; t.logDets() != null && l < t.logDets().length; l++) {
            double ld = maxAbs(t.logDets()[l]);
            if (ld > MAX_ABS_LOG_DET) {
                return exploding(step, String.format(Locale.ROOT, "layer %d's |log det| reached %.3g (above %.0e)",
                        l + 1, ld, MAX_ABS_LOG_DET), learningRate, clipNorm);
            }
        }
        return null;
    }

    private static Divergence exploding(long step, String what, double learningRate, double clipNorm) {
        return new Divergence(step, Kind.EXPLODING, false, String.format(Locale.ROOT,
                "Training paused at step %d: %s, so the flow is diverging. %s", step, what, advice(learningRate, clipNorm)));
    }

    private static String advice(double learningRate, double clipNorm) {
        String clip = clipNorm > 0 && Double.isFinite(clipNorm)
                ? String.format(Locale.ROOT, "a tighter gradient clip (now %g)", clipNorm) : "gradient clipping (now off)";
        return String.format(Locale.ROOT, "Try a lower learning rate (now %g) or %s, then press Play to go on,"
                + " or Reset to start over.", learningRate, clip);
    }

    /** The largest |v|; infinite when some v is not finite. */
    private static double maxAbs(float[] v) {
        double m = 0;
        for (float f : v) {
            if (!Float.isFinite(f)) {
                return Double.POSITIVE_INFINITY;
            }
            m = Math.max(m, Math.abs(f));
        }
        return m;
    }
}
