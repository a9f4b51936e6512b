package org.flowexplorer.model.data;

import java.util.regex.Pattern;

/**
 * Strict parsing of one CSV cell as a float. Only plain decimal notation is a number (optional
 * sign, digits with an optional point, optional exponent); Java-only forms such as {@code 1f},
 * {@code 0x1p3} or {@code 1d} are not. NaN and infinities, and values too large for a float, are
 * recognised so they can be reported as "not a finite number" rather than "not a number".
 */
final class CsvNumbers {
    private static final Pattern DECIMAL =
            Pattern.compile("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?");
    private static final Pattern NON_FINITE =
            Pattern.compile("[+-]?(nan|inf|infinity)", Pattern.CASE_INSENSITIVE);

    private CsvNumbers() {
    }

    /** Whether the trimmed cell is a decimal number, finite or not, or a NaN/infinity word. */
    static boolean looksNumeric(String cell) {
        return DECIMAL.matcher(cell).matches() || NON_FINITE.matcher(cell).matches();
    }

    /**
     * Parses a trimmed cell as a finite float.
     *
     * @throws NumberFormatException whose message is the reason, e.g. {@code "abc" is not a number}
     */
    static float parseFinite(String cell) {
        boolean decimal = DECIMAL.matcher(cell).matches();
        if (!decimal && !NON_FINITE.matcher(cell).matches()) {
            throw new NumberFormatException(quote(cell) + " is not a number");
        }
        float v = decimal ? Float.parseFloat(cell) : Float.NaN;
        if (!Float.isFinite(v)) {
            throw new NumberFormatException(quote(cell) + " is not a finite number");
        }
        return v;
    }

    static String quote(String cell) {
        return "\"" + cell + "\"";
    }
}
