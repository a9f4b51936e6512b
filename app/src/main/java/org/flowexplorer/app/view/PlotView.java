package org.flowexplorer.app.view;

import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import javafx.css.CssMetaData;
import javafx.css.Styleable;
import javafx.css.StyleableObjectProperty;
import javafx.geometry.VPos;
import javafx.scene.Cursor;
import javafx.scene.Scene;
import javafx.scene.SnapshotParameters;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.image.ImageView;
import javafx.scene.image.WritableImage;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.scene.text.TextAlignment;
import javafx.scene.transform.Transform;

/**
 * A square 2-D scatter plot with axes that draws immutable snapshot data in stacked layers:
 * density heatmap (back), model samples, data points, then on a vector overlay the warped grid,
 * standard-normal contours and markers with paths.
 *
 * <p>Heatmap and points are written into one premultiplied pixel buffer ({@link PixelSurface}); the
 * heatmap raster is cached so animating 10 000 points only costs a copy plus the point stamps.
 * Setters only store data and mark the view dirty; it redraws at most once per pulse. All setters
 * take ownership of the arrays passed in: do not mutate them afterwards, hand over new ones.
 *
 * <p>CSS: style class {@code plot-view}; colours {@code -fe-plot-background}, {@code -fe-axis-color},
 * {@code -fe-text-color}, {@code -fe-grid-line-color}, {@code -fe-warp-color}, {@code -fe-contour-color}.
 */
public class PlotView extends Region {
    private static final double MARGIN_FRACTION = 0.06;

    private static final CssMetaData<PlotView, Color> PLOT_BACKGROUND =
            ThemeColors.meta("-fe-plot-background", Color.WHITE, v -> v.plotBackground);
    private static final CssMetaData<PlotView, Color> AXIS_COLOR =
            ThemeColors.meta("-fe-axis-color", Color.web("#57606a"), v -> v.axisColor);
    private static final CssMetaData<PlotView, Color> TEXT_COLOR =
            ThemeColors.meta("-fe-text-color", Color.web("#24292f"), v -> v.textColor);
    private static final CssMetaData<PlotView, Color> GRID_LINE_COLOR =
            ThemeColors.meta("-fe-grid-line-color", Color.web("#d8dee4"), v -> v.gridLineColor);
    private static final CssMetaData<PlotView, Color> WARP_COLOR =
            ThemeColors.meta("-fe-warp-color", Color.web("#0969da"), v -> v.warpColor);
    private static final CssMetaData<PlotView, Color> CONTOUR_COLOR =
            ThemeColors.meta("-fe-contour-color", Color.web("#cf222e"), v -> v.contourColor);
    private static final List<CssMetaData<? extends Styleable, ?>> CSS = ThemeColors.extend(
            Region.getClassCssMetaData(), PLOT_BACKGROUND, AXIS_COLOR, TEXT_COLOR, GRID_LINE_COLOR,
            WARP_COLOR, CONTOUR_COLOR);

    private final RedrawScheduler scheduler = new RedrawScheduler(this::redraw);
    private final StyleableObjectProperty<Color> plotBackground =
            ThemeColors.property(this, PLOT_BACKGROUND, "plotBackground", this::markHeatmapDirty);
    private final StyleableObjectProperty<Color> axisColor =
            ThemeColors.property(this, AXIS_COLOR, "axisColor", scheduler::markDirty);
    private final StyleableObjectProperty<Color> textColor =
            ThemeColors.property(this, TEXT_COLOR, "textColor", scheduler::markDirty);
    private final StyleableObjectProperty<Color> gridLineColor =
            ThemeColors.property(this, GRID_LINE_COLOR, "gridLineColor", this::markHeatmapDirty);
    private final StyleableObjectProperty<Color> warpColor =
            ThemeColors.property(this, WARP_COLOR, "warpColor", scheduler::markDirty);
    private final StyleableObjectProperty<Color> contourColor =
            ThemeColors.property(this, CONTOUR_COLOR, "contourColor", scheduler::markDirty);

