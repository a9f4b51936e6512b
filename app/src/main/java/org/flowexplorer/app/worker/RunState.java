package org.flowexplorer.app.worker;

/**
 * The training loop's own state: playing or not, the messages for the status bar, why training
 * last paused by itself, and the speed statistics. Owned by the worker thread.
 */
final class RunState {
    private boolean playing;
    private String notice = "";
    private String error = "";
    private Divergence divergence;
    /** Exploding (finite) values pause once; Play after that goes on until something new happens. */
    private boolean explodingAccepted;
    private double stepsPerSecond;
    private double trainShare = Double.NaN;
    private double viewShare = Double.NaN;
    private long viewNanosWindow;
    private long rateStartNanos;
    private long rateStartStep;
    private long trainNanosWindow;
    private double stepMillis = Double.NaN;

    void play(long now, long steps) {
        if (!playing) {
            playing = true;
            error = "";
            if (divergence != null && divergence.kind() == Divergence.Kind.EXPLODING) {
                explodingAccepted = true;
            }
            divergence = null;
            rateStartNanos = now;
            rateStartStep = steps;
            trainNanosWindow = 0;
            viewNanosWindow = 0;
        }
    }

    void pause() {
        playing = false;
        stepsPerSecond = 0;
    }

    /** A new model or data set: messages and statistics of the old run no longer apply. */
    void newRun(String message) {
        playing = false;
        stepsPerSecond = 0;
        trainShare = Double.NaN;
        viewShare = Double.NaN;
        error = "";
        divergence = null;
        explodingAccepted = false;
        stepMillis = Double.NaN; // the old model's step time says nothing about the new one
        notice = message;
    }

    /**
     * Pauses for {@code d} (unless it reports exploding values the user already chose to train through).
     *
     * @return whether training stopped
     */
    boolean stopFor(Divergence d) {
        if (d == null || (d.kind() == Divergence.Kind.EXPLODING && explodingAccepted)) {
            return false;
        }
        pause();
        divergence = d;
        error = d.message();
        return true;
    }

    void recordStep(long nanos) {
        trainNanosWindow += nanos;
        stepMillis = Double.isNaN(stepMillis) ? nanos / 1e6 : 0.9 * stepMillis + 0.1 * nanos / 1e6;
    }

    /** Time the worker thread spent keeping the view data up to date (handing jobs over, the cheap views). */
    void recordViewWork(long nanos) {
        viewNanosWindow += nanos;
    }

    /** Updates the speed and the training share over windows of at least half a second while playing. */
    void updateRates(long now, long steps) {
        if (!playing) {
            return;
        }
        double dt = (now - rateStartNanos) / 1e9;
        if (dt >= 0.5) {
            stepsPerSecond = (steps - rateStartStep) / dt;
            trainShare = trainNanosWindow / (dt * 1e9);
            viewShare = viewNanosWindow / (dt * 1e9);
            rateStartNanos = now;
            rateStartStep = steps;
            trainNanosWindow = 0;
            viewNanosWindow = 0;
        }
    }

    void setNotice(String s) {
        notice = s;
    }

    void setError(String s) {
        error = s;
    }

    boolean playing() {
        return playing;
    }

    /** The status line of a snapshot: this loop's state with the experiment's step and losses. */
    Snapshot.Status status(Experiment e) {
        return new Snapshot.Status(notice, error, playing, e.currentStep(), e.trainer().epoch(), stepsPerSecond,
                e.trainNll(), e.testNll(), e.stepOffset(), divergence);
    }

    double trainShare() {
        return playing ? trainShare : Double.NaN;
    }

    /** The share of the worker's time spent on view data while playing (NaN when paused). */
    double viewShare() {
        return playing ? viewShare : Double.NaN;
    }

    double stepMillis() {
        return stepMillis;
    }
}
