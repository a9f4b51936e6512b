package org.flowexplorer.model.flow;

import java.util.SplittableRandom;
import org.flowexplorer.model.Precision;
import org.flowexplorer.model.nn.Numerics;
import org.flowexplorer.model.nn.ParameterStore;

/**
 * A learned invertible linear map between couplings, LU-parameterised as Glow's invertible 1×1
 * convolution (Kingma &amp; Dhariwal 2018, §3.2) — in the app's 2-D flows a 2×2 matrix:
 *
 * <pre>
 *   y = W x,   W = P · L · U
 *   P: a fixed permutation (buffer; the identity here, so that W starts as I)
 *   L: unit lower-triangular (its strict lower entries are parameters)
 *   U: upper-triangular with diagonal u_ii = sign_i · exp(log|u_ii|) (sign a fixed buffer, +1)
 *   log|det J| = Σ_i log|u_ii|                         (the same for every row)
 *   inverse:  v = Pᵀ y,  u = L⁻¹ v (forward substitution),  x = U⁻¹ u (back substitution)
 *   backward, with g = ∂L/∂y, S = Σ_r ∂L/∂log|det|_r, u = U x, v = L u:
 *     ∂L/∂v = Pᵀ g,  ∂L/∂L_ij = Σ_r (∂L/∂v_i) u_j  (i > j),   ∂L/∂u = Lᵀ ∂L/∂v
 *     ∂L/∂U_ij = Σ_r (∂L/∂u_i) x_j  (i &lt; j),   ∂L/∂log|u_ii| = Σ_r (∂L/∂u_i) x_i u_ii + S,   ∂L/∂x = Uᵀ ∂L/∂u
 * </pre>
 *
 * Parameters, in order: log|u_ii| [D], the strict lower entries of L [D(D−1)/2], the strict upper
 * entries of U [D(D−1)/2] (both row by row), all 0 at the start: W = I. Buffers: P as D indices
 * (row i of y is row P_i of L·U·x), then the D signs.
 */
public final class LuLinear extends FlowBlock {

    LuLinear(int dim, ParameterStore<?> store, int offset, int bufferOffset) {
        super("LU linear", dim, parameterCount(dim), bufferCount(dim), store, offset, bufferOffset);
    }

    /** A stand-alone LU layer in {@code dim} dimensions (W = I). */
    public static LuLinear create(int dim, Precision precision) {
        return standalone(LuLinear::new, dim, parameterCount(dim), precision, 0);
    }

    /** D log-diagonals and D(D−1) off-diagonal entries: D² parameters. */
    public static int parameterCount(int dim) {
        return dim * dim;
    }

    /** The permutation and the signs: 2·D buffer values. */
    static int bufferCount(int dim) {
        return 2 * dim;
    }

    @Override
    <A> void initialiseBuffers(Numerics<A> nm, A buffers, SplittableRandom rng) {
        for (int i = 0; i < dim; i++) {
            nm.set(buffers, bufferOffset + i, i);
            nm.set(buffers, bufferOffset + dim + i, 1.0);
        }
    }

    /** Index of L_ij (i > j) among the parameters. */
    private int lower(int i, int j) {
        return offset + dim + i * (i - 1) / 2 + j;
    }

    /** Index of U_ij (i &lt; j) among the parameters. */
    private int upper(int i, int j) {
        return offset + dim + dim * (dim - 1) / 2 + i * dim - i * (i + 1) / 2 + (j - i - 1);
    }

    private <A> double diagonal(Numerics<A> nm, A params, A buffers, int i) {
        return nm.get(buffers, bufferOffset + dim + i) * Math.exp(nm.get(params, offset + i));
    }

    private <A> int perm(Numerics<A> nm, A buffers, int i) {
        return (int) nm.get(buffers, bufferOffset + i);
    }

    /** W = P·L·U as a D×D row-major matrix, from the given parameters and buffers (for views and tests). */
    public double[] matrix(double[] parameters, double[] buffers) {
        Numerics<double[]> nm = Numerics.float64();
        double[] w = new double[dim * dim], x = new double[dim], ld = new double[1];
        Workspace<double[]> ws = new Workspace<>(nm, 1, dim);
        for (int c = 0; c < dim; c++) {
            java.util.Arrays.fill(x, 0);
            x[c] = 1;
            forward(nm, parameters, buffers, x, ld, 1, ws, false);
            for (int r = 0; r < dim; r++) {
                w[r * dim + c] = x[r];
            }
        }
        return w;
    }

    /** The input x, u = U x, and the permutation and diagonal the forward pass used, kept for backward. */
    static final class Workspace<A> {
        final A input;
        final double[] u;
        final int[] permutation;
        final double[] diagonal;

