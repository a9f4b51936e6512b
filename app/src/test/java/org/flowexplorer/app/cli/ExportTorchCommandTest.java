package org.flowexplorer.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.flowexplorer.model.data.PointCsv;
import org.flowexplorer.model.data.ToyDataset;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * train → export-torch → {@code python3 model.py --check points.csv} prints what {@code eval --out}
 * writes, to 1e-5, for the affine, additive and spline couplings, a non-default scale, batch norm, ActNorm
 * (initialised by the training) and the LU and rotation mixers. The
 * Python half is skipped (with a message) without /usr/bin/python3 with torch and numpy.
 */
class ExportTorchCommandTest {
    private static final Path PYTHON = Path.of("/usr/bin/python3");

    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(strings = {"--coupling=affine", "--coupling=additive", "--scale=softplus", "--batchnorm", "--norm=act",
        "--mixer=lu", "--mixer=rotation", "--coupling=spline"})
    void theScriptsCheckMatchesEval(String architecture) throws Exception {
        String name = architecture.replaceAll("[^a-z]", "");
        Path data = dir.resolve("moons.csv");
        PointCsv.write(data, ToyDataset.MOONS.generate(120, 0.1, 3));
        Path model = dir.resolve(name + ".zip");
        CliRunner.run("train", "--data", data, "--layers", 3, "--hidden", "8,8", "--steps", 40, "--batch", 64,
                "--lr", 0.01, "--seed", 1, architecture, "--out", model).assertOk();
        Path script = dir.resolve(name + ".py");
        JsonNode r = CliRunner.run("export-torch", "--model", model, "--out", script).assertOk().result();
        assertEquals("export-torch", r.get("command").asText());
        assertEquals(script.toString(), r.get("out").asText());
        assertTrue(Files.readString(script).contains("load_state_dict(state, strict=True)"));
        Path logp = dir.resolve(name + "-logp.csv");
        CliRunner.run("eval", "--model", model, "--data", data, "--out", logp).assertOk();

        Assumptions.assumeTrue(torchAvailable(), "/usr/bin/python3 with torch and numpy is not available");
        String out = python(script.toString(), "--check", data.toString());
        List<String> torch = out.lines().toList();
        List<String> java = Files.readAllLines(logp);
        assertEquals("log_prob", torch.get(0));
        assertEquals(java.size(), torch.size(), out);
        double max = 0;
        for (int i = 1; i < java.size(); i++) {
            double a = Double.parseDouble(java.get(i)), b = Double.parseDouble(torch.get(i));
            assertTrue(Math.abs(a - b) <= 1e-5 * Math.max(1, Math.abs(a)), name + " row " + i + ": eval " + a + ", torch " + b);
            max = Math.max(max, Math.abs(a - b));
        }
        System.out.println(String.format(Locale.ROOT, "[ExportTorchCommandTest] %s: %d points, max |eval - torch| = %.3g",
                architecture, java.size() - 1, max));
    }

    @Test
    void badArguments() throws Exception {
        CliRunner.run("export-torch", "--model", dir.resolve("m.zip"), "--out", dir.resolve("model.txt")).assertError(2);
        Path missing = dir.resolve("missing.zip");
        Path script = dir.resolve("never.py");
        String err = CliRunner.run("export-torch", "--model", missing, "--out", script).assertError(1).err();
        assertTrue(err.contains("missing.zip"), err);
        assertFalse(Files.exists(script));
    }

    private static Boolean torch;

    private synchronized boolean torchAvailable() {
        if (torch == null) {
            try {
                python("-c", "import torch, numpy");
                torch = true;
            } catch (IOException e) {
                torch = false;
            }
        }
        return torch;
    }

    /** stdout of /usr/bin/python3 with these arguments; fails on a non-zero exit (with its output). */
    private String python(String... args) throws IOException {
        if (!Files.isExecutable(PYTHON)) {
            throw new IOException(PYTHON + " not found");
        }
        List<String> cmd = new ArrayList<>(List.of(PYTHON.toString()));
        cmd.addAll(List.of(args));
        Path err = Files.createTempFile(dir, "python", ".err");
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectError(err.toFile());
        pb.environment().put("OMP_NUM_THREADS", "1");
        Process p = pb.start();
        try {
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(300, TimeUnit.SECONDS) || p.exitValue() != 0) {
                p.destroyForcibly();
                throw new IOException("python failed: " + out + Files.readString(err));
            }
            return out;
        } catch (InterruptedException e) {
            p.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }
}
