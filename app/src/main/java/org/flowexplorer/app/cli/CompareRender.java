package org.flowexplorer.app.cli;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalDouble;
import org.flowexplorer.app.chart.BaseContours;
import org.flowexplorer.app.chart.CompareBoard;
import org.flowexplorer.app.chart.CompareLossChart;
import org.flowexplorer.app.chart.PlotView;
import org.flowexplorer.app.export.AnimationExport;
import org.flowexplorer.app.export.CompareAnimation;
import org.flowexplorer.app.export.LayerAnimation;
import org.flowexplorer.app.export.PngExport;
import org.flowexplorer.app.export.SvgExport;
import org.flowexplorer.app.scene.Bounds;
import org.flowexplorer.app.scene.CompareVerdict;
import org.flowexplorer.app.scene.DensityImage;
import org.flowexplorer.app.scene.LossCurve;
import org.flowexplorer.app.scene.Palette;
import org.flowexplorer.model.data.EntropyEstimate;
import org.flowexplorer.model.data.ToyDataset;
import org.flowexplorer.model.eval.DensityGrid;
import org.flowexplorer.model.flow.RealNVP;
import org.flowexplorer.model.io.LoadedModel;
import org.flowexplorer.model.io.ModelMetadata;
import org.flowexplorer.model.train.LossSnapshot;

/**
 * {@code render --model A.zip --compare B.zip --out F.png|F.svg|F.gif}: two saved models side by
 * side as the window's compare mode draws them. PNG and SVG: each model's density over the same
 * bounds and its latent in a row, both loss histories on one chart and the verdict at equal steps
 * (saved models carry no training time); GIF: both layer animations side by side. The points are
 * {@code --data}, or model A's samples.
 */
final class CompareRender {
    static final String VIEW = "compare";
    private static final int DENSITY_GRID = 160;
    private static final int ENTROPY_SAMPLES = 20_000;

    private CompareRender() {
    }

    /** The checks of the options --compare adds (the others are render's own). */
    static void validate(RenderCommand cmd) {
        if (cmd.view != null) {
            throw cmd.usage("--compare draws its own side-by-side view; leave out --view (got --view " + cmd.view + ")");
        }
        Models.requireModelExtension(cmd, "--compare", cmd.compare);
        cmd.view = VIEW;
    }

    static void execute(RenderCommand cmd, String format, float[] data) {
        LoadedModel a = cmd.model.load(cmd);
        cmd.stage("loading " + cmd.compare);
        LoadedModel b = Models.load(cmd.compare);
        RealNVP fa = a.model();
        RealNVP fb = b.model();
        Models.requireDim(fa, cmd.model.path(), 2, cmd.data);
        Models.requireDim(fb, cmd.compare, 2, cmd.data);
        float[] points = data != null ? data : fa.samplePoints(cmd.n, cmd.seed);
        int w = cmd.width != null ? cmd.width : format.equals("gif") ? 400 : 1000;
        int h = cmd.height != null ? cmd.height : format.equals("gif") ? 400 : 900;
        String titleA = "A — " + cmd.model.path().getFileName() + ": " + fa.spec().layers() + " layers";
        String titleB = "B — " + cmd.compare.getFileName() + ": " + fb.spec().layers() + " layers";
        cmd.stage("rendering the comparison");
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("command", "render");
        r.put("view", VIEW);
        r.put("out", cmd.out.toString());
        if (format.equals("gif")) {
            LayerAnimation.Options o = LayerAnimation.Options.defaults().withSize(w, h, cmd.scale)
                    .withFrames(cmd.framesPerLayer, 6, 50);
            CompareAnimation anim = new CompareAnimation(new LayerAnimation(fa.traceForward(points).positions(), null, o),
                    titleA, new LayerAnimation(fb.traceForward(points).positions(), null, o), titleB);
            CliCommand.write(cmd.out, () -> AnimationExport.writeGif(anim, cmd.out, null, null));
            r.put("frames", anim.frameCount());
            r.put("pixel_width", anim.pixelWidth());
            r.put("pixel_height", anim.pixelHeight());
            cmd.emit(r);
            return;
        }
        Bounds bounds = Bounds.ofData(points);
        Side sa = side(fa, points, bounds);
        Side sb = side(fb, points, bounds);
        LossSnapshot la = a.metadata().lossHistory();
        LossSnapshot lb = b.metadata().lossHistory();
        OptionalDouble floor = floor(a.metadata(), b.metadata());
        String verdict = CompareVerdict.line(new CompareVerdict.Side("A", la, -1), new CompareVerdict.Side("B", lb, -1),
                Double.NaN, floor);
        CompareLossChart.Curves curves = new CompareLossChart.Curves("A", LossCurve.train(la), LossCurve.test(la), "B",
                LossCurve.train(lb), LossCurve.test(lb), floor.isPresent() ? floor.getAsDouble() : Double.NaN);
        int[] colours = Palette.byPosition(points);
        FxHeadless.start();
        RenderCommand.Scene scene = () -> {
            CompareLossChart loss = new CompareLossChart();
            loss.setContent(curves);
            return new CompareBoard(titleA, sa.views(points, colours, bounds), titleB, sb.views(points, colours, bounds),
                    loss, verdict);
        };
        if (format.equals("png")) {
            BufferedImage img = FxHeadless.call(() -> PngExport.render(scene.build(), w, h, cmd.scale));
            CliCommand.write(cmd.out, () -> PngExport.write(img, cmd.out));
            r.put("pixel_width", img.getWidth());
            r.put("pixel_height", img.getHeight());
        } else {
            String svg = FxHeadless.call(() -> SvgExport.toSvg(scene.build(), w, h));
            CliCommand.write(cmd.out, () -> SvgExport.writeString(svg, cmd.out));
        }
        r.put("width", w);
        r.put("height", h);
        r.put("verdict", verdict);
        cmd.emit(r);
    }

