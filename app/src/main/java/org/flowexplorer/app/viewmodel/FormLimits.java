package org.flowexplorer.app.viewmodel;

import org.flowexplorer.app.worker.ArchitectureSettings;
import org.flowexplorer.app.worker.Command;
import org.flowexplorer.app.worker.DatasetSettings;

/**
 * The ranges the settings form accepts, for validation and for the tooltips that state them. Where
 * the worker's records define a limit it is used as it is; the others are the form's own.
 */
public final class FormLimits {
    /** Fewest toy points (the literal {@link DatasetSettings}' constructor checks; it has no constant for it). */
    public static final int MIN_POINTS = 16;
    public static final int MAX_POINTS = DatasetSettings.MAX_POINTS;
    public static final double MAX_NOISE = 10;
    public static final int MAX_LAYERS = ArchitectureSettings.MAX_LAYERS;
    public static final int MAX_WIDTH = ArchitectureSettings.MAX_WIDTH;
    public static final double MAX_LEARNING_RATE = 1;
    public static final int MAX_BATCH_SIZE = 100_000;
    /**
     * Most model samples one press draws: what the plots show fluidly. {@code Command.Sample} itself
     * accepts up to 100 000 (its literal; it has no constant).
     */
    public static final int MAX_SAMPLES = Command.Sample.MAX;

    private FormLimits() {
    }

    /** "1 000" style for a tooltip. */
    public static String grouped(int v) {
        return String.format(java.util.Locale.ROOT, "%,d", v).replace(',', ' ');
    }
}
