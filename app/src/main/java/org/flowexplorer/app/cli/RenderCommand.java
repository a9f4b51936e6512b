package org.flowexplorer.app.cli;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.flowexplorer.app.export.AnimationExport;
import org.flowexplorer.app.export.LayerAnimation;
import org.flowexplorer.app.export.PngExport;
import org.flowexplorer.app.export.SvgExport;
import org.flowexplorer.app.scene.Bounds;
import org.flowexplorer.app.scene.DensityImage;
import org.flowexplorer.app.scene.LayerMasks;
import org.flowexplorer.app.scene.LossCurve;
import org.flowexplorer.app.scene.Palette;
import org.flowexplorer.app.scene.WarpedGrid;
import org.flowexplorer.app.chart.BaseContours;
import org.flowexplorer.app.chart.LayerScrubber;
import org.flowexplorer.app.chart.LossChart;
import org.flowexplorer.app.chart.MaskGridView;
import org.flowexplorer.app.chart.PlotView;
import org.flowexplorer.model.data.DataFileException;
import org.flowexplorer.model.eval.DensityGrid;
import org.flowexplorer.model.flow.FlowTrace;
import org.flowexplorer.model.flow.RealNVP;
import org.flowexplorer.model.io.LoadedModel;
import org.flowexplorer.model.train.LossSnapshot;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "render", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Draws one of the workbench's views of a model to a PNG or SVG file, without a display.",
                "Views: density (p(x) heatmap over the data bounds, with the data), samples (model samples and the data),"
                        + " layers (points at layer --layer with the warped grid), latent (data pushed to z over N(0,I)"
                        + " contours), loss (the loss history stored in a .zip model), masks (the coupling masks),"
                        + " logdet (layer --layer's log|det J| map over its input plane and the median point's waterfall),"
                        + " logdet-cumulative (the same for layers 1…K over data space), jacobian (Jacobian glyphs of"
                        + " data → layer --layer and the median point's matrices), conditioner (coupling --layer K's s"
                        + " and t curves over its input), health (numerical health), replay (the training replay"
                        + " film of a model saved with checkpoints: density and latent per checkpoint, .gif).",
                "With --step S, any view shows the model at the last stored checkpoint at or before step S"
                        + " (the result's checkpoint_step says which).",
                "With --view layers, an --out ending in .gif writes the layer animation instead.",
                "With --compare B.zip (and no --view): models --model and B side by side (density, latent, both loss"
                        + " histories, the verdict), or as a .gif both layer animations."})
final class RenderCommand extends CliCommand {
    static final List<String> VIEWS = java.util.stream.Stream.of(
            java.util.stream.Stream.of("density", "samples", "layers", "latent", "loss", "masks"),
            LayerAnatomyRender.VIEWS.stream(),
            java.util.stream.Stream.of(DiagnosticsRender.CONDITIONER, DiagnosticsRender.HEALTH))
            .flatMap(s -> s).toList();
    private static final int DENSITY_GRID = 160;
    private static final int WARP_LINES = 13;
    private static final int WARP_POINTS = 60;

    @Mixin
    ModelOption model;

    @Option(names = "--view", paramLabel = "VIEW",
            description = "density, samples, layers, latent, loss, masks, logdet, logdet-cumulative, jacobian, conditioner or health.")
    String view;

    @Option(names = "--out", required = true, paramLabel = "F.png|F.svg", description = "Output image (.png or .svg; .gif for --view layers).")
    Path out;

    @Option(names = "--data", paramLabel = "F.csv", description = "Data points (CSV x,y); without it the views use model samples.")
    Path data;

    @Option(names = "--width", paramLabel = "W", description = "Width in logical pixels (default: 600).")
    Integer width;

    @Option(names = "--height", paramLabel = "H", description = "Height in logical pixels (default: 600; loss 360; masks fit the layers).")
    Integer height;

    @Option(names = "--layer", paramLabel = "K", description = "Layer for --view layers (0 = data … L = latent; default: L),"
            + " the row to outline in masks, or the coupling (1 … L; default: 1) for logdet, jacobian and conditioner.")
    Integer layer;

    @Option(names = "--scale", paramLabel = "S", defaultValue = "1", description = "PNG pixel density: 2 gives a 2W×2H image (default: ${DEFAULT-VALUE}).")
    double scale;

    @Option(names = "--n", paramLabel = "N", defaultValue = "2000", description = "Model samples to draw (default: ${DEFAULT-VALUE}).")
    int n;

    @Option(names = "--seed", paramLabel = "S", defaultValue = "0", description = "Sampling seed (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--frames-per-layer", paramLabel = "F", defaultValue = "12",
            description = "GIF only: frames from one layer to the next (default: ${DEFAULT-VALUE}); the GIF has"
                    + " L×F + 1 frames plus 6 hold frames at each end.")
    int framesPerLayer;

    @Option(names = "--step", paramLabel = "S", description = "Render the model at the last checkpoint at or before step S"
            + " (a model saved with `train --checkpoints N`).")
    Long step;

