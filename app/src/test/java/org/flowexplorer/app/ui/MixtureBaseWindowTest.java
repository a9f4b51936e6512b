package org.flowexplorer.app.ui;

import static org.flowexplorer.app.testing.FxTesting.await;
import static org.flowexplorer.app.testing.FxTesting.fx;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.TimeUnit;
import javafx.scene.control.ComboBox;
import org.flowexplorer.app.FlowExplorerApp;
import org.flowexplorer.app.chart.BaseContours;
import org.flowexplorer.app.chart.PlotView;
import org.flowexplorer.app.testing.FxToolkitExtension;
import org.flowexplorer.app.testing.TestApps;
import org.flowexplorer.model.flow.BaseDistribution;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The Base choice in the window: a mixture base builds a model whose latent view draws one ellipse pair per component. */
@org.junit.jupiter.api.Timeout(value = 3, unit = TimeUnit.MINUTES)
@ExtendWith(FxToolkitExtension.class)
class MixtureBaseWindowTest {
    @Test
    void aMixtureBaseReplacesTheStandardNormalsCirclesByItsComponents() throws Exception {
        try (TestApps.Running running = TestApps.start(TestApps.config(500, 2, new int[] {8}, 32))) {
            FlowExplorerApp app = running.app();
            await("model ready", () -> app.viewModel().training().readyProperty().get());
            PlotView latent = fx(() -> (PlotView) running.stage().getScene().lookup("#latent-plot"));
            assertTrue(fx(() -> latent.getLayers().baseContours().isStandardNormal()), "N(0, I) at the start");
            @SuppressWarnings("unchecked")
            ComboBox<BaseDistribution> base = fx(() -> (ComboBox<BaseDistribution>) running.stage().getScene().lookup("#base"));
            assertEquals(4, fx(() -> base.getItems().size()));
            fx(() -> {
                base.getSelectionModel().select(BaseDistribution.mixture(4));
                return app.viewModel().form().applyArchitecture();
            });
            await("mixture contours", () -> fx(() -> latent.getLayers().baseContours().components().size() == 4));
            BaseContours c = fx(() -> latent.getLayers().baseContours());
            assertEquals(2, c.levels());
            assertEquals(2.0, Math.hypot(c.components().get(1).cx(), c.components().get(1).cy()), 0.2, "means start on the circle of radius 2");
            fx(() -> {
                base.getSelectionModel().select(BaseDistribution.GAUSSIAN);
                return app.viewModel().form().applyArchitecture();
            });
            await("circles again", () -> fx(() -> latent.getLayers().baseContours().isStandardNormal()));
        }
    }
}
