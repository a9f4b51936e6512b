package org.flowexplorer.app.scene;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.flowexplorer.model.eval.LayerHealth;
import org.flowexplorer.model.train.ClippingReport;

/**
 * The numerical-health panel's content, JavaFX-free so the window and {@code render} show the
 * same: figure rows, a per-layer table and warnings (amber: worth watching; red: the numbers are
 * no longer trustworthy), each with a one-line reason.
 *
 * @param figures  the training and round-trip figures, in order
 * @param layers   one row per coupling layer (empty without layer figures)
 * @param warnings what looks wrong, worst first
 */
public record HealthSummary(List<Figure> figures, List<LayerRow> layers, List<Warning> warnings) {

    public enum Level {
        OK, AMBER, RED
    }

    /** One figure: a label, its value as text, and how it looks. */
    public record Figure(String label, String value, Level level) {
    }

    /** One coupling layer (1-based {@code layer}): max |s|, saturated share and log-det range. */
    public record LayerRow(int layer, double maxAbsScale, double saturatedShare, double logDetMin, double logDetMax,
            Level level) {
    }

    public record Warning(Level level, String text) {
    }

    /**
     * A pause of the divergence guard.
     *
     * @param step    the step it happened at
     * @param undone  whether the step was rolled back (non-finite values) or kept (exploding values)
     * @param current whether training is still paused for it (false once the user played on)
     * @param reason  what happened, one sentence
     */
    public record GuardEvent(long step, boolean undone, boolean current, String reason) {
    }

    /** Share of recent steps clipped from which clipping is "most of the time". */
    public static final double CLIPPED_AMBER = 0.5;
    /** Saturated share of a layer's points worth a warning, and one that means the layer is stuck. */
    public static final double SATURATED_AMBER = 0.05;
    public static final double SATURATED_RED = 0.25;
    /** Round-trip error: float32 gives ~1e-6; beyond these the inverse is losing, then has lost, the points. */
    public static final double ROUND_TRIP_AMBER = 1e-4;
    public static final double ROUND_TRIP_RED = 1e-2;
    /** A step slower than this makes the window lag behind training. */
    public static final double SLOW_STEP_MILLIS = 50;

    /**
     * @param layers     the layer figures, or null when not measured yet
     * @param clipping   the trainer's clipping figures, or null when nothing is training (a rendered model)
     * @param stepMillis recent time per training step, NaN when unknown
     * @param guard      the divergence guard's last pause in this run, or null
     */
    public static HealthSummary of(LayerHealth layers, ClippingReport clipping, double stepMillis, GuardEvent guard) {
        List<Figure> figures = new ArrayList<>();
        List<Warning> warnings = new ArrayList<>();
        if (guard != null) {
            Level l = guard.undone() || guard.current() ? Level.RED : Level.AMBER;
            String what = guard.undone() ? "rolled back step " + guard.step() : "paused at step " + guard.step();
            figures.add(new Figure("divergence guard", what + (guard.current() ? "" : " (played on)"), l));
            warnings.add(new Warning(l, "Divergence guard " + what + ": " + guard.reason()));
        } else {
            String none = clipping == null ? "— (not training)" : "no pause this run";
            figures.add(new Figure("divergence guard", none, Level.OK));
        }
        clippingFigures(clipping, figures, warnings);
        boolean slow = stepMillis > SLOW_STEP_MILLIS;
        figures.add(new Figure("time per step", Double.isFinite(stepMillis) ? fmt("%.2f ms", stepMillis) : "—",
                slow ? Level.AMBER : Level.OK));
        if (slow) {
            warnings.add(new Warning(Level.AMBER, fmt("Steps take %.0f ms: the views lag behind training; a smaller batch"
                    + " or narrower network is faster.", stepMillis)));
        }
        List<LayerRow> rows = new ArrayList<>();
        if (layers != null) {
            layerFigures(layers, figures, rows, warnings);
        }
        warnings.sort((a, b) -> b.level().compareTo(a.level()));
        return new HealthSummary(List.copyOf(figures), List.copyOf(rows), List.copyOf(warnings));
    }

