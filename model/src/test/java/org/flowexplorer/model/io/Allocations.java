package org.flowexplorer.model.io;

import java.lang.management.ManagementFactory;
import org.junit.jupiter.api.function.Executable;

/** Measures how many bytes the current thread allocates while running a piece of code (HotSpot's thread MXBean). */
public final class Allocations {
    private Allocations() {
    }

    /** Bytes allocated on this thread while {@code code} ran; whatever it throws is swallowed (the caller asserts it separately). */
    public static long during(Executable code) {
        com.sun.management.ThreadMXBean bean = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long id = Thread.currentThread().getId();
        long before = bean.getThreadAllocatedBytes(id);
        try {
            code.execute();
        } catch (Throwable expected) {
            // measured only
        }
        return bean.getThreadAllocatedBytes(id) - before;
    }
}
