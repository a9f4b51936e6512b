package org.flowexplorer.app.worker;

import java.util.OptionalDouble;
import org.flowexplorer.model.data.EntropyEstimate;

/**
 * What the loss chart shows about the test NLL beyond its mean: the robust summary of every test
 * evaluation of the run, and the floor any model's expected NLL on the data has.
 *
 * @param evaluations   median, outlier count and worst log p of each test evaluation (same steps as the test NLL)
 * @param entropy       H(p) of the toy set at its noise (Monte Carlo, exact density); null for custom data or
 *                      a density that does not exist (noise 0 on a curve)
 * @param noFloorReason why there is no entropy, e.g. "no floor: the density of your own data is unknown"; empty
 *                      when there is one
 * @param testPoints    held-out points each evaluation averages over
 * @param freshSamples  whether those are ≥ 10 000 fresh samples of the toy set (so the KL gap is not noise)
 */
public record HeldOutReport(HeldOutHistory.View evaluations, EntropyEstimate entropy, String noFloorReason,
        int testPoints, boolean freshSamples) {
    public static final HeldOutReport NONE = new HeldOutReport(HeldOutHistory.View.EMPTY, null, "", 0, false);

    /** H(p) when known. */
    public OptionalDouble floor() {
        return entropy == null ? OptionalDouble.empty() : OptionalDouble.of(entropy.entropyNats());
    }
}