    private final PixelSurface surface = new PixelSurface();
    private final ImageView imageView = new ImageView();
    private final Canvas overlay = new Canvas();

    // Layer data, all treated as immutable.
    private Heatmap heatmap;
    private float[] points;
    private int[] pointArgb;
    private int pointColor = 0xFF0969DA;
    private float[] samples;
    private int sampleColor = 0xFFBF3989;
    private float[][] warpedGrid;
    private boolean gaussianContours;
    private List<Marker> markers = List.of();
    private double[] fixedBounds;
    private double pointRadius = 1.5;
    private double pointOpacity = 0.85;
    private String title;
    private String xAxisTitle;
    private String yAxisTitle;
    private Colormaps colormap = Colormaps.VIRIDIS;

    // Derived state of the last redraw.
    private int[] background = new int[0];
    private Object backgroundKey;
    private Viewport viewport = new Viewport(-1, 1, -1, 1, 1);
    private double plotX;
    private double plotY;
    private double renderScaleOverride;

    private Consumer<double[]> onDataPressed;
    private Consumer<double[]> onDataDragged;
    private Consumer<double[]> onDataReleased;
    private boolean pressInside;

    /** Heatmap layer data. */
    private record Heatmap(float[] values, int gw, int gh, double xmin, double xmax, double ymin, double ymax,
            boolean logScale) {
    }

    /** Identity of a cached background raster. */
    private record BackgroundKey(Heatmap heatmap, double x0, double x1, double y0, double y1, int size,
            Colormaps map, Color bg, Color grid) {
    }

    public PlotView() {
        getStyleClass().add("plot-view");
        imageView.setSmooth(false);
        overlay.setMouseTransparent(true);
        getChildren().addAll(imageView, overlay);
        addEventHandler(MouseEvent.MOUSE_PRESSED, e -> {
            // only the primary button places points; the secondary one opens the context menu
            pressInside = e.getButton() == MouseButton.PRIMARY && insidePlot(e.getX(), e.getY());
            if (pressInside) {
                emit(onDataPressed, e);
            }
        });
        addEventHandler(MouseEvent.MOUSE_DRAGGED, e -> {
            if (pressInside) {
                emit(onDataDragged, e);
            }
        });
        addEventHandler(MouseEvent.MOUSE_RELEASED, e -> {
            if (pressInside) {
                emit(onDataReleased, e);
            }
            pressInside = false;
        });
        addEventHandler(MouseEvent.MOUSE_MOVED, e -> setCursor(
                insidePlot(e.getX(), e.getY()) && onDataPressed != null ? Cursor.CROSSHAIR : Cursor.DEFAULT));
        setMinSize(160, 160);
    }

    // ---------------------------------------------------------------- layer setters

    /**
     * Density heatmap behind everything; null hides it.
     *
     * @param values   gw×gh grid, row-major, row 0 at {@code ymin}; node (i,j) sits at
     *                 x = xmin + i(xmax−xmin)/(gw−1), y = ymin + j(ymax−ymin)/(gh−1)
     * @param logScale colour by log value (clamped 10 nats below the maximum) instead of value
     */
    public void setHeatmap(float[] values, int gw, int gh, double xmin, double xmax, double ymin, double ymax,
            boolean logScale) {
        if (values == null) {
            heatmap = null;
        } else {
            if (gw < 2 || gh < 2 || values.length != gw * gh || !(xmax > xmin) || !(ymax > ymin)) {
                throw new IllegalArgumentException("heatmap needs gw,gh >= 2, values.length == gw*gh"
                        + " and increasing bounds");
            }
            heatmap = new Heatmap(values, gw, gh, xmin, xmax, ymin, ymax, logScale);
        }
        scheduler.markDirty();
    }

