package org.flowexplorer.model.flow;

import java.util.List;

/**
 * One point's trip through one coupling layer, computed by the layer's own code in double
 * precision (see {@link CouplingLayer#walk}): the numbers a step-by-step walk-through shows. A
 * fresh value per call; its arrays belong to the caller, who must copy them before sharing them.
 * Vectors of the coupling's own steps run over the transformed coordinates (mask = 0) in the
 * mask's order; {@link #output()} runs over all D coordinates.
 *
 * @param head   what the coupling itself computed, with its formulas
 * @param output the layer's output, [D]
 * @param logDet log|det J| forward, log|det J⁻¹| inverse
 */
public record CouplingWalk(Head head, double[] output, double logDet) {

    /**
     * One named quantity of the walk-through.
     *
     * @param symbol  short name, e.g. {@code s}
     * @param formula how it is computed, e.g. {@code s = 2 · tanh(raw s)}
     * @param values  one value per transformed coordinate
     */
    public record Step(String symbol, String formula, double[] values) {
    }

    /**
     * The coupling's own part of a walk-through.
     *
     * @param steps         conditioner outputs and intermediate terms, in the order they are computed
     * @param map           the per-coordinate map g (forward) or g⁻¹ (inverse) as text, e.g. {@code x · exp(s) + t}
     * @param logDetFormula e.g. {@code log|det J| = Σ s}
     * @param logDetTerms   the summands of the log-det, one per transformed coordinate
     */
    public record Head(List<Step> steps, String map, String logDetFormula, double[] logDetTerms) {
    }
}
