package org.flowexplorer.app.chart;

import java.util.Arrays;
import java.util.List;
import java.util.OptionalDouble;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.css.CssMetaData;
import javafx.css.Styleable;
import javafx.css.StyleableObjectProperty;
import javafx.geometry.BoundingBox;
import javafx.geometry.Bounds;
import javafx.geometry.VPos;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.input.MouseEvent;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.TextAlignment;

/**
 * Live training curve: train and test negative log-likelihood (nats) against step, with optional
 * log-scale y, a dashed line at a known lower bound (e.g. the data's true entropy), a legend and a
 * hover read-out. Series are min/max downsampled per pixel column, so 100 000 steps draw as fast as
 * 2 000. Appends only mark the chart dirty; it redraws at most once per pulse.
 *
 * <p>CSS: style class {@code loss-chart}; colours {@code -fe-train-color}, {@code -fe-test-color},
 * {@code -fe-bound-color}, and the shared ones of {@link ChartRegion}; the hover read-out is a Label
 * with style class {@code hover-label}.
 */
public class LossChart extends ChartRegion {
    private static final double MIN_LEFT = 46;
    private static final double RIGHT = 14;
    private static final double BOTTOM = 40;
    private static final Font TICK_FONT = Font.font(11);
    private static final Font LEGEND_FONT = Font.font(12);

    private static final CssMetaData<LossChart, Color> TRAIN_COLOR =
            ThemeColors.meta("-fe-train-color", Color.web("#0969da"), c -> c.trainColor);
    private static final CssMetaData<LossChart, Color> TEST_COLOR =
            ThemeColors.meta("-fe-test-color", Color.web("#bc4c00"), c -> c.testColor);
    private static final CssMetaData<LossChart, Color> BOUND_COLOR =
            ThemeColors.meta("-fe-bound-color", Color.web("#1a7f37"), c -> c.boundColor);
    private static final List<CssMetaData<? extends Styleable, ?>> CSS = ThemeColors.extend(
            ChartRegion.getClassCssMetaData(), TRAIN_COLOR, TEST_COLOR, BOUND_COLOR);

    private final StyleableObjectProperty<Color> trainColor =
            ThemeColors.property(this, TRAIN_COLOR, "trainColor", scheduler::markDirty);
    private final StyleableObjectProperty<Color> testColor =
            ThemeColors.property(this, TEST_COLOR, "testColor", scheduler::markDirty);
    private final StyleableObjectProperty<Color> boundColor =
            ThemeColors.property(this, BOUND_COLOR, "boundColor", scheduler::markDirty);

    private final BooleanProperty logScale = new SimpleBooleanProperty(this, "logScale");
    private final LossSeries train = new LossSeries();
    private final LossSeries test = new LossSeries();
    private final TestNllDetail detail = new TestNllDetail();
    private final LossAxis axis = new LossAxis();
    private final Canvas canvas = new Canvas();
    private final Label hoverLabel = new Label();
    private final CheckBox logToggle = new CheckBox("log y");
    private final LossFloor floor = new LossFloor();
    private double hoverX = Double.NaN;
    private double stepMarker = Double.NaN;

    // Layout and mapping of the last redraw.
    private double left = MIN_LEFT;
    private double top = 34;
    private double x0;
    private double x1 = 1;
    private double[] yTicks = new double[0];
    private String[] yLabels = new String[0];
    private List<Legend.Placed> legend = List.of();
    private int offScale;

    public LossChart() {
        super(480, 260);
        getStyleClass().add("loss-chart");
        hoverLabel.getStyleClass().add("hover-label");
        hoverLabel.setVisible(false);
        hoverLabel.setMouseTransparent(true);
        hoverLabel.setManaged(false);
        logToggle.getStyleClass().add("log-toggle");
        logToggle.selectedProperty().bindBidirectional(logScale);
        logToggle.setTooltip(new Tooltip("Plot the loss on a logarithmic axis (shifted above the smallest"
                + " value when losses go negative) to see late, small improvements."));
        logScale.addListener(o -> scheduler.markDirty());
        canvas.setMouseTransparent(true);
        getChildren().addAll(canvas, logToggle, hoverLabel);
        addEventHandler(MouseEvent.MOUSE_MOVED, e -> setHover(e.getX()));
        addEventHandler(MouseEvent.MOUSE_DRAGGED, e -> setHover(e.getX()));
        addEventHandler(MouseEvent.MOUSE_EXITED, e -> setHover(Double.NaN));
        setMinSize(200, 140);
    }

