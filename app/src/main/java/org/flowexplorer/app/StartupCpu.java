package org.flowexplorer.app;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The CPU time each thread of this JVM has used, JIT compiler and GC threads included (which the
 * JVM's thread bean does not list), for the start-up measurement: on a 2-core machine the FX thread
 * shares the cores with C1, C2, the collector and the training worker, and this shows how much of
 * each ran before the explorer's first frame. Linux only ({@code /proc/self/task}); elsewhere empty.
 */
final class StartupCpu {
    /** Clock ticks per second of {@code /proc}'s utime and stime: 100 on every Linux build the JDK supports. */
    private static final int TICKS_PER_SECOND = 100;

    private StartupCpu() {
    }

    /** "name=ms …", busiest first, threads with the same name but a trailing number summed (e.g. {@code ZWorker#}). */
    static String byThread() {
        Map<String, Long> millis = new TreeMap<>();
        try (DirectoryStream<Path> tasks = Files.newDirectoryStream(Path.of("/proc/self/task"))) {
            for (Path task : tasks) {
                try {
                    String stat = Files.readString(task.resolve("stat"));
                    String name = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
                    String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                    long ticks = Long.parseLong(fields[11]) + Long.parseLong(fields[12]); // utime, stime
                    millis.merge(name.replaceAll("[0-9]+$", "#"), ticks * 1000 / TICKS_PER_SECOND, Long::sum);
                } catch (IOException | RuntimeException e) {
                    // the thread ended meanwhile
                }
            }
        } catch (IOException | RuntimeException e) {
            return "";
        }
        return millis.entrySet().stream().filter(e -> e.getValue() > 0)
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed()).limit(10)
                .map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining(" "));
    }
}
