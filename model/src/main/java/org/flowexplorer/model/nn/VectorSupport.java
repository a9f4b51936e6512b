package org.flowexplorer.model.nn;

/**
 * Whether the incubating Vector API can be used: the JVM must have been started with
 * {@code --add-modules jdk.incubator.vector} (the launch scripts and benchmark do this), and
 * {@code -Dflowexplorer.vector=false} turns it off. Without it the plain loops run — same results
 * up to float rounding, slower.
 */
public final class VectorSupport {
    private VectorSupport() {
    }

    public static boolean available() {
        if ("false".equalsIgnoreCase(System.getProperty("flowexplorer.vector"))) {
            return false;
        }
        return ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent();
    }

    /** Whether float32 kernels in this JVM use the Vector API. */
    public static boolean inUse() {
        return FloatKernels.VECTOR;
    }
}
