package org.flowexplorer.model.flow;

import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Gradients of a scalar L = Σ dOutputs ⊙ y + Σ dLogAbsDet ⊙ logdet with respect to the inputs
 * x [N, D] and the parameters θ [P] of a transform, both evaluated at (x, θ).
 */
public record VectorJacobianProduct(INDArray inputGradient, INDArray parameterGradient) {
}
