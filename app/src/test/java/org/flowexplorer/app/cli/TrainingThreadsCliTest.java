package org.flowexplorer.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

/** {@code train --threads} and {@code bench --threads}: data-parallel training steps from the command line. */
class TrainingThreadsCliTest {
    /** The reference script from the module's directory (tests run in app/). */
    private static final String SCRIPT = java.nio.file.Path.of("..", "resources", "bench", "torch_realnvp.py").toString();

    private static JsonNode train(Object threads) {
        return CliRunner.run("train", "--dataset", "moons", "--n", 600, "--layers", 2, "--hidden", "16,16", "--steps", 30,
                "--batch", 128, "--threads", threads).assertOk().result();
    }

    @Test
    void trainOnTwoThreadsReportsThemIsDeterministicAndAgreesWithOneThread() {
        JsonNode one = train(1), two = train(2), again = train(2);
        assertEquals(1, one.get("threads").asInt());
        assertEquals(2, two.get("threads").asInt());
        assertEquals(two.get("train_nll").asDouble(), again.get("train_nll").asDouble(), 0.0, "the same thread count, the same run");
        // sums in another order: 30 Adam steps apart by float rounding only
        assertEquals(one.get("train_nll").asDouble(), two.get("train_nll").asDouble(), 1e-3);
    }

    @Test
    void trainDefaultsToEveryCoreAndRefusesZeroThreads() {
        JsonNode r = CliRunner.run("train", "--dataset", "moons", "--n", 300, "--layers", 2, "--hidden", "8,8", "--steps", 5)
                .assertOk().result();
        assertEquals(Runtime.getRuntime().availableProcessors(), r.get("threads").asInt());
        CliRunner.run("train", "--dataset", "moons", "--steps", 5, "--threads", 0).assertError(2);
        CliRunner.run("bench", "--steps", 20, "--threads", "1,0", "--torch", "off").assertError(2);
    }

    @Test
    void benchRunsEachThreadCountInEveryRoundAndReportsTheFlow() {
        JsonNode r = CliRunner.run("bench", "--n", 600, "--test-n", 100, "--layers", 2, "--hidden", "16,16", "--steps", 20,
                "--rounds", 2, "--threads", "1,2", "--torch", "off").assertOk().result();
        assertEquals(1, r.get("threads").asInt(), "the java_* keys are the first count's");
        assertEquals(1, r.get("java_blas_threads").asInt());
        assertEquals("gaussian", r.get("base").asText());
        assertEquals("affine", r.get("coupling").asText());
        JsonNode by = r.get("java_by_threads");
        assertTrue(by.get("1").get("ms_per_step").asDouble() > 0, r.toString());
        assertTrue(by.get("2").get("ms_per_step").asDouble() > 0, r.toString());
        assertEquals(r.get("java_test_nll_mean").asDouble(), by.get("1").get("test_nll_mean").asDouble(), 0.0);
        assertTrue(r.get("load_average_before").asText().matches("[0-9.]+ [0-9.]+ [0-9.]+"), r.toString());
    }

    @Test
    void benchRunsPyTorchAtBothSettingsAndComparesWithTheFaster() {
        JsonNode r = CliRunner.run("bench", "--n", 600, "--test-n", 100, "--layers", 2, "--hidden", "8,8", "--steps", 20,
                "--rounds", 1, "--threads", 2, "--torch-script", SCRIPT).assertOk().result();
        assumeTrue(r.has("torch_ms_per_step"), "PyTorch is not installed: " + r.path("torch").asText());
        double one = r.get("torch_one_thread_ms_per_step").asDouble(), all = r.get("torch_all_cores_ms_per_step").asDouble();
        assertEquals(Math.min(one, all), r.get("torch_ms_per_step").asDouble(), 0.0);
        assertEquals(one <= all ? "one-thread" : "all-cores", r.get("torch_best_setting").asText());
        assertEquals(1, r.get("torch_one_thread_threads").asInt());
        assertEquals(1, r.get("torch_one_thread_openblas_threads").asInt());
        assertEquals(Runtime.getRuntime().availableProcessors(), r.get("torch_all_cores_threads").asInt());
        assertEquals(r.get("java_ms_per_step").asDouble() / r.get("torch_ms_per_step").asDouble(),
                r.get("ratio_java_over_torch").asDouble(), 1e-3 * r.get("ratio_java_over_torch").asDouble());
        assertNotEquals("", r.get("torch_openblas_kernel").asText(), r.toString());
    }
}
