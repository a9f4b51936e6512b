package org.flowexplorer.model.flow;

import org.flowexplorer.model.Precision;
import org.flowexplorer.model.nn.ParameterStore;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * A transform whose parameters are the slice [offset, offset + parameterCount()) of a (possibly
 * shared) {@link ParameterStore}: a coupling layer or a batch norm inside a flow, or on its own
 * with a store of its own. Reading and replacing them is the same for every such transform.
 */
abstract class ParameterSlice implements DifferentiableTransform {
    final ParameterStore<?> store;
    final int offset;

    ParameterSlice(ParameterStore<?> store, int offset) {
        this.store = store;
        this.offset = offset;
    }

    @Override
    public Precision precision() {
        return store.numerics().precision();
    }

    @Override
    public INDArray parameters() {
        return NdArrays.slice(store, offset, parameterCount());
    }

    @Override
    public void setParameters(INDArray values) {
        if (parameterCount() == 0 && values.length() == 0) {
            return; // a block without parameters (a fixed rotation); ND4J's empty arrays have no data
        }
        NdArrays.assign(store, offset, parameterCount(), values);
    }
}
