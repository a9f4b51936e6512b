package org.flowexplorer.app.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.flowexplorer.app.BlasCoreType;
import org.flowexplorer.app.ForeignCalls;
import org.flowexplorer.model.bench.TrainingBenchmark;
import org.flowexplorer.model.data.PointCsv;
import org.flowexplorer.model.flow.CouplingType;
import org.flowexplorer.model.train.TrainingConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * Training-speed benchmark beside the PyTorch reference: each round runs Java (at each thread count
 * asked for) and PyTorch at its two settings (one thread, all cores: {@link TorchReference}) on the same
 * data, one after another, so machine noise hits all alike; each run times every step and reports the
 * median. The summary compares Java with PyTorch's faster setting. The launcher sets OPENBLAS_CORETYPE
 * from the CPU's flags unless the user did (see BlasCoreType); the PyTorch process inherits it.
 */
@Command(name = "bench", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Times training steps beside the seed's PyTorch code (when python3 can import torch).",
                "Each round runs Java, then PyTorch on one thread and on all cores, on the same data (forward, backward,",
                "clipping, Adam per step); prints one JSON object per run, then a summary with the ratio java/pytorch of",
                "the median ms per step (against PyTorch's faster setting and each), the mean test NLLs, both sides'",
                "thread counts and OpenBLAS kernels, and the machine's load average.",
                "With --batchnorm, --norm, --mixer, --base or a --scale other than tanh:2 only the Java side runs (the PyTorch reference is the seed's flow)."})
final class BenchCommand extends CliCommand {
    @Mixin
    ToyDataOptions data;

    @Option(names = "--test-n", defaultValue = "2000", paramLabel = "N", description = "Test points (default: ${DEFAULT-VALUE}).")
    int testN;

    @Mixin
    ArchitectureOptions architecture;

    @Mixin
    OptimiserOptions optimiser;

    @Option(names = "--steps", defaultValue = "500", paramLabel = "N", description = "Steps per run (default: ${DEFAULT-VALUE}).")
    int steps;

    @Option(names = "--rounds", defaultValue = "3", paramLabel = "R",
            description = "Interleaved rounds; round r uses seed+r for both (default: ${DEFAULT-VALUE}).")
    int rounds;

    @Option(names = "--seed", defaultValue = "0", paramLabel = "S", description = "Base seed (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--torch", defaultValue = "auto", paramLabel = "auto|off|require",
            description = "Run the PyTorch reference: auto (if python3 can import torch), off, or require (default: ${DEFAULT-VALUE}).")
    String torch;

    @Option(names = "--python", defaultValue = "/usr/bin/python3", paramLabel = "EXE", description = "Python interpreter (default: ${DEFAULT-VALUE}).")
    String python;

    @Option(names = "--torch-script", defaultValue = "resources/bench/torch_realnvp.py", paramLabel = "PY",
            description = "The PyTorch reference script (default: ${DEFAULT-VALUE}).")
    Path torchScript;

    @Option(names = "--threads", split = ",", paramLabel = "T[,T…]",
            description = {"Java training threads per step (data-parallel over the batch's rows; default: every core the JVM may use).",
                    "A list (e.g. 1,2) runs Java at each count in every round; the summary's java_* keys are the first's."})
    List<Integer> threads;

    @Option(names = "--blas-threads", defaultValue = "1", paramLabel = "T",
            description = "OpenBLAS threads of the Java side (default: ${DEFAULT-VALUE}; the batch's slices are the parallelism).")
    int blasThreads;

    @Option(names = "--torch-blas-threads", paramLabel = "T",
            description = {"OPENBLAS_NUM_THREADS for PyTorch's all-cores run (default: unset, OpenBLAS uses every core).",
                    "Its one-thread run always has OPENBLAS_NUM_THREADS=1 (torch.set_num_threads does not bound a pthreads OpenBLAS)."})
    Integer torchBlasThreads;

    /** Which coupling the Java side trains (the PyTorch reference is always the seed's affine flow). */
    @Mixin
    CouplingOption couplingOption;

