package org.flowexplorer.model;

/**
 * Floating-point precision of a model's parameters and computations.
 * FLOAT32 is the default (as in the seed's PyTorch code); FLOAT64 exists for gradient checks.
 */
public enum Precision {
    FLOAT32, FLOAT64
}