    /** Colormap for the heatmap (default viridis). */
    public void setColormap(Colormaps map) {
        colormap = Objects.requireNonNull(map);
        scheduler.markDirty();
    }

    /** Data points (x0,y0,x1,y1,...) with one non-premultiplied ARGB colour each; null hides them. */
    public void setPoints(float[] xy, int[] argb) {
        if (xy != null && argb != null && argb.length != xy.length / 2) {
            throw new IllegalArgumentException(argb.length + " colours for " + xy.length / 2 + " points");
        }
        points = requirePairs(xy);
        pointArgb = argb;
        scheduler.markDirty();
    }

    /** Data points all in one colour; null hides them. */
    public void setPoints(float[] xy, int argb) {
        points = requirePairs(xy);
        pointArgb = null;
        pointColor = argb;
        scheduler.markDirty();
    }

    /** A second point set, e.g. model samples, drawn beneath the data points in one colour; null hides it. */
    public void setSamples(float[] xy, int argb) {
        samples = requirePairs(xy);
        sampleColor = argb;
        scheduler.markDirty();
    }

    /** Disc radius of points and samples in pixels, clamped to [0.5, 4]; default 1.5. */
    public void setPointRadius(double radius) {
        pointRadius = Math.max(0.5, Math.min(4, radius));
        scheduler.markDirty();
    }

    public double getPointRadius() {
        return pointRadius;
    }

    /** Opacity multiplied into every point colour, [0,1]; default 0.85 so dense regions read darker. */
    public void setPointOpacity(double opacity) {
        pointOpacity = Math.max(0, Math.min(1, opacity));
        scheduler.markDirty();
    }

    /** Thin polylines (each x,y pairs), e.g. the data-space grid pushed through layers; null hides them. */
    public void setWarpedGrid(float[][] polylines) {
        warpedGrid = polylines;
        scheduler.markDirty();
    }

    /** Shows dashed circles at 1, 2 and 3 standard deviations of a standard normal centred at 0. */
    public void setGaussianContours(boolean show) {
        gaussianContours = show;
        scheduler.markDirty();
    }

    /** Markers with optional paths, drawn on top; null or empty hides them. */
    public void setMarkers(List<Marker> list) {
        markers = list == null ? List.of() : List.copyOf(list);
        scheduler.markDirty();
    }

    public List<Marker> getMarkers() {
        return markers;
    }

    /** Title above the plot; null for none. */
    public void setTitle(String text) {
        title = text;
        requestLayout();
        scheduler.markDirty();
    }

    /** Axis titles such as "x₁"/"x₂" or "z₁"/"z₂"; null for none. */
    public void setAxisTitles(String xTitle, String yTitle) {
        xAxisTitle = xTitle;
        yAxisTitle = yTitle;
        requestLayout();
        scheduler.markDirty();
    }

    /** Keeps these data bounds regardless of the data (padded to a square). */
    public void setFixedBounds(double xmin, double xmax, double ymin, double ymax) {
        fixedBounds = new double[] {xmin, xmax, ymin, ymax};
        scheduler.markDirty();
    }

    /** Returns to bounds computed from points, samples, markers and contours plus a small margin. */
    public void setAutoBounds() {
        fixedBounds = null;
        scheduler.markDirty();
    }

    /** The data-to-pixel mapping of the last redraw, in this region's plot-area coordinates. */
    public Viewport getViewport() {
        return viewport;
    }

    // ---------------------------------------------------------------- mouse

    /** Called with {x, y} in data coordinates when a press starts inside the plot area. */
    public void setOnDataPressed(Consumer<double[]> handler) {
        onDataPressed = handler;
    }

    /** Called with {x, y} in data coordinates while dragging after a press inside the plot area. */
    public void setOnDataDragged(Consumer<double[]> handler) {
        onDataDragged = handler;
    }

    /** Called with {x, y} in data coordinates when a press that started inside the plot area ends. */
    public void setOnDataReleased(Consumer<double[]> handler) {
        onDataReleased = handler;
    }

