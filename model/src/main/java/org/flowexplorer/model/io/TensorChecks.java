package org.flowexplorer.model.io;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.regex.Pattern;
import org.flowexplorer.model.Limits;

/**
 * Checks on parameter tensors shared by the native model file and the PyTorch {@code .npz}: the
 * shapes a RealNVP state_dict can hold, looked at in each {@code .npy} header before its data is
 * read, and finite values.
 */
final class TensorChecks {
    private static final Pattern STATE_DICT_KEY = Pattern.compile("layers\\.[0-9]+\\.(mask|net\\.[0-9]+\\.(weight|bias))");
    private TensorChecks() {
    }

    /**
     * Refuses a tensor holding NaN or ±Inf, naming it: such a model cannot evaluate anything, and
     * the usual cause is training that diverged.
     */
    static void requireFinite(Path file, String key, NdArray tensor) throws ModelFormatException {
        if (!tensor.dtype().isFloatingPoint()) {
            return;
        }
        long bad = Arrays.stream(tensor.toDoubles()).filter(v -> !Double.isFinite(v)).count();
        if (bad > 0) {
            throw new ModelFormatException(file, "tensor " + key + " holds " + bad
                    + " non-finite values (NaN/Inf); the model diverged when it was trained");
        }
    }

    /** {@link #requireFinite} for every weight and bias of a state_dict (masks are checked to be 0/1 elsewhere). */
    static void requireFinite(Path file, Map<String, NdArray> stateDict) throws ModelFormatException {
        for (Map.Entry<String, NdArray> e : stateDict.entrySet()) {
            if (!e.getKey().endsWith(".mask")) {
                requireFinite(file, e.getKey(), e.getValue());
            }
        }
    }

    /**
     * A header check for a state_dict {@code .npz}: masks are vectors of at most
     * {@link Limits#MAX_DIMENSION}, weights matrices and biases vectors of at most
     * {@link Limits#MAX_HIDDEN_WIDTH} per side, and all of them together at most
     * {@link Limits#MAX_PARAMETERS} values, so nothing larger is ever inflated.
     */
    static Npz.ArrayCheck stateDictShapes(Path file) {
        long[] total = {0};
        return (key, dtype, shape) -> {
            if (STATE_DICT_KEY.matcher(key).matches()) {
                requireStateDictShape(file, key, shape);
            } else if (StateDictExtras.isNormKey(key)) {
                requireVector(file, key, shape, Limits.MAX_DIMENSION, "dimension ");
            } else if (key.equals(StateDictExtras.SCALE_KEY)) {
                requireVector(file, key, shape, StateDictExtras.MAX_SCALE_BYTES, "length ");
            } // other keys are refused with the list of expected keys once all headers are read
            long values = 1;
            for (int d : shape) {
                values *= d; // cannot overflow: the .npy reader has checked the byte count
            }
            total[0] += values;
            if (total[0] > Limits.MAX_PARAMETERS + (long) Limits.MAX_LAYERS * Limits.MAX_DIMENSION) {
                throw new ModelFormatException(file, "the tensors up to '" + key + "' hold " + total[0]
                        + " values, more than the limit of " + Limits.MAX_PARAMETERS + " parameters");
            }
        };
    }

    private static void requireVector(Path file, String key, int[] shape, int limit, String what) throws ModelFormatException {
        if (shape.length != 1) {
            throw new ModelFormatException(file, "'" + key + "' has shape " + Arrays.toString(shape) + ", expected a vector");
        }
        if (shape[0] > limit) {
            throw new ModelFormatException(file, "'" + key + "' has shape " + Arrays.toString(shape) + ": " + what + shape[0]
                    + " is over the limit of " + limit);
        }
    }

    private static void requireStateDictShape(Path file, String key, int[] shape) throws ModelFormatException {
        boolean mask = key.endsWith(".mask");
        boolean weight = key.endsWith(".weight");
        if (shape.length != (weight ? 2 : 1)) {
            throw new ModelFormatException(file, "'" + key + "' has shape " + Arrays.toString(shape) + ", expected "
                    + (weight ? "a matrix [out, in]" : mask ? "a vector [D]" : "a vector [out]"));
        }
        int limit = mask ? Limits.MAX_DIMENSION : Limits.MAX_HIDDEN_WIDTH;
        for (int d : shape) {
            if (d > limit) {
                throw new ModelFormatException(file, "'" + key + "' has shape " + Arrays.toString(shape) + ": "
                        + (mask ? "dimension " : "width ") + d + " is over the limit of " + limit);
            }
        }
    }
}
