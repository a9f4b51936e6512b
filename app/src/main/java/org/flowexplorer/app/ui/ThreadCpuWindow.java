package org.flowexplorer.app.ui;

import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * CPU time per thread (summed by name) and the collectors' pauses over a measuring window: on a
 * machine shared with other work the frame rate swings, but a thread's CPU time per frame or per
 * training step hardly does, so these say where the time goes.
 */
final class ThreadCpuWindow {
    private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    private final Map<String, Long> startCpu;
    private final long startGcCount;
    private final long startGcMillis;
    private final long startNanos = System.nanoTime();

    ThreadCpuWindow() {
        startCpu = cpuByName();
        startGcCount = gc(true);
        startGcMillis = gc(false);
    }

    /**
     * The {@code top} threads' CPU seconds over the window and the share of a core that is, e.g.
     * "CPU s: flow-training-worker 9.71 (97%), JavaFX Application Thread 6.10 (61%), …; GC 12
     * collections, 80 ms" (a concurrent collector's time is not pause time).
     */
    String report(int top) {
        double wall = (System.nanoTime() - startNanos) / 1e9;
        Map<String, Long> now = cpuByName();
        Map<String, Long> used = new HashMap<>();
        now.forEach((name, cpu) -> used.put(name, cpu - startCpu.getOrDefault(name, 0L)));
        String cpu = used.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed()).limit(top)
                .map(en -> String.format(Locale.ROOT, "%s %.2f (%.0f%%)", en.getKey(), en.getValue() / 1e9,
                        100 * en.getValue() / 1e9 / wall))
                .collect(Collectors.joining(", "));
        return String.format(Locale.ROOT, "CPU s: %s; GC %d collections, %d ms", cpu, gc(true) - startGcCount,
                gc(false) - startGcMillis);
    }

    /** CPU nanoseconds so far of every live thread, summed by name with digits dropped (pools). */
    private Map<String, Long> cpuByName() {
        Map<String, Long> out = new HashMap<>();
        for (ThreadInfo info : threads.getThreadInfo(threads.getAllThreadIds())) {
            if (info == null) {
                continue;
            }
            long cpu = threads.getThreadCpuTime(info.getThreadId());
            if (cpu > 0) {
                out.merge(info.getThreadName().replaceAll("[-#]?\\d+", ""), cpu, Long::sum);
            }
        }
        return out;
    }

    private static long gc(boolean count) {
        long sum = 0;
        for (GarbageCollectorMXBean b : ManagementFactory.getGarbageCollectorMXBeans()) {
            sum += Math.max(0, count ? b.getCollectionCount() : b.getCollectionTime());
        }
        return sum;
    }
}
