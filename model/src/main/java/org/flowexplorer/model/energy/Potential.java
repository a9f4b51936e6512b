package org.flowexplorer.model.energy;

import java.util.Locale;
import org.flowexplorer.model.flow.Energy;

/**
 * A 2-D energy U(x1, x2): the unnormalised target density exp(−U) that reverse-KL fitting
 * matches. Either one of Rezende &amp; Mohamed's four test potentials ({@link RezendePotential})
 * or a typed formula ({@link FormulaPotential}).
 */
public interface Potential extends Energy {
    /** How the user names it: {@code "U1"} … {@code "U4"}, or the formula as typed. */
    String name();

    /** U(x1, x2). */
    double value(double x1, double x2);

    /** ∇U(x1, x2) into {@code out[0]}, {@code out[1]}. */
    void gradient(double x1, double x2, double[] out);

    @Override
    default void evaluate(double[] x, int rows, double[] u, double[] grad) {
        if (x.length < 2 * rows) {
            throw new IllegalArgumentException("a potential takes 2-D points; got " + x.length + " values for " + rows + " rows");
        }
        double[] g = new double[2];
        for (int r = 0; r < rows; r++) {
            u[r] = value(x[2 * r], x[2 * r + 1]);
            gradient(x[2 * r], x[2 * r + 1], g);
            grad[2 * r] = g[0];
            grad[2 * r + 1] = g[1];
        }
    }

    /**
     * {@code U1} … {@code U4} (any case), or else a formula in x1 and x2.
     *
     * @throws FormulaException with one line naming the column of the first error
     */
    static Potential of(String spec) {
        String t = spec == null ? "" : spec.trim();
        for (RezendePotential p : RezendePotential.values()) {
            if (p.name().equals(t.toUpperCase(Locale.ROOT))) {
                return p;
            }
        }
        return FormulaPotential.parse(t);
    }
}
