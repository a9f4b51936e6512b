package org.flowexplorer.app.viewmodel;

import org.flowexplorer.model.flow.CouplingType;
import org.flowexplorer.model.flow.SplineShape;
import java.util.Locale;

/** Parsers for the control panel's text fields; they never throw, they explain. */
public final class Inputs {
    private Inputs() {
    }

    public static Parsed<Integer> integer(String text, String what, int min, int max) {
        String t = text == null ? "" : text.trim().replace("_", "");
        if (t.isEmpty()) {
            return Parsed.fail(what + " is empty: enter a whole number from " + min + " to " + max + ".");
        }
        try {
            long v = Long.parseLong(t);
            if (v < min || v > max) {
                return Parsed.fail(what + " must be from " + min + " to " + max + " (got " + t + ").");
            }
            return Parsed.ok((int) v);
        } catch (NumberFormatException e) {
            return Parsed.fail(what + " must be a whole number (\"" + t + "\" is not).");
        }
    }

    public static Parsed<Long> seed(String text) {
        String t = text == null ? "" : text.trim();
        try {
            return Parsed.ok(Long.parseLong(t));
        } catch (NumberFormatException e) {
            return Parsed.fail("Seed must be a whole number (\"" + t + "\" is not).");
        }
    }

    /** A finite number in [min, max]; accepts forms like 1e-3, 0.001 and 3E-4. */
    public static Parsed<Double> number(String text, String what, double min, double max, boolean minExclusive) {
        String t = text == null ? "" : text.trim().toLowerCase(Locale.ROOT);
        if (t.isEmpty()) {
            return Parsed.fail(what + " is empty.");
        }
        double v;
        try {
            v = Double.parseDouble(t);
        } catch (NumberFormatException e) {
            return Parsed.fail(what + " must be a number such as 0.001 or 1e-3 (\"" + text.trim() + "\" is not).");
        }
        boolean lowOk = minExclusive ? v > min : v >= min;
        if (!Double.isFinite(v) || !lowOk || v > max) {
            return Parsed.fail(what + " must be " + (minExclusive ? "above " : "at least ") + fmt(min) + " and at most "
                    + fmt(max) + " (got " + text.trim() + ").");
        }
        return Parsed.ok(v);
    }

    /** Hidden widths as comma-separated whole numbers, e.g. "64,64". */
    public static Parsed<int[]> hidden(String text, int maxWidth) {
        String t = text == null ? "" : text.trim();
        if (t.isEmpty()) {
            return Parsed.fail("Hidden sizes are empty: enter comma-separated widths such as 64,64.");
        }
        String[] parts = t.split("\\s*[,;\\s]\\s*");
        if (parts.length > 8) {
            return Parsed.fail("At most 8 hidden layers (got " + parts.length + ").");
        }
        int[] out = new int[parts.length];
        for (int i = 0; i < parts.length; i++) {
            String p = parts[i];
            if (p.isEmpty()) {
                return Parsed.fail("Hidden sizes: an empty entry; use comma-separated widths such as 64,64.");
            }
            try {
                out[i] = Integer.parseInt(p);
            } catch (NumberFormatException e) {
                return Parsed.fail("Hidden sizes must be comma-separated whole numbers such as 64,64 (\"" + p
                        + "\" is not a number).");
            }
            if (out[i] < 1 || out[i] > maxWidth) {
                return Parsed.fail("Each hidden width must be from 1 to " + maxWidth + " (got " + out[i] + ").");
            }
        }
        return Parsed.ok(out);
    }

    /**
     * A spline coupling's bins K and tail bound B (the spline acts on [−B, B]), in the ranges
     * {@link SplineShape} accepts; for any other coupling the default, whatever the texts say.
     */
    public static Parsed<SplineShape> splineShape(CouplingType coupling, String bins, String bound) {
        if (coupling != CouplingType.SPLINE) {
            return Parsed.ok(SplineShape.DEFAULT);
        }
        Parsed<Integer> k = integer(bins, "Spline bins K", 2, SplineShape.MAX_BINS);
        if (!k.isOk()) {
            return Parsed.fail(k.error());
        }
        Parsed<Double> b = number(bound, "Tail bound B", 0, SplineShape.MAX_BOUND, true);
        return b.isOk() ? Parsed.ok(new SplineShape(k.value(), b.value())) : Parsed.fail(b.error());
    }

    static String fmt(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e9 ? Long.toString((long) v) : Double.toString(v);
    }
}
