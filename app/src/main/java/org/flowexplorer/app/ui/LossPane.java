package org.flowexplorer.app.ui;

import java.util.OptionalDouble;
import javafx.geometry.Insets;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import org.flowexplorer.app.chart.LossChart;
import org.flowexplorer.app.viewmodel.ExplorerViewModel;
import org.flowexplorer.app.viewmodel.LossFeed;
import org.flowexplorer.app.viewmodel.PlotsViewModel;

/**
 * Train (smoothed minibatch) and test NLL against step with the test median, and the data's entropy
 * floor with the distance to it, or why there is none.
 */
public final class LossPane extends BorderPane {
    private final LossChart chart = new LossChart();
    private final CheckBox freshSamples = new CheckBox("10 000 fresh test points");
    private final ReplayBar replay;

    LossPane(ExplorerViewModel vm) {
        PlotsViewModel plots = vm.plots();
        getStyleClass().add("plot-pane");
        chart.setId("loss-chart");
        setCenter(chart);
        freshSamples.setId("fresh-test-samples");
        Controls.lazyTooltip(freshSamples, () -> new Tooltip("Measure the test NLL on 10 000 fresh samples of the toy set or opened image"
                + " (5× less often), so its distance to the entropy floor H(p) is not noise: standard error about 0.01 nats."
                + " Drawn or CSV-imported data keep their own test points."));
        freshSamples.selectedProperty().addListener((o, was, now) -> plots.setFreshTestSamples(now));
        BorderPane.setMargin(freshSamples, new Insets(2, 0, 0, 8));
        replay = new ReplayBar(vm);
        setBottom(new javafx.scene.layout.VBox(replay, freshSamples));
        vm.replay().shownStepProperty().addListener((o, was, now) ->
                chart.setStepMarker(now.longValue() < 0 ? Double.NaN : now.doubleValue()));
        LossFeed.Sink sink = new LossFeed.Sink() {
            public void clear() {
                chart.clear();
            }

            public void appendTrain(int[] steps, float[] values) {
                chart.appendTrain(steps, values);
            }

            public void appendTest(int[] steps, float[] values) {
                chart.appendTest(steps, values);
            }

            @Override
            public void appendTestDetail(int[] steps, float[] medians, int[] outliers, float[] worstLogProbs) {
                chart.appendTestDetail(steps, medians, outliers, worstLogProbs);
            }
        };
        plots.lossSoFar().applyTo(sink);
        plots.lossIncrementProperty().addListener((o, was, now) -> now.applyTo(sink));
        plots.lowerBoundProperty().addListener((o, was, now) -> showLowerBound(now));
        showLowerBound(plots.lowerBoundProperty().get());
        chart.setNoFloorReason(plots.noFloorReasonProperty().get());
        plots.noFloorReasonProperty().addListener((o, was, now) -> chart.setNoFloorReason(now));
    }

    /** The data's entropy H(p): no model's expected NLL goes below it, so test − H(p) estimates KL(p‖q). */
    private void showLowerBound(OptionalDouble bound) {
        chart.setLowerBound(bound, "H(p) floor");
    }

    /** The "fresh samples" option: off by default. */
    public CheckBox freshSamplesToggle() {
        return freshSamples;
    }

    /** The replay timeline under the chart. */
    public ReplayBar replayBar() {
        return replay;
    }

    public LossChart chart() {
        return chart;
    }
}
