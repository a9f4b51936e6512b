package org.flowexplorer.app.chart;

import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import javafx.css.CssMetaData;
import javafx.css.Styleable;
import javafx.css.StyleableObjectProperty;
import javafx.scene.Cursor;
import javafx.scene.Scene;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.image.ImageView;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.paint.Color;

/**
 * A square 2-D scatter plot with axes that draws immutable snapshot data in stacked layers:
 * density heatmap (back), model samples, data points, then on a vector overlay the warped grid,
 * standard-normal contours and markers with paths.
 *
 * <p>All layers are one immutable {@link PlotLayers} value; setters replace it and mark the view
 * dirty, and it redraws at most once per pulse: {@link PlotRasterizer} writes heatmap and points
 * into one pixel buffer, {@link PlotPainter} draws the vector overlay (and, for SVG, everything).
 * All setters take ownership of the arrays passed in: do not mutate them afterwards, hand over new ones.
 *
 * <p>CSS: style class {@code plot-view}; colours {@code -fe-plot-background}, {@code -fe-axis-color},
 * {@code -fe-text-color}, {@code -fe-grid-line-color} ({@link ChartRegion}), {@code -fe-warp-color},
 * {@code -fe-contour-color}.
 */
public class PlotView extends ChartRegion {
    private static final double RIGHT_INSET = 14;

    private static final CssMetaData<PlotView, Color> WARP_COLOR =
            ThemeColors.meta("-fe-warp-color", Color.web("#0969da"), v -> v.warpColor);
    private static final CssMetaData<PlotView, Color> CONTOUR_COLOR =
            ThemeColors.meta("-fe-contour-color", Color.web("#cf222e"), v -> v.contourColor);
    private static final List<CssMetaData<? extends Styleable, ?>> CSS = ThemeColors.extend(
            ChartRegion.getClassCssMetaData(), WARP_COLOR, CONTOUR_COLOR);

    private final StyleableObjectProperty<Color> warpColor =
            ThemeColors.property(this, WARP_COLOR, "warpColor", scheduler::markDirty);
    private final StyleableObjectProperty<Color> contourColor =
            ThemeColors.property(this, CONTOUR_COLOR, "contourColor", scheduler::markDirty);

    private final PlotRasterizer rasterizer = new PlotRasterizer();
    private final ImageView imageView = new ImageView();
    private final Canvas overlay = new Canvas();

    /** Everything drawn; the only data state (an export copy shares it). */
    private PlotLayers layers = PlotLayers.EMPTY;

    // Derived state of the last layout and redraw.
    private Viewport viewport = new Viewport(-1, 1, -1, 1, 1);
    /** What the overlay canvas shows now: it is repainted only when this changes, not for new points. */
    private OverlayKey overlayKey;
    private double plotX;
    private double plotY;
    private double renderScaleOverride;

    private Consumer<double[]> onDataPressed;
    private Consumer<double[]> onDataDragged;
    private Consumer<double[]> onDataReleased;
    private boolean pressInside;

