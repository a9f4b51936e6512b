package org.flowexplorer.model.flow;

/**
 * An unnormalised target density p*(x) ∝ exp(−U(x)) for reverse-KL fitting
 * ({@link RealNVP#reverseKlAndGradient}): the energy U and its gradient at many points at once.
 * Implementations must be stateless (or thread-confined) and give finite values where they can.
 */
@FunctionalInterface
public interface Energy {
    /**
     * U and ∇U at every row of x.
     *
     * @param x    points [rows, D] row-major
     * @param u    receives U(x_r), length rows
     * @param grad receives ∇U(x_r), [rows, D] row-major
     */
    void evaluate(double[] x, int rows, double[] u, double[] grad);
}
