package org.flowexplorer.app;

import org.flowexplorer.app.worker.ArchitectureSettings;
import org.flowexplorer.app.worker.DatasetSettings;
import org.flowexplorer.app.worker.TrainingWorker;
import org.flowexplorer.model.data.ToyDataset;
import org.flowexplorer.model.flow.CouplingType;
import org.flowexplorer.model.train.TrainingConfig;

/**
 * Start-up settings of the window. {@link #fromSystemProperties()} reads {@code -Dflowexplorer.*}:
 * {@code dataset}, {@code points}, {@code layers}, {@code hidden} ("64,64"), {@code autoplay},
 * {@code density} (on unless {@code false}: a new user sees p(x) at once), {@code measureFps} (seconds to measure, 0 = off), {@code exitAfterMeasure},
 * {@code width}, {@code height}.
 */
public record AppConfig(DatasetSettings dataset, ArchitectureSettings architecture, TrainingConfig training,
        TrainingWorker.Options options, boolean autoplay, boolean density, double measureFpsSeconds,
        boolean exitAfterMeasure, double width, double height) {

    public static AppConfig defaults() {
        return new AppConfig(DatasetSettings.defaults(), ArchitectureSettings.defaults(), TrainingConfig.DEFAULT,
                TrainingWorker.Options.defaults(), false, true, 0, false, 1500, 940);
    }

    public static AppConfig fromSystemProperties() {
        AppConfig d = defaults();
        ToyDataset set = ToyDataset.fromId(System.getProperty("flowexplorer.dataset", d.dataset().set().id()));
        int n = Integer.getInteger("flowexplorer.points", d.dataset().n());
        DatasetSettings data = new DatasetSettings(set, n, set.defaultNoise(), d.dataset().seed());
        int layers = Integer.getInteger("flowexplorer.layers", d.architecture().layers());
        String hidden = System.getProperty("flowexplorer.hidden", d.architecture().hiddenText());
        int[] h = java.util.Arrays.stream(hidden.split(",")).map(String::trim).mapToInt(Integer::parseInt).toArray();
        ArchitectureSettings arch = new ArchitectureSettings(layers, h, CouplingType.AFFINE, 0);
        return new AppConfig(data, arch, d.training(), d.options(), Boolean.getBoolean("flowexplorer.autoplay"),
                Boolean.parseBoolean(System.getProperty("flowexplorer.density", Boolean.toString(d.density()))),
                Double.parseDouble(System.getProperty("flowexplorer.measureFps", "0")),
                Boolean.getBoolean("flowexplorer.exitAfterMeasure"),
                Double.parseDouble(System.getProperty("flowexplorer.width", "1500")),
                Double.parseDouble(System.getProperty("flowexplorer.height", "940")));
    }

    /**
     * With what the app remembered (window size, last data set, architecture, learning rate and
     * batch size) wherever no {@code -Dflowexplorer.*} property says otherwise.
     */
    public AppConfig withRemembered(org.flowexplorer.app.prefs.AppPreferences prefs) {
        boolean stored = prefs.node().get("settings.dataset", null) != null;
        DatasetSettings data = dataset;
        ArchitectureSettings arch = architecture;
        TrainingConfig train = training;
        if (stored) {
            org.flowexplorer.app.prefs.LastSettings last = prefs.lastSettings();
            if (System.getProperty("flowexplorer.dataset") == null) {
                ToyDataset set = last.dataset();
                data = new DatasetSettings(set, dataset.n(), set.defaultNoise(), dataset.seed());
            }
            if (System.getProperty("flowexplorer.layers") == null && System.getProperty("flowexplorer.hidden") == null) {
                try {
                    arch = ArchitectureSettings.of(last.architecture(), architecture.seed());
                } catch (IllegalArgumentException e) {
                    arch = architecture; // out of the app's range: keep the default
                }
            }
            train = training.withLearningRate(last.learningRate()).withBatchSize(last.batchSize());
        }
        double w = width;
        double h = height;
        var bounds = prefs.windowBounds();
        if (bounds.isPresent() && System.getProperty("flowexplorer.width") == null) {
            w = bounds.get().width();
            h = bounds.get().height();
        }
        return new AppConfig(data, arch, train, options, autoplay, density, measureFpsSeconds, exitAfterMeasure, w, h);
    }

    /**
     * The same settings with the window size cut to a screen area of {@code maxWidth × maxHeight}
     * (its visual bounds): a 1500×940 default or a size remembered on a larger monitor must not put
     * the menu bar, the controls and the status bar off a 1024×768 projector.
     */
    public AppConfig fittedTo(double maxWidth, double maxHeight) {
        if (width <= maxWidth && height <= maxHeight) {
            return this;
        }
        return new AppConfig(dataset, architecture, training, options, autoplay, density, measureFpsSeconds,
                exitAfterMeasure, Math.min(width, maxWidth), Math.min(height, maxHeight));
    }

    public AppConfig withMeasure(double seconds) {
        return new AppConfig(dataset, architecture, training, options, autoplay, density, seconds, exitAfterMeasure,
                width, height);
    }
}
