package org.flowexplorer.model.io;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.flowexplorer.model.Precision;
import org.flowexplorer.model.flow.CouplingLayer;
import org.flowexplorer.model.flow.CouplingType;
import org.flowexplorer.model.flow.FlowSpec;
import org.flowexplorer.model.flow.Mask;
import org.flowexplorer.model.flow.RealNVP;

/**
 * PyTorch interchange: a RealNVP's {@code state_dict} as an {@code .npz} archive, with exactly the
 * keys of the seed's {@code RealNVP.state_dict()}:
 *
 * <pre>
 *   layers.{i}.mask              [D]        1 = conditioning, 0 = transformed
 *   layers.{i}.net.{j}.weight    [out, in]  j = 0, 2, 4, … (the Sequential's Linears; odd j are ReLUs)
 *   layers.{i}.net.{j}.bias      [out]
 * </pre>
 *
 * and, for a flow with batch normalisation or a scale other than the seed's, the keys of
 * {@link StateDictExtras} ({@code norms.{i}.log_gamma/beta/running_mean/running_var}, {@code meta.scale}).
 *
 * In Python: {@code np.savez(path, **{k: v.numpy() for k, v in model.state_dict().items()})} to
 * export, {@code model.load_state_dict({k: torch.from_numpy(v) for k, v in np.load(path).items()})}
 * to import. The architecture is inferred from the shapes: D from the masks, the hidden widths
 * from the weights, the number of layers from the indices, and the coupling from the last
 * Linear's outputs (2·d_trans: affine, as in the seed; d_trans: additive), batch normalisation
 * from the presence of {@code norms.*} keys and the scale from {@code meta.scale}. The precision is
 * float64 when the parameters are float64, float32 otherwise. Files carry no training metadata.
 */
public final class TorchStateDict {
    private static final String INDEX = "(0|[1-9][0-9]{0,8})";
    private static final Pattern MASK = Pattern.compile("layers\\." + INDEX + "\\.mask");
    private static final Pattern PARAM = Pattern.compile("layers\\." + INDEX + "\\.net\\." + INDEX + "\\.(weight|bias)");

    private TorchStateDict() {
    }

    /**
     * Reads an {@code .npz} state_dict (stored or compressed). Each array's shape is checked
     * against {@link org.flowexplorer.model.Limits} from its header, before its data is read, and
     * NaN/Inf weights are refused naming the tensor.
     */
    public static LoadedModel read(Path npz) throws ModelFormatException {
        Map<String, NdArray> arrays;
        try {
            arrays = Npz.read(npz, TensorChecks.stateDictShapes(npz));
        } catch (IOException e) {
            throw ModelFormatException.wrap(npz, e);
        }
        TensorChecks.requireFinite(npz, arrays);
        return new LoadedModel(fromArrays(arrays, npz.toString()), ModelMetadata.none());
    }

    /**
     * Writes the model's state_dict atomically; {@code compressed} selects
     * {@code np.savez_compressed}-style deflated entries, otherwise stored as {@code np.savez}.
     * A spline-coupling model is refused (one line): the seed's PyTorch model has no such layer,
     * and its native zip keeps the same tensors with the spline's shape in the manifest.
     */
    public static void write(Path npz, RealNVP model, boolean compressed) throws IOException {
        if (!model.spec().coupling().hasStateDict()) {
            throw new IllegalArgumentException("a " + model.spec().coupling().id() + "-coupling model has no .npz state_dict"
                    + " (the seed's PyTorch RealNVP has no such layer); save it as a Flow Explorer model file (.zip) instead");
        }
        FlowSpec spec = model.spec();
        if (spec.norm() == org.flowexplorer.model.flow.Norm.ACT || spec.mixer() != org.flowexplorer.model.flow.Mixer.NONE) {
            throw new IllegalArgumentException("the .npz state_dict holds the seed's couplings and batch norms; a flow with "
                    + (spec.norm() == org.flowexplorer.model.flow.Norm.ACT ? "ActNorm" : spec.mixer().id() + " mixers")
                    + " is saved as a model file (.zip)");
        }
        if (!spec.base().isGaussian()) {
            throw new IllegalArgumentException("the .npz state_dict holds the seed's flow over N(0, I); a flow with a "
                    + spec.base() + " base is saved as a model file (.zip)");
        }
        Npz.write(npz, toArrays(model), compressed);
    }

