package org.flowexplorer.app;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The OpenBLAS kernel picked for the child JVM from the CPU's flags (issue 11, "Also found"). */
class BlasCoreTypeTest {
    private static String cpuinfo(String flags) {
        return "processor\t: 0\nvendor_id\t: AuthenticAMD\nmodel name\t: Test CPU\nflags\t\t: " + flags
                + "\n\nprocessor\t: 1\nflags\t\t: " + flags + "\n";
    }

    private static final String SSE = "fpu vme de pse tsc msr pae mce cx8 apic sep mtrr pge mca cmov sse sse2 ssse3 sse4_1 sse4_2";
    private static final String AVX2 = SSE + " avx fma avx2 bmi1 bmi2";
    private static final String AVX512 = AVX2 + " avx512f avx512dq avx512cd avx512bw avx512vl";

    @Test
    void avx512CpusGetSkylakeX() {
        assertEquals(Optional.of("SKYLAKEX"), BlasCoreType.forCpuinfo(cpuinfo(AVX512)));
    }

    @Test
    void avx2CpusGetHaswell() {
        assertEquals(Optional.of("HASWELL"), BlasCoreType.forCpuinfo(cpuinfo(AVX2)));
    }

    @Test
    void partialAvx512WithoutTheSkylakeSetGetsHaswell() {
        // Knights Landing: avx512f and avx512cd but no bw/dq/vl, which the SKYLAKEX kernels use
        assertEquals(Optional.of("HASWELL"), BlasCoreType.forCpuinfo(cpuinfo(AVX2 + " avx512f avx512cd avx512er avx512pf")));
    }

    @Test
    void olderCpusAndUnknownTextLeaveItUnset() {
        assertEquals(Optional.empty(), BlasCoreType.forCpuinfo(cpuinfo(SSE + " avx")));
        assertEquals(Optional.empty(), BlasCoreType.forCpuinfo(cpuinfo(SSE + " avx avx2"))); // no FMA
        assertEquals(Optional.empty(), BlasCoreType.forCpuinfo(""));
        assertEquals(Optional.empty(), BlasCoreType.forCpuinfo("processor : 0\nFeatures : fp asimd evtstrm\n"));
    }

    @Test
    void aFlagNameInsideAnotherIsNotTheFlag() {
        assertEquals(Optional.empty(), BlasCoreType.forCpuinfo(cpuinfo(SSE + " avx fma xavx2 avx512fx")));
    }

    @Test
    void theUsersChoiceIsKept() {
        assertEquals(Optional.empty(), BlasCoreType.choose(Map.of("OPENBLAS_CORETYPE", "ZEN"), cpuinfo(AVX512)));
        assertEquals(Optional.of("SKYLAKEX"), BlasCoreType.choose(Map.of(), cpuinfo(AVX512)));
    }
}