    /**
     * Index in {@link #getMarkers()} of the marker closest to data point (x, y) if it is within
     * {@code pixelTolerance} screen pixels, else -1.
     */
    public int nearestMarker(double x, double y, double pixelTolerance) {
        int best = -1;
        double bestDist = pixelTolerance;
        for (int i = 0; i < markers.size(); i++) {
            Marker m = markers.get(i);
            double d = Math.hypot(m.x() - x, m.y() - y) * viewport.scale();
            if (d <= bestDist) {
                best = i;
                bestDist = d;
            }
        }
        return best;
    }

    /** Pointer position in this region's coordinates to {x, y} in data coordinates. */
    public double[] toData(double localX, double localY) {
        return new double[] {viewport.toDataX(localX - plotX), viewport.toDataY(localY - plotY)};
    }

    private boolean insidePlot(double lx, double ly) {
        return lx >= plotX && ly >= plotY && lx <= plotX + viewport.size() && ly <= plotY + viewport.size();
    }

    private void emit(Consumer<double[]> handler, MouseEvent e) {
        if (handler != null) {
            handler.accept(toData(e.getX(), e.getY()));
            e.consume();
        }
    }

    // ---------------------------------------------------------------- export

    /**
     * Renders this plot offscreen at {@code width}×{@code height} logical pixels times {@code scale}
     * (e.g. 2 for a crisp PNG). Uses the same data, titles and stylesheets; call on the FX thread.
     */
    public WritableImage snapshotImage(int width, int height, double scale) {
        PlotView copy = layoutCopy(width, height, scale);
        SnapshotParameters params = new SnapshotParameters();
        params.setTransform(Transform.scale(scale, scale));
        params.setFill(copy.plotBackground.get());
        return copy.getParent().snapshot(params, null);
    }

    /** A redrawn copy of this plot laid out alone in a width×height scene (FX thread). */
    private PlotView layoutCopy(int width, int height, double scale) {
        PlotView copy = new PlotView();
        copy.heatmap = heatmap;
        copy.colormap = colormap;
        copy.points = points;
        copy.pointArgb = pointArgb;
        copy.pointColor = pointColor;
        copy.samples = samples;
        copy.sampleColor = sampleColor;
        copy.warpedGrid = warpedGrid;
        copy.gaussianContours = gaussianContours;
        copy.markers = markers;
        copy.fixedBounds = fixedBounds;
        copy.pointRadius = pointRadius;
        copy.pointOpacity = pointOpacity;
        copy.title = title;
        copy.xAxisTitle = xAxisTitle;
        copy.yAxisTitle = yAxisTitle;
        copy.renderScaleOverride = scale;
        copy.getStylesheets().setAll(getStylesheets());
        copy.setStyle(getStyle());
        StackPane root = new StackPane(copy);
        Scene scene = new Scene(root, width, height);
        if (getScene() != null) {
            scene.getStylesheets().setAll(getScene().getStylesheets());
        }
        root.applyCss();
        root.layout();
        copy.scheduler.redrawNow();
        return copy;
    }

    /** Redraws immediately instead of waiting for the next pulse (tests, snapshots). */
    public void redrawNow() {
        scheduler.redrawNow();
    }

    // ---------------------------------------------------------------- layout and drawing

    @Override
    protected double computePrefWidth(double height) {
        return 440;
    }

    @Override
    protected double computePrefHeight(double width) {
        return 440;
    }

    private double topInset() {
        return title != null ? 30 : 10;
    }

    private double leftInset() {
        return 44 + (yAxisTitle != null ? 22 : 0);
    }

    private double bottomInset() {
        return 24 + (xAxisTitle != null ? 20 : 0);
    }

    private static final double RIGHT_INSET = 14;

