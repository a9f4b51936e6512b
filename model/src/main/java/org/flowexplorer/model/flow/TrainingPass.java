package org.flowexplorer.model.flow;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.flowexplorer.model.nn.Numerics;
import org.flowexplorer.model.nn.WorkerThreads;

/**
 * A {@link FlowEngine}'s training pass: the mean NLL of a minibatch and its gradient, on one
 * thread (the seed's path, unchanged) or data-parallel. With T threads the minibatch's rows are cut
 * into T contiguous slices; each thread runs forward and backward for its slice with kernels,
 * workspaces and a gradient buffer of its own (the loss's 1/B is the whole batch's), then the slices'
 * gradients are summed in slice order, each thread summing a range of parameters. The order of every
 * sum depends only on T, so a step is deterministic for a given thread count and agrees with the
 * one-thread step to float rounding.
 *
 * <p>Flows whose blocks need the whole batch in one pass ({@link FlowBlock#needsWholeBatch}: batch
 * norm's statistics, ActNorm's first-batch init) run on one thread; an initialised ActNorm, the
 * mixers, every coupling and the mixture base split. A block with work after the pass
 * ({@link FlowBlock#afterTrainingPass}) must need the whole batch: split passes skip that call.
 *
 * <p>Calls into OpenBLAS (pinned to one thread) from several threads run concurrently (measured:
 * another thread's sgemm calls complete while one thread is inside a long sgemm).
 */
final class TrainingPass<A> {
    /** Fewest rows per slice: below this a slice's share of the work costs less than handing it over. */
    static final int MIN_ROWS_PER_SLICE = 32;
    /** Fewest parameters a thread sums (the same bound as the optimiser's ranges, {@code Trainer.optimiserParts}). */
    static final int MIN_PARAMETERS_PER_SUM_PART = 65_536;
    private final FlowEngine<A> e;
    /** Lanes 1…T−1 (lane 0 is the calling thread with the engine's own kernels, passes and gradients). */
    private final List<Lane<A>> lanes = new ArrayList<>();

    TrainingPass(FlowEngine<A> engine) {
        this.e = engine;
    }

    /** A thread's kernels, per-size passes and gradient buffer. */
    private static final class Lane<A> {
        final Numerics<A> nm;
        final A grads;
        private final Map<Integer, FlowEngine.Pass<A>> passes = new LinkedHashMap<>();

        Lane(Numerics<A> nm, int parameters) {
            this.nm = nm;
            this.grads = nm.alloc(Math.max(1, parameters));
        }

        FlowEngine.Pass<A> pass(FlowEngine<A> e, int rows) {
            if (!passes.containsKey(rows) && passes.size() >= 2) {
                passes.clear(); // a full batch and an epoch's last, smaller one
            }
            return passes.computeIfAbsent(rows, r -> new FlowEngine.Pass<>(e, r));
        }
    }

