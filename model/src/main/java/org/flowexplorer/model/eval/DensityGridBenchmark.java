package org.flowexplorer.model.eval;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.flowexplorer.model.flow.CouplingType;
import org.flowexplorer.model.flow.FlowSpec;
import org.flowexplorer.model.flow.RealNVP;

/**
 * Times {@link DensityGrid#logDensity} (the density heatmap's cost) for a few thread counts,
 * interleaved round by round so that a machine's changing load hits each count alike, and prints
 * the median, minimum and maximum of the warm rounds. A benchmark command, not a test:
 *
 * <pre>
 * java --add-modules jdk.incubator.vector -cp app/target/flowexplorer.jar \
 *     org.flowexplorer.model.eval.DensityGridBenchmark [layers=8] [hidden=64,64] [res=256] [threads=1,2] [rounds=15]
 * </pre>
 */
public final class DensityGridBenchmark {
    private static final int WARM_UP_ROUNDS = 3;

    private DensityGridBenchmark() {
    }

    public static void main(String[] args) {
        int layers = args.length > 0 ? Integer.parseInt(args[0]) : 8;
        int[] hidden = Arrays.stream((args.length > 1 ? args[1] : "64,64").split(",")).mapToInt(Integer::parseInt).toArray();
        int res = args.length > 2 ? Integer.parseInt(args[2]) : 256;
        int[] threads = Arrays.stream((args.length > 3 ? args[3] : "1,2").split(",")).mapToInt(Integer::parseInt).toArray();
        int rounds = args.length > 4 ? Integer.parseInt(args[4]) : 15;
        RealNVP model = RealNVP.create(FlowSpec.alternating(2, layers, hidden, CouplingType.AFFINE), 1);
        List<DensityGrid> grids = new ArrayList<>();
        for (int t : threads) {
            grids.add(new DensityGrid(t));
        }
        double[][] millis = new double[threads.length][rounds];
        for (int round = -WARM_UP_ROUNDS; round < rounds; round++) {
            for (int k = 0; k < threads.length; k++) {
                long t0 = System.nanoTime();
                grids.get(k).logDensity(model, res, res, -4, 4, -4, 4);
                double ms = (System.nanoTime() - t0) / 1e6;
                if (round >= 0) {
                    millis[k][round] = ms;
                }
            }
        }
        for (int k = 0; k < threads.length; k++) {
            double[] m = millis[k].clone();
            Arrays.sort(m);
            System.out.printf(Locale.ROOT, "density %d² log p, %d × %s, %d thread(s): median %.1f ms, min %.1f, max %.1f (%d warm rounds)%n",
                    res, layers, Arrays.toString(hidden), threads[k], m[m.length / 2], m[0], m[m.length - 1], rounds);
            grids.get(k).close();
        }
    }
}
