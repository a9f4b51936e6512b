package org.flowexplorer.model.flow;

import org.flowexplorer.model.Precision;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * A transform with trainable parameters held in one flat vector (PyTorch's
 * {@code parameters()} order) and hand-written backpropagation.
 */
public interface DifferentiableTransform extends Transform {

    Precision precision();

    int parameterCount();

    /** A copy of the parameters as a vector [P]. */
    INDArray parameters();

    /** Replaces all parameters from a vector of length P (cast to this transform's precision). */
    void setParameters(INDArray values);

    /**
     * Reverse-mode derivative of L = Σ dOutputs ⊙ forward(x).outputs + Σ dLogAbsDet ⊙ forward(x).logAbsDet.
     *
     * @param x          inputs [N, D]
     * @param dOutputs   dL/dy [N, D]
     * @param dLogAbsDet dL/d(log|det|) [N]
     */
    VectorJacobianProduct vjp(INDArray x, INDArray dOutputs, INDArray dLogAbsDet);
}