    @Override
    protected void layoutChildren() {
        double w = getWidth();
        double h = getHeight();
        double availW = w - leftInset() - RIGHT_INSET;
        double availH = h - topInset() - bottomInset();
        double side = Math.max(10, Math.floor(Math.min(availW, availH)));
        double nx = Math.round(leftInset() + Math.max(0, availW - side) / 2);
        double ny = Math.round(topInset() + Math.max(0, availH - side) / 2);
        if (nx != plotX || ny != plotY || side != viewport.size() || overlay.getWidth() != w
                || overlay.getHeight() != h) {
            plotX = nx;
            plotY = ny;
            overlay.setWidth(w);
            overlay.setHeight(h);
            viewport = new Viewport(-1, 1, -1, 1, side);
            scheduler.markDirty();
        }
        imageView.relocate(plotX, plotY);
        scheduler.flush();
    }

    private double renderScale() {
        if (renderScaleOverride > 0) {
            return renderScaleOverride;
        }
        Scene scene = getScene();
        return scene != null && scene.getWindow() != null ? Math.max(1, scene.getWindow().getRenderScaleX()) : 1;
    }

    private void markHeatmapDirty() {
        backgroundKey = null;
        scheduler.markDirty();
    }

    private void redraw() {
        double side = viewport.size();
        double[] b = fixedBounds != null ? fixedBounds : autoBounds();
        viewport = new Viewport(b[0], b[1], b[2], b[3], side);
        double rs = renderScale();
        int pixelSide = (int) Math.max(1, Math.round(side * rs));
        Viewport pv = new Viewport(b[0], b[1], b[2], b[3], pixelSide);
        drawPixels(pv, rs);
        imageView.setImage(surface.image());
        imageView.setFitWidth(side);
        imageView.setFitHeight(side);
        drawOverlay();
    }

    private void drawPixels(Viewport pv, double rs) {
        int size = (int) pv.size();
        surface.resize(size, size);
        BackgroundKey key = new BackgroundKey(heatmap, pv.xMin(), pv.xMax(), pv.yMin(), pv.yMax(), size, colormap,
                plotBackground.get(), gridLineColor.get());
        if (!key.equals(backgroundKey) || background.length != size * size) {
            background = renderBackground(pv, size);
            backgroundKey = key;
        }
        System.arraycopy(background, 0, surface.pixels(), 0, background.length);
        double r = pointRadius * rs;
        drawPointSet(pv, samples, null, sampleColor, r);
        drawPointSet(pv, points, pointArgb, pointColor, r);
        surface.commit();
    }

    private int[] renderBackground(Viewport pv, int size) {
        int[] bg = new int[size * size];
        java.util.Arrays.fill(bg, PixelSurface.premultiply(ThemeColors.argb(plotBackground.get())));
        if (heatmap != null) {
            HeatmapRaster.render(bg, size, pv, heatmap.values, heatmap.gw, heatmap.gh, heatmap.xmin, heatmap.xmax,
                    heatmap.ymin, heatmap.ymax, heatmap.logScale, colormap);
        }
        int grid = ThemeColors.argb(gridLineColor.get());
        int alpha = (grid >>> 24) * (heatmap != null ? 1 : 3) / 4;
        for (double t : pv.xTicks(tickCount())) {
            int px = (int) Math.floor(pv.toPixelX(t));
            for (int y = 0; y < size && px >= 0 && px < size; y++) {
                bg[y * size + px] = PixelSurface.blend(bg[y * size + px], grid, alpha);
            }
        }
        for (double t : pv.yTicks(tickCount())) {
            int py = (int) Math.floor(pv.toPixelY(t));
            for (int x = 0; x < size && py >= 0 && py < size; x++) {
                bg[py * size + x] = PixelSurface.blend(bg[py * size + x], grid, alpha);
            }
        }
        return bg;
    }

