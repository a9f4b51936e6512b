package org.flowexplorer.model.flow;

import org.flowexplorer.model.Precision;
import org.flowexplorer.model.nn.Numerics;
import org.flowexplorer.model.nn.ParameterStore;

/**
 * RealNVP's batch normalisation between couplings (Dinh et al. 2017, §3.7), per feature j of D:
 *
 * <pre>
 *   training:   μ_j = mean_r x_rj,  v_j = mean_r (x_rj − μ_j)²                (biased batch variance)
 *               running_mean ← 0.9·running_mean + 0.1·μ,
 *               running_var  ← 0.9·running_var  + 0.1·v·n/(n − 1)           (as torch.nn.BatchNorm1d)
 *   evaluation: μ = running_mean, v = running_var
 *   x̂ = (x − μ) / √(v + ε),  ε = 1e-5
 *   y = x̂ · exp(log_gamma) + beta
 *   log|det J| = Σ_j (log_gamma_j − ½ log(v_j + ε))     (the same for every row)
 *   inverse (evaluation): x = (y − beta) · exp(−log_gamma) · √(v + ε) + μ
 *   backward, with g = ∂L/∂y, S = Σ_r ∂L/∂log|det|_r, γ = exp(log_gamma), σ⁻¹ = 1/√(v + ε):
 *     ∂L/∂beta_j = Σ_r g_rj,   ∂L/∂log_gamma_j = Σ_r g_rj x̂_rj γ_j + S,   ĝ = g · γ
 *     evaluation: ∂L/∂x = ĝ · σ⁻¹
 *     training:   ∂L/∂x_rj = σ⁻¹_j / n · (n ĝ_rj − Σ_r ĝ_rj − x̂_rj (Σ_r ĝ_rj x̂_rj + S))
 *                 (through μ and v; the S term is log|det|'s dependence on v)
 * </pre>
 *
 * Parameters {@code log_gamma} and {@code beta} (both starting at 0) live in the model's
 * {@link ParameterStore} after all couplings' (PyTorch's order when {@code norms} is registered
 * after {@code layers}); the running statistics (0 and 1 at the start) are buffers, not
 * parameters: the optimiser never sees them. Arithmetic is in float64 over either array type
 * (D is small: the cost is O(rows·D) beside the couplings' O(rows·H²)).
 *
 * <p>A training batch of one row has no variance (PyTorch refuses it); it is normalised with the
 * running statistics, which it leaves unchanged.
 */
public final class BatchNorm extends FlowBlock {
    public static final double EPS = 1e-5;
    public static final double MOMENTUM = 0.1;

    BatchNorm(int dim, ParameterStore<?> store, int offset, int bufferOffset) {
        super("batch norm", dim, parameterCount(dim), bufferCount(dim), store, offset, bufferOffset);
    }

    /** A stand-alone norm in {@code dim} dimensions with its own parameters (0) and running statistics (0 and 1). */
    public static BatchNorm create(int dim, Precision precision) {
        return standalone(BatchNorm::new, dim, parameterCount(dim), precision, 0);
    }

    @Override
    <A> void initialiseBuffers(Numerics<A> nm, A buffers, java.util.SplittableRandom rng) {
        nm.fill(buffers, bufferOffset, dim, 0.0);
        nm.fill(buffers, bufferOffset + dim, dim, 1.0);
    }

    @Override
    <A> Object workspace(Numerics<A> nm, int rows) {
        return new Workspace<>(nm, rows, dim);
    }

    @Override
    @SuppressWarnings("unchecked")
    <A> void forward(Numerics<A> nm, A params, A buffers, A x, A ld, int rows, Object w, boolean training) {
        forward(nm, params, buffers, x, ld, rows, (Workspace<A>) w, training);
    }

    @Override
    @SuppressWarnings("unchecked")
    <A> void inverse(Numerics<A> nm, A params, A buffers, A y, A ld, int rows, Object w) {
        Workspace<A> ws = (Workspace<A>) w;
        inverse(nm, params, buffers, y, ld, rows, ws);
        nm.copy(ws.pre, 0, y, 0, rows * dim);
    }

    @Override
    @SuppressWarnings("unchecked")
    <A> void backward(Numerics<A> nm, A params, A grads, A dy, A dld, int rows, Object w) {
        backward(nm, params, grads, dy, dld, rows, (Workspace<A>) w);
    }

    /** Batch statistics, forward and backward: a training pass does not split the batch (see {@link FlowEngine}). */
    @Override
    <A> boolean needsWholeBatch(Numerics<A> nm, A buffers) {
        return true;
    }