    @Option(names = "--rss-every", defaultValue = "0", paramLabel = "K",
            description = "Also record the JVM's resident memory every K steps of each Java run (0 = off).")
    int rssEvery;

    @Override
    void validate() {
        data.validate(this);
        architecture.validate(this, couplingOption.type);
        optimiser.validate(this);
        requirePositive("--steps", steps);
        requirePositive("--rounds", rounds);
        for (int t : javaThreads()) {
            requirePositive("--threads", t);
        }
        requirePositive("--blas-threads", blasThreads);
        if (torchBlasThreads != null) {
            requirePositive("--torch-blas-threads", torchBlasThreads);
        }
        if (!List.of("auto", "off", "require").contains(torch)) {
            throw usage("--torch must be auto, off or require, got '" + torch + "'");
        }
        if (steps < 20) {
            throw usage("--steps must be at least 20 (the first 10 steps are warm-up)");
        }
    }

    private List<Integer> javaThreads() {
        return threads == null || threads.isEmpty() ? List.of(Runtime.getRuntime().availableProcessors()) : threads;
    }

    /** Per-run figures of one side (a Java thread count or a PyTorch setting) over the rounds. */
    private static final class Runs {
        final List<Double> ms = new ArrayList<>(), nll = new ArrayList<>();
        JsonNode last;

        void add(double msPerStep, double testNll) {
            ms.add(msPerStep);
            nll.add(testNll);
        }
    }

    @Override
    void execute() throws Exception {
        System.setProperty("flowexplorer.blasThreads", Integer.toString(blasThreads));
        String loadBefore = loadAverage();
        float[] train = data.generate(data.n, seed);
        float[] test = data.generate(testN, seed + 1_000_003L);
        TorchReference reference = new TorchReference(python, torchScript, torchBlasThreads);
        boolean useTorch = !torch.equals("off") && !architecture.beyondSeed() && reference.available();
        if (torch.equals("require") && architecture.beyondSeed()) {
            throw new CliFailure("the PyTorch reference is the seed's flow: affine, no --batchnorm, --norm, --mixer, --base and no --scale other than tanh:2");
        }
        if (torch.equals("require") && !useTorch) {
            throw new CliFailure("the PyTorch reference is not available: " + python + " cannot import torch, or "
                    + torchScript + " is missing");
        }
        Path dir = useTorch ? Files.createTempDirectory("flowexplorer-bench") : null;
        Path trainCsv = null, testCsv = null;
        if (useTorch) {
            trainCsv = dir.resolve("train.csv");
            testCsv = dir.resolve("test.csv");
            PointCsv.write(trainCsv, train);
            PointCsv.write(testCsv, test);
        }
        Map<Integer, Runs> java = new LinkedHashMap<>();
        Map<TorchReference.Setting, Runs> torchRuns = new LinkedHashMap<>();
        try {
            for (int r = 0; r < rounds; r++) {
                long s = seed + r;
                for (int t : javaThreads()) {
                    runJava(train, test, r, s, t, java.computeIfAbsent(t, k -> new Runs()));
                }
                for (TorchReference.Setting setting : useTorch ? TorchReference.Setting.values() : new TorchReference.Setting[0]) {
                    runTorch(reference, setting, trainCsv, testCsv, r, s, torchRuns.computeIfAbsent(setting, k -> new Runs()));
                }
            }
        } finally {
            if (dir != null) {
                for (Path p : new Path[]{trainCsv, testCsv, dir}) {
                    Files.deleteIfExists(p);
                }
            }
        }
        emit(summary(java, torchRuns, reference, useTorch, loadBefore));
    }

