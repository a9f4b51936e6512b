package org.flowexplorer.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The child JVM's command line: parent pid, OpenBLAS kernel, and the window's heap cap. */
class VectorRelaunchTest {
    private static List<String> child(List<String> jvmArgs, String... args) {
        return VectorRelaunch.childCommand(args, jvmArgs, Optional.of("HASWELL"));
    }

    @Test
    void theChildKnowsItsLauncher() {
        List<String> cmd = child(List.of(), "train", "--dataset", "moons");
        assertTrue(cmd.contains("-D" + ParentWatch.PROPERTY + "=" + ProcessHandle.current().pid()), cmd.toString());
        assertTrue(cmd.contains("-D" + VectorRelaunch.CHOSEN_CORETYPE + "=HASWELL"), cmd.toString());
        assertEquals(List.of("train", "--dataset", "moons"), cmd.subList(cmd.size() - 3, cmd.size()));
    }

    @Test
    void theWindowGetsAHeapCapUnlessTheUserGaveOne() {
        assertTrue(child(List.of()).containsAll(VectorRelaunch.GUI_HEAP));
        List<String> own = child(List.of("-Xmx6g"));
        assertFalse(own.contains("-Xmx2g"), own.toString());
        assertFalse(own.contains("-XX:SoftMaxHeapSize=512m"), own.toString());
        assertTrue(own.contains("-Xmx6g"));
        assertFalse(child(List.of(), "train").contains("-Xmx2g"), "a CLI child is not capped");
    }

    @Test
    void soakRunsWithTheWindowsCollectorAndHeap() {
        List<String> soak = child(List.of(), "soak", "--minutes", "30");
        assertTrue(soak.containsAll(VectorRelaunch.GUI_HEAP), soak.toString());
        assertTrue(soak.contains("-XX:+UseZGC"), soak.toString());
        assertFalse(child(List.of(), "bench").contains("-XX:+UseZGC"), "bench keeps the default collector");
    }

    @Test
    void theWindowMapsTheBuildsClassArchiveUnlessTheUserChoseSharingOrAnotherCollector() {
        java.util.Optional<java.nio.file.Path> jsa = Optional.of(java.nio.file.Path.of("/opt/fe/flowexplorer.jsa"));
        String option = "-XX:SharedArchiveFile=" + jsa.get();
        assertTrue(VectorRelaunch.childCommand(new String[0], List.of(), Optional.empty(), jsa).contains(option));
        assertFalse(VectorRelaunch.childCommand(new String[0], List.of("-Xshare:off"), Optional.empty(), jsa).contains(option));
        assertFalse(VectorRelaunch.childCommand(new String[0], List.of("-XX:+UseG1GC"), Optional.empty(), jsa).contains(option),
                "the archive was written under ZGC");
        assertTrue(VectorRelaunch.childCommand(new String[0], List.of("-XX:+UseZGC"), Optional.empty(), jsa).contains(option));
        assertFalse(VectorRelaunch.childCommand(new String[] {"train"}, List.of(), Optional.empty(), jsa).contains(option),
                "CLI children load their few classes from the jars");
        assertTrue(VectorRelaunch.childCommand(new String[0], List.of(), Optional.empty(), Optional.empty()).stream()
                .noneMatch(a -> a.startsWith("-XX:SharedArchiveFile")), "no archive built: no option");
    }

    @Test
    void theWindowsKernelsCompileEarly() throws Exception {
        assertTrue(child(List.of()).containsAll(VectorRelaunch.EARLY_KERNEL_COMPILES));
        assertTrue(child(List.of(), "soak").containsAll(VectorRelaunch.EARLY_KERNEL_COMPILES));
        assertFalse(child(List.of(), "train").contains(VectorRelaunch.EARLY_KERNEL_COMPILES.get(1)),
                "train and bench keep the JIT's defaults");
        Class.forName(VectorRelaunch.KERNEL_CLASS); // the pattern names a class that exists
        // and the JVM takes the options without a word (a malformed command is reported, not fatal)
        List<String> cmd = new java.util.ArrayList<>(List.of(
                java.nio.file.Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        cmd.addAll(VectorRelaunch.EARLY_KERNEL_COMPILES);
        cmd.add("-version");
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        assertEquals(0, p.waitFor(), out);
        assertFalse(out.contains("CompileCommand"), out);
    }
}
