package org.flowexplorer.app.worker;

import java.util.function.IntConsumer;
import java.util.function.LongSupplier;

/**
 * What each {@link Command} does to the worker's parts, one method per command (the compiler
 * checks that every command has one). Runs on the worker thread, between training steps.
 */
final class CommandHandler implements Command.Handler {
    private final Experiment experiment;
    private final RunState run;
    private final ViewDataScheduler views;
    private final LongSupplier clock;
    private final IntConsumer trainSteps;
    private boolean changesView;

    /** @param trainSteps runs that many training steps now, with the loop's bookkeeping */
    CommandHandler(Experiment experiment, RunState run, ViewDataScheduler views, LongSupplier clock,
            IntConsumer trainSteps) {
        this.experiment = experiment;
        this.run = run;
        this.views = views;
        this.clock = clock;
        this.trainSteps = trainSteps;
    }

    /**
     * Handles {@code c} (the model must exist); returns whether what the snapshot shows may have changed.
     *
     * @throws RuntimeException with a user-facing message when the command cannot be carried out
     */
    boolean handle(Command c) {
        changesView = true;
        c.sendTo(this);
        return changesView;
    }

    /** A new model (and maybe new data) was installed: a new run starts, announced with {@code notice}. */
    private void newRun(String notice) {
        run.newRun(notice);
        views.onNewRun(experiment.architecture().layers());
    }

    @Override
    public void play(Command.Play c) {
        run.play(clock.getAsLong(), experiment.trainer().steps());
    }

    @Override
    public void pause(Command.Pause c) {
        run.pause();
    }

    @Override
    public void step(Command.Step c) {
        run.pause();
        trainSteps.accept(c.count());
    }

    @Override
    public void reset(Command.Reset c) {
        experiment.rebuildModel();
        newRun("Model re-initialised: training restarts at step 0.");
    }

    @Override
    public void setLearningRate(Command.SetLearningRate c) {
        experiment.setLearningRate(c.learningRate());
        run.setNotice("Learning rate " + c.learningRate() + " from the next step (no reset).");
    }

    @Override
    public void setBatchSize(Command.SetBatchSize c) {
        experiment.setBatchSize(c.batchSize());
        run.setNotice("Batch size " + c.batchSize() + " from the next step (no reset).");
    }

    @Override
    public void changeDataset(Command.ChangeDataset c) {
        DatasetSettings d = c.settings();
        experiment.setDataset(d);
        experiment.rebuildData();
        experiment.rebuildModel();
        newRun("Data set changed to " + describe(d) + " (" + d.n() + " points): model re-initialised.");
    }

    /** The toy set's name, or the energy fitted by reverse KL. */
    private static String describe(DatasetSettings d) {
        return d.energy() == null ? d.set().id() : "energy " + d.energy() + " by reverse KL";
    }

    @Override
    public void changeArchitecture(Command.ChangeArchitecture c) {
        experiment.setArchitecture(c.settings());
        experiment.rebuildModel();
        newRun("Architecture changed to " + c.settings() + ": model re-initialised, training restarts at step 0.");
    }

    @Override
    public void setCustomData(Command.SetCustomData c) {
        float[] pts = Experiment.checkedCustomPoints(c.points());
        experiment.useCustomData(pts, c.origin(), c.density());
        experiment.rebuildModel();
        newRun("Switched to your own data (" + (c.origin() == null ? "drawn" : c.origin()) + ", " + pts.length / 2
                + " points): model re-initialised at step 0.");
    }

    @Override
    public void configure(Command.Configure c) {
        experiment.setDataset(c.dataset());
        experiment.setArchitecture(c.architecture());
        experiment.setLearningRate(c.learningRate());
        experiment.setBatchSize(c.batchSize());
        experiment.rebuildData();
        experiment.rebuildModel();
        newRun(c.label() + ": " + describe(c.dataset()) + " (" + c.dataset().n() + " points), " + c.architecture()
                + ", learning rate " + c.learningRate() + ", batch " + c.batchSize() + "; model re-initialised.");
    }

    @Override
    public void loadSession(Command.LoadSession c) {
        run.pause();
        String notice = SessionOps.load(experiment, c);
        newRun(notice);
    }

    @Override
    public void loadModel(Command.LoadModel c) {
        run.pause();
        String notice = SessionOps.load(experiment, c);
        newRun(notice);
    }

    @Override
    public void capture(Command.Capture c) {
        changesView = false;
        try {
            c.result().complete(SessionOps.capture(experiment, c.view()));
        } catch (RuntimeException e) {
            c.result().completeExceptionally(e);
        }
    }

    @Override
    public void sample(Command.Sample c) {
        views.setSamples(experiment.model(), c.n(), c.seed());
    }

    @Override
    public void query(Command.Query c) {
        views.setQuery(c);
    }

    @Override
    public void clearQuery(Command.ClearQuery c) {
        views.setQuery(null);
    }

    @Override
    public void setDisplayedLayer(Command.SetDisplayedLayer c) {
        views.setDisplayedLayer(c.layer(), experiment.architecture().layers());
    }

    @Override
    public void setDensity(Command.SetDensity c) {
        views.setDensityEnabled(c.enabled());
    }

    @Override
    public void setInspection(Command.SetInspection c) {
        views.setInspection(c.layer(), c.direction());
    }

    @Override
    public void showLayerAnatomy(Command.ShowLayerAnatomy c) {
        views.setLayerAnatomyVisible(c.visible());
    }

    @Override
    public void showDiagnostics(Command.ShowDiagnostics c) {
        views.setDiagnosticsVisible(c.visible());
    }

    @Override
    public void setFreshTestSamples(Command.SetFreshTestSamples c) {
        experiment.setFreshTestSamples(c.enabled());
    }

    // ---- replay (Replay) ----

    @Override
    public void showCheckpoint(Command.ShowCheckpoint c) {
        if (c.step() == ReplayState.LIVE) {
            experiment.showLive();
            return;
        }
        run.pause();
        long shown = experiment.showCheckpoint(c.step());
        run.setNotice("Showing the model at step " + shown + " (training paused; Play continues from step "
                + experiment.currentStep() + ").");
    }

    /** A new run from the checkpoint (the worker pauses first; {@code newRun} leaves it paused). */
    @Override
    public void resumeFrom(Command.ResumeFrom c) {
        newRun("Resumed from the checkpoint at step " + experiment.resumeFrom(c.step())
                + ": the loss history after it was discarded.");
    }

    @Override
    public void captureCheckpoints(Command.CaptureCheckpoints c) {
        changesView = false;
        c.result().complete(experiment.replay().checkpoints());
    }

    @Override
    public void captureReplay(Command.CaptureReplay c) {
        changesView = false;
        Experiment.Points p = experiment.points();
        c.result().complete(new org.flowexplorer.app.scene.ReplayFrames(experiment.replay().checkpoints(),
                experiment.liveModel().spec(), p.display(), p.bounds(), c.densityResolution(),
                experiment.history().snapshot()));
    }

    @Override
    public void restoreCheckpoints(Command.RestoreCheckpoints c) {
        experiment.replay().restore(c.checkpoints(), experiment.liveModel());
    }
}
