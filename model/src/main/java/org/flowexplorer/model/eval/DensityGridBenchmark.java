package org.flowexplorer.model.eval;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.flowexplorer.model.flow.CouplingType;
import org.flowexplorer.model.flow.FlowSpec;
import org.flowexplorer.model.flow.RealNVP;

/**
 * Times {@link DensityGrid#logDensity} (the density heatmap's cost) for a few thread counts,
 * and chunk sizes, interleaved round by round so that a machine's changing load hits each alike, and
 * prints the median, minimum and maximum wall time of the warm rounds and the median CPU time of the
 * calling thread (which evaluates about 1/threads of the chunks: on a loaded machine this is close to
 * what the wall time would be on a quiet one) and of all the JVM's threads (the
 * helpers' work too; JIT and GC threads add a little). A benchmark command, not a test:
 *
 * <pre>
 * java --add-modules jdk.incubator.vector -cp app/target/flowexplorer.jar \
 *     org.flowexplorer.model.eval.DensityGridBenchmark [layers=8] [hidden=64,64] [res=256] [threads=1,2] [rounds=15] [chunks=2048]
 * </pre>
 */
public final class DensityGridBenchmark {
    private static final int WARM_UP_ROUNDS = 3;

    private DensityGridBenchmark() {
    }

    /** CPU time of every live thread, ns (per thread, not the process's 10 ms ticks). */
    private static long allThreadsCpu(ThreadMXBean cpu) {
        long sum = 0;
        for (long id : cpu.getAllThreadIds()) {
            sum += Math.max(0, cpu.getThreadCpuTime(id));
        }
        return sum;
    }

    public static void main(String[] args) {
        int layers = args.length > 0 ? Integer.parseInt(args[0]) : 8;
        int[] hidden = Arrays.stream((args.length > 1 ? args[1] : "64,64").split(",")).mapToInt(Integer::parseInt).toArray();
        int res = args.length > 2 ? Integer.parseInt(args[2]) : 256;
        int[] threads = Arrays.stream((args.length > 3 ? args[3] : "1,2").split(",")).mapToInt(Integer::parseInt).toArray();
        int rounds = args.length > 4 ? Integer.parseInt(args[4]) : 15;
        int[] chunks = Arrays.stream((args.length > 5 ? args[5] : String.valueOf(DensityGrid.DEFAULT_CHUNK_POINTS))
                .split(",")).mapToInt(Integer::parseInt).toArray();
        ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
        RealNVP model = RealNVP.create(FlowSpec.alternating(2, layers, hidden, CouplingType.AFFINE), 1);
        List<DensityGrid> grids = new ArrayList<>();
        for (int t : threads) {
            for (int c : chunks) {
                grids.add(new DensityGrid(t, c));
            }
        }
        double[][] millis = new double[grids.size()][rounds];
        double[][] cpuMillis = new double[grids.size()][rounds];
        double[][] processMillis = new double[grids.size()][rounds];
        for (int round = -WARM_UP_ROUNDS; round < rounds; round++) {
            for (int k = 0; k < grids.size(); k++) {
                long c0 = cpu.getCurrentThreadCpuTime(), p0 = allThreadsCpu(cpu);
                long t0 = System.nanoTime();
                grids.get(k).logDensity(model, res, res, -4, 4, -4, 4);
                if (round >= 0) {
                    millis[k][round] = (System.nanoTime() - t0) / 1e6;
                    cpuMillis[k][round] = (cpu.getCurrentThreadCpuTime() - c0) / 1e6;
                    processMillis[k][round] = (allThreadsCpu(cpu) - p0) / 1e6;
                }
            }
        }
        for (int k = 0; k < grids.size(); k++) {
            double[] m = millis[k].clone();
            double[] c = cpuMillis[k].clone(), pc = processMillis[k].clone();
            Arrays.sort(m);
            Arrays.sort(c);
            Arrays.sort(pc);
            System.out.printf(Locale.ROOT, "density %d² log p, %d × %s, %d thread(s), chunks of %d: median %.1f ms, "
                            + "min %.1f, max %.1f; calling thread's CPU median %.1f ms, all threads' CPU median %.1f ms (%d warm rounds)%n",
                    res, layers, Arrays.toString(hidden), threads[k / chunks.length], chunks[k % chunks.length],
                    m[m.length / 2], m[0], m[m.length - 1], c[c.length / 2], pc[pc.length / 2], rounds);
            grids.get(k).close();
        }
    }
}
