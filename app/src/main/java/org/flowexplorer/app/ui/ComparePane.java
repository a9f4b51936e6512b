package org.flowexplorer.app.ui;

import java.util.List;
import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.RowConstraints;
import javafx.scene.layout.VBox;
import org.flowexplorer.app.chart.CompareLossChart;
import org.flowexplorer.app.chart.PlotView;
import org.flowexplorer.app.preset.CompareSide;
import org.flowexplorer.app.scene.LossCurve;
import org.flowexplorer.app.scene.Palette;
import org.flowexplorer.app.viewmodel.CompareViewModel;
import org.flowexplorer.app.viewmodel.ExplorerViewModel;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * Compare mode's content: a bar (play both, step both, side B's settings, exports, leave), side A's
 * data/density, latent and layer stepper in the top row and side B's below, the loss curves of
 * both on one chart and the verdict under it. The query point and the steppers move together
 * ({@link CompareViewModel}); side A's row is built once, side B's on every entry.
 */
final class ComparePane extends BorderPane {
    private final CompareViewModel compare;
    private final Palette.Cache colors = new Palette.Cache();
    private final GridPane grid = new GridPane();
    private final CompareLossChart loss = new CompareLossChart();
    private final Label verdict = new Label();
    private final Label titleA = new Label();
    private final Label titleB = new Label();
    private final Region[] rowA;
    private Region[] rowB;
    private ExplorerViewModel sideB;

    ComparePane(CompareViewModel compare, CompareExports exports, Runnable editSideB) {
        this.compare = compare;
        setId("compare-pane");
        ExplorerViewModel a = compare.sideAModel();
        Button play = new Button();
        play.setId("compare-play");
        play.getStyleClass().add("accent");
        var playing = compare.bothPlayingProperty();
        play.textProperty().bind(Bindings.when(playing).then("Pause both").otherwise("Play both"));
        play.graphicProperty().bind(Bindings.createObjectBinding(
                () -> new FontIcon(playing.get() ? "mdi2p-pause" : "mdi2p-play"), playing));
        play.setOnAction(e -> compare.togglePlay());
        Controls.tip(play, "Start or pause both models; they train in parallel on two worker threads.");
        Button step = Controls.button("Step", "mdi2s-step-forward", "One training step on both models.", compare::stepOnce);
        step.setId("compare-step");
        Button edit = Controls.button("Side B…", "mdi2t-tune-variant", "Change side B's model and training; both start again.",
                editSideB);
        edit.setId("compare-edit-b");
        Button png = Controls.button("PNG", "mdi2f-file-image-outline", "Save the comparison as one PNG image.",
                () -> exports.savePng(this));
        png.setId("compare-png");
        Button svg = Controls.button("SVG", "mdi2v-vector-square", "Save the comparison as one SVG drawing.",
                () -> exports.saveSvg(this));
        svg.setId("compare-svg");
        Button gif = Controls.button("GIF", "mdi2a-animation-play-outline",
                "Save both models' layer animations side by side as an animated GIF.", () -> exports.saveGif(this));
        gif.setId("compare-gif");
        Button leave = Controls.button("Leave compare", "mdi2c-close", "Back to the normal window with side A.",
                compare::leave);
        leave.setId("compare-leave");
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox bar = new HBox(6, play, step, edit, spacer, png, svg, gif, leave);
        bar.setId("compare-bar");
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.setPadding(new Insets(4, 6, 4, 6));
        setTop(bar);

        titleA.setId("compare-title-a");
        titleB.setId("compare-title-b");
        for (Label t : new Label[] {titleA, titleB}) {
            t.getStyleClass().add("panel-title");
            t.setMinHeight(Region.USE_PREF_SIZE);
        }
        rowA = row(a);
        grid.setHgap(4);
        grid.setVgap(2);
        grid.setPadding(new Insets(0, 6, 0, 6));
        for (int c = 0; c < 3; c++) {
            ColumnConstraints cc = new ColumnConstraints();
            cc.setPercentWidth(100.0 / 3);
            grid.getColumnConstraints().add(cc);
        }
        for (int r = 0; r < 4; r++) {
            RowConstraints rc = new RowConstraints();
            rc.setVgrow(r % 2 == 1 ? Priority.ALWAYS : Priority.NEVER);
            grid.getRowConstraints().add(rc);
        }
        grid.add(titleA, 0, 0, 3, 1);
        place(rowA, 1);
        grid.add(titleB, 0, 2, 3, 1);
        setCenter(grid);

        loss.setId("compare-loss");
        loss.setPrefHeight(170);
        loss.setMinHeight(120);
        verdict.setId("compare-verdict");
        verdict.setWrapText(true);
        verdict.setMinHeight(Region.USE_PREF_SIZE);
        // one timeline for both sides: side A's checkpoints; side B shows its own at or before A's step
        ReplayBar timeline = new ReplayBar(a);
        timeline.setId("compare-timeline");
        VBox bottom = new VBox(2, loss, timeline, verdict);
        bottom.setPadding(new Insets(2, 6, 4, 6));
        setBottom(bottom);
        verdict.textProperty().bind(compare.verdictProperty());
        compare.sideBModelProperty().addListener((o, was, now) -> showSideB(now));
        compare.verdictProperty().addListener((o, was, now) -> showLoss());
        a.plots().lossProperty().addListener((o, was, now) -> showLoss());
        a.plots().lowerBoundProperty().addListener((o, was, now) -> showLoss());
        showSideB(compare.sideBModelProperty().get());
    }