    private void runJava(float[] train, float[] test, int round, long s, int t, Runs runs) {
        List<Double> rss = new ArrayList<>();
        TrainingConfig config = new TrainingConfig(optimiser.batch, optimiser.lr, 1.0, s, t);
        TrainingBenchmark.Result j = TrainingBenchmark.run(train, test, architecture.spec(couplingOption.type), config, steps,
                done -> {
                    if (rssEvery > 0 && done % rssEvery == 0) {
                        rss.add(MemoryProbe.residentMegabytes());
                    }
                });
        Map<String, Object> jo = new LinkedHashMap<>();
        jo.put("impl", "java");
        jo.put("round", round);
        jo.put("seed", s);
        jo.put("threads", t);
        jo.put("steps", j.steps());
        jo.put("ms_per_step_median", round(j.msPerStepMedian(), 4));
        jo.put("ms_per_step_p10", round(j.msPerStepP10(), 4));
        jo.put("ms_per_step_p90", round(j.msPerStepP90(), 4));
        jo.put("cpu_ms_per_step_median", round(j.cpuMsPerStepMedian(), 4));
        jo.put("process_cpu_ms_per_step_mean", round(j.processCpuMsPerStepMean(), 4));
        jo.put("train_wall_s", round(j.trainWallS(), 3));
        jo.put("test_nll", round(j.testNll(), 5));
        if (!rss.isEmpty()) {
            jo.put("rss_mb", rss);
        }
        emit(jo);
        runs.add(j.msPerStepMedian(), j.testNll());
    }

    private void runTorch(TorchReference reference, TorchReference.Setting setting, Path trainCsv, Path testCsv, int round, long s,
                          Runs runs) throws IOException, InterruptedException {
        JsonNode t = reference.run(setting, trainCsv, testCsv, List.of("--layers", Integer.toString(architecture.layers),
                "--hidden", architecture.hiddenText(), "--batch", Integer.toString(optimiser.batch),
                "--steps", Integer.toString(steps), "--lr", Double.toString(optimiser.lr), "--seed", Long.toString(s)));
        Map<String, Object> to = new LinkedHashMap<>();
        to.put("impl", t.path("impl").asText("pytorch"));
        to.put("setting", setting.id);
        to.put("round", round);
        to.put("seed", s);
        to.put("torch_threads", t.path("torch_threads").asInt());
        to.put("openblas_threads", t.path("openblas_threads").isNumber() ? t.path("openblas_threads").asInt() : null);
        to.put("steps", t.path("steps").asInt());
        to.put("ms_per_step_median", round(t.path("ms_per_step_median").asDouble(), 4));
        to.put("train_wall_s", round(t.path("train_wall_s").asDouble(), 3));
        to.put("test_nll", round(t.path("test_nll").asDouble(), 5));
        emit(to);
        runs.add(t.path("ms_per_step_median").asDouble(), t.path("test_nll").asDouble());
        runs.last = t;
    }

    private Map<String, Object> summary(Map<Integer, Runs> java, Map<TorchReference.Setting, Runs> torchRuns,
                                        TorchReference reference, boolean useTorch, String loadBefore) {
        Map<String, Object> res = new LinkedHashMap<>();
        res.put("command", "bench");
        res.put("dataset", data.set().id());
        res.put("layers", architecture.layers);
        res.put("hidden", architecture.hidden);
        res.put("coupling", couplingOption.type.id());
        if (couplingOption.type == CouplingType.SPLINE) {
            res.put("bins", architecture.spline().bins());
            res.put("tail_bound", architecture.spline().bound());
        }
        res.put("scale", architecture.scale().id());
        res.put("batchnorm", architecture.batchNorm());
        res.put("norm", architecture.norm().id());
        res.put("mixer", architecture.mixer().id());
        res.put("base", architecture.base().id());
        res.put("batch", optimiser.batch);
        res.put("steps", steps);
        res.put("rounds", rounds);
        int first = javaThreads().get(0);
        res.put("threads", first);
        res.put("java_blas_threads", blasThreads);
        res.put("available_cores", Runtime.getRuntime().availableProcessors());
        res.put("load_average_before", loadBefore);
        res.put("load_average_after", loadAverage());
        res.put("openblas_coretype", BlasCoreType.effective());
        res.put("openblas_coretype_source", coreTypeSource());
        res.put("java_openblas_kernel", ForeignCalls.openblasCoreName().orElse("unknown (run with the launcher's options)"));
        res.put("java_vector_api", org.flowexplorer.model.nn.VectorSupport.inUse());
        Runs j = java.get(first);
        res.put("java_ms_per_step", round(median(j.ms), 4));
        res.put("java_test_nll_mean", round(mean(j.nll), 5));
        if (java.size() > 1) {
            Map<String, Object> by = new TreeMap<>();
            java.forEach((t, runs) -> by.put(Integer.toString(t),
                    Map.of("ms_per_step", round(median(runs.ms), 4), "test_nll_mean", round(mean(runs.nll), 5))));
            res.put("java_by_threads", by);
        }
        if (useTorch) {
            putTorch(res, j, torchRuns, reference);
        } else {
            res.put("torch", "not run (" + (torch.equals("off") ? "--torch off"
                    : architecture.beyondSeed() ? "the PyTorch reference is the seed's flow: affine, without --batchnorm, --norm, --mixer, --base or --scale"
                    : python + " cannot import torch or " + torchScript + " is missing") + ")");
        }
        return res;
    }