        Workspace(Numerics<A> nm, int rows, int dim) {
            input = nm.alloc(rows * dim);
            u = new double[rows * dim];
            permutation = new int[dim];
            diagonal = new double[dim];
        }
    }

    @Override
    @SuppressWarnings("unchecked")
    <A> void forward(Numerics<A> nm, A params, A buffers, A x, A ld, int rows, Object ws, boolean training) {
        Workspace<A> w = (Workspace<A>) ws;
        for (int i = 0; i < dim; i++) {
            w.permutation[i] = perm(nm, buffers, i);
            w.diagonal[i] = diagonal(nm, params, buffers, i);
        }
        nm.copy(x, 0, w.input, 0, rows * dim);
        double[] v = new double[dim];
        for (int r = 0; r < rows; r++) {
            int o = r * dim;
            for (int i = 0; i < dim; i++) {
                double u = w.diagonal[i] * nm.get(x, o + i);
                for (int j = i + 1; j < dim; j++) {
                    u += nm.get(params, upper(i, j)) * nm.get(x, o + j);
                }
                w.u[o + i] = u;
            }
            for (int i = 0; i < dim; i++) {
                double s = w.u[o + i];
                for (int j = 0; j < i; j++) {
                    s += nm.get(params, lower(i, j)) * w.u[o + j];
                }
                v[i] = s;
            }
            for (int i = 0; i < dim; i++) {
                nm.set(x, o + i, v[w.permutation[i]]);
            }
        }
        addToAll(nm, ld, rows, logDet(nm, params));
    }

    private <A> double logDet(Numerics<A> nm, A params) {
        double ld = 0;
        for (int i = 0; i < dim; i++) {
            ld += nm.get(params, offset + i);
        }
        return ld;
    }

    @Override
    <A> void inverse(Numerics<A> nm, A params, A buffers, A y, A ld, int rows, Object ws) {
        double[] v = new double[dim], u = new double[dim];
        for (int r = 0; r < rows; r++) {
            int o = r * dim;
            for (int i = 0; i < dim; i++) {
                v[perm(nm, buffers, i)] = nm.get(y, o + i);
            }
            for (int i = 0; i < dim; i++) {
                double s = v[i];
                for (int j = 0; j < i; j++) {
                    s -= nm.get(params, lower(i, j)) * u[j];
                }
                u[i] = s;
            }
            for (int i = dim - 1; i >= 0; i--) {
                double s = u[i];
                for (int j = i + 1; j < dim; j++) {
                    s -= nm.get(params, upper(i, j)) * nm.get(y, o + j);
                }
                nm.set(y, o + i, s / diagonal(nm, params, buffers, i)); // x_j (j > i) already written
            }
        }
        addToAll(nm, ld, rows, -logDet(nm, params));
    }

    @Override
    @SuppressWarnings("unchecked")
    <A> void backward(Numerics<A> nm, A params, A grads, A dy, A dld, int rows, Object ws) {
        Workspace<A> w = (Workspace<A>) ws;
        int[] permutation = w.permutation;
        double[] diag = w.diagonal;
        double s = 0;
        for (int r = 0; r < rows; r++) {
            s += nm.get(dld, r);
        }
        nm.fill(grads, offset, parameterCount(), 0.0);
        double[] dv = new double[dim], du = new double[dim];
        for (int r = 0; r < rows; r++) {
            int o = r * dim;
            for (int i = 0; i < dim; i++) {
                dv[permutation[i]] = nm.get(dy, o + i);
            }
            for (int j = 0; j < dim; j++) {
                double g = dv[j];
                for (int i = j + 1; i < dim; i++) {
                    g += nm.get(params, lower(i, j)) * dv[i];
                    add(nm, grads, lower(i, j), dv[i] * w.u[o + j]);
                }
                du[j] = g;
            }
            for (int j = 0; j < dim; j++) {
                double xj = nm.get(w.input, o + j), g = diag[j] * du[j];
                for (int i = 0; i < j; i++) {
                    g += nm.get(params, upper(i, j)) * du[i];
                    add(nm, grads, upper(i, j), du[i] * xj);
                }
                add(nm, grads, offset + j, du[j] * xj * diag[j]);
                nm.set(dy, o + j, g);
            }
        }
        for (int i = 0; i < dim; i++) {
            add(nm, grads, offset + i, s);
        }
    }

    /** Its scratch: see {@link Workspace}. */
    @Override
    <A> Object workspace(Numerics<A> nm, int rows) {
        return new Workspace<>(nm, rows, dim);
    }

    private static <A> void add(Numerics<A> nm, A a, int i, double v) {
        nm.set(a, i, nm.get(a, i) + v);
    }
}
