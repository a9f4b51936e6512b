package org.flowexplorer.app.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import org.flowexplorer.app.export.PngExport;
import org.flowexplorer.app.export.SvgExport;
import org.flowexplorer.app.scene.LayerAnatomy;
import org.flowexplorer.app.teach.Explanations;
import org.flowexplorer.app.testing.AppUnderTest;
import org.flowexplorer.app.testing.FxTesting;
import org.flowexplorer.app.testing.TestApps;
import org.flowexplorer.app.testing.TestImages;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.testfx.util.WaitForAsyncUtils;
import org.w3c.dom.Document;

/** The "Log-det & Jacobian" tab in the window, headless: live data, the coupling buttons, the toggle, exports. */
@org.junit.jupiter.api.extension.ExtendWith(org.flowexplorer.app.testing.FxToolkitExtension.class)
class LayerAnatomyTabTest {
    @RegisterExtension
    final AppUnderTest ui = new AppUnderTest(TestApps.config(500, 4, new int[] {16, 16}, 32));

    @BeforeEach
    void awaitAnatomy() throws Exception {
        waitFor(() -> ui.app().viewModel().logDet().anatomyProperty().get() != null);
    }

    @Test
    void theTabShowsTheStepperCouplingAndExportsEveryChart() throws Exception {
        LayerAnatomyPane pane = FxTesting.onFx(() -> {
            ui.window().tabs().getSelectionModel().select(ui.window().tabs().getTabs().stream()
                    .filter(t -> "logdet-tab".equals(t.getId())).findFirst().orElseThrow());
            return (LayerAnatomyPane) ui.window().target(Panel.LOGDET_JACOBIAN).view();
        });
        assertEquals(Explanations.LOGDET_JACOBIAN, FxTesting.onFx(() -> ui.window().focus().selected().explanation().get()));
        assertNotNull(FxTesting.onFx(() -> pane.board().map().getContent().data()), "the map has the worker's data");
        assertEquals(81, (int) FxTesting.onFx(() -> pane.board().glyphs().getContent().data().count()));

        FxTesting.onFx(() -> {
            ((Button) pane.lookup("#anatomy-next")).fire();
            return null;
        });
        waitFor(() -> layer() == 2);
        assertEquals(1, (int) FxTesting.onFx(() -> ui.app().viewModel().layers().inspectedLayerProperty().get()),
                "the button moves the stepper");
        FxTesting.onFx(() -> {
            ((CheckBox) pane.lookup("#anatomy-cumulative")).setSelected(true);
            return null;
        });
        assertTrue(FxTesting.onFx(() -> pane.board().map().getContent().data().cumulative()));

        FxTesting.onFx(() -> {
            ui.app().viewModel().plots().queryData(0.2, 0.1);
            return null;
        });
        waitFor(() -> FxTesting.onFx(() -> pane.board().waterfall().getContent() != null));
        for (javafx.scene.layout.Region chart : FxTesting.onFx(() -> pane.board().charts())) {
            BufferedImage png = FxTesting.onFx(() -> PngExport.render(chart, 420, 320, 1));
            assertEquals(420, png.getWidth());
            assertTrue(TestImages.distinctColours(png, 1) > 8, chart.getId() + " has content");
            Document svg = FxTesting.parse(FxTesting.onFx(() -> SvgExport.toSvg(chart, 420, 320)));
            assertTrue(FxTesting.count(svg, "text") > 3, chart.getId() + " is vector with text");
        }
        BufferedImage whole = FxTesting.onFx(() -> PngExport.render(ui.window().target(Panel.LOGDET_JACOBIAN).exportNode().get(),
                900, 640, 1));
        assertEquals(900, whole.getWidth());
        assertEquals(640, whole.getHeight());
    }

    private int layer() throws Exception {
        LayerAnatomy a = FxTesting.onFx(() -> ui.app().viewModel().logDet().anatomyProperty().get());
        return a == null ? -1 : a.layer();
    }

    private static void waitFor(java.util.concurrent.Callable<Boolean> c) throws Exception {
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, c);
    }
}