    @Option(names = "--compare", paramLabel = "B.zip|B.npz",
            description = "A second model to draw side by side with --model (no --view; .png, .svg or .gif).")
    Path compare;

    private String format;
    private Long checkpointStep;

    @Override
    void validate() {
        if (compare != null) {
            CompareRender.validate(this);
        } else if (view == null) {
            throw usage("Missing required option: '--view=VIEW'");
        }
        view = view.toLowerCase(Locale.ROOT);
        if (!VIEWS.contains(view) && !view.equals(ReplayRender.VIEW) && compare == null) { // replay: a GIF only
            throw usage("--view must be one of " + String.join(", ", VIEWS) + " or " + ReplayRender.VIEW + ", got '" + view + "'");
        }
        model.validate(this);
        String name = out.getFileName() == null ? "" : out.getFileName().toString().toLowerCase(Locale.ROOT);
        format = name.endsWith(".png") ? "png" : name.endsWith(".svg") ? "svg" : name.endsWith(".gif") ? "gif" : null;
        if (format == null) {
            throw usage("--out must name a .png or .svg file, got '" + out + "'");
        }
        ReplayRender.validateRender(this, step, view, format);
        if (format.equals("gif") && !view.equals("layers") && !view.equals(ReplayRender.VIEW) && compare == null) {
            throw usage("--out .gif (the layer animation) needs --view layers, got --view " + view);
        }
        Outputs.requireWritable(out);
        if (width != null && (width < 50 || width > 10_000)) {
            throw usage("--width must be between 50 and 10000, got " + width);
        }
        if (height != null && (height < 50 || height > 10_000)) {
            throw usage("--height must be between 50 and 10000, got " + height);
        }
        if (!(scale >= 0.5 && scale <= 4)) {
            throw usage("--scale must be between 0.5 and 4, got " + scale);
        }
        requirePositive("--n", n);
        if (framesPerLayer < 1 || framesPerLayer > 200) {
            throw usage("--frames-per-layer must be between 1 and 200, got " + framesPerLayer);
        }
        if (layer != null && layer < 0) {
            throw usage("--layer must be >= 0, got " + layer);
        }
    }

    @Override
    void execute() throws DataFileException {
        if (compare != null) {
            CompareRender.execute(this, format, data == null ? null : readPoints(data));
            return;
        }
        LoadedModel loaded = model.load(this);
        if (step != null) {
            stage("restoring the checkpoint at or before step " + step);
            ReplayRender.Chosen chosen = ReplayRender.atStep(model.path(), step);
            loaded = chosen.model();
            checkpointStep = chosen.step();
        }
        RealNVP flow = loaded.model();
        int layers = flow.spec().layers();
        if (layer != null && layer > layers) {
            throw usage("--layer must be between 0 and " + layers + " (the model has " + layers + " coupling layers), got "
                    + layer);
        }
        float[] points = null;
        if (data != null) {
            stage("reading " + data);
            points = readPoints(data);
            Models.requireDim(flow, model.path(), 2, data);
        } else if (!view.equals("masks")) {
            Models.requireDim(flow, model.path(), 2, null);
        }
        stage("rendering --view " + view);
        int w = width != null ? width : view.equals("masks") ? 480 : 600;
        int h = height != null ? height : switch (view) {
            case "loss" -> 360;
            case "masks" -> Math.max(100, 22 + layers * 28 + 40);
            default -> 600;
        };
        LossSnapshot history = loaded.metadata().lossHistory();
        if (view.equals("loss") && history == null) {
            throw new CliFailure("no loss history in " + model.path().getFileName()
                    + " (train in the app or with `train --out`)");
        }

        if (view.equals(ReplayRender.VIEW)) {
            int frames = ReplayRender.writeFilm(model.path(), points, n, seed, width != null ? width : 880,
                    height != null ? height : 520, scale, out);
            emitResult(width != null ? width : 880, height != null ? height : 520, frames);
            return;
        }
        if (format.equals("gif")) {
            float[] xy = points != null ? points : flow.samplePoints(n, seed);
            FlowTrace trace = flow.traceForward(xy);
            LayerAnimation animation = LayerAnimation.of(trace, LayerAnimation.Options.defaults().withSize(w, h, scale)
                    .withFrames(framesPerLayer, 6, 50));
            write(out, () -> AnimationExport.writeGif(animation, out, null, null));
            emitResult(w, h, animation.frameCount());
            return;
        }

        Scene scene = prepare(flow, points, history);
        FxHeadless.start();
        if (format.equals("png")) {
            BufferedImage img = FxHeadless.call(() -> PngExport.render(scene.build(), w, h, scale));
            write(out, () -> PngExport.write(img, out));
        } else {
            String svg = FxHeadless.call(() -> SvgExport.toSvg(scene.build(), w, h));
            write(out, () -> SvgExport.writeString(svg, out));
        }
        emitResult(w, h, null);
    }