    @Override
    @SuppressWarnings("unchecked")
    <A> void afterTrainingPass(Numerics<A> nm, A params, A buffers, Object w) {
        updateRunningStatistics(nm, buffers, (Workspace<A>) w);
    }

    /** log_gamma and beta: 2·D parameters. */
    public static int parameterCount(int dim) {
        return 2 * dim;
    }

    /** running_mean and running_var: 2·D buffer values per norm. */
    static int bufferCount(int dim) {
        return 2 * dim;
    }

    /** The running statistics of {@code norms} norms at their start: mean 0, variance 1. */
    static <A> A initialBuffers(Numerics<A> nm, int norms, int dim) {
        A b = nm.alloc(norms * bufferCount(dim));
        for (int i = 0; i < norms; i++) {
            nm.fill(b, i * bufferCount(dim) + dim, dim, 1.0);
        }
        return b;
    }

    // its parameters: log_gamma then beta (D each); its buffers: running_mean then running_var (D each)

    // ---- per-batch scratch, kept from forward to backward ------------------------------------

    /** Buffers for one batch size: the input (pre-norm), x̂, and the statistics used. */
    static final class Workspace<A> {
        final A pre;
        final A xhat;
        final double[] mean;
        final double[] var;
        final double[] invStd;
        final double[] unbiased;
        boolean batchStats;

        Workspace(Numerics<A> nm, int rows, int dim) {
            pre = nm.alloc(rows * dim);
            xhat = nm.alloc(rows * dim);
            mean = new double[dim];
            var = new double[dim];
            invStd = new double[dim];
            unbiased = new double[dim];
        }
    }

    /** μ and v: the batch's (training, more than one row) or the running statistics. */
    private <A> void statistics(Numerics<A> nm, A buffers, A x, int rows, Workspace<A> w, boolean training) {
        w.batchStats = training && rows > 1;
        for (int j = 0; j < dim; j++) {
            double mu, v;
            if (w.batchStats) {
                double sum = 0;
                for (int r = 0; r < rows; r++) {
                    sum += nm.get(x, r * dim + j);
                }
                mu = sum / rows;
                double sq = 0;
                for (int r = 0; r < rows; r++) {
                    double c = nm.get(x, r * dim + j) - mu;
                    sq += c * c;
                }
                v = sq / rows;
                w.unbiased[j] = sq / (rows - 1);
            } else {
                mu = nm.get(buffers, bufferOffset + j);
                v = nm.get(buffers, bufferOffset + dim + j);
            }
            w.mean[j] = mu;
            w.var[j] = v;
            w.invStd[j] = 1.0 / Math.sqrt(v + EPS);
        }
    }

    /** x ← norm(x) in place (the input kept in {@code w.pre}); {@code ld[r] += log|det|}. */
    <A> void forward(Numerics<A> nm, A params, A buffers, A x, A ld, int rows, Workspace<A> w, boolean training) {
        nm.copy(x, 0, w.pre, 0, rows * dim);
        statistics(nm, buffers, w.pre, rows, w, training);
        double logDet = 0;
        for (int j = 0; j < dim; j++) {
            double lg = nm.get(params, offset + j), gamma = Math.exp(lg), beta = nm.get(params, offset + dim + j);
            double mu = w.mean[j], is = w.invStd[j];
            for (int r = 0; r < rows; r++) {
                int i = r * dim + j;
                double xh = (nm.get(w.pre, i) - mu) * is;
                nm.set(w.xhat, i, xh);
                nm.set(x, i, xh * gamma + beta);
            }
            logDet += lg + Math.log(is);
        }
        addToAll(nm, ld, rows, logDet);
    }

    /** The norm's inverse with the running statistics: {@code w.pre} ← norm⁻¹(y); {@code ld[r] −= log|det|}. */
    <A> void inverse(Numerics<A> nm, A params, A buffers, A y, A ld, int rows, Workspace<A> w) {
        statistics(nm, buffers, y, rows, w, false);
        double logDet = 0;
        for (int j = 0; j < dim; j++) {
            double lg = nm.get(params, offset + j), beta = nm.get(params, offset + dim + j);
            double back = Math.exp(-lg) / w.invStd[j], mu = w.mean[j];
            for (int r = 0; r < rows; r++) {
                int i = r * dim + j;
                nm.set(w.pre, i, (nm.get(y, i) - beta) * back + mu);
            }
            logDet += lg + Math.log(w.invStd[j]);
        }
        addToAll(nm, ld, rows, -logDet);
    }

