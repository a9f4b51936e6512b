package org.flowexplorer.app.chart;

import java.util.List;
import java.util.Objects;
import javafx.css.CssMetaData;
import javafx.css.Styleable;
import javafx.css.StyleableObjectProperty;
import javafx.scene.Scene;
import javafx.scene.SnapshotParameters;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.paint.Color;
import javafx.scene.transform.Transform;

/**
 * The base of the app's charts ({@link PlotView}, {@link LossChart}, {@link MaskGridView}): the
 * redraw scheduler (data setters mark the chart dirty; it redraws at most once per pulse), the
 * theme tokens every chart shares, and the exports as template methods over {@link #copyForExport()}:
 * a fresh chart holding the same data, which the base lays out alone at the requested size with
 * this chart's stylesheets and redraws.
 *
 * <p>CSS: {@code -fe-plot-background}, {@code -fe-axis-color}, {@code -fe-text-color},
 * {@code -fe-grid-line-color} (see {@code views.css}; the Java defaults match PrimerLight).
 */
public abstract class ChartRegion extends Region implements ExportableChart {
    private static final CssMetaData<ChartRegion, Color> PLOT_BACKGROUND =
            ThemeColors.meta("-fe-plot-background", Color.WHITE, c -> c.plotBackground);
    private static final CssMetaData<ChartRegion, Color> AXIS_COLOR =
            ThemeColors.meta("-fe-axis-color", Color.web("#57606a"), c -> c.axisColor);
    private static final CssMetaData<ChartRegion, Color> TEXT_COLOR =
            ThemeColors.meta("-fe-text-color", Color.web("#24292f"), c -> c.textColor);
    private static final CssMetaData<ChartRegion, Color> GRID_LINE_COLOR =
            ThemeColors.meta("-fe-grid-line-color", Color.web("#d8dee4"), c -> c.gridLineColor);
    private static final List<CssMetaData<? extends Styleable, ?>> CSS = ThemeColors.extend(
            Region.getClassCssMetaData(), PLOT_BACKGROUND, AXIS_COLOR, TEXT_COLOR, GRID_LINE_COLOR);

    /** Coalesces data changes into one {@link #redraw()} per pulse. */
    protected final RedrawScheduler scheduler = new RedrawScheduler(this::redraw);
    protected final StyleableObjectProperty<Color> plotBackground =
            ThemeColors.property(this, PLOT_BACKGROUND, "plotBackground", scheduler::markDirty);
    protected final StyleableObjectProperty<Color> axisColor =
            ThemeColors.property(this, AXIS_COLOR, "axisColor", scheduler::markDirty);
    protected final StyleableObjectProperty<Color> textColor =
            ThemeColors.property(this, TEXT_COLOR, "textColor", scheduler::markDirty);
    protected final StyleableObjectProperty<Color> gridLineColor =
            ThemeColors.property(this, GRID_LINE_COLOR, "gridLineColor", scheduler::markDirty);

    private final double prefWidth;
    private final double prefHeight;

    /** @param prefWidth the preferred size before any layout constrains it */
    protected ChartRegion(double prefWidth, double prefHeight) {
        this.prefWidth = prefWidth;
        this.prefHeight = prefHeight;
    }

    @Override
    protected double computePrefWidth(double height) {
        return prefWidth;
    }

    @Override
    protected double computePrefHeight(double width) {
        return prefHeight;
    }

    /** Draws the current data; called by the scheduler at most once per pulse. */
    protected abstract void redraw();

    /** A new chart of the same kind holding this chart's data (not its size, scene or listeners). */
    protected abstract ChartRegion copyForExport();

    /** Paints the laid-out export copy as vector drawing; false where the chart is made of nodes. */
    protected abstract boolean paintExport(ChartGraphics g, int width, int height);

    /** Redraws immediately instead of waiting for the next pulse (tests, snapshots). */
    public void redrawNow() {
        scheduler.redrawNow();
    }

    @Override
    public WritableImage snapshotImage(int width, int height, double scale) {
        ChartRegion copy = layoutCopy(width, height, scale);
        SnapshotParameters params = new SnapshotParameters();
        params.setTransform(Transform.scale(scale, scale));
        params.setFill(copy.plotBackground.get());
        return copy.getParent().snapshot(params, null);
    }

    @Override
    public boolean paintVector(ChartGraphics g, int width, int height) {
        return layoutCopy(width, height, 1).paintExport(g, width, height);
    }

    @Override
    public Region exportCopy(int width, int height) {
        return layoutCopy(width, height, 1);
    }

    @Override
    public Color exportBackground() {
        return plotBackground.get();
    }

    /** The export copy laid out alone in a width×height scene with this chart's stylesheets, redrawn. */
    final ChartRegion layoutCopy(int width, int height, double scale) {
        ChartRegion copy = copyForExport();
        copy.prepareExport(scale);
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

    /** Called on the copy before it is laid out: e.g. draw pixels at {@code scale}, hide on-screen-only controls. */
    protected void prepareExport(double scale) {
    }

    @Override
    public String getUserAgentStylesheet() {
        return Objects.requireNonNull(ChartRegion.class.getResource("views.css")).toExternalForm();
    }

    public static List<CssMetaData<? extends Styleable, ?>> getClassCssMetaData() {
        return CSS;
    }

    @Override
    public List<CssMetaData<? extends Styleable, ?>> getCssMetaData() {
        return getClassCssMetaData();
    }
}
