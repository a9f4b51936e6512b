package org.flowexplorer.model.train;

import org.flowexplorer.model.nn.Numerics;
import org.flowexplorer.model.nn.ParameterStore;

/**
 * {@code torch.optim.Adam} (β = 0.9/0.999, ε = 1e-8, no weight decay, no AMSGrad) over a flat
 * parameter buffer, with the gradient-clipping coefficient applied in the same pass:
 *
 * <pre>
 *   g ← c·g;   m ← β1·m + (1−β1)·g;   v ← β2·v + (1−β2)·g²
 *   θ ← θ − (lr / (1−β1^t)) · m / (√v / √(1−β2^t) + ε)
 * </pre>
 */
final class Adam<A> {
    static final double BETA1 = 0.9;
    static final double BETA2 = 0.999;
    static final double EPS = 1e-8;

    private final ParameterStore<A> store;
    private final A m;
    private final A v;
    private long t;

    Adam(ParameterStore<A> store) {
        this.store = store;
        this.m = store.numerics().alloc(store.size());
        this.v = store.numerics().alloc(store.size());
    }

    /** One update with learning rate lr, using the store's gradients multiplied by {@code gradScale}. */
    void step(double lr, double gradScale) {
        t++;
        double bc1 = 1 - Math.pow(BETA1, t);
        double bc2 = 1 - Math.pow(BETA2, t);
        Numerics<A> nm = store.numerics();
        nm.adam(store.values(), store.gradients(), m, v, store.size(), gradScale, BETA1, BETA2, lr / bc1, Math.sqrt(bc2), EPS);
    }

    long steps() {
        return t;
    }
}
