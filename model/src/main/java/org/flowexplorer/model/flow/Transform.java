package org.flowexplorer.model.flow;

import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * An invertible map of R^D with a tractable Jacobian determinant (the nflows contract):
 * both directions return the outputs together with the per-sample log|det J| of the map that
 * was applied, so outputs and log-determinants can never disagree.
 *
 * <p>Inputs are [N, D] matrices (one row per point). Implementations are not thread-safe: a
 * model belongs to the thread that trains or evaluates it.
 */
public interface Transform {

    /** Number of features D. */
    int dim();

    /** y = f(x) and log|det ∂f/∂x| for every row of x. */
    TransformResult forward(INDArray x);

    /** x = f⁻¹(y) and log|det ∂f⁻¹/∂y| (= −log|det ∂f/∂x| at x) for every row of y. */
    TransformResult inverse(INDArray y);
}