    /** Appends training losses (nats) at the given steps; steps must not decrease. */
    public void appendTrain(int[] steps, float[] values) {
        train.append(steps, values);
        scheduler.markDirtySoon(); // a growing curve: ~20 redraws/s
    }

    /** Appends test/validation losses (nats) at the given steps; steps must not decrease. */
    public void appendTest(int[] steps, float[] values) {
        test.append(steps, values);
        scheduler.markDirtySoon(); // a growing curve: ~20 redraws/s
    }

    /**
     * Appends, for test evaluations at the given steps, the median held-out NLL (drawn as a faint
     * companion of the mean, which one absurd point can pull up), the number of outliers and the
     * worst point's log p (the legend and read-out say why the mean jumped).
     */
    public void appendTestDetail(int[] steps, float[] medians, int[] outliers, float[] worstLogProbs) {
        detail.append(steps, medians, outliers, worstLogProbs);
        scheduler.markDirtySoon(); // a growing curve: ~20 redraws/s
    }

    /** Removes all series (e.g. when training restarts). */
    public void clear() {
        train.clear();
        test.clear();
        detail.clear();
        scheduler.markDirty();
    }

    /** A vertical line at {@code step} (the step the replay timeline shows); NaN removes it. */
    public void setStepMarker(double step) {
        stepMarker = step;
        scheduler.markDirty();
    }

    /** A dashed horizontal reference line, e.g. the entropy of the true data density; empty hides it. */
    public void setLowerBound(OptionalDouble bound, String label) {
        floor.set(bound, label);
        scheduler.markDirty();
    }

    /** What the legend says when there is no lower bound, e.g. why none is known; empty says nothing. */
    public void setNoFloorReason(String reason) {
        floor.setNoFloorReason(reason);
        scheduler.markDirty();
    }

    /** Whether the y axis is logarithmic; a "log y" check box in the corner toggles it too. */
    public BooleanProperty logScaleProperty() {
        return logScale;
    }

    public boolean isLogScale() {
        return logScale.get();
    }

    public void setLogScale(boolean value) {
        logScale.set(value);
    }

    /** Number of train points stored (not drawn). */
    public int trainSize() {
        return train.size();
    }

    /** Number of test points stored. */
    public int testSize() {
        return test.size();
    }

    @Override
    protected ChartRegion copyForExport() {
        LossChart copy = new LossChart();
        copy.train.append(Arrays.copyOf(train.steps(), train.size()), Arrays.copyOf(train.values(), train.size()));
        copy.test.append(Arrays.copyOf(test.steps(), test.size()), Arrays.copyOf(test.values(), test.size()));
        detail.copyInto(copy.detail);
        floor.copyInto(copy.floor);
        copy.logScale.set(logScale.get());
        return copy;
    }

    /** Exports leave out the "log y" check box and the hover read-out. */
    @Override
    protected void prepareExport(double scale) {
        logToggle.setVisible(false);
    }

    /**
     * Curves as polylines (min/max downsampled per pixel column like the screen), dashed bound,
     * legend, axes.
     */
    @Override
    protected boolean paintExport(ChartGraphics g, int width, int height) {
        g.setFill(plotBackground.get());
        g.fillRect(0, 0, width, height);
        paintChart(g, width, height);
        return true;
    }

    /** Shows the read-out for the step under local x (NaN hides it); used by mouse handlers and tests. */
    void setHover(double localX) {
        hoverX = localX;
        scheduler.markDirty();
    }

    /** The read-out text currently shown, or empty when hidden. */
    String hoverText() {
        return hoverLabel.isVisible() ? hoverLabel.getText() : "";
    }

    /** The y tick values of the last redraw (values, not logarithms). */
    double[] yTickValues() {
        return yTicks.clone();
    }

    String[] yTickLabels() {
        return yLabels.clone();
    }

    /** The plot area's left edge of the last redraw: wide enough for the y labels and the axis title. */
    double leftMargin() {
        return left;
    }

    List<Bounds> legendEntryBounds() {
        return Legend.entryBounds(legend);
    }

    Bounds logToggleBounds() {
        return logToggle.getBoundsInParent();
    }

    Bounds hoverBounds() {
        return new BoundingBox(hoverLabel.getLayoutX(), hoverLabel.getLayoutY(), hoverLabel.getWidth(),
                hoverLabel.getHeight());
    }

    /** Bottom and top of the y axis (values). */
    double[] valueRange() {
        return new double[] {axis.bottom(), axis.top()};
    }

    /** Stored points above the axis (drawn as markers at the top edge). */
    int offScaleCount() {
        return offScale;
    }

