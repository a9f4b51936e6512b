package org.flowexplorer.app.ui;

import javafx.scene.layout.BorderPane;
import org.flowexplorer.app.view.LossChart;
import org.flowexplorer.app.viewmodel.ExplorerViewModel;
import org.flowexplorer.app.viewmodel.LossFeed;
import org.flowexplorer.app.worker.Snapshot;

/** Train (smoothed minibatch) and test NLL against step, with the data's known lower bound if any. */
public final class LossPane extends BorderPane {
    private final LossChart chart = new LossChart();
    private final LossFeed feed = new LossFeed();
    private Object boundFor;

    LossPane(ExplorerViewModel vm) {
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
        vm.snapshotProperty().addListener((o, was, s) -> {
            if (s == null || s.phase() != Snapshot.Phase.READY) {
                return;
            }
            feed.feed(s, sink);
            if (boundFor != s.settings().dataSource()) {
                boundFor = s.settings().dataSource();
                chart.setLowerBound(s.lowerBound(), "entropy ln 32 (lower bound)");
            }
        });
    }

    public LossChart chart() {
        return chart;
    }
}
