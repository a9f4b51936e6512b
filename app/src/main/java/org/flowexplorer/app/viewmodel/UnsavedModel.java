package org.flowexplorer.app.viewmodel;

import org.flowexplorer.app.worker.Snapshot;

/**
 * Whether opening a session, model, lesson or data set must ask first: it would replace a model
 * that has trained steps no file holds. A model is in a file once the user saved it (session or
 * model export) or opened it, until it trains on; a new run (reset, new data) at step 0 has
 * nothing to lose. Fed every snapshot by the {@link ExplorerViewModel}. FX thread.
 */
public final class UnsavedModel {
    private static final int NONE = Integer.MIN_VALUE;

    private int run = NONE;
    private long step;
    /** The run and step a file holds; NONE when no file holds this model. */
    private int savedRun = NONE;
    private long savedStep = -1;
    /** While a session or model is being opened: the run it replaces (the next run is the file's). */
    private int openingOver = NONE;

    void accept(Snapshot s) {
        if (s == null || s.phase() != Snapshot.Phase.READY) {
            return;
        }
        if (openingOver != NONE && s.runId() != openingOver) {
            savedRun = s.runId(); // the first run after the swap is the opened file's model
            savedStep = s.status().step();
            openingOver = NONE;
        }
        run = s.runId();
        step = s.status().step();
    }

    /**
     * The model as it is now went into a file. Called on the FX thread when the save was asked
     * for, so a model that trained on while it was captured counts as unsaved (it asks once too often, never too rarely).
     */
    void savedAt(long atStep) {
        savedRun = run;
        savedStep = atStep;
    }

    /** A session or model file is about to replace the model (its own steps are then in that file). */
    void opening() {
        openingOver = run;
    }

    /** The open failed: the model stays what it was. */
    void openFailed() {
        openingOver = NONE;
    }

    /** The model's trained steps now. */
    public long steps() {
        return step;
    }

    /** Whether replacing the model would lose trained steps that are in no file. */
    public boolean mustAsk() {
        return step > 0 && !(run == savedRun && step == savedStep);
    }
}
