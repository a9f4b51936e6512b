package org.flowexplorer.app.export;

import static org.flowexplorer.app.testing.FxTesting.onFx;
import static org.flowexplorer.app.testing.TestImages.distinctColours;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.flowexplorer.app.testing.FxToolkitExtension;
import org.junit.jupiter.api.extension.ExtendWith;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalDouble;
import java.util.stream.Stream;
import javafx.scene.control.Label;
import javax.imageio.ImageIO;
import org.flowexplorer.app.chart.LossChart;
import org.flowexplorer.app.chart.MaskGridView;
import org.flowexplorer.app.chart.PlotView;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@ExtendWith(FxToolkitExtension.class)
class PngExportTest {
    @TempDir
    Path dir;

    static PlotView plot() {
        PlotView v = new PlotView();
        float[] xy = new float[400];
        for (int i = 0; i < 200; i++) {
            double a = i * 0.1;
            xy[2 * i] = (float) (Math.cos(a) * (1 + i / 100.0));
            xy[2 * i + 1] = (float) (Math.sin(a) * (1 + i / 100.0));
        }
        v.setPoints(xy, 0xFF0969DA);
        v.setTitle("spiral");
        v.setAxisTitles("x₁", "x₂");
        v.setGaussianContours(true);
        return v;
    }

    static LossChart chart() {
        LossChart c = new LossChart();
        int[] steps = new int[500];
        float[] loss = new float[500];
        for (int i = 0; i < 500; i++) {
            steps[i] = i + 1;
            loss[i] = (float) (1.5 + 2 * Math.exp(-i / 80.0) + 0.05 * Math.sin(i));
        }
        c.appendTrain(steps, loss);
        c.appendTest(new int[] {100, 200, 300, 400, 500}, new float[] {2.4f, 1.9f, 1.7f, 1.65f, 1.62f});
        c.setLowerBound(OptionalDouble.of(1.4), "entropy");
        return c;
    }

    static MaskGridView masks() {
        MaskGridView m = new MaskGridView();
        m.setMasks(new boolean[][] {{true, false}, {false, true}, {true, false}, {false, true}});
        m.setHighlightedLayer(1);
        return m;
    }


    @Test
    void pngHasRequestedPixelSizeAtEachScale() throws Exception {
        for (double scale : new double[] {1, 2, 3}) {
            Path file = dir.resolve("plot-" + (int) scale + ".png");
            onFx(() -> {
                PngExport.write(plot(), file, 400, 300, scale);
                return null;
            });
            BufferedImage img = ImageIO.read(file.toFile());
            assertEquals(400 * (int) scale, img.getWidth());
            assertEquals(300 * (int) scale, img.getHeight());
            assertTrue(distinctColours(img, 3) > 10, "plot should have content, got " + distinctColours(img, 3) + " colours");
        }
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(3, files.count(), "no temporary files left behind");
        }
    }

    @Test
    void everyViewKindExports() throws Exception {
        Path loss = dir.resolve("loss.png");
        Path mask = dir.resolve("masks.png");
        Path other = dir.resolve("label.png");
        onFx(() -> {
            PngExport.write(chart(), loss, 600, 300, 2);
            PngExport.write(masks(), mask, 360, 200, 1);
            PngExport.write(new Label("any node"), other, 120, 40, 2);
            return null;
        });
        BufferedImage l = ImageIO.read(loss.toFile());
        assertEquals(1200, l.getWidth());
        assertEquals(600, l.getHeight());
        assertTrue(distinctColours(l, 3) > 10);
        BufferedImage m = ImageIO.read(mask.toFile());
        assertEquals(360, m.getWidth());
        assertEquals(200, m.getHeight());
        assertTrue(distinctColours(m, 3) > 5);
        BufferedImage o = ImageIO.read(other.toFile());
        assertEquals(240, o.getWidth());
        assertEquals(80, o.getHeight());
    }

    @Test
    void hiDpiIsRenderedNotUpscaled() throws Exception {
        // at 2x a 1-px line is drawn 2 px wide, but edges stay sharp: an upscaled 1x image would
        // repeat every pixel in 2x2 blocks, so some 2x2 block must be non-uniform
        BufferedImage img = onFx(() -> PngExport.render(plot(), 300, 300, 2));
        int nonUniform = 0;
        for (int y = 0; y + 1 < img.getHeight(); y += 2) {
            for (int x = 0; x + 1 < img.getWidth(); x += 2) {
                int c = img.getRGB(x, y);
                if (img.getRGB(x + 1, y) != c || img.getRGB(x, y + 1) != c || img.getRGB(x + 1, y + 1) != c) {
                    nonUniform++;
                }
            }
        }
        assertTrue(nonUniform > 500, "2x rendering should have sub-block detail, got " + nonUniform);
    }

    @Test
    void rejectsAbsurdSizes() throws Exception {
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> PngExport.checkSize(0, 100, 1));
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> PngExport.checkSize(100, 100, 0));
    }
}