    private void drawPointSet(Viewport pv, float[] xy, int[] colours, int colour, double r) {
        if (xy == null) {
            return;
        }
        int opacity = (int) Math.round(pointOpacity * 255);
        int n = xy.length / 2;
        for (int i = 0; i < n; i++) {
            int c = colours != null ? colours[i] : colour;
            int a = (c >>> 24) * opacity / 255;
            double px = pv.toPixelX(xy[2 * i]);
            double py = pv.toPixelY(xy[2 * i + 1]);
            surface.blendDisc(px, py, r, a << 24 | (c & 0xFFFFFF));
        }
    }

    private int tickCount() {
        return (int) Math.max(3, Math.min(8, viewport.size() / 70));
    }

    private double[] autoBounds() {
        double[] b = {Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY,
            Double.NEGATIVE_INFINITY};
        include(b, points);
        include(b, samples);
        for (Marker m : markers) {
            include(b, new float[] {(float) m.x(), (float) m.y()});
            include(b, m.path());
        }
        if (gaussianContours) {
            include(b, new float[] {-3.2f, -3.2f, 3.2f, 3.2f});
        }
        if (heatmap != null && !(b[1] >= b[0])) {
            include(b, new float[] {(float) heatmap.xmin, (float) heatmap.ymin, (float) heatmap.xmax,
                (float) heatmap.ymax});
            return b;
        }
        if (!(b[1] >= b[0])) {
            return new double[] {-3, 3, -3, 3};
        }
        double m = MARGIN_FRACTION * Math.max(b[1] - b[0], b[3] - b[2]);
        return new double[] {b[0] - m, b[1] + m, b[2] - m, b[3] + m};
    }

    private static void include(double[] b, float[] xy) {
        if (xy == null) {
            return;
        }
        for (int i = 0; i + 1 < xy.length; i += 2) {
            float x = xy[i];
            float y = xy[i + 1];
            if (Float.isFinite(x) && Float.isFinite(y)) {
                b[0] = Math.min(b[0], x);
                b[1] = Math.max(b[1], x);
                b[2] = Math.min(b[2], y);
                b[3] = Math.max(b[3], y);
            }
        }
    }

    private static float[] requirePairs(float[] xy) {
        if (xy != null && xy.length % 2 != 0) {
            throw new IllegalArgumentException("points need x,y pairs, got length " + xy.length);
        }
        return xy;
    }

    private void drawOverlay() {
        GraphicsContext gc = overlay.getGraphicsContext2D();
        gc.clearRect(0, 0, overlay.getWidth(), overlay.getHeight());
        paintOverlay(new FxChartGraphics(gc));
    }

    /** The vector layers: warped grid, contours and markers clipped to the plot area, then axes and titles. */
    private void paintOverlay(ChartGraphics g) {
        double side = viewport.size();
        g.save();
        g.translate(plotX, plotY);
        g.clipRect(0, 0, side, side);
        drawWarpedGrid(g);
        drawContours(g);
        drawMarkers(g);
        g.restore();
        drawAxes(g);
    }

    /**
     * Paints the whole plot as it would look at {@code width}×{@code height} logical pixels, with
     * every layer that is vector on screen drawn as vector shapes and the points as discs; only the
     * heatmap (if any) is a raster, at twice the plot's resolution (at most 1024 px). This is what
     * SVG export draws, laid out exactly like {@link #snapshotImage(int, int, double)}. FX thread.
     */
    public void paintVector(ChartGraphics g, int width, int height) {
        PlotView copy = layoutCopy(width, height, 1);
        copy.paintAll(g, width, height);
    }

