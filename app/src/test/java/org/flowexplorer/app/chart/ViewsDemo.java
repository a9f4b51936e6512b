package org.flowexplorer.app.chart;

import java.util.List;
import java.util.OptionalDouble;
import java.util.Random;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.flowexplorer.app.scene.Palette;
import org.flowexplorer.app.testing.DemoWindow;
import org.flowexplorer.app.testing.TestData;

/** Manual check: every view with synthetic data (two moons, Gaussian heatmap, fake loss, 8 masks). */
public class ViewsDemo {
    /** Entry point outside the Application subclass (see DemoWindow) so it runs from a plain classpath. */
    public static void main(String[] args) {
        DemoWindow.launch(ViewsDemo::content, args);
    }

    private static DemoWindow.Content content(List<String> args) {
        Random rnd = new Random(1);
        int n = 10_000;
        float[] moons = new float[2 * n];
        for (int i = 0; i < n; i++) {
            double t = Math.PI * rnd.nextDouble();
            boolean upper = i % 2 == 0;
            moons[2 * i] = (float) ((upper ? Math.cos(t) : 1 - Math.cos(t)) + 0.08 * rnd.nextGaussian());
            moons[2 * i + 1] = (float) ((upper ? Math.sin(t) : 0.5 - Math.sin(t)) + 0.08 * rnd.nextGaussian());
        }
        float[] latent = new float[2 * n];
        for (int i = 0; i < 2 * n; i++) {
            latent[i] = (float) rnd.nextGaussian();
        }
        int[] colours = Palette.byPosition(moons);

        PlotView data = new PlotView();
        data.setTitle("Data space");
        data.setAxisTitles("x₁", "x₂");
        data.setPoints(moons, colours);
        float[][] grid = new float[22][];
        for (int k = 0; k < 11; k++) {
            grid[k] = new float[2 * 41];
            grid[11 + k] = new float[2 * 41];
            for (int i = 0; i < 41; i++) {
                float a = -1.5f + 4f * i / 40;
                float b = -1.2f + 2.7f * k / 10;
                grid[k][2 * i] = a;
                grid[k][2 * i + 1] = b + 0.15f * (float) Math.sin(a * 2);
                grid[11 + k][2 * i] = -1.5f + 4f * k / 10;
                grid[11 + k][2 * i + 1] = -1.2f + 2.7f * i / 40;
            }
        }
        data.setWarpedGrid(grid);
        data.setMarkers(List.of(new Marker(0.2, 0.9, "x", 0xFFCF222E,
                new float[] {0.2f, 0.9f, 0.5f, 0.4f, 0.3f, -0.2f, -0.1f, -0.6f})));

        PlotView z = new PlotView();
        z.setTitle("Latent space");
        z.setAxisTitles("z₁", "z₂");
        int g = 80;
        float[] dens = TestData.grid(g, -4, 4, (x, y) -> Math.exp(-(x * x + y * y) / 2) / (2 * Math.PI));
        z.setHeatmap(dens, g, g, -4, 4, -4, 4, false);
        z.setSamples(latent, 0xFFFFFFFF);
        z.setPointRadius(1);
        z.setGaussianContours(true);
        z.setFixedBounds(-4, 4, -4, 4);
        z.setMarkers(List.of(new Marker(1.2, -0.8, "z", 0xFFCF222E)));

        LossChart loss = new LossChart();
        TestData.Series train = TestData.series(20_000, i -> 1.2 + 1.8 * Math.exp(-i / 2500.0) + 0.12 * rnd.nextGaussian());
        loss.appendTrain(train.steps(), train.values());
        int[] ts = new int[40];
        float[] tv = new float[40];
        for (int i = 0; i < 40; i++) {
            ts[i] = i * 500;
            tv[i] = (float) (1.3 + 1.8 * Math.exp(-ts[i] / 2500.0));
        }
        loss.appendTest(ts, tv);
        loss.setLowerBound(OptionalDouble.of(1.1), "entropy");
        loss.setHover(300);

        MaskGridView masks = new MaskGridView();
        masks.setMasks(TestData.alternatingMasks(8));
        masks.setHighlightedLayer(3);

        LayerScrubber scrubber = new LayerScrubber();
        scrubber.setLayerCount(8);
        scrubber.setPosition(3);

        GridPane root = new GridPane();
        root.setHgap(12);
        root.setVgap(12);
        root.setStyle("-fx-padding: 12; -fx-background-color: -color-bg-default;");
        root.add(data, 0, 0);
        root.add(z, 1, 0);
        VBox side = new VBox(12, masks, loss);
        VBox.setVgrow(loss, Priority.ALWAYS);
        root.add(side, 2, 0);
        root.add(scrubber, 0, 1, 3, 1);
        GridPane.setHgrow(data, Priority.ALWAYS);
        GridPane.setHgrow(z, Priority.ALWAYS);
        GridPane.setVgrow(data, Priority.ALWAYS);
        return new DemoWindow.Content("Flow Explorer views demo", root, 1400, 900);
    }
}