    public PlotView() {
        super(440, 440);
        getStyleClass().add("plot-view");
        imageView.setSmooth(false);
        overlay.setMouseTransparent(true);
        // placed by layoutChildren; unmanaged, so a new raster (the image's geometry "changes" with
        // every update of its pixels) does not request the layout of the plot and every ancestor
        imageView.setManaged(false);
        overlay.setManaged(false);
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

    /** All layers at once. */
    public void setLayers(PlotLayers newLayers) {
        boolean titlesChanged = !Objects.equals(layers.title(), newLayers.title())
                || !Objects.equals(layers.xAxisTitle(), newLayers.xAxisTitle())
                || !Objects.equals(layers.yAxisTitle(), newLayers.yAxisTitle())
                || (layers.heatmap() == null) != (newLayers.heatmap() == null); // the colour bar takes room
        layers = Objects.requireNonNull(newLayers);
        if (titlesChanged) {
            requestLayout();
        }
        scheduler.markDirty();
    }

    /** The layers drawn now. */
    public PlotLayers getLayers() {
        return layers;
    }

    /**
     * Density heatmap behind everything; null hides it.
     *
     * @param values   gw×gh grid, row-major, row 0 at {@code ymin}; node (i,j) sits at
     *                 x = xmin + i(xmax−xmin)/(gw−1), y = ymin + j(ymax−ymin)/(gh−1)
     * @param logScale colour by log value (clamped 10 nats below the maximum) instead of value
     */
    public void setHeatmap(float[] values, int gw, int gh, double xmin, double xmax, double ymin, double ymax,
            boolean logScale) {
        setLayers(layers.withHeatmap(values == null ? null
                : new PlotLayers.Heatmap(values, gw, gh, xmin, xmax, ymin, ymax, logScale)));
    }

    /** Colormap for the heatmap (default viridis). */
    public void setColormap(Colormaps map) {
        setLayers(layers.withColormap(Objects.requireNonNull(map)));
    }

    /** Data points (x0,y0,x1,y1,...) with one non-premultiplied ARGB colour each; null hides them. */
    public void setPoints(float[] xy, int[] argb) {
        setLayers(layers.withPoints(xy, argb, layers.pointColor()));
    }

    /** Data points all in one colour; null hides them. */
    public void setPoints(float[] xy, int argb) {
        setLayers(layers.withPoints(xy, null, argb));
    }

    /** A second point set, e.g. model samples, drawn beneath the data points in one colour; null hides it. */
    public void setSamples(float[] xy, int argb) {
        setLayers(layers.withSamples(xy, argb));
    }

    /** Disc radius of points and samples in pixels, clamped to [0.5, 4]; default 1.5. */
    public void setPointRadius(double radius) {
        setLayers(layers.withPointStyle(radius, layers.pointOpacity()));
    }

    /** Opacity multiplied into every point colour, [0,1]; default 0.85 so dense regions read darker. */
    public void setPointOpacity(double opacity) {
        setLayers(layers.withPointStyle(layers.pointRadius(), opacity));
    }

    /** Thin polylines (each x,y pairs), e.g. the data-space grid pushed through layers; null hides them. */
    public void setWarpedGrid(float[][] polylines) {
        setLayers(layers.withWarpedGrid(polylines));
    }

    /** Shows dashed circles at 1, 2 and 3 standard deviations of a standard normal centred at 0. */
    public void setGaussianContours(boolean show) {
        setLayers(layers.withGaussianContours(show));
    }

    /** The base distribution's σ-contours (N(0, I)'s circles or a mixture's ellipses); null hides them. */
    public void setBaseContours(BaseContours contours) {
        setLayers(layers.withBaseContours(contours));
    }

    /** Markers with optional paths, drawn on top; null or empty hides them. */
    public void setMarkers(List<Marker> list) {
        setLayers(layers.withMarkers(list));
    }

    public List<Marker> getMarkers() {
        return layers.markers();
    }

    /** Title above the plot; null for none. */
    public void setTitle(String text) {
        setLayers(layers.withTitles(text, layers.xAxisTitle(), layers.yAxisTitle()));
    }

    /** Axis titles such as "x₁"/"x₂" or "z₁"/"z₂"; null for none. */
    public void setAxisTitles(String xTitle, String yTitle) {
        setLayers(layers.withTitles(layers.title(), xTitle, yTitle));
    }

    /** Keeps these data bounds regardless of the data (padded to a square). */
    public void setFixedBounds(double xmin, double xmax, double ymin, double ymax) {
        setLayers(layers.withFixedBounds(new double[] {xmin, xmax, ymin, ymax}));
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
        List<Marker> markers = layers.markers();
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

    @Override
    protected ChartRegion copyForExport() {
        PlotView copy = new PlotView();
        copy.layers = layers;
        return copy;
    }

    @Override
    protected void prepareExport(double scale) {
        renderScaleOverride = scale;
    }

    /**
     * Paints the whole plot as laid out for export, with every layer that is vector on screen drawn
     * as vector shapes and the points as discs; only the heatmap (if any) is a raster.
     */
    @Override
    protected boolean paintExport(ChartGraphics g, int width, int height) {
        painter().paintAll(g, width, height);
        return true;
    }

    // ---------------------------------------------------------------- layout and drawing

    private double topInset() {
        return layers.title() != null ? 30 : 10;
    }

    private double leftInset() {
        return 44 + (layers.yAxisTitle() != null ? 22 : 0);
    }

    /** Room right of the plot area: the heatmap's colour bar when there is one. */
    private double rightInset() {
        return RIGHT_INSET + (layers.heatmap() != null ? ColorBar.WIDTH : 0);
    }

    private double bottomInset() {
        return 24 + (layers.xAxisTitle() != null ? 20 : 0);
    }

    @Override
    protected void layoutChildren() {
        double w = getWidth();
        double h = getHeight();
        double availW = w - leftInset() - rightInset();
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

    private int tickCount() {
        return (int) Math.max(3, Math.min(8, viewport.size() / 70));
    }

    private PlotPainter painter() {
        PlotPainter.Colors colors = new PlotPainter.Colors(plotBackground.get(), axisColor.get(), textColor.get(),
                gridLineColor.get(), warpColor.get(), contourColor.get());
        return new PlotPainter(layers, viewport, plotX, plotY, colors, tickCount());
    }

    @Override
    protected void redraw() {
        double side = viewport.size();
        double[] b = layers.dataBounds();
        viewport = new Viewport(b[0], b[1], b[2], b[3], side);
        double rs = renderScale();
        int pixelSide = (int) Math.max(1, Math.round(side * rs));
        Viewport pv = new Viewport(b[0], b[1], b[2], b[3], pixelSide);
        imageView.setImage(rasterizer.render(layers, pv, rs, plotBackground.get(), gridLineColor.get(), tickCount()));
        imageView.setFitWidth(side);
        imageView.setFitHeight(side);
        PlotPainter painter = painter();
        OverlayKey key = OverlayKey.of(painter, overlay.getWidth(), overlay.getHeight());
        if (!key.equals(overlayKey)) {
            // a repainted canvas is re-rasterised by the render thread (software rendering under
            // Xvfb: the contours, grid lines and tick labels); new points alone need none of it
            overlayKey = key;
            GraphicsContext gc = overlay.getGraphicsContext2D();
            gc.clearRect(0, 0, overlay.getWidth(), overlay.getHeight());
            painter.paintOverlay(new FxChartGraphics(gc));
        }
    }

    /**
     * Everything {@link PlotPainter#paintOverlay} reads: the layers but the point sets (of the
     * samples only whether there are any, for their legend), the viewport, the placement, the
     * colours, the ticks and the canvas size. Arrays compare by identity, as the layers own them.
     */
    record OverlayKey(PlotLayers.Heatmap heatmap, Colormaps colormap, boolean samples, int sampleColor,
            float[][] warpedGrid, BaseContours baseContours, List<Marker> markers, String title, String xAxisTitle,
            String yAxisTitle, double xMin, double xMax, double yMin, double yMax, double size, double plotX,
            double plotY, PlotPainter.Colors colors, int ticks, double width, double height) {
        static OverlayKey of(PlotPainter p, double width, double height) {
            PlotLayers l = p.layers();
            Viewport v = p.viewport();
            return new OverlayKey(l.heatmap(), l.colormap(), l.samples() != null, l.sampleColor(), l.warpedGrid(),
                    l.baseContours(), l.markers(), l.title(), l.xAxisTitle(), l.yAxisTitle(), v.xMin(), v.xMax(),
                    v.yMin(), v.yMax(), v.size(), p.plotX(), p.plotY(), p.colors(), p.ticks(), width, height);
        }
    }

    public static List<CssMetaData<? extends Styleable, ?>> getClassCssMetaData() {
        return CSS;
    }

    @Override
    public List<CssMetaData<? extends Styleable, ?>> getCssMetaData() {
        return CSS;
    }
}
