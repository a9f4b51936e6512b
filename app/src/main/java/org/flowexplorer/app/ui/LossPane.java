package org.flowexplorer.app.ui;

import java.util.OptionalDouble;
import javafx.scene.layout.BorderPane;
import org.flowexplorer.app.chart.LossChart;
import org.flowexplorer.app.viewmodel.ExplorerViewModel;
import org.flowexplorer.app.viewmodel.LossFeed;
import org.flowexplorer.app.viewmodel.PlotsViewModel;

/** Train (smoothed minibatch) and test NLL against step, with the data's known lower bound if any. */
public final class LossPane extends BorderPane {
    private final LossChart chart = new LossChart();

    LossPane(ExplorerViewModel vm) {
        PlotsViewModel plots = vm.plots();
        getStyleClass().add("plot-pane");
        chart.setId("loss-chart");
        setCenter(chart);
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
        };
        plots.lossSoFar().applyTo(sink);
        plots.lossIncrementProperty().addListener((o, was, now) -> now.applyTo(sink));
        plots.lowerBoundProperty().addListener((o, was, now) -> showLowerBound(now));
        showLowerBound(plots.lowerBoundProperty().get());
    }

    private void showLowerBound(OptionalDouble bound) {
        chart.setLowerBound(bound, "entropy ln 32 (lower bound)");
    }

    public LossChart chart() {
        return chart;
    }
}
