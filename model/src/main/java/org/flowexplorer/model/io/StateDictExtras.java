package org.flowexplorer.model.io;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.flowexplorer.model.Precision;
import org.flowexplorer.model.flow.RealNVP;
import org.flowexplorer.model.flow.ScaleFunction;

/**
 * The parts of an {@code .npz} state_dict beyond the seed's couplings:
 *
 * <pre>
 *   norms.{i}.log_gamma, norms.{i}.beta             [D]  norm i's parameters (norm i follows coupling i)
 *   norms.{i}.running_mean, norms.{i}.running_var   [D]  its buffers
 *   meta.scale                                      [n]  uint8, the UTF-8 text of a scale other than the
 *                                                        seed's tanh·2 (e.g. "softplus"); absent: tanh:2
 * </pre>
 *
 * A PyTorch module that registers {@code norms} after {@code layers} has exactly these norm keys,
 * in this order; {@code meta.scale} is not a tensor of any module: read it with
 * {@code bytes(npz["meta.scale"]).decode()} and leave it out of {@code load_state_dict}.
 */
final class StateDictExtras {
    static final String SCALE_KEY = "meta.scale";
    /** Longer scale texts are refused from the header (the longest valid one is "tanh:" and a double). */
    static final int MAX_SCALE_BYTES = 64;
    private static final Pattern NORM = Pattern.compile("norms\\.(0|[1-9][0-9]{0,8})\\.(log_gamma|beta|running_mean|running_var)");

    /** What the extra keys said: the scale, and with norms their parameters and running statistics (else null). */
    record Extras(ScaleFunction scale, double[] normParameters, double[] buffers) {
        boolean batchNorm() {
            return normParameters != null;
        }
    }

    private StateDictExtras() {
    }

    /** True for the keys this class reads ({@code norms.*} and {@code meta.scale}). */
    static boolean owns(String key) {
        return key.equals(SCALE_KEY) || NORM.matcher(key).matches();
    }

    static boolean isNormKey(String key) {
        return NORM.matcher(key).matches();
    }

    /** Appends the norms' tensors (parameters from {@code values}) and, for a non-default scale, {@code meta.scale}. */
    static void write(LinkedHashMap<String, NdArray> out, RealNVP model, double[] values, boolean f32) {
        double[] buffers = model.bufferValues();
        int d = model.dim();
        for (int i = 0; i < model.norms().size(); i++) {
            int p = model.norms().get(i).parameterOffset(), b = model.norms().get(i).bufferOffset();
            for (int k = 0; k < StateDictLayout.NORM_PARAMETERS.size(); k++) {
                out.put(StateDictLayout.normKey(i, StateDictLayout.NORM_PARAMETERS.get(k)),
                        TorchStateDict.array(values, p + k * d, d, new int[] {d}, f32));
            }
            for (int k = 0; k < StateDictLayout.NORM_BUFFERS.size(); k++) {
                out.put(StateDictLayout.normKey(i, StateDictLayout.NORM_BUFFERS.get(k)),
                        TorchStateDict.array(buffers, b + k * d, d, new int[] {d}, f32));
            }
        }
        if (!model.spec().scale().isDefault()) {
            byte[] text = model.spec().scale().id().getBytes(StandardCharsets.UTF_8);
            out.put(SCALE_KEY, NdArray.ofUnsignedBytes(text, text.length));
        }
    }

    /**
     * Reads the extra keys of {@code arrays} for a flow of {@code layers} couplings in {@code dim}
     * dimensions whose weights have {@code precision}: either no norm keys or all four of every
     * norm 0 … layers − 1, each [D] and of that precision.
     */
    static Extras read(Map<String, NdArray> arrays, int layers, int dim, Precision precision, String source) throws ModelFormatException {
        ScaleFunction scale = scale(arrays.get(SCALE_KEY), source);
        boolean any = false;
        for (String key : arrays.keySet()) {
            Matcher m = NORM.matcher(key);
            if (m.matches()) {
                any = true;
                int i = Integer.parseInt(m.group(1));
                if (i >= layers) {
                    throw new ModelFormatException(source, "unexpected key '" + key + "': there are only " + layers
                            + " coupling layers (norm i follows coupling i)");
                }
            }
        }
        if (!any) {
            return new Extras(scale, null, null);
        }
        double[] params = new double[layers * 2 * dim], buffers = new double[layers * 2 * dim];
        for (int i = 0; i < layers; i++) {
            readNorm(arrays, i, StateDictLayout.NORM_PARAMETERS, dim, precision, params, source);
            readNorm(arrays, i, StateDictLayout.NORM_BUFFERS, dim, precision, buffers, source);
        }
        return new Extras(scale, params, buffers);
    }

    private static void readNorm(Map<String, NdArray> arrays, int norm, java.util.List<String> names, int dim, Precision precision,
                                 double[] into, String source) throws ModelFormatException {
        for (int k = 0; k < names.size(); k++) {
            String key = StateDictLayout.normKey(norm, names.get(k));
            NdArray a = arrays.get(key);
            if (a == null) {
                throw new ModelFormatException(source, "missing key '" + key + "' (with batch normalisation every coupling has a norm with "
                        + String.join(", ", StateDictLayout.NORM_PARAMETERS) + ", " + String.join(", ", StateDictLayout.NORM_BUFFERS) + ")");
            }
            if (a.ndim() != 1 || a.intShape()[0] != dim) {
                throw new ModelFormatException(source, "'" + key + "' has shape " + Arrays.toString(a.intShape()) + ", expected [" + dim + "]");
            }
            Precision p = a.dtype() == NdType.FLOAT64 ? Precision.FLOAT64 : a.dtype() == NdType.FLOAT32 ? Precision.FLOAT32 : null;
            if (p != precision) {
                throw new ModelFormatException(source, "'" + key + "' has dtype " + a.dtype().name().toLowerCase(java.util.Locale.ROOT)
                        + ", expected " + TorchStateDict.name(precision) + " like the coupling weights");
            }
            System.arraycopy(a.toDoubles(), 0, into, (2 * norm + k) * dim, dim);
        }
        double[] var = Arrays.copyOfRange(into, (2 * norm + 1) * dim, (2 * norm + 2) * dim);
        if (names == StateDictLayout.NORM_BUFFERS && Arrays.stream(var).anyMatch(v -> v < 0)) {
            throw new ModelFormatException(source, "'" + StateDictLayout.normKey(norm, "running_var") + "' holds a negative variance");
        }
    }

    private static ScaleFunction scale(NdArray a, String source) throws ModelFormatException {
        if (a == null) {
            return ScaleFunction.DEFAULT;
        }
        if (a.dtype() != NdType.UINT8 || a.ndim() != 1) {
            throw new ModelFormatException(source, "'" + SCALE_KEY + "' must be a uint8 vector holding the scale's text, e.g. \"softplus\"");
        }
        long[] v = a.toLongs();
        byte[] bytes = new byte[v.length];
        for (int i = 0; i < v.length; i++) {
            bytes[i] = (byte) v[i];
        }
        try {
            return ScaleFunction.parse(new String(bytes, StandardCharsets.UTF_8));
        } catch (IllegalArgumentException e) {
            throw new ModelFormatException(source, "'" + SCALE_KEY + "': " + e.getMessage());
        }
    }
}
