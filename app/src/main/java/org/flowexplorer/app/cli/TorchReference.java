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

/**
 * The seed's PyTorch code ({@code torch_realnvp.py}) as {@code bench} runs it, at the two settings
 * the speed target compares against: one thread (torch.set_num_threads(1), OPENBLAS_NUM_THREADS=1)
 * and all cores (torch.set_num_threads(every core), OpenBLAS at its default, which is every core).
 * Which one is faster depends on the machine (on 2 cores both thread pools oversubscribe them).
 * The process inherits this one's environment, OPENBLAS_CORETYPE too.
 */
final class TorchReference {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** A way to run the reference. */
    enum Setting {
        ONE_THREAD("one-thread"), ALL_CORES("all-cores");

        final String id;

        Setting(String id) {
            this.id = id;
        }
    }

    private final String python;
    private final Path script;
    /** OPENBLAS_NUM_THREADS for {@link Setting#ALL_CORES}, or null to leave OpenBLAS its default. */
    private final Integer allCoresBlasThreads;

    TorchReference(String python, Path script, Integer allCoresBlasThreads) {
        this.python = python;
        this.script = script;
        this.allCoresBlasThreads = allCoresBlasThreads;
    }

    /** Whether the script exists and the interpreter imports torch and numpy. */
    boolean available() {
        if (!Files.isRegularFile(script)) {
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

    /** One training run; the script's JSON (ms_per_step_median, test_nll, torch_threads, openblas_threads, openblas_kernel, …). */
    JsonNode run(Setting setting, Path trainCsv, Path testCsv, List<String> trainingArgs) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of(python, script.toString(), trainCsv.toString(), testCsv.toString()));
        cmd.addAll(trainingArgs);
        cmd.addAll(List.of("--threads", setting == Setting.ONE_THREAD ? "1" : "0"));
        ProcessBuilder pb = new ProcessBuilder(cmd);
        pb.environment().remove("OPENBLAS_NUM_THREADS");
        pb.environment().putAll(environment(setting));
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

    /** What the process gets on top of this one's environment (OPENBLAS_NUM_THREADS is removed first). */
    Map<String, String> environment(Setting setting) {
        Map<String, String> env = new LinkedHashMap<>();
        if (setting == Setting.ONE_THREAD) {
            env.put("OPENBLAS_NUM_THREADS", "1");
        } else if (allCoresBlasThreads != null) {
            env.put("OPENBLAS_NUM_THREADS", Integer.toString(allCoresBlasThreads));
        }
        String core = System.getenv("OPENBLAS_CORETYPE");
        if (core != null) {
            env.put("OPENBLAS_CORETYPE", core);
        }
        return env;
    }
}
