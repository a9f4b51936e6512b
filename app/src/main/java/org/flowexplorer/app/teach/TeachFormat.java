package org.flowexplorer.app.teach;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Locale;

/** Number formats of the teaching views: real minus signs, "—" for values a step does not define. */
public final class TeachFormat {
    /** Shown where a step has no value for a coordinate (e.g. t of a coordinate that passes through). */
    public static final String UNDEFINED = "—";

    private TeachFormat() {
    }

    /** Exact integers as integers, otherwise 4 significant digits, plain notation from 10⁻⁴ up to 10⁶, otherwise scientific; NaN → "—". */
    public static String sig4(double v) {
        if (Double.isNaN(v)) {
            return UNDEFINED;
        }
        if (Double.isInfinite(v)) {
            return v > 0 ? "∞" : "−∞";
        }
        if (v == Math.rint(v) && Math.abs(v) < 1e6) {
            return minus(Long.toString((long) v)); // exact integers (mask values, 1 − m) without decimals
        }
        double a = Math.abs(v);
        String s;
        if (a >= 1e-4 && a < 1e6) {
            BigDecimal r = new BigDecimal(v).round(new MathContext(4));
            int exponent = r.precision() - r.scale() - 1;
            s = r.setScale(Math.max(0, 3 - exponent)).toPlainString();
        } else {
            s = String.format(Locale.ROOT, "%.3e", v);
        }
        return minus(s);
    }

    /** 4 decimals, as the notebook's tensors would print with that precision; NaN → "—". */
    public static String fixed4(double v) {
        if (Double.isNaN(v)) {
            return UNDEFINED;
        }
        String s = String.format(Locale.ROOT, "%.4f", v);
        if (s.equals("-0.0000")) {
            s = "0.0000";
        }
        return minus(s);
    }

    /** Parses what {@link #sig4}/{@link #fixed4} wrote ("—" → NaN). */
    public static double parse(String text) {
        if (text.equals(UNDEFINED)) {
            return Double.NaN;
        }
        return Double.parseDouble(text.replace('−', '-').replace("∞", "Infinity"));
    }

    private static String minus(String s) {
        return s.replace('-', '−');
    }

    /** x₁, y₂, … — a letter with a subscript index (1-based). */
    public static String subscripted(String letter, int index) {
        StringBuilder s = new StringBuilder(letter);
        for (char c : Integer.toString(index).toCharArray()) {
            s.append((char) ('₀' + (c - '0')));
        }
        return s.toString();
    }
}
