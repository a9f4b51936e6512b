package org.flowexplorer.app.viewmodel;

import java.util.Locale;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyLongWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import org.flowexplorer.app.worker.Command;
import org.flowexplorer.app.worker.ReplayState;

/**
 * The replay timeline under the loss chart: the checkpoints the worker keeps, which one every view
 * shows ({@link ReplayState#LIVE}: the model being trained), and the commands that move it. The
 * timeline's position is an index into {@link #stepsProperty()}; {@link #playingProperty()} is the
 * animation the window runs with {@link #advance()}. FX thread.
 */
public final class ReplayViewModel {
    private final ReadOnlyObjectWrapper<long[]> steps = new ReadOnlyObjectWrapper<>(this, "steps", new long[0]);
    private final ReadOnlyLongWrapper shownStep = new ReadOnlyLongWrapper(this, "shownStep", ReplayState.LIVE);
    private final ReadOnlyIntegerWrapper shownIndex = new ReadOnlyIntegerWrapper(this, "shownIndex", -1);
    private final BooleanProperty playing = new SimpleBooleanProperty(this, "playing");
    private final CommandChannel commands;
    private long bytes;
    private long boundBytes;
    /** The index last asked for, so dragging sends one command per checkpoint crossed. */
    private int requested = -1;

    ReplayViewModel(CommandChannel commands) {
        this.commands = java.util.Objects.requireNonNull(commands, "commands");
    }

    void accept(SnapshotDiff d) {
        if (!d.replayChanged()) {
            return;
        }
        ReplayState r = d.replay();
        steps.set(r.steps());
        shownStep.set(r.shownStep());
        int index = r.showing() ? r.indexAtOrBefore(r.shownStep()) : -1;
        shownIndex.set(index);
        requested = index;
        bytes = r.bytes();
        boundBytes = r.boundBytes();
        if (!r.showing()) {
            playing.set(false);
        }
    }

    /** Every view shows checkpoint {@code index} (0 … steps − 1); training pauses. */
    public void show(int index) {
        long[] s = steps.get();
        if (s.length == 0) {
            return;
        }
        int i = Math.max(0, Math.min(s.length - 1, index));
        if (i != requested) {
            requested = i;
            commands.send(new Command.ShowCheckpoint(s[i]));
        }
    }

    /**
     * Every view shows the last checkpoint at or before {@code step} (the first one if all are
     * later), or follows training again for {@link ReplayState#LIVE}: how compare mode keeps side B
     * on side A's timeline although their checkpoints fall on different steps.
     */
    public void showStep(long step) {
        if (step == ReplayState.LIVE) {
            if (shownStep.get() != ReplayState.LIVE) {
                showLive();
            }
            return;
        }
        show(ReplayState.indexAtOrBefore(steps.get(), step));
    }

    /** The views follow the model being trained again. */
    public void showLive() {
        playing.set(false);
        requested = -1;
        commands.send(new Command.ShowCheckpoint(ReplayState.LIVE));
    }

    /**
     * The next checkpoint, as one frame of the animation (starting from the first when live);
     * at the last one the animation stops. Returns whether it moved.
     */
    public boolean advance() {
        if (requested != shownIndex.get()) {
            return true; // the worker has not shown the last frame yet: wait for it
        }
        int n = steps.get().length;
        int next = requested + 1;
        if (next >= n) {
            playing.set(false);
            return false;
        }
        show(next);
        return true;
    }

    /** Continues training from the checkpoint shown, cutting the loss history there (ask the user first). */
    public void resumeFromShown() {
        if (shownStep.get() != ReplayState.LIVE) {
            playing.set(false);
            commands.send(new Command.ResumeFrom(shownStep.get()));
        }
    }

    /** The replay film's input from the worker (its frames are computed by whoever exports it). */
    public java.util.concurrent.CompletableFuture<org.flowexplorer.app.scene.ReplayFrames> captureFilm(int densityResolution) {
        var result = new java.util.concurrent.CompletableFuture<org.flowexplorer.app.scene.ReplayFrames>();
        commands.send(new Command.CaptureReplay(densityResolution, result));
        return result;
    }

    /** The steps of the kept checkpoints, increasing (shared; never modify). */
    public ReadOnlyObjectProperty<long[]> stepsProperty() {
        return steps.getReadOnlyProperty();
    }

    /** "step 55", or "live" while the views follow training. */
    public String label() {
        return shownStep.get() == ReplayState.LIVE ? "live" : "step " + shownStep.get();
    }

    /** The step every view shows, {@link ReplayState#LIVE} when they follow training. */
    public ReadOnlyLongProperty shownStepProperty() {
        return shownStep.getReadOnlyProperty();
    }

    /** "3.1 MB of at most 36.2 MB", for the timeline's tooltip. */
    public String memoryText() {
        return sizeText() + " of at most " + String.format(Locale.ROOT, "%.1f MB", boundBytes / 1e6);
    }

    /** The shown checkpoint's index in {@link #stepsProperty()}, −1 when live. */
    public ReadOnlyIntegerProperty shownIndexProperty() {
        return shownIndex.getReadOnlyProperty();
    }

    /** "3.1 MB": about what the checkpoints add to a saved session (float32 data compress little). */
    public String sizeText() {
        return String.format(Locale.ROOT, "%.1f MB", bytes / 1e6);
    }

    /** Whether the timeline animates (the window steps it with {@link #advance()}). */
    public BooleanProperty playingProperty() {
        return playing;
    }
}