    @Override
    protected void layoutChildren() {
        double w = getWidth();
        double h = getHeight();
        if (canvas.getWidth() != w || canvas.getHeight() != h) {
            canvas.setWidth(w);
            canvas.setHeight(h);
            scheduler.markDirty();
        }
        double tw = logToggle.prefWidth(-1);
        double th = logToggle.prefHeight(tw);
        logToggle.resizeRelocate(Math.round(w - RIGHT - tw), Math.round(legendRowY() - th / 2), tw, th);
        scheduler.flush();
    }

    private static double legendRowY() {
        return 6 + Legend.ROW_HEIGHT / 2;
    }

    private double plotW() {
        return Math.max(10, getWidth() - left - RIGHT);
    }

    private double plotH() {
        return Math.max(10, getHeight() - top - BOTTOM);
    }

    private double px(double step) {
        return left + (step - x0) / (x1 - x0) * plotW();
    }

    private double py(double v) {
        return top + (1 - axis.unit(v)) * plotH();
    }

    @Override
    protected void redraw() {
        GraphicsContext gc = canvas.getGraphicsContext2D();
        double w = canvas.getWidth();
        double h = canvas.getHeight();
        gc.clearRect(0, 0, w, h);
        paintChart(new FxChartGraphics(gc), w, h);
        drawHover(gc, plotW(), plotH());
    }

    /**
     * Everything but the hover read-out: legend (which sets the top margin), axis range and ticks
     * (which set the left margin), grid, bound, curves and off-scale markers.
     */
    private void paintChart(ChartGraphics g, double w, double h) {
        legend = layoutLegend(w, h);
        top = Math.max(34, Legend.bounds(legend).getMaxY() + 10);
        x0 = 0;
        x1 = Math.max(1, Math.max(train.lastStep(), test.lastStep()));
        axis.fit(logScale.get(), new float[][] {train.values(), test.values(), detail.medians().values()},
                new int[] {train.size(), test.size(), detail.size()},
                floor.value());
        yTicks = axis.ticks((int) Math.max(2, Math.min(6, plotH() / 45)));
        yLabels = new String[yTicks.length];
        double widest = 0;
        for (int i = 0; i < yTicks.length; i++) {
            yLabels[i] = axis.label(yTicks[i], yTicks);
            widest = Math.max(widest, Legend.textWidth(yLabels[i], TICK_FONT));
        }
        left = Math.max(MIN_LEFT, Math.ceil(widest) + 6 + 24);
        double pw = plotW();
        double ph = plotH();
        g.setFill(plotBackground.get());
        g.fillRect(left, top, pw, ph);
        drawAxes(g, pw, ph, h);
        g.save();
        g.clipRect(left, top, pw, ph);
        if (Double.isFinite(py(floor.value()))) {
            double y = Math.round(py(floor.value())) + 0.5;
            g.setStroke(boundColor.get());
            g.setLineWidth(1.2);
            g.setLineDashes(6, 4);
            g.strokeLine(left, y, left + pw, y);
            g.setLineDashes();
        }
        int columns = (int) Math.ceil(pw);
        LossCurvePainter.draw(g, train, x0, x1, columns, this::px, this::py, trainColor.get(), 1.2);
        LossCurvePainter.draw(g, detail.medians(), x0, x1, columns, this::px, this::py, medianColor(), 3.0);
        LossCurvePainter.draw(g, test, x0, x1, columns, this::px, this::py, testColor.get(), 2.0);
        if (Double.isFinite(stepMarker)) {
            StepMarker.draw(g, (long) stepMarker, px(stepMarker), left, left + pw, top, top + ph, textColor.get());
        }
        g.restore();
        offScale = LossCurvePainter.markOffScale(g, train, axis, this::px, top, trainColor.get())
                + LossCurvePainter.markOffScale(g, test, axis, this::px, top, testColor.get());
        Legend.draw(g, legend, textColor.get(), textColor.get().deriveColor(0, 1, 1, 0.75), LEGEND_FONT);
    }

    /** The median's faint shade of the test colour. */
    private Color medianColor() {
        return testColor.get().deriveColor(0, 1, 1, 0.45);
    }

    /** Legend rows left of the "log y" box (see {@link LossLegend}). */
    private List<Legend.Placed> layoutLegend(double w, double h) {
        double right = w - RIGHT;
        double firstRowRight = !logToggle.isVisible() ? right
                : (logToggle.getWidth() > 0 ? logToggle.getLayoutX() : right - logToggle.prefWidth(-1)) - 10;
        LossLegend.Colours colours = new LossLegend.Colours(trainColor.get(), testColor.get(), medianColor(),
                boundColor.get());
        return LossLegend.layout(colours, detail, floor, test.size() > 0 ? test.values()[test.size() - 1] : Double.NaN,
                h, 10, legendRowY(), firstRowRight, right, LEGEND_FONT);
    }

