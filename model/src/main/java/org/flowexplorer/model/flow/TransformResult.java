package org.flowexplorer.model.flow;

import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Outputs [N, D] of a transform and the log-absolute-determinant of its Jacobian, one value per row [N].
 */
public record TransformResult(INDArray outputs, INDArray logAbsDet) {
}
