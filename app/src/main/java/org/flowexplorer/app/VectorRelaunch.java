package org.flowexplorer.app;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
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
 */
final class VectorRelaunch {
    private static final Set<String> COMMANDS = Set.of("train", "bench");
    private static final String NOTICE = "WARNING: Using incubator modules: jdk.incubator.vector";

    private VectorRelaunch() {
    }

    static boolean wanted(String[] args) {
        return (gui(args) || COMMANDS.contains(args[0]))
                && System.getProperty("flowexplorer.relaunched") == null
                && !"false".equalsIgnoreCase(System.getProperty("flowexplorer.vector"))
                && !VectorSupport.available();
    }

    static boolean gui(String[] args) {
        return args.length == 0 || args[0].startsWith("--measure-fps");
    }

    /** Runs the child and returns its exit status, or -1 if it could not be started. */
    static int run(String[] args) {
        List<String> cmd = new ArrayList<>();
        List<String> jvmArgs = ManagementFactory.getRuntimeMXBean().getInputArguments();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.add("--add-modules");
        cmd.add("jdk.incubator.vector");
        cmd.add("-Dflowexplorer.relaunched=true");
        if (gui(args)) {
            cmd.add("-Dflowexplorer.launchedAt=" + ManagementFactory.getRuntimeMXBean().getStartTime());
            if (jvmArgs.stream().noneMatch(a -> a.startsWith("-XX:+Use") && a.endsWith("GC"))) {
                cmd.add("-XX:+UseZGC");
            }
        }
        cmd.addAll(jvmArgs);
        cmd.add("-cp");
        cmd.add(System.getProperty("java.class.path"));
        cmd.add(Launcher.class.getName());
        cmd.addAll(List.of(args));
        try {
            Process child = new ProcessBuilder(cmd)
                    .redirectInput(ProcessBuilder.Redirect.INHERIT)
                    .redirectOutput(ProcessBuilder.Redirect.INHERIT)
                    .start();
            try (BufferedReader err = new BufferedReader(new InputStreamReader(child.getErrorStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = err.readLine()) != null) {
                    if (!line.equals(NOTICE)) {
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
}
