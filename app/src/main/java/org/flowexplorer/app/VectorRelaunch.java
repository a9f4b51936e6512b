package org.flowexplorer.app;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.flowexplorer.model.nn.VectorSupport;

/**
 * Re-runs the app in a child JVM that has the incubating Vector API (training steps about 1.5×
 * faster, density grids parallel) — for the window also with ZGC, whose sub-millisecond pauses keep
 * the animation from stalling. A jar manifest can set neither, so {@code java -jar} starts without
 * them; the child costs a fraction of a second, which pays off for the window and for
 * {@code train} and {@code bench} (short commands run as they are). The child's stdout and exit
 * status pass through unchanged; the JDK's one-line "Using incubator modules" notice is dropped
 * from its stderr so error output stays one line. {@code -Dflowexplorer.vector=false} disables
 * this; if the child cannot be started, the app runs in this JVM.
 *
 * <p>The child does not outlive this launcher: a shutdown hook here passes SIGTERM (or Ctrl+C) on
 * to it, and the child watches this process ({@link ParentWatch}) for a SIGKILL that no hook sees.
 * The child also gets the OpenBLAS kernel for this CPU ({@link BlasCoreType}) unless the user set
 * one, and the window's child a heap cap fit for a desktop app unless the user gave {@code -Xmx},
 * and the build's class-data archive ({@link ClassDataArchive}) when there is one.
 *
 * <p><b>When there is no child.</b> A JVM that already has the Vector API (a launcher script or app
 * image passing {@code --add-modules jdk.incubator.vector}, {@code mvn javafx:run}, the tests) runs
 * the app itself: {@link #wanted} is false, saving the second JVM's start (about 0.3–0.5 s). Such a
 * launcher passes what the child would get: {@code -XX:+UseZGC}, the heap cap {@link #GUI_HEAP},
 * {@code -XX:SharedArchiveFile=…} and {@code OPENBLAS_CORETYPE} ({@link BlasCoreType#choose}).
 * {@code soak}, which does what the window does to measure its memory, runs with the window's
 * collector and heap settings (without them G1 lets a 24 GB machine's 6 GB default heap fill with
 * garbage between collections, and the resident size swings by gigabytes with a 40 MB live heap).
 */
final class VectorRelaunch {
    private static final Set<String> COMMANDS = Set.of("train", "bench", "soak");
    /** The JDK's notice, followed by the incubator modules' names. */
    private static final String NOTICE = "WARNING: Using incubator modules: ";
    /**
     * The child's modules and native access: the Vector API, and the foreign linker through which
     * {@code bench} asks OpenBLAS which kernel it loaded ({@link ForeignCalls}).
     */
    static final List<String> MODULE_OPTIONS = List.of("--add-modules", "jdk.incubator.vector,jdk.incubator.foreign",
            "--enable-native-access=ALL-UNNAMED");
    /** Set in the child to the OpenBLAS kernel the launcher chose (absent when the user chose or none fits). */
    static final String CHOSEN_CORETYPE = "flowexplorer.openblasCoretypeChosen";
    /**
     * The window's heap: ZGC was seen committing 2.75 GB for 246 MB live, so it is asked to stay near
     * 512 MB and never pass 2 GB (training data and models live off-heap in ND4J buffers).
     */
    static final List<String> GUI_HEAP = List.of("-XX:SoftMaxHeapSize=512m", "-Xmx2g");
    /** The class of the Vector API kernels ({@code org.flowexplorer.model.nn.VectorFloatKernels}, package-private). */
    static final String KERNEL_CLASS = "org.flowexplorer.model.nn.VectorFloatKernels";
    /**
     * The window's Vector API kernels reach C2 after a twentieth of the usual calls. Until C2 compiles
     * them they run the API's Java fallback, which allocates an object per vector operation: at
     * start-up the first trace (10 000 points through 8 × (64, 64)) took 0.6–0.9 s that way while C2
     * was busy with the explorer's first layout. Measured 2026-12-02, direct launches, idle 2-vCPU
     * Zen 4, 5 interleaved pairs: first trace 647 → 473 ms, model ready 0.94 → 0.75 s after the first
     * layout (medians; earlier in 4 of the 5 pairs). {@code quiet}: the JVM would print each command.
     */
    static final List<String> EARLY_KERNEL_COMPILES = List.of("-XX:CompileCommand=quiet",
            "-XX:CompileCommand=CompileThresholdScaling," + KERNEL_CLASS + "::*,0.05");
    private static final long STOP_MILLIS = 2000;

