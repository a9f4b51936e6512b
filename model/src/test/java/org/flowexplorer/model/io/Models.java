package org.flowexplorer.model.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.SplittableRandom;
import org.flowexplorer.model.Precision;
import org.flowexplorer.model.flow.FlowSpec;
import org.flowexplorer.model.flow.RealNVP;
import org.junit.jupiter.api.function.Executable;

/** Test models with every parameter non-zero (the zero-initialised last Linears re-drawn), and shared assertions. */
final class Models {
    private Models() {
    }

    static RealNVP random(FlowSpec spec, Precision precision, long seed) {
        RealNVP model = RealNVP.create(spec, precision, seed);
        SplittableRandom rng = new SplittableRandom(seed + 1);
        double[] p = model.parameterValues();
        for (int i = 0; i < p.length; i++) {
            p[i] = 0.3 * rng.nextGaussian();
        }
        model.setParameters(p);
        double[] b = model.bufferValues(); // running mean ~ N(0, 0.3²), running variance ~ U(0.5, 2)
        for (int i = 0; i < b.length; i++) {
            b[i] = i % (2 * model.dim()) < model.dim() ? 0.3 * rng.nextGaussian() : 0.5 + 1.5 * rng.nextDouble();
        }
        model.setBufferValues(b);
        return model;
    }

    static float[] points(int n, int dim, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        float[] x = new float[n * dim];
        for (int i = 0; i < x.length; i++) {
            x[i] = (float) (1.5 * rng.nextGaussian());
        }
        return x;
    }

    /** Same spec, precision and bit-identical parameters, running statistics and log-probs. */
    static void assertIdentical(RealNVP expected, RealNVP actual) {
        assertEquals(expected.spec(), actual.spec());
        assertEquals(expected.precision(), actual.precision());
        assertArrayEquals(bits(expected.parameterValues()), bits(actual.parameterValues()), "parameters");
        assertArrayEquals(bits(expected.bufferValues()), bits(actual.bufferValues()), "running statistics");
        float[] x = points(100, expected.dim(), 99);
        assertArrayEquals(bits(expected.logProb(x)), bits(actual.logProb(x)), "log_prob");
        assertArrayEquals(bits(expected.forward(x, null)), bits(actual.forward(x, null)), "z");
    }

    static long[] bits(double[] v) {
        long[] b = new long[v.length];
        for (int i = 0; i < v.length; i++) {
            b[i] = Double.doubleToRawLongBits(v[i]);
        }
        return b;
    }

    static int[] bits(float[] v) {
        int[] b = new int[v.length];
        for (int i = 0; i < v.length; i++) {
            b[i] = Float.floatToRawIntBits(v[i]);
        }
        return b;
    }

    /** The loader fails with a one-line ModelFormatException that names the file and contains each fragment. */
    static ModelFormatException assertFormatError(Path file, Executable load, String... fragments) {
        ModelFormatException e = assertThrows(ModelFormatException.class, load);
        String msg = e.getMessage();
        assertFalse(msg.contains("\n") || msg.contains("\r"), () -> "multi-line message: " + msg);
        assertTrue(msg.startsWith(file.toString()), () -> "message does not start with the file: " + msg);
        for (String f : fragments) {
            assertTrue(msg.contains(f), () -> "message lacks '" + f + "': " + msg);
        }
        return e;
    }

    /** Writes {@code arrays} as {@code bad.npz} in {@code dir}: reading it as a state dict fails as {@link #assertFormatError} checks. */
    static ModelFormatException assertStateDictRejected(Path dir, Map<String, NdArray> arrays, String... fragments)
            throws IOException {
        Path file = dir.resolve("bad.npz");
        Npz.write(file, arrays, false);
        return assertFormatError(file, () -> TorchStateDict.read(file), fragments);
    }
}
