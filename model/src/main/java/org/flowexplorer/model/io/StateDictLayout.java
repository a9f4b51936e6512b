package org.flowexplorer.model.io;

import java.util.ArrayList;
import java.util.List;
import org.flowexplorer.model.flow.BaseDistribution;
import org.flowexplorer.model.flow.CouplingLayer;
import org.flowexplorer.model.flow.FlowBlock;
import org.flowexplorer.model.flow.FlowSpec;
import org.flowexplorer.model.flow.Mask;
import org.flowexplorer.model.flow.Mixer;
import org.flowexplorer.model.flow.Norm;
import org.flowexplorer.model.flow.RealNVP;
import org.flowexplorer.model.nn.ConditionerLayout;

/**
 * Where each tensor of the seed's {@code RealNVP.state_dict()} lives in a {@link RealNVP}'s flat
 * parameter vector: layer i's Linear k is {@code layers.i.net.(2k)} (the Sequential interleaves
 * ReLUs), its weight [out, in] row-major followed by its bias [out]; with batch normalisation,
 * norm i's {@code norms.i.log_gamma} and {@code norms.i.beta} [D] follow all couplings, and its
 * buffers {@code norms.i.running_mean} and {@code norms.i.running_var} [D] live in
 * {@link RealNVP#bufferValues()}; a mixture base's {@code base.*} come last (native zip only). The offsets come from the model itself, so the file formats
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
        addBase(out, spec.base(), spec.dim(), addBlocks(out, spec, true, offset));
        return out;
    }

    /** The blocks' buffers of a model of {@code spec}, offsets into {@link RealNVP#bufferValues()}; empty without blocks. */
    static List<Tensor> buffers(FlowSpec spec) {
        List<Tensor> out = new ArrayList<>();
        addBlocks(out, spec, false, 0);
        return out;
    }

    /** Per coupling i: its norm's tensors, then its mixer's (parameters or buffers), from {@code offset} on; returns the end. */
    private static int addBlocks(List<Tensor> out, FlowSpec spec, boolean parameters, int offset) {
        int at = offset;
        for (int i = 0; i < spec.layers(); i++) {
            for (List<BlockTensor> block : blockTensors(spec.norm(), spec.mixer(), i, spec.dim())) {
                at = place(out, block, parameters, at);
            }
        }
        return at;
    }

    /** A mixture base's tensors from {@code at}: base.logits [K], base.means [K, D], base.log_scales [K, D]; none for N(0, I). */
    private static void addBase(List<Tensor> out, BaseDistribution base, int d, int at) {
        int k = base.components();
        if (k > 0) {
            out.add(new Tensor("base.logits", new int[] {k}, at));
            out.add(new Tensor("base.means", new int[] {k, d}, at + k));
            out.add(new Tensor("base.log_scales", new int[] {k, d}, at + k + k * d));
        }
    }

    /** The block's parameter (or buffer) tensors one after the other from {@code at}; returns where the next starts. */
    private static int place(List<Tensor> out, List<BlockTensor> block, boolean parameters, int at) {
        for (BlockTensor t : block) {
            if (t.parameter() == parameters) {
                Tensor placed = new Tensor(t.key(), t.shape(), at);
                out.add(placed);
                at += placed.size();
            }
        }
        return at;
    }

    /** One tensor of a block: its key, shape and whether it is a parameter (else a buffer). */
    private record BlockTensor(String key, int[] shape, boolean parameter) {
    }

    /**
     * The tensors of coupling i's blocks, one list per block in the flow's order (norm, then
     * mixer): {@code norms.i.*} (batch norm, as the seed's PyTorch module names them),
     * {@code actnorms.i.*}, {@code mixers.i.*} (LU linear), {@code rotations.i.matrix}.
     */
    private static List<List<BlockTensor>> blockTensors(Norm norm, Mixer mixer, int i, int d) {
        List<List<BlockTensor>> blocks = new ArrayList<>();
        int[] vec = {d};
        if (norm == Norm.BATCH) {
            List<BlockTensor> t = new ArrayList<>();
            for (String n : NORM_PARAMETERS) {
                t.add(new BlockTensor(normKey(i, n), vec, true));
            }
            for (String n : NORM_BUFFERS) {
                t.add(new BlockTensor(normKey(i, n), vec, false));
            }
            blocks.add(t);
        } else if (norm == Norm.ACT) {
            blocks.add(List.of(new BlockTensor("actnorms." + i + ".log_scale", vec, true),
                    new BlockTensor("actnorms." + i + ".bias", vec, true),
                    new BlockTensor("actnorms." + i + ".initialised", new int[] {1}, false)));
        }
        int[] offDiagonal = {d * (d - 1) / 2};
        if (mixer == Mixer.LU) {
            blocks.add(List.of(new BlockTensor("mixers." + i + ".log_abs_diagonal", vec, true),
                    new BlockTensor("mixers." + i + ".lower", offDiagonal, true),
                    new BlockTensor("mixers." + i + ".upper", offDiagonal, true),
                    new BlockTensor("mixers." + i + ".permutation", vec, false),
                    new BlockTensor("mixers." + i + ".sign", vec, false)));
        } else if (mixer == Mixer.ROTATION) {
            blocks.add(List.of(new BlockTensor("rotations." + i + ".matrix", new int[] {d, d}, false)));
        }
        return blocks;
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
        addBlocks(out, model, true);
        model.mixtureBase().ifPresent(m -> addBase(out, model.spec().base(), model.dim(), m.offset()));
        return out;
    }

    /** The blocks' tensors placed at the model's own offsets: each block's parameters (or buffers) are contiguous. */
    private static void addBlocks(List<Tensor> out, RealNVP model, boolean parameters) {
        FlowSpec spec = model.spec();
        for (int i = 0; i < model.layers().size(); i++) {
            List<FlowBlock> after = model.blocks().get(i);
            List<List<BlockTensor>> tensors = blockTensors(spec.norm(), spec.mixer(), i, spec.dim());
            for (int b = 0; b < tensors.size(); b++) {
                FlowBlock block = after.get(b);
                place(out, tensors.get(b), parameters, parameters ? block.parameterOffset() : block.bufferOffset());
            }
        }
    }

    /** The blocks' buffers (running statistics, …), offsets into {@link RealNVP#bufferValues()}. */
    static List<Tensor> buffers(RealNVP model) {
        List<Tensor> out = new ArrayList<>();
        addBlocks(out, model, false);
        return out;
    }
}
