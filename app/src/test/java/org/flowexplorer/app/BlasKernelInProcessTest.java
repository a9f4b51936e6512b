package org.flowexplorer.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * A JVM started with the app image's options runs the app itself (no child JVM to hand
 * {@code OPENBLAS_CORETYPE} to), yet OpenBLAS must still load the kernel chosen from the CPU's
 * flags, not its own misdetection ("Prescott" on AVX-512 CPUs, sgemm about 4× slower). Checked
 * with the kernel OpenBLAS reports having loaded, in {@code bench}'s JSON.
 */
class BlasKernelInProcessTest {
    private static final String JAVA = Path.of(System.getProperty("java.home"), "bin", "java").toString();

    @Test
    void theImagesJvmLoadsTheKernelChosenFromTheCpuFlags() throws Exception {
        Optional<String> chosen = BlasCoreType.forCpuinfo(BlasCoreType.readCpuinfo());
        assumeTrue(chosen.isPresent(), "no kernel is chosen for this CPU");
        List<String> cmd = new ArrayList<>(List.of(JAVA));
        cmd.addAll(AppImageOptionsTest.imageJavaOptions());
        cmd.addAll(List.of("-cp", System.getProperty("java.class.path"), Launcher.class.getName(),
                "bench", "--steps", "20", "--rounds", "1", "--torch", "off", "--threads", "1",
                "--n", "512", "--test-n", "256", "--layers", "2", "--hidden", "32,32"));
        ProcessBuilder builder = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.DISCARD);
        builder.environment().remove(BlasCoreType.VARIABLE);
        Process p = builder.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "bench did not finish");
        assertEquals(0, p.exitValue(), out);
        String[] lines = out.strip().split("\n");
        JsonNode summary = new ObjectMapper().readTree(lines[lines.length - 1]);
        assertEquals(chosen.get().toLowerCase(Locale.ROOT),
                summary.path("java_openblas_kernel").asText("(missing)").toLowerCase(Locale.ROOT), out);
        assertEquals(chosen.get(), summary.path("openblas_coretype").asText(), out);
    }
}