    /**
     * One model's density over the shared bounds, its latent points and its base distribution's
     * σ-contours (a mixture's components, or N(0, I)'s circles), computed off the FX thread.
     */
    record Side(DensityImage density, float[] latent, BaseContours base) {
        List<PlotView> views(float[] points, int[] colours, Bounds b) {
            PlotView d = new PlotView();
            d.setTitle("density p(x)");
            d.setAxisTitles("x₁", "x₂");
            d.setFixedBounds(b.xmin(), b.xmax(), b.ymin(), b.ymax());
            d.setHeatmap(density.values(), density.width(), density.height(), b.xmin(), b.xmax(), b.ymin(), b.ymax(), false);
            d.setPoints(points, colours);
            d.setPointOpacity(Palette.POINT_OPACITY_OVER_DENSITY);
            PlotView z = new PlotView();
            z.setTitle("latent z = f(x)");
            z.setAxisTitles("z₁", "z₂");
            z.setFixedBounds(Bounds.LATENT.xmin(), Bounds.LATENT.xmax(), Bounds.LATENT.ymin(), Bounds.LATENT.ymax());
            z.setPoints(latent, colours);
            z.setBaseContours(base);
            return List.of(d, z);
        }
    }

    static Side side(RealNVP flow, float[] points, Bounds b) {
        try (DensityGrid grid = new DensityGrid(DensityGrid.defaultThreads())) {
            DensityImage density = DensityImage.of(grid, flow, DENSITY_GRID, b);
            float[][] trace = flow.traceForward(points).positions();
            return new Side(density, trace[trace.length - 1], BaseContours.of(flow.mixtureComponents().orElse(null)));
        }
    }

    /** H(p) when both models were trained on the same toy set at the same noise, else empty. */
    private static OptionalDouble floor(ModelMetadata a, ModelMetadata b) {
        ModelMetadata.DatasetInfo da = a.dataset();
        ModelMetadata.DatasetInfo db = b.dataset();
        if (da == null || db == null || da.noise() == null || !Objects.equals(da.name(), db.name())
                || !Objects.equals(da.noise(), db.noise())) {
            return OptionalDouble.empty();
        }
        try {
            return OptionalDouble.of(EntropyEstimate.monteCarlo(ToyDataset.fromId(da.name()), da.noise(),
                    ENTROPY_SAMPLES, 1).entropyNats());
        } catch (IllegalArgumentException e) {
            return OptionalDouble.empty(); // custom data, or a set without a density at that noise
        }
    }
}