    double nllAndGradient(float[] data, int[] order, int from, int rows, int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1, got " + threads);
        }
        int slices = slices(rows, threads);
        return slices == 1 ? onOneThread(data, order, from, rows) : split(data, order, from, rows, slices);
    }

    /** How many slices a batch of {@code rows} runs in on up to {@code threads} threads. */
    int slices(int rows, int threads) {
        if (threads == 1) {
            return 1;
        }
        for (List<FlowBlock> after : e.blocks) {
            for (FlowBlock b : after) {
                if (b.needsWholeBatch(e.nm, e.buffers)) {
                    return 1;
                }
            }
        }
        return Math.max(1, Math.min(threads, rows / MIN_ROWS_PER_SLICE));
    }

    /** The seed's training pass, on the calling thread. Loss as in the seed: −mean(log p_base(z) + Σ log|det|). */
    private double onOneThread(float[] data, int[] order, int from, int rows) {
        Numerics<A> nm = e.nm;
        FlowEngine.Pass<A> p = e.pass(rows);
        e.load(nm, data, order, from, rows, p.xs.get(0));
        e.runForward(p, rows, true);
        A z = p.xs.get(e.layers.size());
        double loss = e.meanNll(z, p.ld, rows);
        double invB = 1.0 / rows;
        if (e.base != null) { // dL/dz = −∇log p(z)/B, and the base's own gradient
            e.base.lossGradient(nm, e.store.values(), e.store.gradients(), z, p.dx, rows, -invB);
        }
        for (int i = 0; i < rows * e.dim && e.base == null; i++) {
            nm.set(p.dx, i, nm.get(z, i) * invB);
        }
        nm.fill(p.dld, 0, rows, -invB);
        e.runBackward(p, rows, true);
        // only now, with nothing left to interrupt, do the blocks' buffers (and an ActNorm's init) change
        for (int l = 0; l < e.layers.size(); l++) {
            for (int b = 0; b < e.blocks.get(l).size(); b++) {
                e.blocks.get(l).get(b).afterTrainingPass(nm, e.store.values(), e.buffers, p.bws.get(l).get(b));
            }
        }
        return loss;
    }

    private double split(float[] data, int[] order, int from, int rows, int slices) {
        while (lanes.size() < slices - 1) {
            lanes.add(new Lane<>(e.nm.forAnotherThread(), e.store.size()));
        }
        Thread owner = Thread.currentThread();
        double[] nll = new double[slices];
        WorkerThreads.run(slices, s -> {
            int start = sliceStart(rows, slices, s), count = sliceStart(rows, slices, s + 1) - start;
            if (s == 0) {
                nll[0] = slice(e.nm, e.pass(count), e.store.gradients(), data, order, from, count, rows, owner);
            } else {
                Lane<A> lane = lanes.get(s - 1);
                nll[s] = slice(lane.nm, lane.pass(e, count), lane.grads, data, order, from + start, count, rows, owner);
            }
        });
        double sum = 0;
        for (double v : nll) {
            sum += v;
        }
        // the store's gradients (slice 0's) += slices 1…, in slice order; each thread sums one range of
        // parameters (element by element, so which thread sums a range does not change a bit)
        int n = e.store.size();
        int parts = sumParts(n, slices);
        WorkerThreads.run(parts, part -> {
            int lo = sliceStart(n, parts, part), hi = sliceStart(n, parts, part + 1);
            Numerics<A> nm = part == 0 ? e.nm : lanes.get(part - 1).nm;
            for (int s = 1; s < slices; s++) {
                nm.addTo(lanes.get(s - 1).grads, e.store.gradients(), lo, hi - lo);
            }
        });
        return sum / rows;
    }

    /**
     * Threads that sum the slices' gradients: one per slice, but only with at least
     * {@value #MIN_PARAMETERS_PER_SUM_PART} parameters each: below that (8 × (64, 64) has 72 k) the
     * hand-over to a pool thread costs more than the sum it saves, and the caller sums alone.
     */
    static int sumParts(int parameters, int slices) {
        return Math.max(1, Math.min(slices, parameters / MIN_PARAMETERS_PER_SUM_PART));
    }

    /** First row of slice s of {@code slices} over {@code rows} rows (slice sizes differ by at most one). */
    static int sliceStart(int rows, int slices, int s) {
        return WorkerThreads.partStart(rows, slices, s);
    }

    /**
     * Forward and backward for {@code count} rows from {@code from} with 1/B = 1/{@code total}; writes
     * this slice's dL/dθ into {@code grads} and returns its Σ −log p.
     */
    private double slice(Numerics<A> nm, FlowEngine.Pass<A> p, A grads, float[] data, int[] order, int from, int count,
                         int total, Thread owner) {
        e.load(nm, data, order, from, count, p.xs.get(0));
        e.runForward(nm, p, count, true, owner);
        A z = p.xs.get(e.layers.size());
        double nll = 0;
        for (int r = 0; r < count; r++) {
            nll -= e.logProb(nm, z, p.ld, r);
        }
        double invB = 1.0 / total;
        if (e.base != null) {
            e.base.lossGradient(nm, e.store.values(), grads, z, p.dx, count, -invB);
        } else {
            for (int i = 0; i < count * e.dim; i++) {
                nm.set(p.dx, i, nm.get(z, i) * invB);
            }
        }
        nm.fill(p.dld, 0, count, -invB);
        e.runBackward(nm, p, count, grads, owner);
        return nll;
    }
}
