package org.flowexplorer.app.ui;

import javafx.geometry.Insets;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.Tooltip;
import org.flowexplorer.app.chart.ConditionerCurvesView;
import org.flowexplorer.app.chart.HealthPanel;
import org.flowexplorer.app.viewmodel.DiagnosticsViewModel;

/**
 * The "Conditioners &amp; health" tab: the stepper's coupling's conditioner curves beside the
 * numerical-health panel, both bound to {@link DiagnosticsViewModel}.
 */
final class DiagnosticsPane extends SplitPane {
    private final ConditionerCurvesView curves = new ConditionerCurvesView();
    private final HealthPanel health = new HealthPanel();
    private final Tab tab;

    DiagnosticsPane(DiagnosticsViewModel vm) {
        setId("diagnostics");
        curves.setId("conditioner-curves");
        health.setId("numerical-health");
        curves.setMinSize(260, 220);
        health.setMinSize(300, 220);
        setPadding(new Insets(6));
        getItems().setAll(curves, health);
        setDividerPositions(0.55);
        vm.conditionerProperty().addListener((o, was, now) -> curves.show(now));
        vm.healthProperty().addListener((o, was, now) -> health.show(now));
        curves.show(vm.conditionerProperty().get());
        health.show(vm.healthProperty().get());
        tab = new Tab("Conditioners");
        TeachingTabs.attachWhenFirstSelected(tab, this);
        tab.setId("diagnostics-tab");
        Tooltip tip = new Tooltip("Conditioners & health: what the stepper's coupling's conditioner learned (s and t as curves), and the "
                + "numbers that warn of numerical trouble before training diverges.");
        tip.setShowDelay(javafx.util.Duration.millis(400));
        tab.setTooltip(tip);
        tab.selectedProperty().addListener((o, was, now) -> vm.setVisible(now));
    }

    Tab tab() {
        return tab;
    }

    ConditionerCurvesView curves() {
        return curves;
    }

    HealthPanel health() {
        return health;
    }
}
