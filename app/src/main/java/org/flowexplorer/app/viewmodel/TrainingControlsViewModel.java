package org.flowexplorer.app.viewmodel;

import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyLongWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import org.flowexplorer.app.worker.Command;

/** Play, pause, step and reset, and the training figures the controls show. */
public final class TrainingControlsViewModel {
    private final CommandChannel commands;
    private final ReadOnlyBooleanWrapper ready = new ReadOnlyBooleanWrapper(this, "ready");
    private final ReadOnlyBooleanWrapper playing = new ReadOnlyBooleanWrapper(this, "playing");
    private final ReadOnlyLongWrapper step = new ReadOnlyLongWrapper(this, "step");
    private final ReadOnlyDoubleWrapper stepsPerSecond = new ReadOnlyDoubleWrapper(this, "stepsPerSecond");
    private final ReadOnlyDoubleWrapper trainNll = new ReadOnlyDoubleWrapper(this, "trainNll", Double.NaN);
    private final ReadOnlyDoubleWrapper testNll = new ReadOnlyDoubleWrapper(this, "testNll", Double.NaN);
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper(this, "error", "");
    /** The command count after our last play/pause: snapshots from before the worker handled it are stale. */
    private long playCommandAt = -1;

    public TrainingControlsViewModel(CommandChannel commands) {
        this.commands = commands;
    }

    void accept(SnapshotDiff d) {
        SnapshotDiff.Training t = d.training();
        ready.set(t.ready());
        // the worker may not have seen our last play/pause yet: keep the requested state until it has
        if (t.commandsHandled() >= playCommandAt) {
            playing.set(t.playing());
        }
        step.set(t.step());
        stepsPerSecond.set(t.stepsPerSecond());
        trainNll.set(t.trainNll());
        testNll.set(t.testNll());
        error.set(t.error());
    }

    /** Whether the model exists, so that play and step make sense. */
    public ReadOnlyBooleanProperty readyProperty() {
        return ready.getReadOnlyProperty();
    }

    public void play() {
        if (ready.get()) {
            commands.send(new Command.Play());
            requested(true);
        }
    }

    public void pause() {
        commands.send(new Command.Pause());
        requested(false);
    }

    /** Whether training runs, as requested or as the worker last said once it has seen the request. */
    public ReadOnlyBooleanProperty playingProperty() {
        return playing.getReadOnlyProperty();
    }

    public void togglePlay() {
        if (playing.get()) {
            pause();
        } else {
            play();
        }
    }

    /** Optimisation steps taken in this run. */
    public ReadOnlyLongProperty stepProperty() {
        return step.getReadOnlyProperty();
    }

    public void stepOnce() {
        if (ready.get()) {
            commands.send(new Command.Step(1));
            requested(false);
        }
    }

    public ReadOnlyDoubleProperty stepsPerSecondProperty() {
        return stepsPerSecond.getReadOnlyProperty();
    }

    public void reset() {
        commands.send(new Command.Reset());
        requested(false);
    }

    /** Exponentially smoothed minibatch NLL (nats), NaN before the first step. */
    public ReadOnlyDoubleProperty trainNllProperty() {
        return trainNll.getReadOnlyProperty();
    }

    /** After a command that makes the worker pause (new data, a new model, a file opened): show it paused now. */
    void pauseLocally() {
        requested(false);
    }

    /** Last held-out NLL (nats), NaN before the first evaluation. */
    public ReadOnlyDoubleProperty testNllProperty() {
        return testNll.getReadOnlyProperty();
    }

    private void requested(boolean play) {
        playCommandAt = commands.sent();
        playing.set(play);
    }

    /** The worker's last error (bad command, diverged training), empty if none. */
    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }
}
