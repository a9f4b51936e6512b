package org.flowexplorer.app.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.flowexplorer.model.bench.TrainingBenchmark;
import org.flowexplorer.model.data.PointCsv;
import org.flowexplorer.model.flow.CouplingType;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * Training-speed benchmark beside the PyTorch reference: rounds alternate Java and PyTorch runs on
 * the same data (so machine noise hits both alike), each timing every step and reporting the median.
 * The launcher sets OPENBLAS_CORETYPE from the CPU's flags unless the user did (see BlasCoreType);
 * the PyTorch process inherits the same environment and thread count, and the summary reports both.
 */
@Command(name = "bench", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Times training steps beside the seed's PyTorch code (when python3 can import torch).",
                "Rounds alternate Java and PyTorch runs on the same data (forward, backward, clipping, Adam per step);",
                "prints one JSON object per run, then a summary with the ratio java/pytorch of the median ms per step",
                "and the mean test NLLs, and the OpenBLAS kernel (OPENBLAS_CORETYPE) of both sides.",
                "With --batchnorm, --norm, --mixer or a --scale other than tanh:2 only the Java side runs (the PyTorch reference is the seed's flow)."})
final class BenchCommand extends CliCommand {
    private static final ObjectMapper JSON = new ObjectMapper();

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

    @Option(names = "--threads", defaultValue = "1", paramLabel = "T",
            description = "Threads for both sides: Java's BLAS, and PyTorch's torch.set_num_threads (default: ${DEFAULT-VALUE}).")
    int threads;

    @Option(names = "--torch-blas-threads", paramLabel = "T",
            description = {"OPENBLAS_NUM_THREADS for the PyTorch process (default: same as --threads).",
                    "torch.set_num_threads does not bound a pthreads OpenBLAS, which otherwise uses every core for matmuls."})
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
        requirePositive("--threads", threads);
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

