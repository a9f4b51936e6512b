package org.flowexplorer.app.scene;

import java.util.Locale;
import java.util.OptionalDouble;
import org.flowexplorer.model.train.LossSnapshot;

/**
 * The one-line verdict of a comparison: which model's test NLL is lower, and by how much, at equal
 * steps (the last test evaluation both have reached) and at equal wall time (each side's test NLL
 * at the step it had reached after the same training time), with the KL gaps test − H(p) where
 * the data's entropy is known. JavaFX-free: the window and {@code render --compare} both say it.
 */
public final class CompareVerdict {
    private CompareVerdict() {
    }

    /**
     * One side's figures.
     *
     * @param label         its short name
     * @param loss          its loss history (test NLL at the evaluated steps)
     * @param stepAtEqualTime the step it had reached after the shorter side's training time, or -1 when unknown
     */
    public record Side(String label, LossSnapshot loss, long stepAtEqualTime) {
    }

    /**
     * The verdict line.
     *
     * @param seconds the equal wall time in seconds (NaN: no time comparison, e.g. saved models)
     * @param floor   the data's entropy H(p), when known
     */
    public static String line(Side a, Side b, double seconds, OptionalDouble floor) {
        long common = Math.min(lastTestStep(a.loss()), lastTestStep(b.loss()));
        if (common <= 0) {
            return "Train both models to compare them: the verdict needs a test NLL after step 0 on both sides.";
        }
        StringBuilder s = new StringBuilder();
        s.append(String.format(Locale.ROOT, "Equal steps (%d): ", common));
        s.append(compare(a.label(), testAt(a.loss(), common), b.label(), testAt(b.loss(), common), floor));
        if (Double.isFinite(seconds) && a.stepAtEqualTime() >= 0 && b.stepAtEqualTime() >= 0) {
            double ta = testAt(a.loss(), a.stepAtEqualTime());
            double tb = testAt(b.loss(), b.stepAtEqualTime());
            s.append(String.format(Locale.ROOT, " · equal time (%.1f s, steps %d vs %d): ", seconds,
                    a.stepAtEqualTime(), b.stepAtEqualTime()));
            s.append(compare(a.label(), ta, b.label(), tb, OptionalDouble.empty()));
        }
        return s.toString();
    }

    private static String compare(String la, double a, String lb, double b, OptionalDouble floor) {
        if (!Double.isFinite(a) || !Double.isFinite(b)) {
            return String.format(Locale.ROOT, "%s %s vs %s %s nats", la, nats(a), lb, nats(b));
        }
        double d = Math.abs(a - b);
        String winner = a < b ? la : lb;
        String out = String.format(Locale.ROOT, "%s %.3f vs %s %.3f nats → %s", la, a, lb, b,
                d < 0.0005 ? "equal" : winner + " lower by " + String.format(Locale.ROOT, "%.3f", d));
        if (floor.isPresent()) {
            out += String.format(Locale.ROOT, " (KL gap %.3f vs %.3f)", a - floor.getAsDouble(), b - floor.getAsDouble());
        }
        return out;
    }

    private static String nats(double v) {
        return Double.isFinite(v) ? String.format(Locale.ROOT, "%.3f", v) : "–";
    }

    /** The step of the last finite test NLL, or -1 when there is none. */
    public static long lastTestStep(LossSnapshot s) {
        if (s == null) {
            return -1;
        }
        for (int i = s.size() - 1; i >= 0; i--) {
            if (Double.isFinite(s.testNll(i))) {
                return s.step(i);
            }
        }
        return -1;
    }

    /** The last finite test NLL at or before {@code step}, or NaN. */
    public static double testAt(LossSnapshot s, long step) {
        if (s == null) {
            return Double.NaN;
        }
        for (int i = s.size() - 1; i >= 0; i--) {
            if (s.step(i) <= step && Double.isFinite(s.testNll(i))) {
                return s.testNll(i);
            }
        }
        return Double.NaN;
    }
}