    private VectorRelaunch() {
    }

    static boolean wanted(String[] args) {
        return (gui(args) || COMMANDS.contains(args[0]))
                && System.getProperty("flowexplorer.relaunched") == null
                && !"false".equalsIgnoreCase(System.getProperty("flowexplorer.vector"))
                && !VectorSupport.available();
    }

    static boolean gui(String[] args) {
        return args.length == 0 || args[0].startsWith("--measure-fps") || LessonArgument.opensWindow(args);
    }

    /** The window, and {@code soak}, which stands in for it: both run with ZGC and the desktop heap cap. */
    static boolean windowJvm(String[] args) {
        return gui(args) || args[0].equals("soak");
    }

    /** Runs the child and returns its exit status, or -1 if it could not be started. */
    static int run(String[] args) {
        Optional<String> coreType = BlasCoreType.choose(System.getenv(), BlasCoreType.readCpuinfo());
        List<String> cmd = childCommand(args, ManagementFactory.getRuntimeMXBean().getInputArguments(), coreType);
        ProcessBuilder builder = new ProcessBuilder(cmd);
        coreType.ifPresent(k -> builder.environment().put(BlasCoreType.VARIABLE, k));
        try {
            Process child = builder
                    .redirectInput(ProcessBuilder.Redirect.INHERIT)
                    .redirectOutput(ProcessBuilder.Redirect.INHERIT)
                    .start();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> stop(child), "flowexplorer-stop-child"));
            try (BufferedReader err = new BufferedReader(new InputStreamReader(child.getErrorStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = err.readLine()) != null) {
                    if (!line.startsWith(NOTICE)) {
                        System.err.println(line);
                    }
                }
            }
            return child.waitFor();
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    /**
     * The child's command line: this JVM's options plus the Vector API, the launcher's pid, the
     * chosen OpenBLAS kernel, and for the window ZGC and the heap cap (each unless already given)
     * and the kernels' early compiles.
     */
    static List<String> childCommand(String[] args, List<String> jvmArgs, Optional<String> coreType) {
        return childCommand(args, jvmArgs, coreType, ClassDataArchive.besideJar());
    }

    /** The same, with the window's class-data archive ({@link ClassDataArchive}) if there is one. */
    static List<String> childCommand(String[] args, List<String> jvmArgs, Optional<String> coreType,
            Optional<Path> classArchive) {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.addAll(MODULE_OPTIONS);
        cmd.add("-Dflowexplorer.relaunched=true");
        cmd.add("-D" + ParentWatch.PROPERTY + "=" + ProcessHandle.current().pid());
        if (gui(args)) {
            cmd.add("-Dflowexplorer.launchedAt=" + ManagementFactory.getRuntimeMXBean().getStartTime());
        }
        if (windowJvm(args)) {
            if (jvmArgs.stream().noneMatch(a -> a.startsWith("-XX:+Use") && a.endsWith("GC"))) {
                cmd.add("-XX:+UseZGC");
            }
            if (jvmArgs.stream().noneMatch(a -> a.startsWith("-Xmx") || a.startsWith("-XX:MaxHeapSize")
                    || a.startsWith("-XX:SoftMaxHeapSize"))) {
                cmd.addAll(GUI_HEAP);
            }
            cmd.addAll(ClassDataArchive.options(classArchive, jvmArgs));
            cmd.addAll(EARLY_KERNEL_COMPILES);
        }
        coreType.ifPresent(k -> cmd.add("-D" + CHOSEN_CORETYPE + "=" + k));
        cmd.addAll(jvmArgs);
        cmd.add("-cp");
        cmd.add(System.getProperty("java.class.path"));
        cmd.add(Launcher.class.getName());
        cmd.addAll(List.of(args));
        return cmd;
    }

    /** Passes a SIGTERM of this launcher on to the child and gives it a moment to end. */
    private static void stop(Process child) {
        if (!child.isAlive()) {
            return;
        }
        child.destroy();
        try {
            if (!child.waitFor(STOP_MILLIS, TimeUnit.MILLISECONDS)) {
                child.destroyForcibly();
            }
        } catch (InterruptedException e) {
            child.destroyForcibly();
        }
    }
}
