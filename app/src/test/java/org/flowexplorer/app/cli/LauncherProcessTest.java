package org.flowexplorer.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.flowexplorer.model.data.PointCsv;
import org.flowexplorer.model.data.ToyDataset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The launcher as a user starts it, in separate JVMs: the worker JVM it relaunches must not outlive
 * it (issue 10 item 2), and running out of memory is one line, not a stack trace (item 4).
 */
class LauncherProcessTest {
    private static final String JAVA = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    private static final String LAUNCHER = "org.flowexplorer.app.Launcher";

    @TempDir
    Path dir;

    private Process start(List<String> command) throws IOException {
        return new ProcessBuilder(command)
                .redirectOutput(dir.resolve("stdout.txt").toFile())
                .redirectError(dir.resolve("stderr.txt").toFile())
                .start();
    }

    /** The command line of a JVM running the launcher from the test class path (no Vector API: it relaunches). */
    private static List<String> launcher(List<String> jvmOptions, Object... args) {
        List<String> cmd = new ArrayList<>(List.of(JAVA));
        cmd.addAll(jvmOptions);
        cmd.addAll(List.of("-cp", System.getProperty("java.class.path"), LAUNCHER));
        for (Object a : args) {
            cmd.add(String.valueOf(a));
        }
        return cmd;
    }

    private String stderr() throws IOException {
        return Files.readString(dir.resolve("stderr.txt"));
    }

