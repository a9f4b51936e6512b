package org.flowexplorer.model.train;

/**
 * What one {@link Trainer#guardedStep()} did, for deciding whether to keep it.
 *
 * @param step         the trainer's step count after the step (1 after the first)
 * @param loss         the minibatch's mean NLL before the update
 * @param gradientNorm the total gradient norm before clipping
 * @param parametersFinite whether every parameter is a finite number after the update
 */
public record StepReport(long step, double loss, double gradientNorm, boolean parametersFinite) {

    public boolean lossFinite() {
        return Double.isFinite(loss);
    }

    public boolean gradientFinite() {
        return Double.isFinite(gradientNorm);
    }

    /** Loss, gradient and parameters all finite: the step can be kept. */
    public boolean finite() {
        return lossFinite() && gradientFinite() && parametersFinite;
    }

    /** "loss", "gradient" or "parameters": the first quantity that is not finite, or null when all are. */
    public String firstNonFinite() {
        return !lossFinite() ? "loss" : !gradientFinite() ? "gradient" : !parametersFinite ? "parameters" : null;
    }
}
