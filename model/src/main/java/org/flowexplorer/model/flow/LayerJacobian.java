package org.flowexplorer.model.flow;

import org.flowexplorer.model.nn.Numerics;

/**
 * The local Jacobian ∂y/∂x of one coupling layer at each of n points, in double precision, computed
 * analytically by the layer's own backward pass (reverse mode): backpropagating dL/dy = e_i with
 * dL/d(log|det|) = 0 gives row i of J. The derivative of the conditioner MLP with respect to its
 * input is therefore the same code the training gradients run through, and a new coupling type gets
 * its Jacobian without a line of its own.
 *
 * <p>For a coupling, J is triangular once the coordinates are sorted by the mask (A = mask 1,
 * passed through; B = mask 0, transformed):
 *
 * <pre>
 *   ∂y_A/∂x_A = I      ∂y_A/∂x_B = 0
 *   ∂y_B/∂x_B = diag(exp s)   (affine; I for additive)
 *   ∂y_B/∂x_A = x_B · exp(s) · ∂s/∂x_A + ∂t/∂x_A     (the conditioner's derivative)
 *   log|det J| = Σ s
 * </pre>
 *
 * @param dim      D
 * @param rows     n
 * @param outputs  the layer's outputs y, [n, D] row-major
 * @param logDets  the layer's own log|det J| per point, [n]
 * @param matrices [n, D, D] row-major: {@code matrices[(r·D + i)·D + j] = ∂y_i/∂x_j} at point r
 */
public record LayerJacobian(int dim, int rows, double[] outputs, double[] logDets, double[] matrices) {

    /**
     * The Jacobians of {@code layer} at {@code inputs} ([n, D] row-major).
     *
     * @param parameters the whole store's parameters, e.g. {@link RealNVP#parameterValues()}
     */
    public static LayerJacobian of(CouplingLayer layer, double[] parameters, double[] inputs) {
        return of(layer, parameters, inputs, new double[layer.parameterOffset() + layer.parameterCount()]);
    }

    /**
     * The same, with {@code scratch} (at least {@code parameters.length} long, overwritten) taking the
     * parameter gradients the backward pass also computes, so a chain of layers allocates it once.
     */
    public static LayerJacobian of(CouplingLayer layer, double[] parameters, double[] inputs, double[] scratch) {
        int d = layer.dim();
        if (inputs.length % d != 0) {
            throw new IllegalArgumentException("expected a multiple of " + d + " coordinates, got " + inputs.length);
        }
        int rows = inputs.length / d;
        Numerics<double[]> nm = Numerics.float64();
        CouplingWorkspace<double[]> w = new CouplingWorkspace<>(nm, rows, layer.conditioningCount(),
                layer.transformedCount(), layer.conditioner(), layer.headBuffers());
        double[] y = new double[rows * d];
        double[] ld = new double[rows];
        layer.forward(nm, parameters, inputs, y, ld, rows, w);
        // the backward pass also writes this layer's parameter gradients: into scratch, never the model's
        double[] grads = scratch;
        double[] dy = new double[rows * d];
        double[] noLogDet = new double[rows];
        double[] dx = new double[rows * d];
        double[] matrices = new double[rows * d * d];
        for (int i = 0; i < d; i++) {
            java.util.Arrays.fill(dy, 0.0);
            for (int r = 0; r < rows; r++) {
                dy[r * d + i] = 1.0;
            }
            layer.backward(nm, parameters, grads, dy, noLogDet, dx, rows, w);
            for (int r = 0; r < rows; r++) {
                System.arraycopy(dx, r * d, matrices, (r * d + i) * d, d);
            }
        }
        return new LayerJacobian(d, rows, y, ld, matrices);
    }

    /** ∂y_i/∂x_j at point {@code row}. */
    public double entry(int row, int i, int j) {
        return matrices[(row * dim + i) * dim + j];
    }

    /** Point {@code row}'s D×D matrix, row-major (a copy). */
    public double[] matrix(int row) {
        return java.util.Arrays.copyOfRange(matrices, row * dim * dim, (row + 1) * dim * dim);
    }
}
