package org.flowexplorer.model.train;

import java.util.Objects;
import org.flowexplorer.model.Precision;
import org.flowexplorer.model.flow.FlowSpec;
import org.flowexplorer.model.flow.RealNVP;

/**
 * A model's state at one training step, enough to show it again or to continue from it: the
 * parameters in the model's own precision (a float32 model's 0.5 M parameters take 2 MB) and the
 * batch norms' running statistics. Not the optimiser's moments: a replay shows the model, and
 * training resumed from a checkpoint starts Adam afresh. Immutable.
 */
public final class Checkpoint {
    private final long step;
    private final float[] floats;
    private final double[] doubles;
    private final double[] buffers;

    private Checkpoint(long step, float[] floats, double[] doubles, double[] buffers) {
        if (step < 0) {
            throw new IllegalArgumentException("checkpoint step must not be negative, got " + step);
        }
        this.step = step;
        this.floats = floats;
        this.doubles = doubles;
        this.buffers = Objects.requireNonNull(buffers, "buffers");
    }

    /** A copy of {@code model}'s parameters and running statistics, taken at {@code step}. */
    public static Checkpoint of(long step, RealNVP model) {
        Object live = model.parameterStore().values();
        double[] buffers = model.bufferValues();
        if (live instanceof float[] f) {
            return new Checkpoint(step, f.clone(), null, buffers);
        }
        return new Checkpoint(step, null, ((double[]) live).clone(), buffers);
    }

    /**
     * A checkpoint from stored values (a file, or a test's synthetic arrays); a float32
     * checkpoint's parameters must be exactly representable as floats (they are, when they came
     * from a float32 model). The arrays are copied.
     */
    public static Checkpoint ofValues(long step, Precision precision, double[] parameters, double[] buffers) {
        if (precision == Precision.FLOAT64) {
            return new Checkpoint(step, null, parameters.clone(), buffers.clone());
        }
        float[] f = new float[parameters.length];
        for (int i = 0; i < f.length; i++) {
            f[i] = (float) parameters[i];
        }
        return new Checkpoint(step, f, null, buffers.clone());
    }

    public long step() {
        return step;
    }

    public Precision precision() {
        return floats != null ? Precision.FLOAT32 : Precision.FLOAT64;
    }

    public int parameterCount() {
        return floats != null ? floats.length : doubles.length;
    }

    /** A copy of the parameters as doubles (exact for float32). */
    public double[] parameterValues() {
        if (doubles != null) {
            return doubles.clone();
        }
        double[] d = new double[floats.length];
        for (int i = 0; i < d.length; i++) {
            d[i] = floats[i];
        }
        return d;
    }

    /** A copy of the running statistics (the layout of {@link RealNVP#bufferValues()}). */
    public double[] bufferValues() {
        return buffers.clone();
    }

    /** Memory held by the arrays: parameters at 4 (float32) or 8 bytes each, running statistics at 8. */
    public long bytes() {
        return bytesFor(parameterCount(), buffers.length, precision());
    }

    /** What a checkpoint of {@code parameters} and {@code buffers} values holds in memory. */
    public static long bytesFor(int parameters, int buffers, Precision precision) {
        return (long) parameters * (precision == Precision.FLOAT32 ? Float.BYTES : Double.BYTES)
                + (long) buffers * Double.BYTES;
    }

    /** A new model of architecture {@code spec} in this checkpoint's state (bit for bit the model it was taken from). */
    public RealNVP restore(FlowSpec spec) {
        return RealNVP.withState(spec, precision(), parameterValues(), bufferValues());
    }

    /** Puts this state into {@code model} (same architecture and precision). */
    public void restoreInto(RealNVP model) {
        if (model.parameterCount() != parameterCount() || model.precision() != precision()) {
            throw new IllegalArgumentException("checkpoint of " + parameterCount() + " " + precision()
                    + " parameters does not fit a model of " + model.parameterCount() + " " + model.precision());
        }
        model.setParameters(parameterValues());
        model.setBufferValues(bufferValues());
    }

    @Override
    public String toString() {
        return "Checkpoint[step " + step + ", " + parameterCount() + " parameters]";
    }
}
