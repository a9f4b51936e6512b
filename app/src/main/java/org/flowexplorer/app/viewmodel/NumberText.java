package org.flowexplorer.app.viewmodel;

import java.util.Locale;

/** Numbers as the form shows them: short, exact, and read back to the same double ("1e-3", "0.005", "256"). */
public final class NumberText {
    private NumberText() {
    }

    public static String format(double v) {
        String s = Double.toString(v);
        if (v != 0 && (Math.abs(v) <= 1e-3 || Math.abs(v) >= 1e6)) {
            s = String.format(Locale.ROOT, "%.0e", v).replace("e-0", "e-");
            if (Double.parseDouble(s) != v) {
                s = Double.toString(v);
            }
        }
        return s.endsWith(".0") ? s.substring(0, s.length() - 2) : s;
    }
}