    /** PyTorch's figures at both settings, its faster one as torch_ms_per_step, and Java's ratios to each. */
    private static void putTorch(Map<String, Object> res, Runs java, Map<TorchReference.Setting, Runs> torchRuns,
                                 TorchReference reference) {
        Runs one = torchRuns.get(TorchReference.Setting.ONE_THREAD), all = torchRuns.get(TorchReference.Setting.ALL_CORES);
        boolean oneWins = median(one.ms) <= median(all.ms);
        TorchReference.Setting bestSetting = oneWins ? TorchReference.Setting.ONE_THREAD : TorchReference.Setting.ALL_CORES;
        Runs best = oneWins ? one : all;
        double javaMs = median(java.ms);
        res.put("torch_impl", best.last.path("impl").asText("pytorch"));
        res.put("torch_openblas_coretype", reference.environment(bestSetting).getOrDefault("OPENBLAS_CORETYPE", ""));
        res.put("torch_openblas_kernel", best.last.path("openblas_kernel").asText(""));
        res.put("torch_best_setting", bestSetting.id);
        res.put("torch_threads", best.last.path("torch_threads").asInt());
        res.put("torch_openblas_threads", best.last.path("openblas_threads").asInt());
        res.put("torch_ms_per_step", round(median(best.ms), 4));
        res.put("torch_test_nll_mean", round(mean(best.nll), 5));
        res.put("ratio_java_over_torch", round(javaMs / median(best.ms), 4));
        res.put("test_nll_diff_java_minus_torch", round(mean(java.nll) - mean(best.nll), 5));
        for (Map.Entry<TorchReference.Setting, Runs> e : torchRuns.entrySet()) {
            String key = "torch_" + e.getKey().id.replace('-', '_');
            Runs runs = e.getValue();
            res.put(key + "_ms_per_step", round(median(runs.ms), 4));
            res.put(key + "_test_nll_mean", round(mean(runs.nll), 5));
            res.put(key + "_threads", runs.last.path("torch_threads").asInt());
            res.put(key + "_openblas_threads", runs.last.path("openblas_threads").asInt());
            res.put("ratio_java_over_" + key, round(javaMs / median(runs.ms), 4));
        }
    }

    /** The first three fields of /proc/loadavg (1, 5, 15 minutes), or "" where there is none. */
    private static String loadAverage() {
        try {
            String[] f = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
            return f.length >= 3 ? f[0] + " " + f[1] + " " + f[2] : "";
        } catch (IOException | RuntimeException e) {
            return "";
        }
    }

    /** Who chose OPENBLAS_CORETYPE: the launcher from the CPU's flags, the user, or nobody (OpenBLAS detects). */
    private static String coreTypeSource() {
        String core = BlasCoreType.effective();
        if (core.isBlank()) {
            return "unset (OpenBLAS detects the CPU)";
        }
        return BlasCoreType.chosenFromCpuFlags().filter(core::equals).isPresent()
                ? "launcher (from the CPU flags in /proc/cpuinfo)" : "environment";
    }

    private static double median(List<Double> v) {
        double[] a = v.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        return a.length % 2 == 1 ? a[a.length / 2] : 0.5 * (a[a.length / 2 - 1] + a[a.length / 2]);
    }

    private static double mean(List<Double> v) {
        return v.stream().mapToDouble(Double::doubleValue).average().orElse(Double.NaN);
    }
}
