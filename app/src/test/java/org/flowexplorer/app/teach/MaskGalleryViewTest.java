package org.flowexplorer.app.teach;

import static org.flowexplorer.app.testing.FxTesting.centreArgb;
import static org.flowexplorer.app.testing.FxTesting.distance;
import static org.flowexplorer.app.testing.FxTesting.onFx;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.flowexplorer.app.testing.FxTesting;
import org.flowexplorer.app.testing.FxToolkitExtension;
import org.junit.jupiter.api.extension.ExtendWith;
import javafx.scene.image.WritableImage;
import org.junit.jupiter.api.Test;

@ExtendWith(FxToolkitExtension.class)
class MaskGalleryViewTest {
    @Test
    void checkerboardAlternatesInColourAndInvertsOnTheNextLayer() throws Exception {
        onFx(() -> {
            MaskGalleryView v = new MaskGalleryView();
            WritableImage img = FxTesting.render(v, 1500, 3000);
            int[][] layer0 = new int[8][8];
            for (int y = 0; y < 8; y++) {
                for (int x = 0; x < 8; x++) {
                    layer0[y][x] = centreArgb(img, v.checkerboardCell(0, y, x));
                    assertEquals((x + y) % 2 == 0, MaskGalleryView.isCondition(v.checkerboardCell(0, y, x)));
                }
            }
            for (int y = 0; y < 8; y++) {
                for (int x = 1; x < 8; x++) {
                    assertTrue(distance(layer0[y][x], layer0[y][x - 1]) > 60, "neighbours differ in colour at " + y + "," + x);
                }
            }
            assertTrue(distance(layer0[0][0], layer0[1][1]) < 8, "diagonal neighbours share a colour");
            v.setLayer(1);
            WritableImage img1 = FxTesting.render(v, 1500, 3000);
            for (int y = 0; y < 8; y++) {
                for (int x = 0; x < 8; x++) {
                    int c = centreArgb(img1, v.checkerboardCell(0, y, x));
                    assertTrue(distance(c, layer0[(y + 1) % 8][x]) < 8, "layer 1 is layer 0 inverted at " + y + "," + x);
                    assertTrue(distance(c, layer0[y][x]) > 60);
                }
            }
            return null;
        });
    }

    @Test
    void channelMasksSelectHalfTheChannels() throws Exception {
        onFx(() -> {
            MaskGalleryView v = new MaskGalleryView();
            assertEquals(0, v.channelPanelCount(), "one channel cannot be split");
            v.setChannels(4);
            assertEquals(4, v.channelPanelCount());
            assertTrue(v.channelPanel(0).getStyleClass().contains("condition-panel"));
            assertTrue(v.channelPanel(1).getStyleClass().contains("condition-panel"));
            assertTrue(v.channelPanel(2).getStyleClass().contains("transform-panel"));
            assertTrue(v.channelPanel(3).getStyleClass().contains("transform-panel"));
            v.setLayer(3);
            assertTrue(v.channelPanel(0).getStyleClass().contains("transform-panel"));
            assertTrue(v.channelPanel(3).getStyleClass().contains("condition-panel"));
            // the 2-D masks the app trains: layer 3 conditions on x₂
            assertFalse(MaskGalleryView.isCondition(v.halfMaskCell(0)));
            assertTrue(MaskGalleryView.isCondition(v.halfMaskCell(1)));
            return null;
        });
    }

    @Test
    void squeezeMapsA2x2BlockToFourChannelsOfOnePosition() throws Exception {
        onFx(() -> {
            MaskGalleryView v = new MaskGalleryView();
            WritableImage img = FxTesting.render(v, 1500, 3000);
            // block 6 = block-row 1, block-col 2: pixels (2,4) (2,5) (3,4) (3,5)
            int[][] px = {{2, 4}, {2, 5}, {3, 4}, {3, 5}};
            for (int k = 0; k < 4; k++) {
                assertEquals("6", v.squeezeInputCell(0, px[k][0], px[k][1]).getText());
                assertEquals("6", v.squeezeOutputCell(k, 1, 2).getText(), "channel " + k);
                int in = centreArgb(img, v.squeezeInputCell(0, px[k][0], px[k][1]));
                int out = centreArgb(img, v.squeezeOutputCell(k, 1, 2));
                assertTrue(distance(in, out) < 40, "pixel and its channel share a colour");
                for (int j = 0; j < k; j++) {
                    assertTrue(distance(out, centreArgb(img, v.squeezeOutputCell(j, 1, 2))) > 40, "four distinct colours");
                }
            }
            v.setChannels(2);
            assertEquals("6", v.squeezeOutputCell(7, 1, 2).getText(), "input channel 2's bottom-right pixel → channel 8");
            return null;
        });
    }

    @Test
    void everyViewHasAnExplanation() {
        for (String id : new String[] {Explanations.DATA_SPACE, Explanations.LATENT_SPACE, Explanations.LAYER_STEPPER,
                Explanations.MASK_VIEW, Explanations.LOSS_CHART, Explanations.SAMPLE_INVERT, Explanations.DENSITY,
                Explanations.FORMULA_INSPECTOR, Explanations.FORMULA_INSPECTOR_INVERSE, Explanations.WORKED_EXAMPLE,
                Explanations.MASK_GALLERY, Explanations.LOGDET_JACOBIAN, Explanations.CONDITIONER_CURVES,
                Explanations.NUMERICAL_HEALTH, Explanations.FLOW_BLOCKS, Explanations.FORMULA_INSPECTOR_SPLINE, Explanations.FORMULA_INSPECTOR_SPLINE_INVERSE,
                Explanations.CONDITIONER_CURVES_SPLINE, Explanations.MIXTURE_BASE}) {
            Explanations.Entry e = Explanations.get(id);
            assertFalse(e.title().isBlank());
            long sentences = e.text().chars().filter(c -> c == '.').count();
            assertTrue(sentences >= 2, id + " has at least two sentences");
        }
        assertEquals(20, Explanations.all().size()); // 16 views, the 3 spline-coupling variants and the mixture base
        assertTrue(Explanations.get(Explanations.LOSS_CHART).text().contains("nats"));
    }
}