    private Region[] row(ExplorerViewModel vm) {
        DataSpacePane data = new DataSpacePane(vm, colors);
        data.setBottom(null); // the hint is the normal window's; here the query goes to both sides
        data.plot().setOnDataPressed(p -> compare.queryData(p[0], p[1]));
        data.plot().setOnDataDragged(p -> compare.queryData(p[0], p[1]));
        data.plot().setOnDataReleased(p -> { });
        LatentSpacePane latent = new LatentSpacePane(vm, colors);
        latent.setBottom(null);
        latent.plot().setOnDataPressed(p -> compare.queryLatent(p[0], p[1]));
        latent.plot().setOnDataDragged(p -> compare.queryLatent(p[0], p[1]));
        StepperPane stepper = new StepperPane(vm, colors);
        stepper.fixedAxesToggle().setVisible(false);
        stepper.fixedAxesToggle().setManaged(false);
        Region[] views = {data, latent, stepper};
        for (Region r : views) {
            r.setMinSize(120, 100);
            r.setPrefSize(200, 150);
        }
        return views;
    }

    private void place(Region[] views, int gridRow) {
        for (int c = 0; c < views.length; c++) {
            grid.add(views[c], c, gridRow);
            GridPane.setHgrow(views[c], Priority.ALWAYS);
            GridPane.setVgrow(views[c], Priority.ALWAYS);
        }
    }

    private void showSideB(ExplorerViewModel vm) {
        if (rowB != null) {
            grid.getChildren().removeAll(rowB);
            rowB = null;
        }
        sideB = vm;
        if (vm != null) {
            rowB = row(vm);
            place(rowB, 3);
            vm.plots().lossProperty().addListener((o, was, now) -> {
                if (sideB == vm) {
                    showLoss();
                }
            });
        }
        CompareSide a = compare.sideASettingsProperty().get();
        CompareSide b = compare.sideBSettingsProperty().get();
        titleA.setText(title("A", a));
        titleB.setText(title("B", b));
        showLoss();
    }

    private static String title(String side, CompareSide s) {
        return s == null ? side : side + " — " + s.label() + ": "
                + CompareSide.describe(s.architecture(), s.training());
    }

    private void showLoss() {
        if (sideB == null) {
            loss.setContent(null);
            return;
        }
        loss.setContent(curves());
    }

    /** The loss chart's content now. */
    CompareLossChart.Curves curves() {
        var la = compare.sideAModel().plots().lossProperty().get();
        var lb = sideB == null ? null : sideB.plots().lossProperty().get();
        var f = compare.floor();
        return new CompareLossChart.Curves(name("A", compare.sideASettingsProperty().get()), LossCurve.train(la),
                LossCurve.test(la), name("B", compare.sideBSettingsProperty().get()), LossCurve.train(lb),
                LossCurve.test(lb), f.isPresent() ? f.getAsDouble() : Double.NaN);
    }

    private static String name(String side, CompareSide s) {
        return s == null || s.label().equals(side) ? side : side + " " + s.label();
    }

    // ---------------------------------------------------------------- for exports and tests

    /** Side A's (row 0) or B's (row 1) plots: data, latent, stepper. */
    List<PlotView> plots(int side) {
        Region[] r = side == 0 ? rowA : rowB;
        if (r == null) {
            return List.of();
        }
        return List.of(((DataSpacePane) r[0]).plot(), ((LatentSpacePane) r[1]).plot(), ((StepperPane) r[2]).plot());
    }

    StepperPane stepper(int side) {
        Region[] r = side == 0 ? rowA : rowB;
        return r == null ? null : (StepperPane) r[2];
    }

    String titleText(int side) {
        return (side == 0 ? titleA : titleB).getText();
    }

    CompareLossChart lossChart() {
        return loss;
    }

    Label verdictLabel() {
        return verdict;
    }

    CompareViewModel model() {
        return compare;
    }
}
