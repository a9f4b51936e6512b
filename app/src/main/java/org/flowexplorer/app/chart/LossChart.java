package org.flowexplorer.app.chart;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.OptionalDouble;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.css.CssMetaData;
import javafx.css.Styleable;
import javafx.css.StyleableObjectProperty;
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
    private static final double LEFT = 58;
    private static final double RIGHT = 14;
    private static final double TOP = 34;
    private static final double BOTTOM = 40;

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
    private final Canvas canvas = new Canvas();
    private final Label hoverLabel = new Label();
    private final CheckBox logToggle = new CheckBox("log y");
    private OptionalDouble lowerBound = OptionalDouble.empty();
    private String lowerBoundLabel = "";
    private double hoverX = Double.NaN;

    // Mapping of the last redraw.
    private double x0;
    private double x1 = 1;
    private double yLo;
    private double yHi = 1;
    private double logOffset;

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
        scheduler.markDirty();
    }

    /** Appends test/validation losses (nats) at the given steps; steps must not decrease. */
    public void appendTest(int[] steps, float[] values) {
        test.append(steps, values);
        scheduler.markDirty();
    }

    /** Removes both series (e.g. when training restarts). */
    public void clear() {
        train.clear();
        test.clear();
        scheduler.markDirty();
    }

    /** A dashed horizontal reference line, e.g. the entropy of the true data density; empty hides it. */
    public void setLowerBound(OptionalDouble bound, String label) {
        lowerBound = Objects.requireNonNull(bound);
        lowerBoundLabel = label == null ? "" : label;
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
        copy.lowerBound = lowerBound;
        copy.lowerBoundLabel = lowerBoundLabel;
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
        paintChart(g, height);
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
        logToggle.resizeRelocate(Math.round(w - RIGHT - tw), Math.round((TOP - th) / 2), tw, th);
        scheduler.flush();
    }

    private double plotW() {
        return Math.max(10, getWidth() - LEFT - RIGHT);
    }

    private double plotH() {
        return Math.max(10, getHeight() - TOP - BOTTOM);
    }

    private double px(double step) {
        return LEFT + (step - x0) / (x1 - x0) * plotW();
    }

    private double ty(double v) {
        return logScale.get() ? Math.log10(v - logOffset) : v;
    }

    private double py(double v) {
        return TOP + (1 - (ty(v) - yLo) / (yHi - yLo)) * plotH();
    }

    private void computeRanges() {
        x0 = 0;
        x1 = Math.max(1, Math.max(train.lastStep(), test.lastStep()));
        double lo = Math.min(train.min(), test.min());
        double hi = Math.max(train.max(), test.max());
        if (lowerBound.isPresent()) {
            lo = Math.min(lo, lowerBound.getAsDouble());
            hi = Math.max(hi, lowerBound.getAsDouble());
        }
        if (!(hi >= lo)) {
            lo = 0;
            hi = 1;
        }
        logOffset = lo > 0 ? 0 : lo - Math.max(1e-3, 0.02 * (hi - lo));
        double a = ty(lo);
        double b = ty(hi);
        double pad = b > a ? 0.05 * (b - a) : 0.5;
        yLo = a - pad;
        yHi = b + pad;
        if (!logScale.get() && lo >= 0 && yLo < 0) {
            yLo = Math.min(0, lo);
        }
    }

    @Override
    protected void redraw() {
        GraphicsContext gc = canvas.getGraphicsContext2D();
        double w = canvas.getWidth();
        double h = canvas.getHeight();
        gc.clearRect(0, 0, w, h);
        paintChart(new FxChartGraphics(gc), h);
        drawHover(gc, plotW(), plotH());
    }

    /** Everything but the hover read-out: plot background, grid, axes, bound, curves and legend. */
    private void paintChart(ChartGraphics g, double h) {
        computeRanges();
        double pw = plotW();
        double ph = plotH();
        g.setFill(plotBackground.get());
        g.fillRect(LEFT, TOP, pw, ph);
        drawAxes(g, pw, ph, h);
        g.save();
        g.clipRect(LEFT, TOP, pw, ph);
        if (lowerBound.isPresent() && lowerBound.getAsDouble() - logOffset > 0) {
            double y = Math.round(py(lowerBound.getAsDouble())) + 0.5;
            g.setStroke(boundColor.get());
            g.setLineWidth(1.2);
            g.setLineDashes(6, 4);
            g.strokeLine(LEFT, y, LEFT + pw, y);
            g.setLineDashes();
        }
        drawSeries(g, train, trainColor.get(), pw, 1.2);
        drawSeries(g, test, testColor.get(), pw, 2.0);
        g.restore();
        drawLegend(g);
    }

    private void drawSeries(ChartGraphics g, LossSeries s, Color colour, double pw, double width) {
        if (s.size() == 0) {
            return;
        }
        MinMaxDownsampler.Result r = MinMaxDownsampler.downsample(s.steps(), s.values(), s.size(), x0, x1,
                (int) Math.ceil(pw));
        g.setStroke(colour);
        g.setLineWidth(width);
        g.beginPath();
        boolean open = false;
        for (int i = 0; i < r.length(); i++) {
            double y = py(r.y()[i]);
            if (!Double.isFinite(y)) {
                open = false;
                continue;
            }
            if (open) {
                g.lineTo(px(r.x()[i]), y);
            } else {
                g.moveTo(px(r.x()[i]), y);
                open = true;
            }
        }
        g.stroke();
        if (r.length() == 1) {
            g.setFill(colour);
            g.fillOval(px(r.x()[0]) - 2, py(r.y()[0]) - 2, 4, 4);
        }
    }

    private void drawAxes(ChartGraphics g, double pw, double ph, double h) {
        g.setFont(Font.font(11));
        g.setLineWidth(1);
        double[] xt = Ticks.nice(x0, x1, (int) Math.max(2, Math.min(8, pw / 90)));
        double[] yt = Ticks.nice(yLo, yHi, (int) Math.max(2, Math.min(6, ph / 45)));
        g.setStroke(gridLineColor.get());
        for (double t : xt) {
            double x = Math.round(px(t)) + 0.5;
            g.strokeLine(x, TOP, x, TOP + ph);
        }
        for (double t : yt) {
            double y = Math.round(TOP + (1 - (t - yLo) / (yHi - yLo)) * ph) + 0.5;
            g.strokeLine(LEFT, y, LEFT + pw, y);
        }
        ChartAxes.frame(g, axisColor.get(), LEFT, TOP, pw, ph);
        g.setFill(textColor.get());
        double xs = Ticks.stepOf(xt);
        ChartAxes.xLabels(g, xt, this::px, TOP + ph, 0, 5, t -> formatStep(t, xs));
        double ys = Ticks.stepOf(yt);
        ChartAxes.yLabels(g, yt, t -> TOP + (1 - (t - yLo) / (yHi - yLo)) * ph, LEFT, 0, 6,
                t -> logScale.get() ? formatValue(logOffset + Math.pow(10, t)) : Ticks.format(t, ys));
        g.setFont(Font.font(12));
        g.setTextAlign(TextAlignment.CENTER);
        g.setTextBaseline(VPos.BOTTOM);
        g.fillText("step", LEFT + pw / 2, h - 4);
        g.save();
        g.translate(14, TOP + ph / 2);
        g.rotate(-90);
        g.setTextBaseline(VPos.CENTER);
        g.fillText("NLL (nats)", 0, 0);
        g.restore();
    }

    private void drawLegend(ChartGraphics g) {
        g.setFont(Font.font(12));
        g.setTextAlign(TextAlignment.LEFT);
        g.setTextBaseline(VPos.CENTER);
        double x = LEFT;
        double y = TOP / 2;
        Font font = Font.font(12);
        x = Legend.entry(g, x, y, trainColor.get(), false, "train", textColor.get(), font);
        x = Legend.entry(g, x, y, testColor.get(), false, "test", textColor.get(), font);
        if (lowerBound.isPresent()) {
            String label = lowerBoundLabel.isEmpty() ? "bound" : lowerBoundLabel;
            Legend.entry(g, x, y, boundColor.get(), true, label + " " + formatValue(lowerBound.getAsDouble()),
                    textColor.get(), font);
        }
    }

    private void drawHover(GraphicsContext g, double pw, double ph) {
        boolean inside = hoverX >= LEFT && hoverX <= LEFT + pw && (train.size() > 0 || test.size() > 0);
        if (!inside) {
            hoverLabel.setVisible(false);
            return;
        }
        double step = x0 + (hoverX - LEFT) / pw * (x1 - x0);
        StringBuilder text = new StringBuilder();
        int ti = train.nearestIndex(step);
        int vi = test.nearestIndex(step);
        int shownStep = ti >= 0 ? train.steps()[ti] : test.steps()[vi];
        text.append("step ").append(shownStep);
        double guide = Math.round(px(shownStep)) + 0.5;
        g.setStroke(axisColor.get().deriveColor(0, 1, 1, 0.6));
        g.setLineWidth(1);
        g.strokeLine(guide, TOP, guide, TOP + ph);
        if (ti >= 0) {
            text.append("\ntrain ").append(formatValue(train.values()[ti]));
            dot(g, trainColor.get(), train.steps()[ti], train.values()[ti]);
        }
        if (vi >= 0) {
            text.append("\ntest ").append(formatValue(test.values()[vi])).append(" (step ")
                    .append(test.steps()[vi]).append(')');
            dot(g, testColor.get(), test.steps()[vi], test.values()[vi]);
        }
        hoverLabel.setText(text.toString());
        hoverLabel.setVisible(true);
        hoverLabel.applyCss();
        double lw = hoverLabel.prefWidth(-1);
        double lh = hoverLabel.prefHeight(lw);
        double lx = guide + 10 + lw > LEFT + pw ? guide - 10 - lw : guide + 10;
        hoverLabel.resizeRelocate(Math.round(lx), TOP + 6, lw, lh);
    }

    private void dot(GraphicsContext g, Color colour, double step, double value) {
        double y = py(value);
        if (Double.isFinite(y)) {
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

    private static String formatValue(double v) {
        return String.format(Locale.ROOT, Math.abs(v) >= 100 ? "%.1f" : "%.3f", v);
    }

    public static List<CssMetaData<? extends Styleable, ?>> getClassCssMetaData() {
        return CSS;
    }

    @Override
    public List<CssMetaData<? extends Styleable, ?>> getCssMetaData() {
        return CSS;
    }
}