    /**
     * The state_dict tensors in the seed's order: per layer the mask, then each Linear's weight and
     * bias; then per norm its parameters and buffers, and {@code meta.scale} if not tanh·2.
     * Float32 models give float32 arrays (exact); float64 models give float64 arrays, the mask
     * included, as {@code model.double().state_dict()} would.
     */
    public static LinkedHashMap<String, NdArray> toArrays(RealNVP model) {
        boolean f32 = model.precision() == Precision.FLOAT32;
        double[] values = model.parameterValues();
        List<StateDictLayout.Tensor> tensors = StateDictLayout.parameters(model);
        LinkedHashMap<String, NdArray> out = new LinkedHashMap<>();
        List<CouplingLayer> layers = model.layers();
        int t = 0;
        for (int i = 0; i < layers.size(); i++) {
            boolean[] mask = layers.get(i).mask().values();
            double[] m = new double[mask.length];
            for (int k = 0; k < m.length; k++) {
                m[k] = mask[k] ? 1 : 0;
            }
            out.put(StateDictLayout.maskKey(i), array(m, 0, m.length, new int[] {m.length}, f32));
            String prefix = "layers." + i + ".";
            while (t < tensors.size() && tensors.get(t).key().startsWith(prefix)) {
                StateDictLayout.Tensor tensor = tensors.get(t++);
                out.put(tensor.key(), array(values, tensor.offset(), tensor.size(), tensor.shape(), f32));
            }
        }
        StateDictExtras.write(out, model, values, f32);
        // the blocks the seed's state_dict does not know (ActNorm, mixers): for the native model zip
        double[] buffers = model.bufferValues();
        for (StateDictLayout.Tensor tensor : tensors) {
            out.putIfAbsent(tensor.key(), array(values, tensor.offset(), tensor.size(), tensor.shape(), f32));
        }
        for (StateDictLayout.Tensor tensor : StateDictLayout.buffers(model)) {
            out.putIfAbsent(tensor.key(), array(buffers, tensor.offset(), tensor.size(), tensor.shape(), f32));
        }
        return out;
    }

    static NdArray array(double[] values, int from, int n, int[] shape, boolean f32) {
        if (f32) {
            float[] f = new float[n];
            for (int k = 0; k < n; k++) {
                f[k] = (float) values[from + k];
            }
            return NdArray.ofFloats(f, shape);
        }
        return NdArray.ofDoubles(Arrays.copyOfRange(values, from, from + n), shape);
    }

