package org.flowexplorer.model.train;

import org.flowexplorer.model.nn.ParameterStore;

/**
 * {@code torch.nn.utils.clip_grad_norm_} with the 2-norm over all parameters: the coefficient
 * max/(‖g‖ + 1e-6), applied only when it is below 1.
 */
final class GradientClipping {
    private GradientClipping() {
    }

    static <A> double totalNorm(ParameterStore<A> store) {
        return Math.sqrt(store.numerics().sumOfSquares(store.gradients(), 0, store.size()));
    }

    /** The factor to multiply gradients by; 1 when clipping is off (max ≤ 0 or infinite) or not needed. */
    static double coefficient(double totalNorm, double maxNorm) {
        if (!(maxNorm > 0) || Double.isInfinite(maxNorm)) {
            return 1.0;
        }
        double coef = maxNorm / (totalNorm + 1e-6);
        return Math.min(coef, 1.0);
    }
}
