package org.flowexplorer.model.energy;

import java.util.function.DoubleBinaryOperator;

/**
 * An energy typed as a formula in x1 and x2 ({@link FormulaParser}), e.g.
 * {@code 0.5*((sqrt(x1^2+x2^2)-2)/0.4)^2}. Its gradient is by central differences,
 * (U(x + h·e_i) − U(x − h·e_i)) / 2h with h = 1e-5·max(1, |x_i|): an O(h²) ≈ 1e-10 relative
 * truncation error and rounding of about 1e-11, far below what the training steps can tell apart,
 * and no symbolic differentiation to maintain for every function the parser knows.
 */
public final class FormulaPotential implements Potential {
    private final String formula;
    private final DoubleBinaryOperator u;

    private FormulaPotential(String formula, DoubleBinaryOperator u) {
        this.formula = formula;
        this.u = u;
    }

    /** @throws FormulaException with the column of the first error */
    public static FormulaPotential parse(String formula) {
        return new FormulaPotential(formula, FormulaParser.parse(formula));
    }

    @Override
    public String name() {
        return formula;
    }

    @Override
    public double value(double x1, double x2) {
        return u.applyAsDouble(x1, x2);
    }

    @Override
    public void gradient(double x1, double x2, double[] out) {
        double h1 = 1e-5 * Math.max(1, Math.abs(x1)), h2 = 1e-5 * Math.max(1, Math.abs(x2));
        out[0] = (u.applyAsDouble(x1 + h1, x2) - u.applyAsDouble(x1 - h1, x2)) / (2 * h1);
        out[1] = (u.applyAsDouble(x1, x2 + h2) - u.applyAsDouble(x1, x2 - h2)) / (2 * h2);
    }

    @Override
    public String toString() {
        return formula;
    }
}
