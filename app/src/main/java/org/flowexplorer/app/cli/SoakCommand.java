package org.flowexplorer.app.cli;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.flowexplorer.model.eval.DensityGrid;
import org.flowexplorer.model.flow.CouplingType;
import org.flowexplorer.model.flow.RealNVP;
import org.flowexplorer.model.train.Trainer;
import org.flowexplorer.model.train.TrainingConfig;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * A long headless run that does what the window does while training — steps, and between them
 * layer traces, samples and a density grid — and reports memory, so that a leak shows as growth.
 */
@Command(name = "soak", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Trains for a given time while tracing the layers, sampling and computing a density grid"
                + " every --view-every-ms, as the window does; no display needed.",
                "Prints one object per --every seconds {elapsed_s, steps, loss, heap_used_mb (live, after a full GC), heap_committed_mb,"
                        + " off_heap_mb, javacpp_mb, direct_mb, rss_mb, pss_mb}, then a summary with the minimum and maximum"
                        + " of heap, off-heap, resident (VmRSS) and proportional (Pss) memory after the first report"
                        + " (warm-up) and the growth of both from that report to the last, in percent. With ZGC,"
                        + " VmRSS counts the heap up to three times (multi-mapped); Pss counts each page once.",
                "Example: soak --minutes 30 --hidden 64,64"})
final class SoakCommand extends CliCommand {
    /** Resident (VmRSS) and proportional (Pss) size: growth from the first report after warm-up to the last. */
    private static final String[] GROWTH = {"rss_mb", "pss_mb"};

    static final class Duration {
        @Option(names = "--minutes", required = true, paramLabel = "M", description = "How long to run, in minutes.")
        Double minutes;

        @Option(names = "--seconds", required = true, paramLabel = "S", description = "How long to run, in seconds.")
        Double seconds;

        double seconds() {
            return minutes != null ? minutes * 60 : seconds;
        }
    }

    @ArgGroup(exclusive = true, multiplicity = "1")
    Duration duration;

    @Option(names = "--every", paramLabel = "S", defaultValue = "60", description = "Seconds between reports (default: ${DEFAULT-VALUE}).")
    double every;

    @Mixin
    ToyDataOptions data;

    @Mixin
    ArchitectureOptions architecture;

    @Mixin
    OptimiserOptions optimiser;

    @Option(names = "--view-every-ms", paramLabel = "MS", defaultValue = "250",
            description = "Milliseconds between trace + sample + density rounds (default: ${DEFAULT-VALUE}).")
    int viewEveryMs;

    @Option(names = "--density-grid", paramLabel = "G", defaultValue = "128", description = "Density grid G×G (default: ${DEFAULT-VALUE}).")
    int densityGrid;

    @Mixin
    SeedOption seed;

    @Override
    void validate() {
        data.validate(this);
        requirePositive("--minutes/--seconds", duration.seconds());
        requirePositive("--every", every);
        architecture.validate(this, CouplingType.AFFINE);
        optimiser.validate(this);
        requirePositive("--view-every-ms", viewEveryMs);
        if (densityGrid < 2 || densityGrid > 1024) {
            throw usage("--density-grid must be between 2 and 1024, got " + densityGrid);
        }
    }

    @Override
    void execute() {
        stage("setting up the soak run");
        float[] points = data.generate(data.n, seed.value);
        float[] traced = java.util.Arrays.copyOf(points, Math.min(points.length, 2 * 500));
        RealNVP model = RealNVP.create(architecture.spec(CouplingType.AFFINE), seed.value);
        Trainer trainer = new Trainer(model, points, new TrainingConfig(optimiser.batchFor(data.n), optimiser.lr, 1.0, seed.value));
        DivergenceGuard guard = new DivergenceGuard();
        Map<String, double[]> range = new HashMap<>();
        long start = System.nanoTime();
        long end = start + (long) (duration.seconds() * 1e9);
        long nextReport = start + (long) (every * 1e9);
        long nextView = start;
        int reports = 0, views = 0;
        Map<String, double[]> firstLast = new HashMap<>(); // rss_mb and pss_mb after warm-up
        stage("soak training with --hidden " + architecture.hiddenText());
        try (DensityGrid grid = new DensityGrid(DensityGrid.defaultThreads())) {
            while (System.nanoTime() < end) {
                trainer.step();
                Optional<String> diverged = guard.check(trainer);
                if (diverged.isPresent()) {
                    throw new CliFailure(DivergenceGuard.message(trainer.steps(), diverged.get(), optimiser.lr, 1.0));
                }
                long now = System.nanoTime();
                if (now >= nextView) {
                    viewRound(model, grid, traced, views++);
                    nextView = now + viewEveryMs * 1_000_000L;
                }
                if (now >= nextReport) {
                    report(trainer, start, reports++ > 0 || duration.seconds() <= every, range, firstLast);
                    nextReport += (long) (every * 1e9);
                }
            }
            // always a last report, always in the range: a first round slower than the run (a loaded
            // machine) left only the warm-up report, which the range skips, and the summary without min/max
            reports++;
            report(trainer, start, true, range, firstLast);
        }
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("command", "soak");
        r.put("seconds", round((System.nanoTime() - start) / 1e9, 2));
        r.put("layers", architecture.layers);
        r.put("hidden", architecture.hidden);
        r.put("steps", trainer.steps());
        r.put("traces", views);
        r.put("samples", views);
        r.put("densities", views);
        r.put("reports", reports);
        for (String k : new String[] {"heap_used_mb", "off_heap_mb", "rss_mb", "pss_mb"}) {
            double[] mm = range.get(k);
            if (mm != null && Double.isFinite(mm[0])) {
                r.put(k + "_min", round(mm[0], 1));
                r.put(k + "_max", round(mm[1], 1));
            }
        }
        for (String k : GROWTH) {
            double[] fl = firstLast.get(k);
            if (fl != null && Double.isFinite(fl[0]) && Double.isFinite(fl[1]) && fl[0] > 0) {
                r.put(k.replace("_mb", "_growth_pct"), round(100 * (fl[1] - fl[0]) / fl[0], 2));
            }
        }
        emit(r);
    }

    /** One memory line, and into the min/max range and growth unless it is the warm-up report. */
    private void report(Trainer trainer, long start, boolean intoRange, Map<String, double[]> range, Map<String, double[]> firstLast) {
        System.gc(); // so heap_used_mb is the live heap, not wherever the collector happens to be
        Map<String, Double> memory = MemoryProbe.sample();
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("elapsed_s", round((System.nanoTime() - start) / 1e9, 2));
        line.put("steps", trainer.steps());
        line.put("loss", trainer.lastLoss());
        memory.forEach((k, v) -> line.put(k, round(v, 1)));
        line.values().removeIf(v -> v instanceof Double d && d.isNaN()); // rss off Linux
        emit(line);
        if (intoRange) {
            memory.forEach((k, v) -> range.merge(k, new double[] {v, v},
                    (a, b) -> new double[] {Math.min(a[0], b[0]), Math.max(a[1], b[1])}));
            for (String k : GROWTH) {
                double v = memory.get(k);
                firstLast.computeIfAbsent(k, key -> new double[] {v, v})[1] = v;
            }
        }
    }

    /** What the window computes per snapshot: every layer's positions, samples, and a density grid. */
    private void viewRound(RealNVP model, DensityGrid grid, float[] traced, int round) {
        model.traceForward(traced);
        NonFinite.require(model.samplePoints(1000, seed.value + round), "sampled coordinates", Models.nonFiniteCause(model));
        grid.logDensity(model, densityGrid, densityGrid, -4, 4, -4, 4);
    }
}
