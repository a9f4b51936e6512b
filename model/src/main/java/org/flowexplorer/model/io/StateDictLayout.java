package org.flowexplorer.model.io;

import java.util.ArrayList;
import java.util.List;
import org.flowexplorer.model.flow.CouplingLayer;
import org.flowexplorer.model.flow.RealNVP;
import org.flowexplorer.model.nn.ConditionerLayout;

/**
 * Where each tensor of the seed's {@code RealNVP.state_dict()} lives in a {@link RealNVP}'s flat
 * parameter vector: layer i's Linear k is {@code layers.i.net.(2k)} (the Sequential interleaves
 * ReLUs), its weight [out, in] row-major followed by its bias [out]. The offsets come from the
 * model itself, so the file formats cannot drift from the parameter order the model uses.
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

    /** The weight and bias tensors of every layer, in {@code model.parameters()} order. */
    static List<Tensor> parameters(RealNVP model) {
        List<Tensor> out = new ArrayList<>();
        List<CouplingLayer> layers = model.layers();
        for (int i = 0; i < layers.size(); i++) {
            CouplingLayer layer = layers.get(i);
            ConditionerLayout net = layer.conditioner();
            for (int k = 0; k < net.linearCount(); k++) {
                out.add(new Tensor(weightKey(i, k), new int[] {net.out(k), net.in(k)}, layer.parameterOffset() + net.weightOffset(k)));
                out.add(new Tensor(biasKey(i, k), new int[] {net.out(k)}, layer.parameterOffset() + net.biasOffset(k)));
            }
        }
        return out;
    }
}
