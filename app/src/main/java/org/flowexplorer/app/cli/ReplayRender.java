package org.flowexplorer.app.cli;

import java.nio.file.Path;
import java.util.List;
import org.flowexplorer.app.export.AnimationExport;
import org.flowexplorer.app.export.ReplayAnimation;
import org.flowexplorer.app.scene.Bounds;
import org.flowexplorer.app.scene.ReplayFrames;
import org.flowexplorer.model.flow.RealNVP;
import org.flowexplorer.model.io.CheckpointFile;
import org.flowexplorer.model.io.LoadedModel;
import org.flowexplorer.model.io.ModelFormatException;
import org.flowexplorer.model.train.Checkpoint;
import org.flowexplorer.model.train.CheckpointSchedule;
import org.flowexplorer.model.train.CheckpointStore;
import org.flowexplorer.model.train.LossSnapshot;

/**
 * The replay parts of the CLI: {@code train --checkpoints N} (N checkpoints on the
 * {@link CheckpointSchedule}, thinned evenly on a log-step axis, saved in the model zip),
 * {@code render --step S} (any view at the last checkpoint at or before S) and
 * {@code render --view replay --out F.gif} (the replay film, {@link ReplayAnimation}).
 */
final class ReplayRender {
    static final String VIEW = "replay";
    /** The most checkpoints {@code train --checkpoints} keeps (each holds the model's parameters). */
    static final int MAX_TRAIN_CHECKPOINTS = 1024;
    private static final int FILM_DENSITY_GRID = 96;

    private ReplayRender() {
    }

    // ---------------------------------------------------------------- train --checkpoints N

    /** A usage error unless N is 2 … {@value #MAX_TRAIN_CHECKPOINTS} and the model goes to a .zip. */
    static void validateTrain(CliCommand cmd, Integer checkpoints, Path out) {
        if (checkpoints == null) {
            return;
        }
        if (checkpoints < 2 || checkpoints > MAX_TRAIN_CHECKPOINTS) {
            throw cmd.usage("--checkpoints must be between 2 and " + MAX_TRAIN_CHECKPOINTS + ", got " + checkpoints);
        }
        if (out == null || !Models.keepsMetadata(out)) {
            throw cmd.usage("--checkpoints needs --out M.zip (only the native .zip keeps checkpoints)");
        }
    }

    /** The store of {@code train --checkpoints N}, holding the initial model; null without the option. */
    static CheckpointStore trainStore(Integer checkpoints, RealNVP model) {
        if (checkpoints == null) {
            return null;
        }
        CheckpointStore store = new CheckpointStore(CheckpointSchedule.DEFAULT, checkpoints, Long.MAX_VALUE);
        store.offer(0, model);
        return store;
    }

    /** The checkpoints to save: the store's, ending with the trained model itself (thinning one if need be). */
    static List<Checkpoint> finished(CheckpointStore store, long steps, RealNVP model) {
        long[] kept = store.steps();
        if (kept[kept.length - 1] < steps) {
            store.add(Checkpoint.of(steps, model));
        }
        return store.checkpoints();
    }

    // ---------------------------------------------------------------- render --step S, --view replay

    /** Usage errors of {@code --step} and {@code --view replay}, before anything is read. */
    static void validateRender(CliCommand cmd, Long step, String view, String format) {
        if (step != null && step < 0) {
            throw cmd.usage("--step must be >= 0, got " + step);
        }
        if (view.equals(VIEW) && !format.equals("gif")) {
            throw cmd.usage("--view replay writes an animated GIF: --out must end in .gif");
        }
        if (view.equals(VIEW) && step != null) {
            throw cmd.usage("--step picks one checkpoint; --view replay shows them all");
        }
    }

    /** The checkpoints of {@code file}: a one-line failure when it has none. */
    static CheckpointFile.Loaded loadWithCheckpoints(Path file) {
        CheckpointFile.Loaded loaded;
        try {
            loaded = CheckpointFile.load(file);
        } catch (ModelFormatException e) {
            throw new CliFailure(e.getMessage(), e);
        }
        if (loaded.checkpoints().isEmpty()) {
            throw new CliFailure(file.getFileName() + " has no checkpoints (save them with `train --checkpoints N`"
                    + " or a session with checkpoints)");
        }
        return loaded;
    }

    /** The model of {@code file} at the last checkpoint at or before {@code step}, with the metadata of the file. */
    static Chosen atStep(Path file, long step) {
        CheckpointFile.Loaded loaded = loadWithCheckpoints(file);
        Checkpoint found = null;
        for (Checkpoint c : loaded.checkpoints()) {
            if (c.step() <= step) {
                found = c;
            }
        }
        if (found == null) {
            throw new CliFailure("no checkpoint at or before step " + step + " in " + file.getFileName()
                    + " (the first is at step " + loaded.checkpoints().get(0).step() + ")");
        }
        RealNVP model = found.restore(loaded.model().model().spec());
        return new Chosen(new LoadedModel(model, loaded.model().metadata()), found.step());
    }

    /** A model restored from a checkpoint, and the checkpoint's step. */
    record Chosen(LoadedModel model, long step) {
    }

    /** Writes the replay film of {@code file}'s checkpoints; returns the number of frames. */
    static int writeFilm(Path file, float[] points, int n, long seed, int w, int h, double scale, Path out) {
        CheckpointFile.Loaded loaded = loadWithCheckpoints(file);
        RealNVP last = loaded.model().model();
        Models.requireDim(last, file, 2, null);
        float[] xy = points != null ? points : last.samplePoints(n, seed);
        LossSnapshot loss = loaded.model().metadata().lossHistory();
        List<Checkpoint> checkpoints = loaded.checkpoints();
        ReplayFrames frames = new ReplayFrames(checkpoints, last.spec(), xy, Bounds.ofData(xy), FILM_DENSITY_GRID, loss);
        ReplayAnimation film = new ReplayAnimation(frames, new ReplayAnimation.Options(w, h, scale, 150));
        CliCommand.write(out, () -> AnimationExport.writeGif(film, out, null, null));
        return film.frameCount();
    }
}