    private static void clippingFigures(ClippingReport c, List<Figure> figures, List<Warning> warnings) {
        if (c == null || !Double.isFinite(c.clippedShare())) {
            String none = c == null ? "— (not training)" : "— (no step yet)";
            figures.add(new Figure("gradient norm before clipping", none, Level.OK));
            figures.add(new Figure("steps clipped", none, Level.OK));
            return;
        }
        boolean finite = Double.isFinite(c.gradientNorm());
        boolean most = c.clippedShare() >= CLIPPED_AMBER;
        Level normLevel = !finite ? Level.RED : most ? Level.AMBER : Level.OK;
        figures.add(new Figure("gradient norm before clipping", (finite ? fmt("%.3g", c.gradientNorm()) : "not finite")
                + (c.clippingOn() ? "  (clip " + compact(c.clipNorm()) + ")" : "  (clipping off)"), normLevel));
        figures.add(new Figure("steps clipped", fmt("%.0f %% of the last %d", 100 * c.clippedShare(), c.recentSteps()),
                most ? Level.AMBER : Level.OK));
        if (!finite) {
            warnings.add(new Warning(Level.RED, "The last gradient is not finite: the step was undone; lower the learning rate."));
        } else if (most) {
            // Adam divides by the gradient's running scale, so steady clipping mostly slows it down rather than breaking it
            warnings.add(new Warning(Level.AMBER, fmt("%.0f %% of recent steps were clipped (the last norm is %.1f× the"
                    + " clip): each gradient is scaled down before Adam; usual early on, but if the loss stalls the clip"
                    + " is too tight.", 100 * c.clippedShare(), c.gradientNorm() / c.clipNorm())));
        }
    }

    private static void layerFigures(LayerHealth h, List<Figure> figures, List<LayerRow> rows, List<Warning> warnings) {
        double rt = h.roundTripMax();
        Level rtLevel = !(rt <= ROUND_TRIP_RED) ? Level.RED : rt > ROUND_TRIP_AMBER ? Level.AMBER : Level.OK;
        figures.add(new Figure("round trip max ‖f⁻¹(f(x)) − x‖", fmt("%.1e  (%d points)", rt, h.probePoints()), rtLevel));
        if (rtLevel == Level.RED) {
            warnings.add(new Warning(Level.RED, fmt("The inverse misses points by up to %.2g: samples and inverses are no"
                    + " longer exact (float32 gives about 1e-6).", rt)));
        } else if (rtLevel == Level.AMBER) {
            warnings.add(new Warning(Level.AMBER, fmt("The inverse is losing precision (up to %.1e off; float32 gives"
                    + " about 1e-6): some layer scales very strongly.", rt)));
        }
        for (int l = 0; l < h.layers(); l++) {
            double share = h.saturatedShare()[l];
            boolean finite = Double.isFinite(h.logDetMin()[l]) && Double.isFinite(h.logDetMax()[l]);
            Level level = !finite || share >= SATURATED_RED ? Level.RED : share >= SATURATED_AMBER ? Level.AMBER : Level.OK;
            rows.add(new LayerRow(l + 1, h.maxAbsScale()[l], share, h.logDetMin()[l], h.logDetMax()[l], level));
            if (!finite) {
                warnings.add(new Warning(Level.RED, fmt("Layer %d's log|det| is not finite at some point.", l + 1)));
            } else if (level != Level.OK) {
                warnings.add(new Warning(level, fmt("Layer %d: %.0f %% of points have |s| > %.1f, where 2·tanh is flat and"
                        + " s hardly learns (its gradient 2 − s²/2 is near 0).", l + 1, 100 * share, LayerHealth.SATURATED)));
            }
        }
    }

    /** The worst level of the figures, layers and warnings. */
    public Level worst() {
        Level w = Level.OK;
        for (Warning x : warnings) {
            w = x.level().compareTo(w) > 0 ? x.level() : w;
        }
        return w;
    }

    /** 3 significant digits without trailing zeros: 1, 0.5, 2.5e+03. */
    private static String compact(double v) {
        return new java.math.BigDecimal(fmt("%.3g", v)).stripTrailingZeros().toString();
    }

    private static String fmt(String f, Object... args) {
        return String.format(Locale.ROOT, f, args);
    }
}
