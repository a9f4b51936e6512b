package org.flowexplorer.model.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import java.util.function.IntConsumer;
import org.flowexplorer.model.flow.CouplingType;
import org.flowexplorer.model.flow.FlowSpec;
import org.flowexplorer.model.flow.RealNVP;
import org.flowexplorer.model.train.Trainer;
import org.flowexplorer.model.train.TrainingConfig;

/**
 * Times training steps (forward, backward, clipping, Adam) the way the PyTorch reference
 * ({@code shared/bench/torch_realnvp.py}) does: wall time of each step, median over the steps after
 * the first ten, then the test NLL. Timings belong in this benchmark, never in tests.
 */
public final class TrainingBenchmark {

    /**
     * Result of one run; times in milliseconds. CPU time per step: {@code cpuMsPerStepMedian} the
     * calling thread's (median), {@code processCpuMsPerStepMean} the whole JVM's over the steps after
     * the warm-up, divided by their number (all training threads, and whatever else the JVM ran
     * meanwhile; the process clock ticks in 10 ms, too coarse for one step): on a loaded machine it
     * shows what the threads cost in total, which wall time cannot.
     */
    public record Result(int layers, String hidden, int batch, int threads, int steps, double msPerStepMedian,
                         double msPerStepP10, double msPerStepP90, double cpuMsPerStepMedian,
                         double processCpuMsPerStepMean, double trainWallS, double testNll) {
    }

    private TrainingBenchmark() {
    }

    public static Result run(float[] train, float[] test, int layers, int[] hidden, CouplingType coupling,
                             int batch, double lr, int steps, long seed) {
        return run(train, test, layers, hidden, coupling, batch, lr, steps, seed, step -> { });
    }

    /** @param afterStep called with the number of steps done after each step (outside the timed region) */
    public static Result run(float[] train, float[] test, int layers, int[] hidden, CouplingType coupling,
                             int batch, double lr, int steps, long seed, IntConsumer afterStep) {
        return run(train, test, FlowSpec.alternating(2, layers, hidden, coupling), batch, lr, steps, seed, afterStep);
    }

    /** The same for any flow (e.g. with batch normalisation or another scale function), on one thread. */
    public static Result run(float[] train, float[] test, FlowSpec spec, int batch, double lr, int steps, long seed,
                             IntConsumer afterStep) {
        return run(train, test, spec, new TrainingConfig(batch, lr, 1.0, seed), steps, afterStep);
    }

    /** Any flow with any training settings (batch, learning rate, clipping, seed, threads). */
    public static Result run(float[] train, float[] test, FlowSpec spec, TrainingConfig config, int steps,
                             IntConsumer afterStep) {
        int batch = config.batchSize();
        int layers = spec.layers();
        int[] hidden = spec.hidden();
        RealNVP model = RealNVP.create(spec, config.seed());
        Trainer trainer = new Trainer(model, train, config);
        double[] ms = new double[steps];
        double[] cpu = new double[steps];
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        com.sun.management.OperatingSystemMXBean os =
                (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        long t0 = System.nanoTime();
        int skip = Math.min(10, steps - 1);
        long processCpuAfterWarmUp = 0;
        for (int i = 0; i < steps; i++) {
            if (i == skip) {
                processCpuAfterWarmUp = os.getProcessCpuTime();
            }
            long c = threads.getCurrentThreadCpuTime();
            long a = System.nanoTime();
            trainer.step();
            ms[i] = (System.nanoTime() - a) / 1e6;
            cpu[i] = (threads.getCurrentThreadCpuTime() - c) / 1e6;
            afterStep.accept(i + 1);
        }
        double processCpuMean = (os.getProcessCpuTime() - processCpuAfterWarmUp) / 1e6 / (steps - skip);
        double wall = (System.nanoTime() - t0) / 1e9;
        double[] tail = Arrays.copyOfRange(ms, skip, steps);
        double[] cpuTail = Arrays.copyOfRange(cpu, skip, steps);
        Arrays.sort(tail);
        Arrays.sort(cpuTail);
        String h = Arrays.toString(hidden).replaceAll("[\\[\\] ]", "");
        return new Result(layers, h, batch, config.threads(), steps, quantile(tail, 0.5), quantile(tail, 0.1), quantile(tail, 0.9),
                quantile(cpuTail, 0.5), processCpuMean, wall, test == null ? Double.NaN : model.meanNll(test));
    }

    static double quantile(double[] sorted, double q) {
        double pos = q * (sorted.length - 1);
        int lo = (int) Math.floor(pos), hi = (int) Math.ceil(pos);
        return sorted[lo] + (sorted[hi] - sorted[lo]) * (pos - lo);
    }
}
