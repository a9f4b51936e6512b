package org.flowexplorer.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The {@code entropy} command: its JSON result, its usage errors, and a run as a real process. */
class EntropyCommandTest {
    @Test
    void checkerboardWithoutNoiseIsLn32() {
        JsonNode r = CliRunner.run("entropy", "--dataset", "checkerboard", "--samples", 5000, "--seed", 3)
                .assertOk().result();
        assertEquals("entropy", r.get("command").asText());
        assertEquals("checkerboard", r.get("dataset").asText());
        assertEquals(0.0, r.get("noise").asDouble());
        assertEquals(5000, r.get("samples").asInt());
        assertEquals(Math.log(32.0), r.get("entropy_nats").asDouble(), 1e-6);
        assertEquals(0.0, r.get("stderr_nats").asDouble(), 1e-9);
        assertTrue(r.get("method").asText().startsWith("monte-carlo with the exact density: "), r.toString());
    }

    @Test
    void defaultNoiseAndDeterminism() {
        CliRunner.Result a = CliRunner.run("entropy", "--dataset", "8Gaussians", "--samples", 20000).assertOk();
        JsonNode r = a.result();
        assertEquals(0.5, r.get("noise").asDouble());
        double std = 0.5 / 1.414;
        assertEquals(Math.log(8.0) + Math.log(2 * Math.PI * Math.E * std * std), r.get("entropy_nats").asDouble(), 0.03);
        assertTrue(r.get("stderr_nats").asDouble() > 0 && r.get("stderr_nats").asDouble() < 0.02, r.toString());
        assertEquals(a.out(), CliRunner.run("entropy", "--dataset", "8gaussians", "--samples", 20000).assertOk().out());
    }

    @Test
    void usageErrors() {
        CliRunner.run("entropy").assertError(2);
        assertTrue(CliRunner.run("entropy", "--dataset", "blobs").assertError(2).err().contains("valid names"));
        CliRunner.run("entropy", "--dataset", "moons", "--noise", -1).assertError(2);
        CliRunner.run("entropy", "--dataset", "moons", "--samples", 1).assertError(2);
        CliRunner.run("entropy", "--dataset", "moons", "--samples", 2_000_000).assertError(2);
        CliRunner.run("entropy", "--dataset", "moons", "--samples", "many").assertError(2);
        String err = CliRunner.run("entropy", "--dataset", "moons", "--noise", 0).assertError(2).err();
        assertTrue(err.contains("no density at noise 0"), err);
    }

    /** The launcher in a child JVM: exit status, one JSON line on stdout, one error line on stderr. */
    @Test
    void runsAsAProcess() throws Exception {
        Process ok = launch("entropy", "--dataset", "moons", "--samples", "2000", "--seed", "7");
        String out = new String(ok.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        assertTrue(ok.waitFor(60, TimeUnit.SECONDS), "entropy did not finish");
        assertEquals(0, ok.exitValue(), out);
        assertEquals(1, out.lines().count(), out);
        JsonNode r = new ObjectMapper().readTree(out);
        assertEquals("moons", r.get("dataset").asText());
        assertEquals(2000, r.get("samples").asInt());
        double h = r.get("entropy_nats").asDouble();
        assertTrue(h > 2.0 && h < 3.0, out);

        Process bad = launch("entropy", "--dataset", "rings", "--noise", "0");
        String err = new String(bad.getErrorStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        assertTrue(bad.waitFor(60, TimeUnit.SECONDS), "entropy did not finish");
        assertEquals(2, bad.exitValue(), err);
        assertTrue(err.startsWith("error: ") && err.lines().count() == 1, err);
        assertEquals("", new String(bad.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
    }

    private static Process launch(String... args) throws IOException {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.add("-cp");
        cmd.add(System.getProperty("java.class.path"));
        cmd.add("org.flowexplorer.app.Launcher");
        cmd.addAll(List.of(args));
        return new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.PIPE).start();
    }
}
