package org.flowexplorer.model.io;

import java.util.ArrayList;
import java.util.List;
import org.flowexplorer.model.flow.BatchNorm;
import org.flowexplorer.model.flow.CouplingLayer;
import org.flowexplorer.model.flow.FlowSpec;
import org.flowexplorer.model.flow.Mask;
import org.flowexplorer.model.flow.RealNVP;
import org.flowexplorer.model.nn.ConditionerLayout;

/**
 * Where each tensor of the seed's {@code RealNVP.state_dict()} lives in a {@link RealNVP}'s flat
 * parameter vector: layer i's Linear k is {@code layers.i.net.(2k)} (the Sequential interleaves
 * ReLUs), its weight [out, in] row-major followed by its bias [out]; with batch normalisation,
 * norm i's {@code norms.i.log_gamma} and {@code norms.i.beta} [D] follow all couplings, and its
 * buffers {@code norms.i.running_mean} and {@code norms.i.running_var} [D] live in
 * {@link RealNVP#bufferValues()}. The offsets come from the model itself, so the file formats
 * cannot drift from the parameter order the model uses.
 */
final class StateDictLayout {
    /** One parameter tensor: its state_dict key, shape and first index in {@link RealNVP#parameterValues()}. */
    record Tensor(String key, int[] shape, int offset) {
        int size() {
            int n = 1;
            for (int d : shape) {
                n *= d;
            }
            return n;
        }
    }

    private StateDictLayout() {
    }

    static String maskKey(int layer) {
        return "layers." + layer + ".mask";
    }

    static String weightKey(int layer, int linear) {
        return "layers." + layer + ".net." + (2 * linear) + ".weight";
    }

    static String biasKey(int layer, int linear) {
        return "layers." + layer + ".net." + (2 * linear) + ".bias";
    }

    /** Norm i's parameter names, in the order of {@code model.parameters()}. */
    static final List<String> NORM_PARAMETERS = List.of("log_gamma", "beta");
    /** Norm i's buffer names, in the order of {@code state_dict()}. */
    static final List<String> NORM_BUFFERS = List.of("running_mean", "running_var");

    static String normKey(int norm, String name) {
        return "norms." + norm + "." + name;
    }

    /**
     * The tensors a model of {@code spec} will have, computed from the spec alone, so that a file
     * can be checked against them before the model is allocated; {@link #requireSame} then
     * confirms them against the built model.
     */
    static List<Tensor> parameters(FlowSpec spec) {
        List<Tensor> out = new ArrayList<>();
        int offset = 0;
        List<Mask> masks = spec.masks();
        for (int i = 0; i < masks.size(); i++) {
            Mask m = masks.get(i);
            int conditioning = m.conditioningIndices().length;
            int[] sizes = new int[spec.hidden().length + 2];
            sizes[0] = conditioning;
            System.arraycopy(spec.hidden(), 0, sizes, 1, spec.hidden().length);
            sizes[sizes.length - 1] = spec.coupling().outputsPerTransformed(spec.spline()) * (m.dim() - conditioning);
            ConditionerLayout net = new ConditionerLayout(sizes);
            add(out, i, net, offset);
            offset += net.parameterCount();
        }
        addNorms(out, spec, NORM_PARAMETERS, offset);
        return out;
    }

    /** The running statistics of a model of {@code spec}, offsets into {@link RealNVP#bufferValues()}; empty without norms. */
    static List<Tensor> buffers(FlowSpec spec) {
        List<Tensor> out = new ArrayList<>();
        addNorms(out, spec, NORM_BUFFERS, 0);
        return out;
    }

    private static void addNorms(List<Tensor> out, FlowSpec spec, List<String> names, int offset) {
        if (!spec.batchNorm()) {
            return;
        }
        int d = spec.dim();
        for (int i = 0; i < spec.layers(); i++) {
            for (int k = 0; k < names.size(); k++) {
                out.add(new Tensor(normKey(i, names.get(k)), new int[] {d}, offset + (2 * i + k) * d));
            }
        }
    }

    /** Guards against the spec-computed layout ever drifting from the model's own. */
    static void requireSame(List<Tensor> expected, RealNVP model) {
        List<Tensor> actual = parameters(model);
        actual.addAll(buffers(model));
        boolean same = expected.size() == actual.size();
        for (int i = 0; same && i < expected.size(); i++) {
            Tensor a = expected.get(i), b = actual.get(i);
            same = a.key().equals(b.key()) && a.offset() == b.offset() && java.util.Arrays.equals(a.shape(), b.shape());
        }
        if (!same) {
            throw new IllegalStateException("internal error: the state_dict layout of " + model.spec() + " differs from the model's");
        }
    }

    private static void add(List<Tensor> out, int layer, ConditionerLayout net, int layerOffset) {
        for (int k = 0; k < net.linearCount(); k++) {
            out.add(new Tensor(weightKey(layer, k), new int[] {net.out(k), net.in(k)}, layerOffset + net.weightOffset(k)));
            out.add(new Tensor(biasKey(layer, k), new int[] {net.out(k)}, layerOffset + net.biasOffset(k)));
        }
    }

    /** The weight and bias tensors of every layer, then the norms' parameters, in {@code model.parameters()} order. */
    static List<Tensor> parameters(RealNVP model) {
        List<Tensor> out = new ArrayList<>();
        List<CouplingLayer> layers = model.layers();
        for (int i = 0; i < layers.size(); i++) {
            add(out, i, layers.get(i).conditioner(), layers.get(i).parameterOffset());
        }
        List<BatchNorm> norms = model.norms();
        for (int i = 0; i < norms.size(); i++) {
            for (int k = 0; k < NORM_PARAMETERS.size(); k++) {
                out.add(new Tensor(normKey(i, NORM_PARAMETERS.get(k)), new int[] {model.dim()}, norms.get(i).parameterOffset() + k * model.dim()));
            }
        }
        return out;
    }

    /** The norms' running statistics, offsets into {@link RealNVP#bufferValues()}. */
    static List<Tensor> buffers(RealNVP model) {
        List<Tensor> out = new ArrayList<>();
        List<BatchNorm> norms = model.norms();
        for (int i = 0; i < norms.size(); i++) {
            for (int k = 0; k < NORM_BUFFERS.size(); k++) {
                out.add(new Tensor(normKey(i, NORM_BUFFERS.get(k)), new int[] {model.dim()}, norms.get(i).bufferOffset() + k * model.dim()));
            }
        }
        return out;
    }
}