    private void emitResult(int w, int h, Integer frames) {
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("command", "render");
        r.put("view", view);
        r.put("out", out.toString());
        r.put("width", w);
        r.put("height", h);
        if (format.equals("png") || format.equals("gif")) {
            r.put("scale", scale);
            r.put("pixel_width", (int) Math.round(w * scale));
            r.put("pixel_height", (int) Math.round(h * scale));
        }
        if (frames != null) {
            r.put("frames", frames);
        }
        if (checkpointStep != null) {
            r.put("requested_step", step);
            r.put("checkpoint_step", checkpointStep);
        }
        emit(r);
    }

    /** Builds the view on the FX thread from data computed beforehand on this thread. */
    @FunctionalInterface
    interface Scene {
        javafx.scene.Node build();
    }

    /** The views use the app's scene data (bounds, grid, density, masks, colours), so renders match the window. */
    private Scene prepare(RealNVP flow, float[] points, LossSnapshot history) {
        int layers = flow.spec().layers();
        if (DiagnosticsRender.handles(view)) {
            return DiagnosticsRender.prepare(this, view, flow, points != null ? points : flow.samplePoints(n, seed), layer);
        }
        switch (view) {
            case "density" -> {
                float[] extent = points != null ? points : flow.samplePoints(n, seed);
                Bounds b = Bounds.ofData(extent);
                DensityImage density;
                try (DensityGrid grid = new DensityGrid(DensityGrid.defaultThreads())) {
                    density = DensityImage.of(grid, flow, DENSITY_GRID, b);
                }
                float[] shown = points;
                int[] colours = shown == null ? null : Palette.byPosition(shown);
                return () -> {
                    PlotView v = plot("density p(x)", "x₁", "x₂");
                    v.setFixedBounds(b.xmin(), b.xmax(), b.ymin(), b.ymax());
                    v.setHeatmap(density.values(), density.width(), density.height(), b.xmin(), b.xmax(), b.ymin(),
                            b.ymax(), false);
                    if (shown != null) {
                        v.setPoints(shown, colours);
                        v.setPointOpacity(Palette.POINT_OPACITY_OVER_DENSITY);
                    }
                    return v;
                };
            }
            case "samples" -> {
                float[] samples = flow.samplePoints(n, seed);
                NonFinite.require(samples, "sampled coordinates", Models.nonFiniteCause(flow));
                float[] shown = points;
                int[] colours = shown == null ? null : Palette.byPosition(shown);
                return () -> {
                    PlotView v = plot("model samples (n = " + n + ")" + (shown != null ? " and data" : ""), "x₁", "x₂");
                    v.setSamples(samples, Palette.SAMPLE);
                    if (shown != null) {
                        v.setPoints(shown, colours);
                        v.setPointOpacity(Palette.POINT_OPACITY);
                    }
                    return v;
                };
            }
            case "layers", "latent" -> {
                float[] xy = points != null ? points : flow.samplePoints(n, seed);
                int k = view.equals("latent") ? layers : layer != null ? layer : layers;
                FlowTrace trace = flow.traceForward(xy);
                float[] at = trace.positions()[k];
                int[] colours = Palette.byPosition(xy);
                float[][] warped = view.equals("layers")
                        ? warpedGrid(flow, Bounds.ofData(xy), k) : null;
                String title = view.equals("latent") ? "latent z = f(x)" : LayerScrubber.positionText(k, layers);
                boolean latent = k == layers;
                return () -> {
                    PlotView v = plot(title, latent ? "z₁" : k == 0 ? "x₁" : "h₁", latent ? "z₂" : k == 0 ? "x₂" : "h₂");
                    v.setPoints(at, colours);
                    if (warped != null) {
                        v.setWarpedGrid(warped);
                    }
                    v.setBaseContours(view.equals("latent") ? BaseContours.of(flow.mixtureComponents().orElse(null)) : null);
                    return v;
                };
            }
            case "logdet", "logdet-cumulative", "jacobian" -> {
                return LayerAnatomyRender.scene(this, view, flow, points != null ? points : flow.samplePoints(n, seed), layer);
            }
            case "loss" -> {
                LossCurve train = LossCurve.train(history);
                LossCurve test = LossCurve.test(history);
                return () -> {
                    LossChart c = new LossChart();
                    c.appendTrain(train.steps(), train.values());
                    c.appendTest(test.steps(), test.values());
                    return c;
                };
            }
            default -> {
                boolean[][] masks = LayerMasks.of(flow);
                int outline = layer != null ? layer : -1;
                return () -> {
                    MaskGridView m = new MaskGridView();
                    m.setMasks(masks);
                    m.setHighlightedLayer(outline);
                    return m;
                };
            }
        }
    }

    private static PlotView plot(String title, String xTitle, String yTitle) {
        PlotView v = new PlotView();
        v.setTitle(title);
        v.setAxisTitles(xTitle, yTitle);
        return v;
    }

    /** The app's warped grid over {@code b} (WARP_LINES each way), pushed through the first {@code k} layers. */
    static float[][] warpedGrid(RealNVP flow, Bounds b, int k) {
        float[] moved = flow.traceForward(WarpedGrid.points(b, WARP_LINES, WARP_POINTS)).positions()[k];
        return WarpedGrid.polylines(moved, 2 * WARP_LINES, WARP_POINTS);
    }
}