    private void paintAll(ChartGraphics g, int width, int height) {
        g.setFill(plotBackground.get());
        g.fillRect(0, 0, width, height);
        double side = viewport.size();
        g.save();
        g.translate(plotX, plotY);
        g.clipRect(0, 0, side, side);
        if (heatmap != null) {
            int n = (int) Math.max(2, Math.min(1024, Math.round(2 * side)));
            Viewport pv = new Viewport(viewport.xMin(), viewport.xMax(), viewport.yMin(), viewport.yMax(), n);
            int[] raster = new int[n * n];
            HeatmapRaster.render(raster, n, pv, heatmap.values, heatmap.gw, heatmap.gh, heatmap.xmin, heatmap.xmax,
                    heatmap.ymin, heatmap.ymax, heatmap.logScale, colormap);
            g.drawImage(raster, n, n, 0, 0, side, side);
        }
        Color grid = gridLineColor.get();
        g.setStroke(grid.deriveColor(0, 1, 1, heatmap != null ? 0.25 : 0.75));
        g.setLineWidth(1);
        for (double t : viewport.xTicks(tickCount())) {
            double px = Math.floor(viewport.toPixelX(t)) + 0.5;
            g.strokeLine(px, 0, px, side);
        }
        for (double t : viewport.yTicks(tickCount())) {
            double py = Math.floor(viewport.toPixelY(t)) + 0.5;
            g.strokeLine(0, py, side, py);
        }
        paintDiscs(g, samples, null, sampleColor);
        paintDiscs(g, points, pointArgb, pointColor);
        g.restore();
        paintOverlay(g);
    }

    private void paintDiscs(ChartGraphics g, float[] xy, int[] colours, int colour) {
        if (xy == null) {
            return;
        }
        int n = xy.length / 2;
        double[] cx = new double[n];
        double[] cy = new double[n];
        int[] argb = colours != null ? new int[n] : null;
        int m = 0;
        for (int i = 0; i < n; i++) {
            if (Float.isFinite(xy[2 * i]) && Float.isFinite(xy[2 * i + 1])) {
                cx[m] = viewport.toPixelX(xy[2 * i]);
                cy[m] = viewport.toPixelY(xy[2 * i + 1]);
                if (argb != null) {
                    argb[m] = colours[i];
                }
                m++;
            }
        }
        g.fillDiscs(cx, cy, m, pointRadius, argb, colour, pointOpacity);
    }

    private void drawWarpedGrid(ChartGraphics g) {
        if (warpedGrid == null) {
            return;
        }
        g.setStroke(warpColor.get().deriveColor(0, 1, 1, 0.55));
        g.setLineWidth(0.8);
        for (float[] line : warpedGrid) {
            if (line != null) {
                strokePolyline(g, line);
            }
        }
    }

    private void strokePolyline(ChartGraphics g, float[] xy) {
        g.beginPath();
        boolean open = false;
        for (int i = 0; i + 1 < xy.length; i += 2) {
            if (!Float.isFinite(xy[i]) || !Float.isFinite(xy[i + 1])) {
                open = false;
                continue;
            }
            double px = viewport.toPixelX(xy[i]);
            double py = viewport.toPixelY(xy[i + 1]);
            if (open) {
                g.lineTo(px, py);
            } else {
                g.moveTo(px, py);
                open = true;
            }
        }
        g.stroke();
    }

    private void drawContours(ChartGraphics g) {
        if (!gaussianContours) {
            return;
        }
        Color c = contourColor.get();
        g.setStroke(c.deriveColor(0, 1, 1, 0.8));
        g.setLineWidth(1.2);
        g.setLineDashes(5, 4);
        g.setFont(Font.font(10));
        g.setTextAlign(TextAlignment.LEFT);
        g.setTextBaseline(VPos.BOTTOM);
        double cx = viewport.toPixelX(0);
        double cy = viewport.toPixelY(0);
        for (int k = 1; k <= 3; k++) {
            double r = k * viewport.scale();
            g.strokeOval(cx - r, cy - r, 2 * r, 2 * r);
            g.setFill(c);
            g.fillText(k + "σ", cx + r * 0.7071 + 2, cy - r * 0.7071 - 1);
        }
        g.setLineDashes();
    }

