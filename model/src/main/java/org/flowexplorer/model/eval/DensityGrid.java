package org.flowexplorer.model.eval;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.flowexplorer.model.flow.RealNVP;

/**
 * log p(x) of a flow on a regular grid, for density heatmaps. A 256 × 256 grid is 65 536 points
 * through every layer (2.25 GMAC for 8 layers of 64×64, 1.97 with the first coupling's conditioner
 * shared per column): about 40 ms of one core (docs/performance.md), so the grid is split across
 * threads. The calling thread takes chunks with the model itself alongside the helper threads;
 * each helper keeps its own copy of the model (a flow is not thread-safe) and refreshes its
 * parameters per call, which costs microseconds.
 */
public final class DensityGrid implements AutoCloseable {
    /** Measured with {@link DensityGridBenchmark}, see docs/performance.md. */
    public static final int DEFAULT_CHUNK_POINTS = 2048;
    private final int threads;
    private final int chunkPoints;
    private final ExecutorService pool;
    private final List<RealNVP> replicas = new ArrayList<>();

    /** @param threads total threads to use, counting the caller (1 = no helper threads) */
    public DensityGrid(int threads) {
        this(threads, DEFAULT_CHUNK_POINTS);
    }

    /** @param chunkPoints points per model call (see {@link #chunkPoints()}) */
    public DensityGrid(int threads, int chunkPoints) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1, got " + threads);
        }
        if (chunkPoints < 1) {
            throw new IllegalArgumentException("chunks need at least 1 point, got " + chunkPoints);
        }
        this.threads = threads;
        this.chunkPoints = chunkPoints;
        this.pool = threads == 1 ? null : Executors.newFixedThreadPool(threads - 1, r -> {
            Thread t = new Thread(r, "flow-density");
            t.setDaemon(true);
            return t;
        });
    }

    /** Threads that make sense on this machine: all cores, at most 4. */
    public static int defaultThreads() {
        return Math.max(1, Math.min(4, Runtime.getRuntime().availableProcessors()));
    }

    /**
     * The points of a gw × gh grid spanning [xmin, xmax] × [ymin, ymax] (grid nodes at both ends),
     * row-major with row 0 at ymin: point (i, j) is (xmin + j·dx, ymin + i·dy).
     */
    public static float[] gridPoints(int gw, int gh, double xmin, double xmax, double ymin, double ymax) {
        requireGrid(gw, gh);
        float[] xy = new float[gw * gh * 2], xs = axis(gw, xmin, xmax), ys = axis(gh, ymin, ymax);
        for (int i = 0; i < gh; i++) {
            for (int j = 0; j < gw; j++) {
                xy[2 * (i * gw + j)] = xs[j];
                xy[2 * (i * gw + j) + 1] = ys[i];
            }
        }
        return xy;
    }

    private static void requireGrid(int gw, int gh) {
        if (gw < 2 || gh < 2) {
            throw new IllegalArgumentException("a grid needs at least 2 × 2 nodes, got " + gw + " × " + gh);
        }
    }

    /** The nodes' coordinates along one axis, min + j·(max − min)/(nodes − 1) rounded to float32. */
    static float[] axis(int nodes, double min, double max) {
        float[] v = new float[nodes];
        double step = (max - min) / (nodes - 1);
        for (int j = 0; j < nodes; j++) {
            v[j] = (float) (min + j * step);
        }
        return v;
    }

    /**
     * log p(x) at the grid nodes (see {@link #gridPoints}), [gh × gw] row-major: the values of
     * {@link #logProb} at those points, computed with {@link RealNVP#gridLogProb} (which runs the
     * first coupling's conditioner once per column or row instead of once per point). Call from
     * the model's owner thread.
     */
    public float[] logDensity(RealNVP model, int gw, int gh, double xmin, double xmax, double ymin, double ymax) {
        requireGrid(gw, gh);
        float[] xs = axis(gw, xmin, xmax), ys = axis(gh, ymin, ymax);
        return evaluate(model, gw * gh, (m, from, to, out) -> m.gridLogProb(xs, ys, from, to, out));
    }

    /** log p of arbitrary 2-D points, in chunks of {@link #chunkPoints()} points shared by the threads. */
    public float[] logProb(RealNVP model, float[] xy) {
        int d = model.dim();
        return evaluate(model, xy.length / d, (m, from, to, out) ->
                System.arraycopy(m.logProb(Arrays.copyOfRange(xy, from * d, to * d)), 0, out, from, to - from));
    }

    /** log p of points from..to-1 into out[from..to), on one thread's model. */
    private interface Part {
        void run(RealNVP model, int from, int to, float[] out);
    }

    /**
     * n values in chunks, which the caller (with the model) and the helpers (with replicas) take
     * one at a time until none is left: a thread the machine holds back takes fewer, instead of the
     * others waiting for its fixed share (with the shares dealt in advance, two threads on a loaded
     * 2-core machine were measured barely faster than one).
     */
    private float[] evaluate(RealNVP model, int n, Part part) {
        float[] out = new float[n];
        int chunks = (n + chunkPoints - 1) / chunkPoints;
        int parts = pool == null ? 1 : Math.min(threads, chunks);
        AtomicInteger next = new AtomicInteger();
        List<Future<?>> futures = new ArrayList<>();
        if (parts > 1) {
            double[] params = model.parameterValues(), buffers = model.bufferValues();
            for (int p = 1; p < parts; p++) {
                RealNVP replica = replica(p - 1, model, params, buffers);
                futures.add(pool.submit(() -> evaluateChunks(replica, part, out, next, true)));
            }
        }
        evaluateChunks(model, part, out, next, false);
        try {
            for (Future<?> f : futures) {
                f.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            futures.forEach(f -> f.cancel(true));
            throw new IllegalStateException("density evaluation interrupted", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("density evaluation failed: " + e.getCause(), e.getCause());
        }
        return out;
    }

    /**
     * The chunks not yet taken, one at a time, into out (each chunk is written by one thread only).
     * A helper stops when cancelled, so that it is not still using its replica when the next call
     * hands that replica to another helper.
     */
    private void evaluateChunks(RealNVP model, Part part, float[] out, AtomicInteger next, boolean helper) {
        int n = out.length;
        for (int from; (from = next.getAndIncrement() * chunkPoints) < n && !(helper && Thread.currentThread().isInterrupted()); ) {
            part.run(model, from, Math.min(n, from + chunkPoints), out);
        }
    }

    /** Points per model call: small enough that a layer's activations stay in the core's cache. */
    public int chunkPoints() {
        return chunkPoints;
    }

    /** A copy of the model for helper thread i: its parameters and the norms' running statistics. */
    private RealNVP replica(int i, RealNVP model, double[] params, double[] buffers) {
        while (replicas.size() <= i) {
            replicas.add(null);
        }
        RealNVP r = replicas.get(i);
        if (r == null || !r.spec().equals(model.spec()) || r.precision() != model.precision()) {
            r = RealNVP.withState(model.spec(), model.precision(), params, buffers);
            replicas.set(i, r);
        } else {
            r.setParameters(params);
            r.setBufferValues(buffers);
        }
        return r;
    }

    @Override
    public void close() {
        if (pool != null) {
            pool.shutdownNow();
        }
    }
}
