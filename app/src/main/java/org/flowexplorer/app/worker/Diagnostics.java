package org.flowexplorer.app.worker;

import org.flowexplorer.model.eval.LayerHealth;
import org.flowexplorer.model.teach.ConditionerCurves;
import org.flowexplorer.model.train.ClippingReport;

/**
 * The data of the "Conditioners &amp; health" tab, computed by {@link DiagnosticsData} with the
 * trace (so on its budget) and whenever the stepper's coupling or the query point changes.
 *
 * @param modelVersion the model's version the numbers describe
 * @param conditioner  the stepper's coupling's s and t curves over its conditioning coordinate
 * @param layers       per-layer max |s|, saturation and log-det extremes, and the round-trip error, on a probe batch;
 *                     null until a trace of the current model exists
 * @param clipping     the trainer's gradient norm before clipping and the recent share of clipped steps
 * @param millis       how long computing all of this took
 */
public record Diagnostics(long modelVersion, ConditionerCurves conditioner, LayerHealth layers, ClippingReport clipping,
        double millis) {
}