    private void drawMarkers(ChartGraphics g) {
        g.setFont(Font.font(null, FontWeight.BOLD, 12));
        g.setTextAlign(TextAlignment.LEFT);
        g.setTextBaseline(VPos.CENTER);
        for (Marker m : markers) {
            Color c = ThemeColors.color(m.argb());
            if (m.path() != null && m.path().length >= 2) {
                g.setStroke(c);
                g.setLineWidth(1.5);
                strokePolyline(g, m.path());
                g.setFill(c);
                for (int i = 0; i + 1 < m.path().length; i += 2) {
                    double px = viewport.toPixelX(m.path()[i]);
                    double py = viewport.toPixelY(m.path()[i + 1]);
                    g.fillOval(px - 2.5, py - 2.5, 5, 5);
                }
            }
            double px = viewport.toPixelX(m.x());
            double py = viewport.toPixelY(m.y());
            g.setFill(c);
            g.fillOval(px - 6, py - 6, 12, 12);
            g.setStroke(plotBackground.get());
            g.setLineWidth(2);
            g.strokeOval(px - 6, py - 6, 12, 12);
            if (m.label() != null && !m.label().isEmpty()) {
                g.setLineWidth(3);
                g.strokeText(m.label(), px + 10, py);
                g.setFill(textColor.get());
                g.fillText(m.label(), px + 10, py);
            }
        }
    }

    private void drawAxes(ChartGraphics g) {
        double side = viewport.size();
        Color axis = axisColor.get();
        Color text = textColor.get();
        g.setStroke(axis);
        g.setLineWidth(1);
        g.strokeRect(plotX - 0.5, plotY - 0.5, side + 1, side + 1);
        g.setFill(text);
        g.setFont(Font.font(11));
        int count = tickCount();
        double[] xt = viewport.xTicks(count);
        double xs = Ticks.stepOf(xt);
        g.setTextAlign(TextAlignment.CENTER);
        g.setTextBaseline(VPos.TOP);
        for (double t : xt) {
            double px = snap(plotX + viewport.toPixelX(t));
            g.strokeLine(px, plotY + side, px, plotY + side + 4);
            g.fillText(Ticks.format(t, xs), px, plotY + side + 6);
        }
        double[] yt = viewport.yTicks(count);
        double ys = Ticks.stepOf(yt);
        g.setTextAlign(TextAlignment.RIGHT);
        g.setTextBaseline(VPos.CENTER);
        for (double t : yt) {
            double py = snap(plotY + viewport.toPixelY(t));
            g.strokeLine(plotX - 4, py, plotX, py);
            g.fillText(Ticks.format(t, ys), plotX - 6, py);
        }
        g.setFont(Font.font(null, FontWeight.NORMAL, 13));
        if (xAxisTitle != null) {
            g.setTextAlign(TextAlignment.CENTER);
            g.setTextBaseline(VPos.TOP);
            g.fillText(xAxisTitle, plotX + side / 2, plotY + side + 24);
        }
        if (yAxisTitle != null) {
            g.setTextAlign(TextAlignment.CENTER);
            g.setTextBaseline(VPos.CENTER);
            g.fillText(yAxisTitle, plotX - 54, plotY + side / 2);
        }
        if (title != null) {
            g.setFont(Font.font(null, FontWeight.BOLD, 14));
            g.setTextAlign(TextAlignment.CENTER);
            g.setTextBaseline(VPos.BOTTOM);
            g.fillText(title, plotX + side / 2, plotY - 8);
        }
    }

    private static double snap(double v) {
        return Math.floor(v) + 0.5;
    }

    @Override
    public String getUserAgentStylesheet() {
        return Objects.requireNonNull(PlotView.class.getResource("views.css")).toExternalForm();
    }

    public static List<CssMetaData<? extends Styleable, ?>> getClassCssMetaData() {
        return CSS;
    }

    @Override
    public List<CssMetaData<? extends Styleable, ?>> getCssMetaData() {
        return CSS;
    }
}
