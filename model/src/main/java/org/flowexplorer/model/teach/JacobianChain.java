package org.flowexplorer.model.teach;

import java.util.Arrays;
import org.flowexplorer.model.flow.CouplingLayer;
import org.flowexplorer.model.flow.LayerJacobian;
import org.flowexplorer.model.flow.Mask;
import org.flowexplorer.model.flow.RealNVP;

/**
 * Points pushed through the first k coupling layers of a flow, with every layer's local Jacobian
 * J_l (analytic, from the layer's own backward pass: {@link LayerJacobian}) and the Jacobian of the
 * composed map x → h_k by the chain rule, J_k ⋯ J_1. Double precision from the model's parameters
 * (float32 parameters convert exactly). Immutable by convention: the arrays belong to the value.
 *
 * @param dim           D
 * @param rows          n points
 * @param positions     {@code positions[l]} = h_l, [n, D], l = 0 (the points) … k
 * @param layerMatrices {@code layerMatrices[l]} = J_{l+1} at h_l, [n, D, D] row-major
 * @param logDets       {@code logDets[l]} = log|det J_{l+1}| per point, from the layer's own pass
 * @param composed      ∂h_k/∂x = J_k ⋯ J_1, [n, D, D] row-major (the identity for k = 0)
 */
public record JacobianChain(int dim, int rows, double[][] positions, double[][] layerMatrices, double[][] logDets,
        double[] composed) {

    /** What an entry of a coupling's Jacobian is, by the layer's mask (A = mask 1, B = mask 0). */
    public enum Role {
        /** ∂y_A/∂x_A on the diagonal: 1, the coordinate passes through. */
        IDENTITY,
        /** ∂y_A/∂x_j (j ≠ that coordinate) or ∂y_B/∂x_B' off the diagonal: 0. */
        ZERO,
        /** ∂y_B/∂x_B: exp(s) for an affine coupling, 1 for an additive one. */
        SCALE,
        /** ∂y_B/∂x_A: what the conditioner's slope contributes, x_B·exp(s)·∂s/∂x_A + ∂t/∂x_A. */
        COUPLING
    }

    /** The first {@code layers} couplings of {@code model} at {@code points} ([n, D] row-major). */
    public static JacobianChain of(RealNVP model, double[] points, int layers) {
        return of(model, model.parameterValues(), points, layers);
    }

    /** The same with the parameters already copied out (e.g. {@link RealNVP#parameterValues()}). */
    public static JacobianChain of(RealNVP model, double[] parameters, double[] points, int layers) {
        int d = model.dim();
        if (layers < 0 || layers > model.layers().size()) {
            throw new IllegalArgumentException("layers must be between 0 and " + model.layers().size() + ", got " + layers);
        }
        int n = points.length / d;
        double[][] positions = new double[layers + 1][];
        double[][] matrices = new double[layers][];
        double[][] logDets = new double[layers][];
        positions[0] = points.clone();
        double[] composed = identities(n, d);
        double[] scratch = new double[parameters.length];
        for (int l = 0; l < layers; l++) {
            LayerJacobian j = LayerJacobian.of(model.layers().get(l), parameters, positions[l], scratch);
            positions[l + 1] = j.outputs();
            matrices[l] = j.matrices();
            logDets[l] = j.logDets();
            composed = multiply(j.matrices(), composed, n, d);
        }
        return new JacobianChain(d, n, positions, matrices, logDets, composed);
    }

    /** How many layers the chain went through. */
    public int layers() {
        return layerMatrices.length;
    }

    /** Point {@code row}'s composed D×D matrix ∂h_k/∂x, row-major (a copy). */
    public double[] composedAt(int row) {
        return Arrays.copyOfRange(composed, row * dim * dim, (row + 1) * dim * dim);
    }

    /** Point {@code row}'s J_{layer+1}, row-major (a copy). */
    public double[] layerAt(int layer, int row) {
        return Arrays.copyOfRange(layerMatrices[layer], row * dim * dim, (row + 1) * dim * dim);
    }

    /** Entry (i, j) of a coupling's Jacobian: ∂y_i/∂x_j by the layer's mask. */
    public static Role role(Mask mask, int i, int j) {
        boolean[] conditioning = mask.values();
        if (conditioning[i]) {
            return i == j ? Role.IDENTITY : Role.ZERO;
        }
        return i == j ? Role.SCALE : conditioning[j] ? Role.COUPLING : Role.ZERO;
    }

    /**
     * ∂h_k/∂x at one point by central differences of the layers' own double-precision passes
     * ({@link CouplingLayer#walk}), step {@code h} on each coordinate: an independent check of
     * the chain rule, [D, D] row-major.
     */
    public static double[] centralDifferences(RealNVP model, double[] parameters, double[] point, int layers, double h) {
        int d = model.dim();
        double[] out = new double[d * d];
        for (int j = 0; j < d; j++) {
            double[] plus = point.clone();
            double[] minus = point.clone();
            plus[j] += h;
            minus[j] -= h;
            double[] a = push(model, parameters, plus, layers);
            double[] b = push(model, parameters, minus, layers);
            for (int i = 0; i < d; i++) {
                out[i * d + j] = (a[i] - b[i]) / (2 * h);
            }
        }
        return out;
    }

    /** h_k of one point through the first {@code layers} layers' own float64 passes. */
    static double[] push(RealNVP model, double[] parameters, double[] point, int layers) {
        double[] h = point;
        for (int l = 0; l < layers; l++) {
            h = model.layers().get(l).walk(parameters, h, false).output();
        }
        return h;
    }

    private static double[] identities(int n, int d) {
        double[] out = new double[n * d * d];
        for (int r = 0; r < n; r++) {
            for (int i = 0; i < d; i++) {
                out[(r * d + i) * d + i] = 1.0;
            }
        }
        return out;
    }

    /** a·b for n pairs of D×D matrices. */
    private static double[] multiply(double[] a, double[] b, int n, int d) {
        double[] out = new double[n * d * d];
        for (int r = 0; r < n; r++) {
            int o = r * d * d;
            for (int i = 0; i < d; i++) {
                for (int j = 0; j < d; j++) {
                    double acc = 0;
                    for (int k = 0; k < d; k++) {
                        acc += a[o + i * d + k] * b[o + k * d + j];
                    }
                    out[o + i * d + j] = acc;
                }
            }
        }
        return out;
    }
}
