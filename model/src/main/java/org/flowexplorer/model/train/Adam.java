package org.flowexplorer.model.train;

import org.flowexplorer.model.nn.Numerics;
import org.flowexplorer.model.nn.ParameterStore;
import org.flowexplorer.model.nn.WorkerThreads;

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

    /**
     * The same step with the parameters in {@code parts} ranges on as many threads: each element's
     * update depends on nothing else, so the result is the one-thread step's, bit for bit.
     */
    void step(double lr, double gradScale, int parts) {
        if (parts <= 1) {
            step(lr, gradScale);
            return;
        }
        t++;
        double bc1 = 1 - Math.pow(BETA1, t);
        double bc2 = 1 - Math.pow(BETA2, t);
        Numerics<A> nm = store.numerics();
        int n = store.size();
        WorkerThreads.run(parts, i -> {
            int lo = WorkerThreads.partStart(n, parts, i), hi = WorkerThreads.partStart(n, parts, i + 1);
            nm.adam(store.values(), store.gradients(), m, v, lo, hi - lo, gradScale, BETA1, BETA2, lr / bc1, Math.sqrt(bc2), EPS);
        });
    }

    long steps() {
        return t;
    }

    ParameterStore<A> store() {
        return store;
    }

    /** Copies the moments and the step count into {@code into} (allocated on first use). */
    Saved<A> save(Saved<A> into) {
        Numerics<A> nm = store.numerics();
        Saved<A> s = into != null ? into : new Saved<>(nm.alloc(store.size()), nm.alloc(store.size()));
        nm.copy(m, 0, s.m, 0, store.size());
        nm.copy(v, 0, s.v, 0, store.size());
        s.t = t;
        return s;
    }

    /** Puts back what {@link #save} copied. */
    void restore(Saved<A> s) {
        Numerics<A> nm = store.numerics();
        nm.copy(s.m, 0, m, 0, store.size());
        nm.copy(s.v, 0, v, 0, store.size());
        t = s.t;
    }

    /** Adam's state at one moment: first and second moments and the step count. */
    static final class Saved<A> {
        final A m;
        final A v;
        long t;

        Saved(A m, A v) {
            this.m = m;
            this.v = v;
        }
    }
}
