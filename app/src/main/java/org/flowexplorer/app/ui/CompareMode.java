package org.flowexplorer.app.ui;

import java.util.List;
import javafx.scene.Node;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.Tooltip;
import org.flowexplorer.app.preset.ComparePreset;
import org.flowexplorer.app.preset.Presets;
import org.flowexplorer.app.viewmodel.CompareViewModel;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * Puts compare mode into the window: a "Compare two models" submenu at the end of the View menu
 * (the mode itself, side B's settings, the compare presets), a Compare toggle on the toolbar, and
 * the {@link ComparePane} in place of the explorer while comparing; leaving puts the explorer back
 * exactly as it was.
 */
final class CompareMode {
    private final MainWindow window;
    private final CompareViewModel compare;
    private final CompareExports exports;
    private final ToggleButton toggle = new ToggleButton("Compare", new FontIcon("mdi2c-compare-horizontal"));
    private final CheckMenuItem menuItem = new CheckMenuItem("Compare mode…");
    private ComparePane pane;
    private Node normal;

    CompareMode(MainWindow window, CompareViewModel compare) {
        this.window = window;
        this.compare = compare;
        this.exports = new CompareExports(window.actions().exports());
        toggle.setId("tool-compare");
        Controls.lazyTooltip(toggle, () -> new Tooltip("Train a second model side by side on the same data and compare the two"
                + " (View › Compare two models)."));
        toggle.setOnAction(e -> toggleMode());
        menuItem.setId("menu-compare");
        menuItem.setOnAction(e -> toggleMode());
        MenuItem editB = new MenuItem("Side B settings…");
        editB.setId("menu-compare-edit-b");
        editB.setOnAction(e -> askAndEnter());
        Menu menu = new Menu("Compare two models");
        menu.setId("menu-compare-submenu");
        menu.getItems().addAll(menuItem, editB, new SeparatorMenuItem());
        List<ComparePreset> presets = Presets.comparisons();
        for (int i = 0; i < presets.size(); i++) {
            ComparePreset p = presets.get(i);
            MenuItem item = new MenuItem(p.name());
            item.setId("menu-compare-preset-" + i);
            item.setUserData(p);
            item.setOnAction(e -> applyPreset(p));
            menu.getItems().add(item);
        }
        window.menu().getMenus().stream().filter(m -> "menu-view".equals(m.getId())).findFirst()
                .ifPresent(view -> view.getItems().addAll(new SeparatorMenuItem(), menu));
        window.toolBar().getItems().add(toggle);
        compare.activeProperty().addListener((o, was, now) -> show(now));
        compare.errorProperty().addListener((o, was, now) -> {
            if (!now.isEmpty()) {
                window.notifications().error("Could not enter compare mode", now);
            }
        });
        show(compare.isActive());
    }

    /** The menu item and the toggle: enter (asking for side B) or leave. */
    private void toggleMode() {
        if (compare.isActive()) {
            compare.leave();
        } else {
            askAndEnter();
        }
        show(compare.isActive());
    }

    private void askAndEnter() {
        if (!window.viewModel().training().readyProperty().get()) {
            window.notifications().error("Could not enter compare mode", "Wait until the model is ready.");
            return;
        }
        CompareSideDialog.ask(owner(), compare.currentA())
                .ifPresent(b -> replacingSideA("Entering compare mode", () -> compare.enter(b)));
    }

    void applyPreset(ComparePreset p) {
        replacingSideA("The compare preset “" + p.name() + "”", () -> {
            compare.applyPreset(p);
            window.notifications().info("Compare preset “" + p.name() + "”: " + p.watchFor());
        });
    }

    /** Both ways in start side A again from step 0: asked first, as any other replacement, when its trained steps are in no file. */
    private void replacingSideA(String what, Runnable enter) {
        ConfirmDiscard.of(window.viewModel()).replacing(owner(), what, enter);
    }

    private javafx.stage.Window owner() {
        return window.getScene() == null ? null : window.getScene().getWindow();
    }

    private void show(boolean comparing) {
        toggle.setSelected(comparing);
        menuItem.setSelected(comparing);
        if (comparing && window.getCenter() != pane) {
            if (pane == null) {
                pane = new ComparePane(compare, exports, this::askAndEnter);
            }
            normal = window.getCenter();
            window.setCenter(pane);
        } else if (!comparing && pane != null && window.getCenter() == pane) {
            window.setCenter(normal);
        }
    }

    /** The compare pane (null before the first entry). */
    ComparePane pane() {
        return pane;
    }

    CompareViewModel compareModel() {
        return compare;
    }

    ToggleButton toggle() {
        return toggle;
    }
}