    @Override
    void execute() throws Exception {
        System.setProperty("flowexplorer.blasThreads", Integer.toString(threads));
        float[] train = data.generate(data.n, seed);
        float[] test = data.generate(testN, seed + 1_000_003L);
        boolean useTorch = !torch.equals("off") && !architecture.beyondSeed() && torchAvailable();
        if (torch.equals("require") && architecture.beyondSeed()) {
            throw new CliFailure("the PyTorch reference is the seed's flow: affine, no --batchnorm, --norm, --mixer and no --scale other than tanh:2");
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
        String hiddenText = architecture.hiddenText();
        List<Double> javaMs = new ArrayList<>(), torchMs = new ArrayList<>(), javaNll = new ArrayList<>(), torchNll = new ArrayList<>();
        String torchImpl = null;
        try {
            for (int r = 0; r < rounds; r++) {
                long s = seed + r;
                List<Double> rss = new ArrayList<>();
                TrainingBenchmark.Result j = TrainingBenchmark.run(train, test, architecture.spec(couplingOption.type),
                        optimiser.batch, optimiser.lr, steps, s,
                        done -> {
                            if (rssEvery > 0 && done % rssEvery == 0) {
                                rss.add(MemoryProbe.residentMegabytes());
                            }
                        });
                Map<String, Object> jo = new LinkedHashMap<>();
                jo.put("impl", "java");
                jo.put("round", r);
                jo.put("seed", s);
                jo.put("steps", j.steps());
                jo.put("ms_per_step_median", round(j.msPerStepMedian(), 4));
                jo.put("ms_per_step_p10", round(j.msPerStepP10(), 4));
                jo.put("ms_per_step_p90", round(j.msPerStepP90(), 4));
                jo.put("cpu_ms_per_step_median", round(j.cpuMsPerStepMedian(), 4));
                jo.put("train_wall_s", round(j.trainWallS(), 3));
                jo.put("test_nll", round(j.testNll(), 5));
                if (!rss.isEmpty()) {
                    jo.put("rss_mb", rss);
                }
                emit(jo);
                javaMs.add(j.msPerStepMedian());
                javaNll.add(j.testNll());
                if (useTorch) {
                    JsonNode t = runTorch(trainCsv, testCsv, hiddenText, s);
                    torchImpl = t.path("impl").asText("pytorch");
                    Map<String, Object> to = new LinkedHashMap<>();
                    to.put("impl", torchImpl);
                    to.put("round", r);
                    to.put("seed", s);
                    to.put("steps", t.path("steps").asInt());
                    to.put("ms_per_step_median", round(t.path("ms_per_step_median").asDouble(), 4));
                    to.put("train_wall_s", round(t.path("train_wall_s").asDouble(), 3));
                    to.put("test_nll", round(t.path("test_nll").asDouble(), 5));
                    emit(to);
                    torchMs.add(t.path("ms_per_step_median").asDouble());
                    torchNll.add(t.path("test_nll").asDouble());
                }
            }
        } finally {
            if (dir != null) {
                for (Path p : new Path[]{trainCsv, testCsv, dir}) {
                    Files.deleteIfExists(p);
                }
            }
        }
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
        res.put("batch", optimiser.batch);
        res.put("steps", steps);
        res.put("rounds", rounds);
        res.put("threads", threads);
        if (useTorch) {
            res.put("torch_openblas_threads", torchBlasThreads());
        }
        res.put("openblas_coretype", System.getenv().getOrDefault("OPENBLAS_CORETYPE", ""));
        res.put("openblas_coretype_source", coreTypeSource());
        if (useTorch) {
            res.put("torch_openblas_coretype", torchEnvironment().getOrDefault("OPENBLAS_CORETYPE", ""));
        }
        res.put("java_vector_api", org.flowexplorer.model.nn.VectorSupport.inUse());
        res.put("java_ms_per_step", round(median(javaMs), 4));
        res.put("java_test_nll_mean", round(mean(javaNll), 5));
        if (useTorch) {
            res.put("torch_impl", torchImpl);
            res.put("torch_ms_per_step", round(median(torchMs), 4));
            res.put("torch_test_nll_mean", round(mean(torchNll), 5));
            res.put("ratio_java_over_torch", round(median(javaMs) / median(torchMs), 4));
            res.put("test_nll_diff_java_minus_torch", round(mean(javaNll) - mean(torchNll), 5));
        } else {
            res.put("torch", "not run (" + (torch.equals("off") ? "--torch off"
                    : architecture.beyondSeed() ? "the PyTorch reference is the seed's flow: affine, without --batchnorm, --norm, --mixer or --scale"
                    : python + " cannot import torch or " + torchScript + " is missing") + ")");
        }
        emit(res);
    }

    private boolean torchAvailable() {
        if (!Files.isRegularFile(torchScript)) {
            return false;
        }
        try {
            Process p = new ProcessBuilder(python, "-c", "import torch, numpy").redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            return p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private JsonNode runTorch(Path trainCsv, Path testCsv, String hiddenText, long s) throws IOException, InterruptedException {
        List<String> cmd = List.of(python, torchScript.toString(), trainCsv.toString(), testCsv.toString(),
                "--layers", Integer.toString(architecture.layers), "--hidden", hiddenText,
                "--batch", Integer.toString(optimiser.batch), "--steps", Integer.toString(steps),
                "--lr", Double.toString(optimiser.lr), "--seed", Long.toString(s),
                "--threads", Integer.toString(threads));
        ProcessBuilder pb = new ProcessBuilder(cmd);
        pb.environment().putAll(torchEnvironment());
        Process p = pb.start();
        byte[] err = p.getErrorStream().readAllBytes();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        if (p.waitFor() != 0 || out.isEmpty()) {
            String msg = new String(err, StandardCharsets.UTF_8).trim();
            String last = msg.isEmpty() ? "no output" : msg.substring(msg.lastIndexOf('\n') + 1);
            throw new CliFailure("the PyTorch reference failed: " + last);
        }
        return JSON.readTree(out.substring(out.lastIndexOf('\n') + 1));
    }

    private int torchBlasThreads() {
        return torchBlasThreads == null ? threads : torchBlasThreads;
    }

    /** What the PyTorch process gets on top of this one's environment (which it inherits, OPENBLAS_CORETYPE too). */
    private Map<String, String> torchEnvironment() {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("OPENBLAS_NUM_THREADS", Integer.toString(torchBlasThreads()));
        String core = System.getenv("OPENBLAS_CORETYPE");
        if (core != null) {
            env.put("OPENBLAS_CORETYPE", core);
        }
        return env;
    }

    /** Who chose OPENBLAS_CORETYPE: the launcher from the CPU's flags, the user, or nobody (OpenBLAS detects). */
    private static String coreTypeSource() {
        String core = System.getenv("OPENBLAS_CORETYPE");
        if (core == null || core.isBlank()) {
            return "unset (OpenBLAS detects the CPU)";
        }
        return core.equals(System.getProperty("flowexplorer.openblasCoretypeChosen"))
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