    /**
     * Backpropagates through the forward pass last run with {@code w}: dy (dL/dy) becomes dL/dx in
     * place; dL/dlog_gamma and dL/dbeta overwrite this norm's slice of {@code grads}.
     */
    <A> void backward(Numerics<A> nm, A params, A grads, A dy, A dld, int rows, Workspace<A> w) {
        double s = 0;
        for (int r = 0; r < rows; r++) {
            s += nm.get(dld, r);
        }
        for (int j = 0; j < dim; j++) {
            double gamma = Math.exp(nm.get(params, offset + j)), is = w.invStd[j];
            double sumG = 0, sumGx = 0;
            for (int r = 0; r < rows; r++) {
                int i = r * dim + j;
                double g = nm.get(dy, i);
                sumG += g;
                sumGx += g * nm.get(w.xhat, i);
            }
            nm.set(grads, offset + j, sumGx * gamma + s);
            nm.set(grads, offset + dim + j, sumG);
            if (!w.batchStats) {
                for (int r = 0; r < rows; r++) {
                    int i = r * dim + j;
                    nm.set(dy, i, nm.get(dy, i) * gamma * is);
                }
                continue;
            }
            double sumH = sumG * gamma, sumHx = sumGx * gamma + s;
            for (int r = 0; r < rows; r++) {
                int i = r * dim + j;
                double h = nm.get(dy, i) * gamma;
                nm.set(dy, i, is / rows * (rows * h - sumH - nm.get(w.xhat, i) * sumHx));
            }
        }
    }

    /** After a completed training pass: the running statistics take the batch's, with momentum 0.1. */
    <A> void updateRunningStatistics(Numerics<A> nm, A buffers, Workspace<A> w) {
        if (!w.batchStats) {
            return;
        }
        for (int j = 0; j < dim; j++) {
            int m = bufferOffset + j, v = bufferOffset + dim + j;
            nm.set(buffers, m, (1 - MOMENTUM) * nm.get(buffers, m) + MOMENTUM * w.mean[j]);
            nm.set(buffers, v, (1 - MOMENTUM) * nm.get(buffers, v) + MOMENTUM * w.unbiased[j]);
        }
    }

    /**
     * One point through the norm in evaluation mode, step by step, for walk-throughs.
     *
     * @param mean       the running mean used, μ
     * @param variance   the running variance used, v
     * @param normalised x̂ = (x − μ)/√(v + ε) (forward), = (y − beta)·exp(−log_gamma) (inverse)
     * @param output     y forward, x inverse
     * @param logDet     log|det| of the direction walked (Σ (log_gamma − ½ log(v + ε)), negated inverse)
     */
    public record Walk(double[] mean, double[] variance, double[] logGamma, double[] beta, double[] normalised,
                       double[] output, double logDet) {
    }

    /**
     * One point through this norm in float64 from the given parameters and running statistics
     * (the whole store's and the whole flow's, e.g. {@link RealNVP#parameterValues()} and
     * {@link RealNVP#bufferValues()}; float32 values convert exactly), computed by the norm's own code.
     */
    public Walk walk(double[] parameters, double[] runningStatistics, double[] input, boolean inverse) {
        if (input.length != dim) {
            throw new IllegalArgumentException("expected " + dim + " coordinates, got " + input.length);
        }
        Numerics<double[]> nm = Numerics.float64();
        Workspace<double[]> w = new Workspace<>(nm, 1, dim);
        double[] y = input.clone(), ld = new double[1], out;
        if (inverse) {
            inverse(nm, parameters, runningStatistics, y, ld, 1, w);
            out = w.pre.clone();
            for (int j = 0; j < dim; j++) {
                w.xhat[j] = (out[j] - w.mean[j]) * w.invStd[j];
            }
        } else {
            forward(nm, parameters, runningStatistics, y, ld, 1, w, false);
            out = y;
        }
        return new Walk(w.mean.clone(), w.var.clone(), java.util.Arrays.copyOfRange(parameters, offset, offset + dim),
                java.util.Arrays.copyOfRange(parameters, offset + dim, offset + 2 * dim), w.xhat.clone(), out, ld[0]);
    }

    /** Sets a stand-alone norm's running mean and variance (D each). */
    public void setRunningStatistics(double[] mean, double[] var) {
        setRunning(store.numerics(), mean, var);
    }

    private <A> void setRunning(Numerics<A> nm, double[] mean, double[] var) {
        A b = standaloneBuffers();
        for (int j = 0; j < dim; j++) {
            nm.set(b, j, mean[j]);
            nm.set(b, dim + j, var[j]);
        }
    }
}
