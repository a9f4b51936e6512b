package org.flowexplorer.model.flow;

import org.flowexplorer.model.Precision;
import org.flowexplorer.model.nn.Numerics;
import org.flowexplorer.model.nn.ParameterStore;

/**
 * RealNVP's affine coupling (Dinh, Sohl-Dickstein &amp; Bengio 2017), exactly as the seed's
 * {@code AffineCouplingLayer}. With mask m (1 = conditioning, passed through; 0 = transformed):
 *
 * <pre>
 *   [raw s | t] = conditioner(x_A)            (PyTorch chunk(2): first d_B outputs are raw s, last d_B are t)
 *   s           = 2 · tanh(raw s)             (bounded log-scale)
 *   y           = x_m + (1 − m) · (x · exp(s) + t)
 *   log|det J|  = Σ s
 *   inverse:  x_B = (y_B − t) · exp(−s),  log|det J⁻¹| = −Σ s
 * </pre>
 */
public final class AffineCoupling extends CouplingLayer {

    AffineCoupling(Mask mask, int[] hidden, ParameterStore<?> store, int offset) {
        super(mask, hidden, store, offset);
    }

    /** A stand-alone layer with its own parameters, initialised as PyTorch would (last Linear zero). */
    public static AffineCoupling create(Mask mask, int[] hidden, Precision precision, long seed) {
        return (AffineCoupling) Couplings.standalone(CouplingType.AFFINE, mask, hidden, precision, seed);
    }

    @Override
    public CouplingType type() {
        return CouplingType.AFFINE;
    }

    @Override
    <A> void headForward(Numerics<A> nm, CouplingWorkspace<A> w, A ld, int rows) {
        nm.affineForward(w.output(), w.u, rows, transformedCount(), w.s, w.e, w.yT, ld);
    }

    @Override
    <A> void headInverse(Numerics<A> nm, CouplingWorkspace<A> w, A ld, int rows) {
        nm.affineInverse(w.output(), w.yT, rows, transformedCount(), w.s, w.u, ld);
    }

    @Override
    <A> void headBackward(Numerics<A> nm, CouplingWorkspace<A> w, A dld, int rows) {
        nm.affineBackward(w.dyT, w.u, w.s, w.e, dld, rows, transformedCount(), w.dO, w.dU);
    }

    @Override
    <A> void copyScales(Numerics<A> nm, CouplingWorkspace<A> w, int rows, float[] out, int off) {
        float[] s = nm.toFloats(w.s, 0, rows * transformedCount());
        System.arraycopy(s, 0, out, off, s.length);
    }

    @Override
    <A> void copyShifts(Numerics<A> nm, CouplingWorkspace<A> w, int rows, float[] out, int off) {
        int dt = transformedCount();
        A o = w.output();
        for (int r = 0; r < rows; r++) {
            for (int j = 0; j < dt; j++) {
                out[off + r * dt + j] = (float) nm.get(o, r * 2 * dt + dt + j);
            }
        }
    }
}
