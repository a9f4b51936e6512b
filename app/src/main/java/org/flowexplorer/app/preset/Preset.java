package org.flowexplorer.app.preset;

import java.util.Map;
import java.util.Objects;
import org.flowexplorer.model.data.ToyDataset;
import org.flowexplorer.model.flow.Architecture;
import org.flowexplorer.model.io.DataSource;
import org.flowexplorer.model.io.SessionSettings;
import org.flowexplorer.model.train.TrainingConfig;

/**
 * A one-click instructive situation: a data set, an architecture and training settings chosen
 * so that something specific happens, plus a paragraph telling the student what to look for.
 * Immutable; the catalogue is {@link Presets}, whose test trains each preset briefly and checks
 * that its description's claim really holds.
 *
 * @param name           short title for a menu, e.g. "Learning rate too high"
 * @param description    one paragraph: what to do and what to notice
 * @param watchFor       one sentence shown on screen while the preset runs: what to watch for
 * @param dataset        the toy data set
 * @param n              number of training points
 * @param noise          the data set's noise knob
 * @param dataSeed       seed for generating the points
 * @param architecture   layers, hidden widths and coupling
 * @param training       learning rate, batch size, clip norm and shuffle seed
 * @param suggestedSteps how many steps to train for the effect to show clearly
 * @param view           which view to bring to the front
 * @param energy         null, or the energy U fitted by reverse KL instead of the data set
 *                       ({@link org.flowexplorer.app.worker.DatasetSettings#energy()})
 * @param image          null, or the shipped picture whose density the n points are sampled from (seed
 *                       {@code dataSeed}) instead of the toy set, which the data form then keeps showing
 */
public record Preset(String name, String description, String watchFor, ToyDataset dataset, int n, double noise, long dataSeed,
        Architecture architecture, TrainingConfig training, int suggestedSteps, View view, String energy, PresetImage image) {

    /** A preset trained by maximum likelihood on its toy data set. */
    public Preset(String name, String description, String watchFor, ToyDataset dataset, int n, double noise, long dataSeed,
            Architecture architecture, TrainingConfig training, int suggestedSteps, View view) {
        this(name, description, watchFor, dataset, n, noise, dataSeed, architecture, training, suggestedSteps, view, null, null);
    }

    /** A preset fitting {@code energy} by reverse KL (null: maximum likelihood on the toy set). */
    public Preset(String name, String description, String watchFor, ToyDataset dataset, int n, double noise, long dataSeed,
            Architecture architecture, TrainingConfig training, int suggestedSteps, View view, String energy) {
        this(name, description, watchFor, dataset, n, noise, dataSeed, architecture, training, suggestedSteps, view, energy, null);
    }

    /** The main window's views a preset can ask for. */
    public enum View {
        /** The learned density as a heat map over the data. */
        DENSITY,
        /** Model samples drawn next to the training points. */
        SAMPLES,
        /** The layer scrubber: the points after each coupling layer. */
        LAYERS,
        /** The training and test loss curves. */
        LOSS
    }

    /** Key under which {@link #settings()} records the view in the session's view map. */
    public static final String VIEW_KEY = "view";

    public Preset {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(watchFor, "watchFor");
        Objects.requireNonNull(dataset, "dataset");
        Objects.requireNonNull(architecture, "architecture");
        Objects.requireNonNull(training, "training");
        Objects.requireNonNull(view, "view");
        if (name.isBlank() || description.isBlank() || watchFor.isBlank()) {
            throw new IllegalArgumentException("a preset needs a name, a description and what to watch for");
        }
        if (suggestedSteps < 1) {
            throw new IllegalArgumentException("suggested steps must be positive, got " + suggestedSteps);
        }
        new DataSource.Toy(dataset, n, noise, dataSeed); // validates n and noise
        if (image != null && energy != null) {
            throw new IllegalArgumentException("a preset trains on an image or fits an energy, not both");
        }
    }

    /** The training points, deterministic for the preset. */
    public float[] generateData() {
        return sample(n, dataSeed);
    }

    /** {@code count} points of the preset's data distribution (the toy set at its noise, or the image's density). */
    public float[] sample(int count, long seed) {
        return image == null ? dataset.generate(count, noise, seed) : image.density().sample(count, seed);
    }

    /** What the points are, for messages: the toy set's id or "image letter-f.png". */
    public String dataName() {
        return image == null ? dataset.id() : image.origin();
    }

    /** The control state to apply, as a session would restore it. */
    public SessionSettings settings() {
        DataSource source = image == null ? new DataSource.Toy(dataset, n, noise, dataSeed) : new DataSource.Custom(image.origin());
        return new SessionSettings(source, architecture, training, Map.of(VIEW_KEY, view.name().toLowerCase(java.util.Locale.ROOT)));
    }
}
