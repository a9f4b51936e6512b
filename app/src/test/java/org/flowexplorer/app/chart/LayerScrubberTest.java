package org.flowexplorer.app.chart;

import static org.flowexplorer.app.testing.FxTesting.onFx;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import javafx.scene.control.Label;
import org.flowexplorer.app.testing.FxTesting;
import org.flowexplorer.app.testing.FxToolkitExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The scrubber's "position k of L" label: the one numbering, and a width that stays put while it moves. */
@ExtendWith(FxToolkitExtension.class)
class LayerScrubberTest {
    @Test
    void positionsLieBetweenTheCouplings() {
        assertEquals("position 0 of 8 (data x)", LayerScrubber.positionText(0, 8));
        assertEquals("position 3 of 8", LayerScrubber.positionText(2.9999999, 8));
        assertEquals("position 3.4 of 8", LayerScrubber.positionText(3.47, 8));
        assertEquals("position 8 of 8 (latent z)", LayerScrubber.positionText(8, 8));
        assertEquals("position 1 of 1 (latent z)", LayerScrubber.positionText(1, 1));
    }

    @Test
    void theLabelKeepsItsWidthWhileThePositionMoves() throws Exception {
        onFx(() -> {
            LayerScrubber s = new LayerScrubber();
            s.setLayerCount(16);
            FxTesting.render(new javafx.scene.layout.StackPane(s), 700, 80);
            Label label = (Label) s.getChildren().get(s.getChildren().size() - 1);
            double width = label.getWidth();
            for (double p : new double[] {0, 3.5, 9, 15.9, 16}) {
                s.setPosition(p);
                s.applyCss();
                s.layout();
                assertEquals(width, label.getWidth(), 0.5, "at position " + p);
                assertTrue(label.prefWidth(-1) >= label.getFont().getSize(), "a real width");
            }
            return null;
        });
    }
}
