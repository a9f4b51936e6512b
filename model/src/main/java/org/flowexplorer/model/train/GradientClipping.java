package org.flowexplorer.model.train;

import org.flowexplorer.model.nn.ParameterStore;
import org.flowexplorer.model.nn.WorkerThreads;

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

    /** The same from {@code parts} ranges' sums of squares on as many threads, added in range order. */
    static <A> double totalNorm(ParameterStore<A> store, int parts) {
        if (parts <= 1) {
            return totalNorm(store);
        }
        double[] sums = new double[parts];
        int n = store.size();
        WorkerThreads.run(parts, i -> {
            int lo = WorkerThreads.partStart(n, parts, i), hi = WorkerThreads.partStart(n, parts, i + 1);
            sums[i] = store.numerics().sumOfSquares(store.gradients(), lo, hi - lo);
        });
        double total = 0;
        for (double s : sums) {
            total += s;
        }
        return Math.sqrt(total);
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
