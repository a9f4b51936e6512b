package org.flowexplorer.model.flow;

import java.util.SplittableRandom;
import org.flowexplorer.model.Precision;
import org.flowexplorer.model.nn.Numerics;
import org.flowexplorer.model.nn.ParameterStore;

/**
 * A fixed random rotation between couplings: it mixes the coordinates so that the next coupling's
 * split is along other directions than x₁ and x₂, and learns nothing.
 *
 * <pre>
 *   y = R x,   R orthogonal with det R = +1, drawn once (seeded): Gram–Schmidt of a Gaussian
 *              matrix (uniformly distributed over the rotations), first column negated if det = −1
 *   log|det J| = 0          inverse: x = Rᵀ y          backward: ∂L/∂x = Rᵀ ∂L/∂y
 * </pre>
 *
 * No parameters; R (D×D, row-major) is D² buffer values, so a saved model keeps its rotation.
 * In 2-D, R turns the plane by one angle.
 */
public final class FixedRotation extends FlowBlock {

    FixedRotation(int dim, ParameterStore<?> store, int offset, int bufferOffset) {
        super("rotation", dim, 0, bufferCount(dim), store, offset, bufferOffset);
    }

    /** A stand-alone rotation in {@code dim} dimensions, drawn from {@code seed}. */
    public static FixedRotation create(int dim, Precision precision, long seed) {
        return standalone(FixedRotation::new, dim, 0, precision, seed);
    }

    /** R: D² buffer values. */
    static int bufferCount(int dim) {
        return dim * dim;
    }

    /** R, D×D row-major, from the flow's buffers. */
    public double[] matrix(double[] buffers) {
        return java.util.Arrays.copyOfRange(buffers, bufferOffset, bufferOffset + dim * dim);
    }

    @Override
    <A> void initialiseBuffers(Numerics<A> nm, A buffers, SplittableRandom rng) {
        double[][] q = new double[dim][dim]; // columns
        for (int c = 0; c < dim; c++) {
            for (int k = 0; k < dim; k++) {
                q[c][k] = rng.nextGaussian();
            }
            for (int p = 0; p < c; p++) {
                double dot = 0;
                for (int k = 0; k < dim; k++) {
                    dot += q[c][k] * q[p][k];
                }
                for (int k = 0; k < dim; k++) {
                    q[c][k] -= dot * q[p][k];
                }
            }
            double norm = 0;
            for (int k = 0; k < dim; k++) {
                norm += q[c][k] * q[c][k];
            }
            norm = Math.sqrt(norm);
            for (int k = 0; k < dim; k++) {
                q[c][k] /= norm;
            }
        }
        if (determinant(q) < 0) {
            for (int k = 0; k < dim; k++) {
                q[0][k] = -q[0][k];
            }
        }
        for (int r = 0; r < dim; r++) {
            for (int c = 0; c < dim; c++) {
                nm.set(buffers, bufferOffset + r * dim + c, q[c][r]);
            }
        }
    }

    /** det of a small matrix by Gaussian elimination (its sign is all that matters here). */
    static double determinant(double[][] m) {
        int n = m.length;
        double[][] a = new double[n][];
        for (int i = 0; i < n; i++) {
            a[i] = m[i].clone();
        }
        double det = 1;
        for (int c = 0; c < n; c++) {
            int pivot = c;
            for (int r = c + 1; r < n; r++) {
                if (Math.abs(a[r][c]) > Math.abs(a[pivot][c])) {
                    pivot = r;
                }
            }
            if (pivot != c) {
                double[] t = a[pivot];
                a[pivot] = a[c];
                a[c] = t;
                det = -det;
            }
            det *= a[c][c];
            for (int r = c + 1; r < n; r++) {
                double f = a[r][c] / a[c][c];
                for (int k = c; k < n; k++) {
                    a[r][k] -= f * a[c][k];
                }
            }
        }
        return det;
    }

    /** The rotation the forward pass used, kept for backward. */
    static final class Workspace {
        final double[] r;

        Workspace(int dim) {
            r = new double[dim * dim];
        }
    }

    @Override
    <A> Object workspace(Numerics<A> nm, int rows) {
        return new Workspace(dim);
    }

    @Override
    <A> void forward(Numerics<A> nm, A params, A buffers, A x, A ld, int rows, Object ws, boolean training) {
        multiply(nm, load(nm, buffers, (Workspace) ws), x, rows, false);
    }

    @Override
    <A> void inverse(Numerics<A> nm, A params, A buffers, A y, A ld, int rows, Object ws) {
        multiply(nm, load(nm, buffers, (Workspace) ws), y, rows, true);
    }

    /** R from the buffers into the workspace (kept for backward). */
    private <A> double[] load(Numerics<A> nm, A buffers, Workspace w) {
        for (int i = 0; i < w.r.length; i++) {
            w.r[i] = nm.get(buffers, bufferOffset + i);
        }
        return w.r;
    }

    @Override
    <A> void backward(Numerics<A> nm, A params, A grads, A dy, A dld, int rows, Object ws) {
        multiply(nm, ((Workspace) ws).r, dy, rows, true);
    }

    /** Each row v ← R v (or Rᵀ v) in place. */
    private <A> void multiply(Numerics<A> nm, double[] r, A a, int rows, boolean transposed) {
        double[] v = new double[dim];
        for (int row = 0; row < rows; row++) {
            int o = row * dim;
            for (int i = 0; i < dim; i++) {
                double s = 0;
                for (int j = 0; j < dim; j++) {
                    s += (transposed ? r[j * dim + i] : r[i * dim + j]) * nm.get(a, o + j);
                }
                v[i] = s;
            }
            for (int i = 0; i < dim; i++) {
                nm.set(a, o + i, v[i]);
            }
        }
    }
}