    private void drawAxes(ChartGraphics g, double pw, double ph, double h) {
        g.setFont(TICK_FONT);
        g.setLineWidth(1);
        double[] xt = Ticks.nice(x0, x1, (int) Math.max(2, Math.min(8, pw / 90)));
        g.setStroke(gridLineColor.get());
        for (double t : xt) {
            double x = Math.round(px(t)) + 0.5;
            g.strokeLine(x, top, x, top + ph);
        }
        for (double t : yTicks) {
            double y = Math.round(py(t)) + 0.5;
            g.strokeLine(left, y, left + pw, y);
        }
        ChartAxes.frame(g, axisColor.get(), left, top, pw, ph);
        g.setFill(textColor.get());
        double xs = Ticks.stepOf(xt);
        ChartAxes.xLabels(g, xt, this::px, top + ph, 0, 5, t -> formatStep(t, xs));
        ChartAxes.yLabels(g, yTicks, this::py, left, 0, 6, t -> axis.label(t, yTicks));
        g.setFont(Font.font(12));
        g.setTextAlign(TextAlignment.CENTER);
        g.setTextBaseline(VPos.BOTTOM);
        g.fillText("step", left + pw / 2, h - 4);
        g.save();
        g.translate(12, top + ph / 2);
        g.rotate(-90);
        g.setTextBaseline(VPos.CENTER);
        g.fillText("NLL (nats)", 0, 0);
        g.restore();
    }

    private void drawHover(GraphicsContext g, double pw, double ph) {
        boolean inside = hoverX >= left && hoverX <= left + pw && (train.size() > 0 || test.size() > 0);
        if (!inside) {
            hoverLabel.setVisible(false);
            return;
        }
        double step = x0 + (hoverX - left) / pw * (x1 - x0);
        int ti = train.nearestIndex(step);
        int vi = test.nearestIndex(step);
        int shownStep = ti >= 0 ? train.steps()[ti] : test.steps()[vi];
        double guide = Math.round(px(shownStep)) + 0.5;
        g.setStroke(axisColor.get().deriveColor(0, 1, 1, 0.6));
        g.setLineWidth(1);
        g.strokeLine(guide, top, guide, top + ph);
        if (ti >= 0) {
            dot(g, trainColor.get(), train.steps()[ti], train.values()[ti]);
        }
        if (vi >= 0) {
            dot(g, testColor.get(), test.steps()[vi], test.values()[vi]);
        }
        int mi = vi >= 0 ? detail.indexAt(test.steps()[vi]) : -1;
        hoverLabel.setText(LossReadout.hover(shownStep, ti >= 0 ? train.values()[ti] : Double.NaN,
                vi >= 0 ? test.values()[vi] : Double.NaN, vi >= 0 ? test.steps()[vi] : 0,
                mi >= 0 ? detail.median(mi) : Double.NaN, mi >= 0 ? detail.outliers(mi) : 0,
                mi >= 0 ? detail.worstLogProb(mi) : Double.NaN,
                floor.value()));
        hoverLabel.setVisible(true);
        hoverLabel.applyCss();
        double w = getWidth();
        double lw = Math.min(hoverLabel.prefWidth(-1), w - 4);
        double lh = hoverLabel.prefHeight(lw);
        double lx = guide + 10 + lw <= w - 2 ? guide + 10 : guide - 10 - lw;
        lx = Math.max(2, Math.min(lx, w - 2 - lw));
        hoverLabel.resizeRelocate(Math.round(lx), top + 6, lw, lh);
    }

    private void dot(GraphicsContext g, Color colour, double step, double value) {
        double y = py(value);
        if (Double.isFinite(y) && !axis.offScale(value)) {
            g.setFill(colour);
            g.fillOval(px(step) - 3.5, y - 3.5, 7, 7);
        }
    }

    private static String formatStep(double t, double step) {
        if (Math.abs(t) >= 10_000 && step >= 1000) {
            return Ticks.format(t / 1000, step / 1000) + "k";
        }
        return Ticks.format(t, step);
    }

    public static List<CssMetaData<? extends Styleable, ?>> getClassCssMetaData() {
        return CSS;
    }

    @Override
    public List<CssMetaData<? extends Styleable, ?>> getCssMetaData() {
        return CSS;
    }
}