    /** Waits for the launcher's child JVM to start. */
    private static ProcessHandle childOf(Process launcher) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (System.nanoTime() < deadline) {
            Optional<ProcessHandle> child = launcher.toHandle().children().findFirst();
            if (child.isPresent()) {
                return child.get();
            }
            assertTrue(launcher.isAlive(), "the launcher exited without starting a child");
            Thread.sleep(50);
        }
        throw new AssertionError("no child JVM within 30 s");
    }

    /**
     * Whether {@code p} ends within the time. A process that has exited but is not yet reaped (a
     * zombie) has ended: {@link ProcessHandle#isAlive()} still says true for it, and an orphaned
     * child's new parent (pid 1 here, a VM agent) was seen taking more than 5 s to reap it on a
     * loaded machine, which made this test fail in 3 of 8 full runs.
     */
    private static boolean gone(ProcessHandle p, long seconds) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (running(p) && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        return !running(p);
    }

    /** Alive and not a zombie (state Z in /proc/pid/stat, after the parenthesised command name). */
    private static boolean running(ProcessHandle p) {
        if (!p.isAlive()) {
            return false;
        }
        try {
            String stat = Files.readString(Path.of("/proc", String.valueOf(p.pid()), "stat"));
            return stat.charAt(stat.lastIndexOf(')') + 2) != 'Z';
        } catch (IOException | RuntimeException e) {
            return p.isAlive(); // no /proc (not Linux) or it just vanished
        }
    }

    private void assertChildEndsWithLauncher(List<String> command, boolean forcibly, Path out) throws Exception {
        Process launcher = start(command);
        ProcessHandle child = null;
        try {
            child = childOf(launcher);
            Thread.sleep(3000); // let the child get into its training loop
            assertTrue(child.isAlive(), "the child ended early: " + stderr());
            if (forcibly) {
                launcher.destroyForcibly();
            } else {
                launcher.destroy();
            }
            assertTrue(launcher.waitFor(10, TimeUnit.SECONDS));
            assertTrue(gone(child, 5), "the child JVM outlived its launcher by 5 s");
            Thread.sleep(500);
            assertFalse(Files.exists(out), "the orphaned child wrote --out");
        } finally {
            launcher.destroyForcibly();
            if (child != null) {
                child.destroyForcibly();
            }
        }
    }

    @Test
    void childEndsWhenTheLauncherIsKilled() throws Exception {
        Path out = dir.resolve("m.zip");
        assertChildEndsWithLauncher(launcher(List.of(), "train", "--dataset", "moons", "--steps", 100_000_000,
                "--out", out), true, out);
    }

    @Test
    void childEndsWhenTheLauncherIsTerminated() throws Exception {
        Path out = dir.resolve("m.zip");
        assertChildEndsWithLauncher(launcher(List.of(), "train", "--dataset", "moons", "--steps", 100_000_000,
                "--out", out), false, out);
    }

    /**
     * A killed launcher whose own parent does not reap it stays a zombie, which
     * {@link ProcessHandle#isAlive()} reports as alive: the child must still notice (its parent pid
     * changes the moment the launcher exits). Here the launcher's parent is a shell that exec'd
     * {@code sleep}, which never waits for children.
     */
    @Test
    void childEndsWhenTheKilledLauncherIsNotReaped() throws Exception {
        assumeTrue(Files.isDirectory(Path.of("/proc/self")), "needs /proc");
        Path out = dir.resolve("m.zip");
        StringBuilder line = new StringBuilder();
        for (String part : launcher(List.of(), "train", "--dataset", "moons", "--steps", 100_000_000, "--out", out)) {
            line.append('\'').append(part.replace("'", "'\\''")).append("' ");
        }
        Process shell = new ProcessBuilder("sh", "-c", line + "> /dev/null 2>&1 & echo $!; exec sleep 120")
                .redirectError(dir.resolve("stderr.txt").toFile())
                .start();
        ProcessHandle launcherHandle = null;
        ProcessHandle child = null;
        try {
            String pid = new BufferedReader(new InputStreamReader(shell.getInputStream(), StandardCharsets.UTF_8))
                    .readLine().trim();
            launcherHandle = ProcessHandle.of(Long.parseLong(pid)).orElseThrow();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (child == null && System.nanoTime() < deadline) {
                child = launcherHandle.children().findFirst().orElse(null);
                Thread.sleep(50);
            }
            assertTrue(child != null, "no child JVM within 30 s");
            Thread.sleep(3000);
            assertTrue(child.isAlive(), "the child ended early");
            launcherHandle.destroyForcibly();
            assertTrue(gone(launcherHandle, 10), "the launcher did not die");
            assertTrue(launcherHandle.isAlive(), "the launcher was reaped: this test needs it to stay a zombie");
            assertTrue(gone(child, 5), "the child JVM outlived its killed, unreaped launcher by 5 s");
            Thread.sleep(500);
            assertFalse(Files.exists(out), "the orphaned child wrote --out");
        } finally {
            if (child != null) {
                child.destroyForcibly();
            }
            shell.destroyForcibly();
        }
    }

    @Test
    void packagedJarChildEndsWhenTheLauncherIsKilled() throws Exception {
        Path jar = Path.of("target", "flowexplorer.jar").toAbsolutePath();
        assumeTrue(Files.isRegularFile(jar) && Files.isDirectory(jar.resolveSibling("lib")),
                "skipped: no packaged jar with its lib/ at " + jar + " (build it with mvn -o -pl app -am -DskipTests package)");
        Path out = dir.resolve("m.zip");
        assertChildEndsWithLauncher(List.of(JAVA, "-jar", jar.toString(), "train", "--dataset", "moons",
                "--steps", "100000000", "--out", out.toString()), true, out);
    }

    private String runToEnd(List<String> command, int expectedStatus) throws Exception {
        Process p = start(command);
        try {
            assertTrue(p.waitFor(120, TimeUnit.SECONDS), "did not finish in 120 s");
            String err = stderr().replace("WARNING: Using incubator modules: jdk.incubator.vector\n", "");
            assertEquals(expectedStatus, p.exitValue(), err);
            return err;
        } finally {
            p.destroyForcibly();
        }
    }

    private static void assertOneErrorLine(String err, String... parts) {
        String[] lines = err.strip().split("\n");
        assertEquals(1, lines.length, "stderr should be one line: " + err);
        assertTrue(lines[0].startsWith("error: "), err);
        assertFalse(err.contains("Exception") || err.contains("\tat "), "stack trace: " + err);
        for (String part : parts) {
            assertTrue(lines[0].contains(part), "'" + part + "' missing: " + err);
        }
    }

    @Test
    void outOfMemoryIsOneLine() throws Exception {
        List<String> small = List.of("-Xmx96m", "--add-modules", "jdk.incubator.vector");
        // within every size limit (18 M parameters), but four float copies of them do not fit in 96 MB
        String train = runToEnd(launcher(small, "train", "--dataset", "moons", "--hidden", "1500,1500",
                "--steps", 5), 1);
        assertOneErrorLine(train, "out of memory", "--hidden");
        Path csv = dir.resolve("d.csv");
        PointCsv.write(csv, ToyDataset.MOONS.generate(50, 0.1, 0));
        Path m = dir.resolve("m.zip");
        runToEnd(launcher(small, "train", "--data", csv, "--layers", 1, "--hidden", 4, "--steps", 2, "--out", m), 0);
        String eval = runToEnd(launcher(small, "eval", "--model", m, "--data", "/dev/zero"), 1);
        assertOneErrorLine(eval, "zero");
    }
}
