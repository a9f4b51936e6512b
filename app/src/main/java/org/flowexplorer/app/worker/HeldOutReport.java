package org.flowexplorer.app.worker;

import java.util.OptionalDouble;

/**
 * What the loss chart shows about the test NLL beyond its mean: the robust summary of every test
 * evaluation of the run, and the floor any model's expected NLL on the data has.
 *
 * @param evaluations   median, outlier count and worst log p of each test evaluation (same steps as the test NLL)
 * @param floor         H(p), the floor of the expected NLL: the toy set's at its noise (Monte Carlo, exact
 *                      density) or an opened image's (exact); empty for data of unknown density or a density
 *                      that does not exist (noise 0 on a curve)
 * @param noFloorReason why there is no entropy, e.g. "no floor: the density of your own data is unknown"; empty
 *                      when there is one
 * @param testPoints    held-out points each evaluation averages over
 * @param freshSamples  whether those are ≥ 10 000 fresh samples of the toy set or image (so the KL gap is not noise)
 */
public record HeldOutReport(HeldOutHistory.View evaluations, OptionalDouble floor, String noFloorReason,
        int testPoints, boolean freshSamples) {
    public static final HeldOutReport NONE = new HeldOutReport(HeldOutHistory.View.EMPTY, OptionalDouble.empty(), "", 0,
            false);
}
