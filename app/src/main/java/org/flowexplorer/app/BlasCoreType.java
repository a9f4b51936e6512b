package org.flowexplorer.app;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The OpenBLAS kernel for a JVM the launcher starts, chosen from the CPU's flags when the user has
 * not set {@code OPENBLAS_CORETYPE}. The OpenBLAS bundled with nd4j-native misdetects AVX-512 CPUs
 * as "Prescott" (sgemm about 4× slower), and on Zen 3 its "Zen" kernel was slower than "Haswell".
 * Only kernels whose instructions the flags prove present are named, so the choice cannot end in
 * SIGILL: SKYLAKEX needs AVX-512 F, DQ, BW and VL; HASWELL needs AVX2 and FMA; anything else is
 * left to OpenBLAS's own detection. OpenBLAS reads the variable when the native library loads: a
 * child JVM gets it in its environment; a JVM that runs the app itself (the app image, whose native
 * launcher cannot set variables) sets it in its own environment at start, before anything loads
 * OpenBLAS ({@link #applyInThisJvm}).
 */
public final class BlasCoreType {
    static final String VARIABLE = "OPENBLAS_CORETYPE";
    private static final Set<String> SKYLAKE_X = Set.of("avx512f", "avx512dq", "avx512bw", "avx512vl");
    private static final Set<String> HASWELL = Set.of("avx2", "fma");

    private BlasCoreType() {
    }

    /** The kernel to set for a child with environment {@code env}: none if the user chose one. */
    static Optional<String> choose(Map<String, String> env, String cpuinfo) {
        String set = env.get(VARIABLE);
        if (set != null && !set.isBlank()) {
            return Optional.empty();
        }
        return forCpuinfo(cpuinfo);
    }

    /** The kernel for the CPU that {@code /proc/cpuinfo} text describes (flags of the first CPU). */
    static Optional<String> forCpuinfo(String cpuinfo) {
        Set<String> flags = cpuinfo.lines()
                .filter(l -> l.startsWith("flags"))
                .findFirst()
                .map(l -> l.substring(l.indexOf(':') + 1).trim())
                .map(s -> Arrays.stream(s.split("\\s+")).collect(Collectors.toSet()))
                .orElse(Set.of());
        if (flags.containsAll(SKYLAKE_X)) {
            return Optional.of("SKYLAKEX");
        }
        if (flags.containsAll(HASWELL)) {
            return Optional.of("HASWELL");
        }
        return Optional.empty();
    }

    /**
     * Sets the chosen kernel in this JVM's own environment (through libc, {@link ForeignCalls}) and
     * records it in the property {@link VectorRelaunch#CHOSEN_CORETYPE}; does nothing if the user set
     * one or none fits. Needs the foreign linker's options (the app image passes them); without them
     * OpenBLAS detects its kernel itself, as before. Returns the kernel set.
     */
    static Optional<String> applyInThisJvm() {
        if (System.getProperty(VectorRelaunch.CHOSEN_CORETYPE) != null) {
            return Optional.empty(); // a launcher put it in this JVM's environment already
        }
        Optional<String> kernel = choose(System.getenv(), readCpuinfo());
        if (kernel.isPresent() && ForeignCalls.setenv(VARIABLE, kernel.get())) {
            System.setProperty(VectorRelaunch.CHOSEN_CORETYPE, kernel.get());
            return kernel;
        }
        return Optional.empty();
    }

    /**
     * The kernel OpenBLAS was told to use, "" for none: the environment's, or else the one this JVM
     * set in its own environment ({@link System#getenv()} keeps the start's; a launcher's choice is in
     * both, and neither is set when the user chose).
     */
    public static String effective() {
        return System.getenv().getOrDefault(VARIABLE, chosenFromCpuFlags().orElse(""));
    }

    /** The kernel a launcher or this JVM chose from the CPU's flags, if one did (not the user). */
    public static Optional<String> chosenFromCpuFlags() {
        return Optional.ofNullable(System.getProperty(VectorRelaunch.CHOSEN_CORETYPE));
    }

    /** This machine's {@code /proc/cpuinfo}, or "" where there is none (not Linux). */
    static String readCpuinfo() {
        try {
            return Files.readString(Path.of("/proc/cpuinfo"));
        } catch (IOException | RuntimeException e) {
            return "";
        }
    }
}
