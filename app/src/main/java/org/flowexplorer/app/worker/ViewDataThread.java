package org.flowexplorer.app.worker;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.LongSupplier;
import org.flowexplorer.app.scene.Bounds;
import org.flowexplorer.app.scene.DensityImage;
import org.flowexplorer.app.worker.Snapshot.Trace;
import org.flowexplorer.model.eval.DensityGrid;
import org.flowexplorer.model.flow.FlowTrace;
import org.flowexplorer.model.flow.RealNVP;
import org.flowexplorer.model.nn.ParameterStore;

/**
 * A thread of its own for the expensive view data while training (the displayed points' and the
 * warped grid's traces, the samples' images, the density heatmap), computed on a copy of the
 * model, so that the training thread pays only for copying the parameters into that copy (a
 * {@code System.arraycopy} of the float parameters, no allocation) instead of the traces and grids
 * themselves. One job at a time: the worker hands over a job only while the thread is idle
 * ({@link #idle()}), so a view that falls behind skips model versions instead of queueing them, and
 * takes the result on a later publish ({@link #poll()}).
 *
 * <p>The copy belongs to this thread from {@link #submit} until the job is done; the worker writes
 * into it only while the thread is idle (the busy flag's volatile write and read order the two).
 */
final class ViewDataThread implements AutoCloseable {

    /**
     * What to compute for model version {@code version} (at training step {@code step}, trained at
     * {@code learningRate} with {@code clipNorm}, which the exploding-values check reports): the
     * parts whose input is null (or {@code densityRes} 0) are not wanted.
     */
    record Job(long version, long step, double learningRate, double clipNorm, float[] points, float[] grid,
            float[] sampleLatent, int densityRes, Bounds bounds) {
        boolean wantsTrace() {
            return points != null;
        }

        boolean wantsDensity() {
            return densityRes > 0;
        }
    }

    /**
     * The job's parts (null where not asked for), whether both traces are finite, why training
     * should pause if the points' trace shows exploding values (else null), and how long the traces
     * and the density took, in wall-clock and in this thread's CPU time (what the budgets count: on
     * a loaded machine the wall-clock time is many times the work). Everything per point is done
     * here, so the worker only takes the result.
     */
    record Result(Job job, Trace points, Trace grid, boolean finite, Divergence exploding, float[] samples,
            DensityImage density, double traceMillis, double densityMillis, double traceCpuMillis,
            double densityCpuMillis) {
    }

    private static final ThreadMXBean CPU = ManagementFactory.getThreadMXBean();
    private final ExecutorService executor;
    private final DensityGrid densityGrid = new DensityGrid(1); // the other core trains: one thread for the grid
    private final LongSupplier clock;
    private final AtomicBoolean busy = new AtomicBoolean();
    private final AtomicReference<Result> done = new AtomicReference<>();
    private final AtomicReference<Throwable> failure = new AtomicReference<>();
    private RealNVP copy;

    ViewDataThread(String name, LongSupplier clock) {
        this.clock = clock;
        this.executor = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            t.setPriority(Thread.NORM_PRIORITY - 1);
            return t;
        });
    }

    /** Whether a job can be handed over now (the last one is done, its result possibly not yet taken). */
    boolean idle() {
        return !busy.get();
    }

    /**
     * Copies {@code model}'s parameters and running statistics into this thread's copy and starts
     * {@code job} on it. Call from the model's owner thread, only when {@link #idle()}.
     */
    void submit(RealNVP model, Job job) {
        if (busy.get()) {
            throw new IllegalStateException("the view data thread is still busy");
        }
        copy = refreshed(copy, model);
        RealNVP m = copy;
        busy.set(true);
        executor.execute(() -> {
            try {
                done.set(compute(m, job, densityGrid, clock));
            } catch (Throwable t) {
                failure.set(t);
            } finally {
                busy.set(false);
            }
        });
    }

    /** The finished job's result, once (null while none is waiting); rethrows what a job failed with. */
    Result poll() {
        Throwable t = failure.getAndSet(null);
        if (t != null) {
            throw new IllegalStateException("view data failed: " + t, t);
        }
        return done.getAndSet(null);
    }

    /** Computes {@code job} with {@code model} on the calling thread (also the worker's path when paused). */
    static Result compute(RealNVP model, Job job, DensityGrid grid, LongSupplier clock) {
        long t0 = clock.getAsLong();
        long c0 = CPU.getCurrentThreadCpuTime();
        FlowTrace points = job.points() == null ? null : model.traceForward(job.points());
        FlowTrace gridTrace = job.grid() == null ? null : model.traceForward(job.grid());
        Trace p = points == null ? null : traceOf(job.version(), points);
        Trace g = gridTrace == null ? null : traceOf(job.version(), gridTrace);
        boolean finite = (p == null || ViewDataScheduler.finite(p.positions()))
                && (g == null || ViewDataScheduler.finite(g.positions()));
        Divergence exploding = points == null ? null
                : Divergence.explodingTrace(job.step(), points, job.learningRate(), job.clipNorm());
        float[] samples = job.sampleLatent() == null ? null : model.inverse(job.sampleLatent(), null);
        long t1 = clock.getAsLong();
        long c1 = CPU.getCurrentThreadCpuTime();
        DensityImage density = job.wantsDensity() ? DensityImage.of(grid, model, job.densityRes(), job.bounds()) : null;
        long t2 = clock.getAsLong();
        long c2 = CPU.getCurrentThreadCpuTime();
        return new Result(job, p, g, finite, exploding, samples, density, (t1 - t0) / 1e6, (t2 - t1) / 1e6,
                (c1 - c0) / 1e6, (c2 - c1) / 1e6);
    }

    /** The snapshot's trace: positions, each layer's square bounds and mean |s|, |t|. */
    static Trace traceOf(long version, FlowTrace t) {
        int layers = t.layers();
        Bounds[] bounds = new Bounds[layers + 1];
        for (int l = 0; l <= layers; l++) {
            bounds[l] = Bounds.squareAround(t.positions()[l], 0.01, 0.15);
        }
        float[] meanS = new float[layers];
        float[] meanT = new float[layers];
        for (int l = 0; l < layers; l++) {
            meanS[l] = meanAbs(t.scales() == null ? null : t.scales()[l]);
            meanT[l] = meanAbs(t.shifts() == null ? null : t.shifts()[l]);
        }
        return new Trace(version, t.positions(), bounds, meanS, meanT, t);
    }

    private static float meanAbs(float[] v) {
        if (v == null || v.length == 0) {
            return 0f;
        }
        double acc = 0;
        for (float f : v) {
            acc += Math.abs(f);
        }
        return (float) (acc / v.length);
    }

    /** {@code copy} with {@code model}'s state, or a new copy when the architecture or precision changed. */
    static RealNVP refreshed(RealNVP copy, RealNVP model) {
        if (copy == null || copy.precision() != model.precision() || !copy.spec().equals(model.spec())) {
            return model.copy();
        }
        copyValues(model.parameterStore(), copy.parameterStore());
        copy.setBufferValues(model.bufferValues());
        return copy;
    }

    @SuppressWarnings("unchecked") // same precision, so the same array type
    private static <A> void copyValues(ParameterStore<A> from, ParameterStore<?> to) {
        from.numerics().copy(from.values(), 0, (A) to.values(), 0, from.size());
    }

    @Override
    public void close() {
        executor.shutdownNow();
        densityGrid.close();
    }
}
