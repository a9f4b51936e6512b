package org.flowexplorer.app.cli;

import java.io.IOException;
import java.lang.management.BufferPoolMXBean;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * This JVM's memory in megabytes, as the soak run and the benchmark report it: the Java heap, the
 * memory outside it (ND4J's buffers, counted by JavaCPP, plus NIO direct buffers; no Native Memory
 * Tracking needed) and the resident set the operating system sees. With ZGC the resident set
 * ({@code VmRSS}) counts the heap up to three times, because ZGC maps the same physical pages at
 * several addresses; the proportional set size ({@code Pss} in {@code /proc/self/smaps_rollup})
 * counts each page once and is the figure to watch for growth.
 */
final class MemoryProbe {
    private static final double MB = 1024.0 * 1024.0;

    private MemoryProbe() {
    }

    /** heap_used_mb, heap_committed_mb, off_heap_mb (= javacpp_mb + direct_mb), rss_mb and pss_mb, in that order. */
    static Map<String, Double> sample() {
        Map<String, Double> m = new LinkedHashMap<>();
        var heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage();
        double javacpp = javacppMegabytes();
        double direct = directMegabytes();
        m.put("heap_used_mb", heap.getUsed() / MB);
        m.put("heap_committed_mb", heap.getCommitted() / MB);
        m.put("off_heap_mb", javacpp + direct);
        m.put("javacpp_mb", javacpp);
        m.put("direct_mb", direct);
        m.put("rss_mb", residentMegabytes());
        m.put("pss_mb", procMegabytes(Path.of("/proc/self/smaps_rollup"), "Pss:"));
        return m;
    }

    /** Native memory that JavaCPP (so ND4J) has allocated and not yet freed; 0 if JavaCPP cannot load. */
    static double javacppMegabytes() {
        try {
            return org.bytedeco.javacpp.Pointer.totalBytes() / MB;
        } catch (LinkageError e) {
            return 0;
        }
    }

    /** NIO direct and mapped buffers. */
    static double directMegabytes() {
        long bytes = 0;
        for (BufferPoolMXBean pool : ManagementFactory.getPlatformMXBeans(BufferPoolMXBean.class)) {
            bytes += Math.max(0, pool.getMemoryUsed());
        }
        return bytes / MB;
    }

    /** Resident set size of this process (VmRSS, Linux); NaN elsewhere. */
    static double residentMegabytes() {
        return procMegabytes(Path.of("/proc/self/status"), "VmRSS:");
    }

    /** A "NAME: N kB" line of a /proc file (Linux) in megabytes; NaN where there is none. */
    static double procMegabytes(Path file, String name) {
        try {
            for (String line : Files.readAllLines(file)) {
                if (line.startsWith(name)) {
                    return Double.parseDouble(line.replaceAll("[^0-9]", "")) / 1024.0;
                }
            }
        } catch (IOException | NumberFormatException e) {
            return Double.NaN;
        }
        return Double.NaN;
    }
}