    /**
     * Builds a model from state_dict arrays, validating everything; the first problem found is
     * reported as a one-line {@link ModelFormatException} starting with {@code source}.
     */
    public static RealNVP fromArrays(Map<String, NdArray> arrays, String source) throws ModelFormatException {
        // ---- sort the keys into layers; anything else is not part of a RealNVP state_dict
        TreeMap<Integer, NdArray> masks = new TreeMap<>();
        TreeMap<Integer, TreeMap<Integer, NdArray[]>> nets = new TreeMap<>();
        for (Map.Entry<String, NdArray> e : arrays.entrySet()) {
            String key = e.getKey();
            if (StateDictExtras.owns(key)) {
                continue;
            }
            Matcher m = MASK.matcher(key);
            if (m.matches()) {
                masks.put(Integer.parseInt(m.group(1)), e.getValue());
                continue;
            }
            m = PARAM.matcher(key);
            if (!m.matches()) {
                throw new ModelFormatException(source, "unexpected key '" + key
                        + "' (a RealNVP state_dict holds only layers.{i}.mask, layers.{i}.net.{j}.weight/bias,"
                        + " norms.{i}.log_gamma/beta/running_mean/running_var and meta.scale)");
            }
            int j = Integer.parseInt(m.group(2));
            if (j % 2 != 0) {
                throw new ModelFormatException(source, "unexpected key '" + key + "': net." + j
                        + " would be a ReLU, which has no parameters (Linears are at net.0, net.2, …)");
            }
            NdArray[] pair = nets.computeIfAbsent(Integer.parseInt(m.group(1)), k -> new TreeMap<>())
                    .computeIfAbsent(j / 2, k -> new NdArray[2]);
            pair[m.group(3).equals("weight") ? 0 : 1] = e.getValue();
        }
        if (masks.isEmpty() && nets.isEmpty()) {
            throw new ModelFormatException(source, "no RealNVP parameters found (expected keys like layers.0.mask and layers.0.net.0.weight)");
        }
        int layerCount = Math.max(masks.isEmpty() ? 0 : masks.lastKey(), nets.isEmpty() ? 0 : nets.lastKey()) + 1;

        // ---- validate layer by layer, inferring the architecture
        Precision precision = null;
        String precisionKey = null;
        int dim = -1;
        int[] hidden = null;
        CouplingType coupling = null;
        List<Mask> maskList = new ArrayList<>();
        List<double[]> layerValues = new ArrayList<>();
        for (int i = 0; i < layerCount; i++) {
            NdArray maskArray = masks.get(i);
            String maskKey = StateDictLayout.maskKey(i);
            if (maskArray == null) {
                throw new ModelFormatException(source, "missing key '" + maskKey + "'");
            }
            if (maskArray.ndim() != 1) {
                throw new ModelFormatException(source, "'" + maskKey + "' has shape " + Arrays.toString(maskArray.intShape())
                        + ", expected a vector [D]");
            }
            if (dim < 0) {
                dim = maskArray.intShape()[0];
            } else if (maskArray.intShape()[0] != dim) {
                throw new ModelFormatException(source, "'" + maskKey + "' has " + maskArray.intShape()[0]
                        + " entries but 'layers.0.mask' has " + dim + " (all layers must have the same dimension)");
            }
            Mask mask = mask(maskArray, maskKey, source);
            maskList.add(mask);
            int dCond = mask.conditioningIndices().length;
            int dTrans = mask.transformedIndices().length;

            TreeMap<Integer, NdArray[]> net = nets.get(i);
            if (net == null) {
                throw new ModelFormatException(source, "missing key '" + StateDictLayout.weightKey(i, 0) + "'");
            }
            int linears = net.lastKey() + 1;
            int[] sizes = new int[linears + 1];
            sizes[0] = dCond;
            List<NdArray> tensors = new ArrayList<>();
            for (int k = 0; k < linears; k++) {
                NdArray[] pair = net.get(k);
                String wKey = StateDictLayout.weightKey(i, k), bKey = StateDictLayout.biasKey(i, k);
                if (pair == null || pair[0] == null) {
                    throw new ModelFormatException(source, "missing key '" + wKey + "'");
                }
                if (pair[1] == null) {
                    throw new ModelFormatException(source, "missing key '" + bKey + "'");
                }
                NdArray w = pair[0], b = pair[1];
                for (String key : new String[] {wKey, bKey}) {
                    NdType type = (key == wKey ? w : b).dtype();
                    if (!type.isFloatingPoint()) {
                        throw new ModelFormatException(source, "'" + key + "' has dtype " + name(type) + ", expected float32 or float64");
                    }
                    Precision p = type == NdType.FLOAT64 ? Precision.FLOAT64 : Precision.FLOAT32;
                    if (precision == null) {
                        precision = p;
                        precisionKey = key;
                    } else if (p != precision) {
                        throw new ModelFormatException(source, "mixed precisions: '" + precisionKey + "' is " + name(precision)
                                + " but '" + key + "' is " + name(p));
                    }
                }
                int[] ws = w.intShape();
                if (ws.length != 2) {
                    throw new ModelFormatException(source, "'" + wKey + "' has shape " + Arrays.toString(ws)
                            + ", expected a matrix [out, in]");
                }
                if (ws[1] != sizes[k]) {
                    String why = k == 0
                            ? "the mask 'layers." + i + ".mask' has " + dCond + " conditioning coordinate(s)"
                            : "'" + StateDictLayout.weightKey(i, k - 1) + "' has " + sizes[k] + " outputs";
                    throw new ModelFormatException(source, "inconsistent shapes: '" + wKey + "' has shape " + Arrays.toString(ws)
                            + ", expected [" + ws[0] + ", " + sizes[k] + "] because " + why);
                }
                if (ws[0] < 1) {
                    throw new ModelFormatException(source, "'" + wKey + "' has shape " + Arrays.toString(ws) + ": a Linear needs at least one output");
                }
                if (b.ndim() != 1 || b.intShape()[0] != ws[0]) {
                    throw new ModelFormatException(source, "inconsistent shapes: '" + bKey + "' has shape " + Arrays.toString(b.intShape())
                            + ", expected [" + ws[0] + "] to match '" + wKey + "' " + Arrays.toString(ws));
                }
                sizes[k + 1] = ws[0];
                tensors.add(w);
                tensors.add(b);
            }
            if (linears < 2) {
                throw new ModelFormatException(source, "layer " + i + "'s conditioner is a single Linear; at least one hidden layer is needed");
            }
            int outs = sizes[linears];
            String lastKey = StateDictLayout.weightKey(i, linears - 1);
            CouplingType type = CouplingType.forConditionerOutputs(outs, dTrans);
            if (type == null) {
                throw new ModelFormatException(source, "inconsistent shapes: '" + lastKey + "' has " + outs + " outputs; with "
                        + dTrans + " transformed coordinate(s) expected " + CouplingType.expectedOutputs(dTrans));
            }
            if (coupling == null) {
                coupling = type;
            } else if (type != coupling) {
                throw new ModelFormatException(source, "layer " + i + " is " + type.id() + " but layer 0 is " + coupling.id()
                        + "; mixing coupling types is not supported");
            }
            int[] h = Arrays.copyOfRange(sizes, 1, linears);
            if (hidden == null) {
                hidden = h;
            } else if (!Arrays.equals(h, hidden)) {
                throw new ModelFormatException(source, "hidden widths differ between layers (layer 0: " + Arrays.toString(hidden)
                        + ", layer " + i + ": " + Arrays.toString(h) + "); flows whose layers have different widths are not supported");
            }
            int count = 0;
            for (NdArray a : tensors) {
                count += (int) a.size();
            }
            double[] v = new double[count];
            int off = 0;
            for (NdArray a : tensors) {
                double[] d = a.toDoubles();
                System.arraycopy(d, 0, v, off, d.length);
                off += d.length;
            }
            layerValues.add(v);
        }

        StateDictExtras.Extras extras = StateDictExtras.read(arrays, layerCount, dim, precision, source);
        if (extras.batchNorm()) {
            layerValues.add(extras.normParameters());
        }
        FlowSpec spec = new FlowSpec(dim, maskList, hidden, coupling, extras.scale(), extras.batchNorm());
        RealNVP model = RealNVP.withState(spec, precision, concat(layerValues),
                extras.batchNorm() ? extras.buffers() : new double[0]);
        checkLayout(model, arrays, source);
        return model;
    }

