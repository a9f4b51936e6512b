package org.flowexplorer.model.flow;

import java.util.SplittableRandom;
import org.flowexplorer.model.Precision;
import org.flowexplorer.model.nn.Numerics;
import org.flowexplorer.model.nn.ParameterStore;

/**
 * Glow's activation normalisation (Kingma &amp; Dhariwal 2018, §3.1), per feature j of D:
 *
 * <pre>
 *   y = x · exp(log_scale) + bias
 *   log|det J| = Σ_j log_scale_j                     (the same for every row)
 *   inverse:   x = (y − bias) · exp(−log_scale)
 *   data-dependent init, on the first training batch (more than one row):
 *     μ_j = mean_r x_rj,  σ_j = √(mean_r (x_rj − μ_j)² + ε),  ε = 1e-6
 *     log_scale_j = −log σ_j,   bias_j = −μ_j / σ_j         (so that batch's outputs have mean 0, variance 1)
 *   backward, with g = ∂L/∂y, S = Σ_r ∂L/∂log|det|_r:
 *     ∂L/∂bias_j = Σ_r g_rj,   ∂L/∂log_scale_j = Σ_r g_rj (y_rj − bias_j) + S,   ∂L/∂x = g · exp(log_scale)
 * </pre>
 *
 * Unlike batch normalisation the statistics are not kept: after its init ActNorm is a plain
 * learned per-feature affine map, the same while training and evaluating. Parameters
 * {@code log_scale} then {@code bias} (2·D, starting at 0: the identity until the init); one
 * buffer value, 1 once the init has happened (so a saved model is not re-initialised when
 * training resumes). The init's values are written into the parameters only after the training
 * pass has completed ({@link #afterTrainingPass}), so an interrupted step changes nothing; that
 * pass computes with them as constants, as Glow's init under {@code torch.no_grad()} does.
 */
public final class ActNorm extends FlowBlock {
    public static final double EPS = 1e-6;

    ActNorm(int dim, ParameterStore<?> store, int offset, int bufferOffset) {
        super("ActNorm", dim, parameterCount(dim), 1, store, offset, bufferOffset);
    }

    /** A stand-alone ActNorm in {@code dim} dimensions (parameters 0, not yet initialised). */
    public static ActNorm create(int dim, Precision precision) {
        return standalone(ActNorm::new, dim, parameterCount(dim), precision, 0);
    }

    /** log_scale and bias: 2·D parameters. */
    public static int parameterCount(int dim) {
        return 2 * dim;
    }

    /** True once the data-dependent init has run (read from the flow's buffers). */
    public boolean isInitialised(double[] buffers) {
        return buffers[bufferOffset] != 0;
    }

    /** The input kept for backward, and the log-scale and bias the pass used (the init's on the first batch). */
    static final class Workspace<A> {
        final A input;
        final double[] logScale;
        final double[] bias;
        boolean initialising;

        Workspace(Numerics<A> nm, int rows, int dim) {
            input = nm.alloc(rows * dim);
            logScale = new double[dim];
            bias = new double[dim];
        }
    }

    @Override
    <A> void initialiseBuffers(Numerics<A> nm, A buffers, SplittableRandom rng) {
        nm.set(buffers, bufferOffset, 0.0);
    }

    @Override
    @SuppressWarnings("unchecked")
    <A> void forward(Numerics<A> nm, A params, A buffers, A x, A ld, int rows, Object ws, boolean training) {
        Workspace<A> w = (Workspace<A>) ws;
        nm.copy(x, 0, w.input, 0, rows * dim);
        w.initialising = training && rows > 1 && nm.get(buffers, bufferOffset) == 0;
        for (int j = 0; j < dim; j++) {
            if (w.initialising) {
                double sum = 0, sq = 0;
                for (int r = 0; r < rows; r++) {
                    sum += nm.get(x, r * dim + j);
                }
                double mu = sum / rows;
                for (int r = 0; r < rows; r++) {
                    double c = nm.get(x, r * dim + j) - mu;
                    sq += c * c;
                }
                double sigma = Math.sqrt(sq / rows + EPS);
                w.logScale[j] = -Math.log(sigma);
                w.bias[j] = -mu / sigma;
            } else {
                w.logScale[j] = nm.get(params, offset + j);
                w.bias[j] = nm.get(params, offset + dim + j);
            }
        }
        double logDet = 0;
        for (int j = 0; j < dim; j++) {
            double scale = Math.exp(w.logScale[j]), b = w.bias[j];
            for (int r = 0; r < rows; r++) {
                int i = r * dim + j;
                nm.set(x, i, nm.get(x, i) * scale + b);
            }
            logDet += w.logScale[j];
        }
        addToAll(nm, ld, rows, logDet);
    }

    @Override
    <A> void inverse(Numerics<A> nm, A params, A buffers, A y, A ld, int rows, Object ws) {
        double logDet = 0;
        for (int j = 0; j < dim; j++) {
            double ls = nm.get(params, offset + j), back = Math.exp(-ls), b = nm.get(params, offset + dim + j);
            for (int r = 0; r < rows; r++) {
                int i = r * dim + j;
                nm.set(y, i, (nm.get(y, i) - b) * back);
            }
            logDet += ls;
        }
        addToAll(nm, ld, rows, -logDet);
    }

    @Override
    @SuppressWarnings("unchecked")
    <A> void backward(Numerics<A> nm, A params, A grads, A dy, A dld, int rows, Object ws) {
        Workspace<A> w = (Workspace<A>) ws;
        double s = 0;
        for (int r = 0; r < rows; r++) {
            s += nm.get(dld, r);
        }
        for (int j = 0; j < dim; j++) {
            double scale = Math.exp(w.logScale[j]), sumG = 0, sumGx = 0;
            for (int r = 0; r < rows; r++) {
                int i = r * dim + j;
                double g = nm.get(dy, i);
                sumG += g;
                sumGx += g * nm.get(w.input, i) * scale; // y − bias = x · exp(log_scale)
                nm.set(dy, i, g * scale);
            }
            nm.set(grads, offset + j, sumGx + s);
            nm.set(grads, offset + dim + j, sumG);
        }
    }

    /** Its scratch: see {@link Workspace}. */
    @Override
    <A> Object workspace(Numerics<A> nm, int rows) {
        return new Workspace<>(nm, rows, dim);
    }

    /** Only the init needs the whole batch; afterwards ActNorm is a per-row map and a pass may be split. */
    @Override
    <A> boolean needsWholeBatch(Numerics<A> nm, A buffers) {
        return nm.get(buffers, bufferOffset) == 0;
    }

    @Override
    @SuppressWarnings("unchecked")
    <A> void afterTrainingPass(Numerics<A> nm, A params, A buffers, Object ws) {
        Workspace<A> w = (Workspace<A>) ws;
        if (!w.initialising) {
            return;
        }
        for (int j = 0; j < dim; j++) {
            nm.set(params, offset + j, w.logScale[j]);
            nm.set(params, offset + dim + j, w.bias[j]);
        }
        nm.set(buffers, bufferOffset, 1.0);
        w.initialising = false;
    }
}
