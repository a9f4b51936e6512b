package org.flowexplorer.model.flow;

import org.flowexplorer.model.Precision;
import org.flowexplorer.model.nn.Numerics;
import org.flowexplorer.model.nn.ParameterStore;

/**
 * NICE's additive coupling (Dinh, Krueger &amp; Bengio 2015): the affine coupling with the scale
 * fixed to 1 (s ≡ 0), so it preserves volume.
 *
 * <pre>
 *   t          = conditioner(x_A)             (d_B outputs)
 *   y          = x_m + (1 − m) · (x + t)
 *   log|det J| = 0;   inverse: x_B = y_B − t
 * </pre>
 */
public final class AdditiveCoupling extends CouplingLayer {

    AdditiveCoupling(Mask mask, int[] hidden, ParameterStore<?> store, int offset) {
        super(mask, hidden, store, offset);
    }

    /** A stand-alone layer with its own parameters, initialised as PyTorch would (last Linear zero). */
    public static AdditiveCoupling create(Mask mask, int[] hidden, Precision precision, long seed) {
        return (AdditiveCoupling) Couplings.standalone(CouplingType.ADDITIVE, mask, hidden, precision, seed);
    }

    @Override
    public CouplingType type() {
        return CouplingType.ADDITIVE;
    }

    @Override
    <A> void headForward(Numerics<A> nm, CouplingWorkspace<A> w, A ld, int rows) {
        nm.additive(w.output(), w.u, rows, transformedCount(), 1.0, w.yT);
    }

    @Override
    <A> void headInverse(Numerics<A> nm, CouplingWorkspace<A> w, A ld, int rows) {
        nm.additive(w.output(), w.yT, rows, transformedCount(), -1.0, w.u);
    }

    @Override
    <A> void headBackward(Numerics<A> nm, CouplingWorkspace<A> w, A dld, int rows) {
        int n = rows * transformedCount();
        nm.copy(w.dyT, 0, w.dO, 0, n);
        nm.copy(w.dyT, 0, w.dU, 0, n);
    }

    @Override
    <A> void copyScales(Numerics<A> nm, CouplingWorkspace<A> w, int rows, float[] out, int off) {
        java.util.Arrays.fill(out, off, off + rows * transformedCount(), 0f);
    }

    @Override
    <A> void copyShifts(Numerics<A> nm, CouplingWorkspace<A> w, int rows, float[] out, int off) {
        float[] t = nm.toFloats(w.output(), 0, rows * transformedCount());
        System.arraycopy(t, 0, out, off, t.length);
    }
}
