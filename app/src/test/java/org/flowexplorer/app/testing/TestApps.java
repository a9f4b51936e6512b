package org.flowexplorer.app.testing;

import javafx.stage.Stage;
import javafx.stage.Window;
import org.flowexplorer.app.AppConfig;
import org.flowexplorer.app.FlowExplorerApp;
import org.flowexplorer.app.worker.ArchitectureSettings;
import org.flowexplorer.app.worker.DatasetSettings;
import org.flowexplorer.app.worker.TrainingWorker;
import org.flowexplorer.model.data.ToyDataset;
import org.flowexplorer.model.flow.CouplingType;
import org.flowexplorer.model.train.TrainingConfig;

/** Start-up settings of the whole-window tests: a small affine model on moons, no autoplay, 1280×800. */
public final class TestApps {
    private TestApps() {
    }

    /**
     * @param points  moons points (noise 0.1, seed 0)
     * @param layers  coupling layers
     * @param hidden  hidden widths of each coupling's network
     * @param density density grid resolution while training (the idle one is half of it)
     */
    public static AppConfig config(int points, int layers, int[] hidden, int density) {
        return new AppConfig(new DatasetSettings(ToyDataset.MOONS, points, 0.1, 0),
                new ArchitectureSettings(layers, hidden, CouplingType.AFFINE, 0),
                new TrainingConfig(128, 5e-3, 1.0, 0),
                TrainingWorker.Options.defaults().withDensityResolution(density, density / 2),
                false, false, 0, false, 1280, 800);
    }

    /** A started app and its stage; {@link #close()} closes its dialogs, hides the stage and shuts it down. */
    public record Running(FlowExplorerApp app, Stage stage) implements AutoCloseable {
        @Override
        public void close() throws Exception {
            try {
                FxTesting.onFx(() -> {
                    for (Window w : java.util.List.copyOf(Window.getWindows())) {
                        if (w != stage && w instanceof Stage s && s.getOwner() != null) {
                            s.close();
                        }
                    }
                    stage.hide();
                    return null;
                });
            } finally {
                app.shutdown();
            }
        }
    }

    /** Starts the app with {@code config} in a new stage on the FX thread. */
    public static Running start(AppConfig config) throws Exception {
        FlowExplorerApp app = new FlowExplorerApp(config);
        Stage stage = FxTesting.onFx(() -> {
            Stage s = new Stage();
            app.start(s);
            return s;
        });
        return new Running(app, stage);
    }
}
