package org.flowexplorer.model.data;

import org.apache.commons.math3.analysis.UnivariateFunction;
import org.apache.commons.math3.analysis.solvers.BrentSolver;

/**
 * The exact density of {@link ToySamplers#pinwheel}: arm k (probability 1/5) maps a Gaussian
 * f = (f₀, f₁), f₀ ~ N(1, r²), f₁ ~ N(0, (r/3)²), to x = 2·R(−a(f₀))·f with the rotation angle
 * a(f₀) = 2πk/5 + e^{f₀}/4. By the change of variables
 * p(x) = Σ_k (1/5) Σ_{f : T_k(f) = x} N(f) / |det J_k(f)|, with |det J_k(f)| = 4·|1 + f₁·e^{f₀}/4|
 * (4 from the factor 2 in both coordinates; 1 + f₁·a'(f₀) from the angle depending on f₀).
 *
 * <p>Preimages: write x/2 = ρ(cos ψ, sin ψ). Rotating back, f = ρ(cos(a + ψ), sin(a + ψ)), so f₀
 * solves the scalar equation g(f₀) = ρ·cos(a(f₀) + ψ) − f₀ = 0 and then f₁ = ρ·sin(a(f₀) + ψ).
 * Every root lies in [−ρ, ρ]; only those with |f₀ − 1| ≤ {@value #WINDOW} r and
 * |f₁| ≤ {@value #WINDOW}·r/3, hence |f₀| ≥ √(ρ² − (10r/3)²), matter (the rest weigh less than
 * e^{−50}). The window is scanned in steps small enough that the angle moves by at most
 * {@value #MAX_ANGLE_STEP} rad and f₀ by at most r/8, every sign change of g is refined by Brent's
 * method, and the contributions are summed in log space. Since g'(f₀) = −(1 + f₁·a'(f₀)), two roots
 * within one step exist only next to a fold of the map (1 + f₁ e^{f₀}/4 ≈ 0, i.e. f₁ ≈ −4e^{−f₀},
 * over 10 tangential std from the arms at the default noise); such pairs are found through the
 * extremum of g between them. At the fold itself the density has an integrable 1/√ singularity.
 */
final class PinwheelDensity {
    /** Half-width of the searched f₀ window, in radial std. */
    static final double WINDOW = 10.0;
    /** Largest change of the rotation angle between scanned f₀ values, in radians. */
    static final double MAX_ANGLE_STEP = 0.05;
    private static final int ARMS = 5;
    private static final double LOG_2PI = Math.log(2.0 * Math.PI);
    private static final int MAX_EVALUATIONS = 200;

    private final double radialStd;
    private final double tangentialStd;

    /** @param noise the pinwheel's noise knob, the radial std r (> 0) */
    PinwheelDensity(double noise) {
        if (!(noise > 0)) {
            throw new IllegalArgumentException("pinwheel has no density at noise 0: its arms collapse to points");
        }
        this.radialStd = noise;
        this.tangentialStd = noise * (0.1 / 0.3);
    }

    double logDensity(double x, double y) {
        double rho = 0.5 * Math.hypot(x, y);
        double psi = Math.atan2(y, x);
        double lo = Math.max(-rho, 1.0 - WINDOW * radialStd);
        double hi = Math.min(rho, 1.0 + WINDOW * radialStd);
        // f₀² + f₁² = ρ², so |f₁| ≤ WINDOW tangential std needs |f₀| ≥ inner: the rest weighs < e^{−50}
        double f1Max = WINDOW * tangentialStd;
        double inner = rho > f1Max ? Math.sqrt(rho * rho - f1Max * f1Max) : 0.0;
        LogSum sum = new LogSum();
        BrentSolver solver = new BrentSolver(1e-14, 1e-13);   // keeps an evaluation count: one per call
        for (int k = 0; k < ARMS; k++) {
            double phase = psi + 2.0 * Math.PI * k / ARMS;
            if (inner == 0.0) {
                addArm(sum, solver, rho, phase, lo, hi);
            } else {
                addArm(sum, solver, rho, phase, lo, Math.min(hi, -inner));
                addArm(sum, solver, rho, phase, Math.max(lo, inner), hi);
            }
        }
        return sum.value() - Math.log(ARMS);
    }

    /**
     * Adds log N(f)/|det J| for every root of g in [lo, hi]; {@code phase} = ψ + 2πk/5. A step
     * whose ends have the same sign can still hold two roots, next to an extremum of g (a fold):
     * when g' changes sign within the step the extremum is found first and both halves are searched.
     */
    private void addArm(LogSum sum, BrentSolver solver, double rho, double phase, double lo, double hi) {
        if (lo > hi) {
            return;
        }
        UnivariateFunction g = f0 -> g(f0, rho, phase);
        UnivariateFunction slope = f0 -> slope(f0, rho, phase);
        double a = lo;
        double ga = g.value(a);
        double sa = slope.value(a);
        if (ga == 0.0) {
            sum.add(logContribution(a, rho, phase));
        }
        while (a < hi) {
            double step = Math.min(radialStd / 8.0, MAX_ANGLE_STEP / (0.25 * Math.exp(a)));
            double b = Math.min(hi, a + step);
            double gb = g.value(b);
            double sb = slope.value(b);
            if (ga * gb < 0.0) {
                sum.add(logContribution(solver.solve(MAX_EVALUATIONS, g, a, b), rho, phase));
            } else if (sa * sb < 0.0 && ga != 0.0 && gb != 0.0) {
                double e = solver.solve(MAX_EVALUATIONS, slope, a, b);
                if (g.value(e) * ga < 0.0) {
                    sum.add(logContribution(solver.solve(MAX_EVALUATIONS, g, a, e), rho, phase));
                    sum.add(logContribution(solver.solve(MAX_EVALUATIONS, g, e, b), rho, phase));
                }
            }
            if (gb == 0.0) {
                sum.add(logContribution(b, rho, phase));
            }
            a = b;
            ga = gb;
            sa = sb;
        }
    }

    /** g(f₀) = ρ cos(a(f₀) + ψ) − f₀, whose roots are the f₀ of the preimages. */
    private static double g(double f0, double rho, double phase) {
        return rho * Math.cos(0.25 * Math.exp(f0) + phase) - f0;
    }

    /** g'(f₀) = −ρ sin(a + ψ) a'(f₀) − 1 = −(1 + f₁ a'(f₀)): minus the warp's Jacobian factor. */
    private static double slope(double f0, double rho, double phase) {
        double angleSlope = 0.25 * Math.exp(f0);
        return -rho * Math.sin(angleSlope + phase) * angleSlope - 1.0;
    }

    private double logContribution(double f0, double rho, double phase) {
        double angleSlope = 0.25 * Math.exp(f0);
        double f1 = rho * Math.sin(angleSlope + phase);
        double z0 = (f0 - 1.0) / radialStd;
        double z1 = f1 / tangentialStd;
        double logPrior = -0.5 * (z0 * z0 + z1 * z1) - LOG_2PI - Math.log(radialStd * tangentialStd);
        return logPrior - Math.log(4.0 * Math.abs(1.0 + f1 * angleSlope));
    }

    /** A running log-sum-exp. */
    private static final class LogSum {
        private double max = Double.NEGATIVE_INFINITY;
        private double sum;

        void add(double t) {
            if (t == Double.NEGATIVE_INFINITY) {
                return;
            }
            if (t > max) {
                sum = sum * Math.exp(max - t) + 1.0;
                max = t;
            } else {
                sum += Math.exp(t - max);
            }
        }

        double value() {
            return max == Double.NEGATIVE_INFINITY ? max : max + Math.log(sum);
        }
    }
}