    private static Mask mask(NdArray a, String key, String source) throws ModelFormatException {
        double[] v = a.toDoubles();
        int ones = 0;
        for (int k = 0; k < v.length; k++) {
            if (v[k] != 0.0 && v[k] != 1.0) {
                throw new ModelFormatException(source, "'" + key + "' must hold only 0 and 1, found " + v[k] + " at index " + k);
            }
            ones += v[k] == 1.0 ? 1 : 0;
        }
        if (ones == 0 || ones == v.length) {
            throw new ModelFormatException(source, "'" + key + "' " + Arrays.toString(v)
                    + " needs at least one 1 (conditioning) and one 0 (transformed) entry");
        }
        return Mask.fromValues(v);
    }

    private static double[] concat(List<double[]> parts) {
        int n = 0;
        for (double[] p : parts) {
            n += p.length;
        }
        double[] out = new double[n];
        int off = 0;
        for (double[] p : parts) {
            System.arraycopy(p, 0, out, off, p.length);
            off += p.length;
        }
        return out;
    }

    /** Guards against the model's parameter order ever drifting from the state_dict's. */
    private static void checkLayout(RealNVP model, Map<String, NdArray> arrays, String source) throws ModelFormatException {
        double[] values = model.parameterValues();
        for (StateDictLayout.Tensor t : StateDictLayout.parameters(model)) {
            double[] expected = arrays.get(t.key()).toDoubles();
            for (int k = 0; k < expected.length; k++) {
                if (Double.doubleToLongBits(expected[k]) != Double.doubleToLongBits(values[t.offset() + k])) {
                    throw new IllegalStateException(source + ": internal error: parameter layout mismatch at " + t.key());
                }
            }
        }
    }

    static String name(Precision p) {
        return p == Precision.FLOAT64 ? "float64" : "float32";
    }

    private static String name(NdType t) {
        return t.name().toLowerCase(java.util.Locale.ROOT);
    }
}
