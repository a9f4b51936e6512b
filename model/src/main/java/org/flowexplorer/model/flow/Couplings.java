package org.flowexplorer.model.flow;

import java.util.SplittableRandom;
import org.flowexplorer.model.Precision;
import org.flowexplorer.model.nn.Numerics;
import org.flowexplorer.model.nn.ParameterStore;

/** Builds coupling layers that own their parameters (for use and testing outside a flow). */
final class Couplings {
    private Couplings() {
    }

    static CouplingLayer standalone(CouplingType type, Mask mask, int[] hidden, Precision precision, long seed) {
        ParameterStore<?> store = new ParameterStore<>(Numerics.of(precision), CouplingLayer.parameterCount(type, mask, hidden));
        CouplingLayer layer = CouplingLayer.create(type, mask, hidden, store, 0);
        initialise(layer, store, new SplittableRandom(seed));
        return layer;
    }

    static <A> void initialise(CouplingLayer layer, ParameterStore<A> store, SplittableRandom rng) {
        layer.initialise(store.numerics(), store.values(), rng);
    }
}
