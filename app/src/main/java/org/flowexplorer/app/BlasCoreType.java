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
 * left to OpenBLAS's own detection. OpenBLAS reads the variable when the native library loads, so
 * this works only for a child JVM.
 */
final class BlasCoreType {
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

    /** This machine's {@code /proc/cpuinfo}, or "" where there is none (not Linux). */
    static String readCpuinfo() {
        try {
            return Files.readString(Path.of("/proc/cpuinfo"));
        } catch (IOException | RuntimeException e) {
            return "";
        }
    }
}
