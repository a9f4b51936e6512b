package org.flowexplorer.app.ui;

import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import javafx.beans.binding.Bindings;
import javafx.beans.property.BooleanProperty;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.CustomMenuItem;
import javafx.scene.control.Label;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.util.Duration;
import org.flowexplorer.app.preset.Preset;
import org.flowexplorer.app.preset.Presets;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * File, View, Presets and Help menus with keyboard shortcuts; every item calls {@link AppActions}
 * or flips a {@link MainWindow} panel flag.
 */
public final class AppMenuBar extends MenuBar {
    private final Menu recent = new Menu("Recent files");
    private final Menu presets = new Menu("Presets");

    /** The replay film's input comes from the worker; the export itself runs on the task runner. */
    private static void exportReplay(MainWindow w, ExportActions ex, boolean gif) {
        w.viewModel().replay().captureFilm(96)
                .thenAcceptAsync(film -> ex.exportReplay(film, gif), javafx.application.Platform::runLater);
    }

    AppMenuBar(MainWindow w) {
        setId("menu-bar");
        setMinWidth(USE_PREF_SIZE); // the toolbar beside it overflows into its » menu; the menus never shrink to "…"
        AppActions a = w.actions();
        ViewFocus focus = w.focus();
        ExportActions ex = a.exports();

        // ---------------------------------------------------------------- File
        recent.setId("menu-recent");
        recent.setGraphic(new FontIcon("mdi2h-history"));
        followRecent(w.viewModel().files().recentFiles(), a::openRecent);
        Menu exportView = new Menu("Export selected view");
        exportView.setId("menu-export-view");
        MenuItem png = item("Save PNG…", "mdi2f-file-image-outline", "menu-save-png", shortcut(KeyCode.P, true),
                () -> ex.savePng(focus.selected()));
        MenuItem svg = item("Save SVG…", "mdi2v-vector-square", "menu-save-svg", shortcut(KeyCode.V, true),
                () -> ex.saveSvg(focus.selected()));
        MenuItem copy = item("Copy image", "mdi2c-content-copy", "menu-copy-image", shortcut(KeyCode.C, true),
                () -> ex.copyImage(focus.selected()));
        MenuItem gif = item("Export layer animation (GIF)…", "mdi2a-animation-play-outline", "menu-export-gif",
                shortcut(KeyCode.G, true), () -> ex.exportGif(w.target(Panel.LAYER_STEPPER)));
        MenuItem frames = item("Export frames (PNG sequence)…", "mdi2f-filmstrip", "menu-export-frames", null,
                () -> ex.exportFrames(w.target(Panel.LAYER_STEPPER)));
        MenuItem replayGif = item("Export training replay (GIF)…", "mdi2h-history", "menu-export-replay", null,
                () -> exportReplay(w, ex, true));
        MenuItem replayFrames = item("Export training replay (PNG frames)…", "mdi2f-filmstrip", "menu-export-replay-frames",
                null, () -> exportReplay(w, ex, false));
        javafx.scene.control.CheckMenuItem keepCheckpoints = new javafx.scene.control.CheckMenuItem();
        keepCheckpoints.setId("menu-session-checkpoints");
        keepCheckpoints.selectedProperty().bindBidirectional(w.viewModel().files().saveCheckpointsProperty());
        keepCheckpoints.setText("Save replay checkpoints with the session");
        var notExportable = Bindings.createBooleanBinding(
                () -> focus.selected() == null || !focus.selected().exportable(), focus.selectedProperty());
        png.disableProperty().bind(notExportable);
        svg.disableProperty().bind(notExportable);
        copy.disableProperty().bind(notExportable);
        exportView.getItems().addAll(png, svg, copy);
        Menu file = new Menu("File", null,
                item("Open session…", "mdi2f-folder-open-outline", "menu-open-session", shortcut(KeyCode.O, false),
                        a::openSession),
                item("Save session…", "mdi2c-content-save-outline", "menu-save-session", shortcut(KeyCode.S, false),
                        a::saveSession),
                keepCheckpoints,
                new SeparatorMenuItem(),
                item("Open lesson…", "mdi2s-school-outline", "menu-open-lesson", shortcut(KeyCode.L, false),
                        w.lessons()::openLesson),
                item("Save as lesson…", null, "menu-save-lesson", shortcut(KeyCode.L, true), w.lessons()::saveAsLesson),
                new SeparatorMenuItem(),
                item("Open model (.zip/.npz)…", "mdi2c-cube-outline", "menu-open-model", shortcut(KeyCode.O, true),
                        a::openModel),
                item("Export model…", "mdi2e-export-variant", "menu-export-model", shortcut(KeyCode.E, true),
                        a::exportModel),
                item("Export PyTorch script…", "mdi2l-language-python", "menu-export-torch", null, a::exportTorchScript),
                new SeparatorMenuItem(),
                item("Import points (CSV)…", "mdi2i-import", "menu-import-points", shortcut(KeyCode.I, false),
                        a::importPoints),
                item("Open image as density…", null, "menu-open-image", null, () -> a.openImageDensity(false)),
                item("Open image as density (dark = dense)…", null, "menu-open-image-inverted", null,
                        () -> a.openImageDensity(true)),
                item("Export points (CSV)…", "mdi2f-file-delimited-outline", "menu-export-points", null, a::exportPoints),
                item("Export samples (CSV)…", null, "menu-export-samples", null, a::exportSamples),
                item("Export trace (CSV)…", null, "menu-export-trace", null, a::exportTrace),
                item("Export loss history (CSV)…", null, "menu-export-loss", null, a::exportLossHistory),
                new SeparatorMenuItem(),
                exportView, gif, frames, replayGif, replayFrames,
                new SeparatorMenuItem(),
                recent,
                new SeparatorMenuItem(),
                item("Quit", "mdi2e-exit-to-app", "menu-quit", shortcut(KeyCode.Q, false), a::quit));
        file.setOnShowing(e -> keepCheckpoints.setText("Save replay checkpoints with the session ("
                + w.viewModel().replay().sizeText() + ")"));
        file.setId("menu-file");

        // ---------------------------------------------------------------- View
        Menu view = new Menu("View");
        view.setId("menu-view");
        KeyCode[] digits = {KeyCode.DIGIT1, KeyCode.DIGIT2, KeyCode.DIGIT3, KeyCode.DIGIT4, KeyCode.DIGIT5,
            KeyCode.DIGIT6, KeyCode.DIGIT7, KeyCode.DIGIT8};
        int i = 0;
        for (Panel panel : Panel.values()) {
            if (panel.hideable()) {
                view.getItems().add(check(panel.title(), "menu-panel-" + i, shortcut(digits[i], false),
                        w.panelVisibleProperty(panel)));
                i++;
            }
        }
        view.getItems().addAll(new SeparatorMenuItem(),
                check("Explanation panel", "menu-explanation", new KeyCodeCombination(KeyCode.F2),
                        w.explanation().visibleProperty()),
                check("Toolbar", "menu-toolbar", null, w.toolBarVisibleProperty()),
                darkTheme(),
                check("Presentation mode", "menu-presentation", new KeyCodeCombination(KeyCode.F5), w.presentationProperty()),
                item("Reset to defaults…", "mdi2b-backup-restore", "menu-reset-defaults", null,
                        w.preferences()::resetToDefaults),
                new SeparatorMenuItem(),
                item("Explorer", null, "menu-tab-explorer", null, () -> w.tabs().selectExplorer()),
                item("Worked example", "mdi2s-school-outline", "menu-tab-worked", null,
                        () -> w.tabs().getSelectionModel().select(w.tabs().workedExampleTab())),
                item("Mask gallery", null, "menu-tab-gallery", null,
                        () -> w.tabs().getSelectionModel().select(w.tabs().maskGalleryTab())),
                item("Log-det & Jacobian", null, "menu-tab-logdet", null, () -> selectTab(w, "logdet-tab")),
                item("Conditioners & health", null, "menu-tab-diagnostics", null,
                        () -> selectTab(w, "diagnostics-tab")));
        w.explanation().managedProperty().bind(w.explanation().visibleProperty());

        // ---------------------------------------------------------------- Presets
        presets.setId("menu-presets");
        presets.getItems().setAll(presetItems(a::applyPreset, "menu-preset-"));

        // ---------------------------------------------------------------- Help
        Menu help = new Menu("Help", null,
                item("Lessons", "mdi2s-school-outline", "menu-lessons", null, w.lessons()::showLessons),
                item("Welcome", null, "menu-welcome", null, () -> w.preferences().showWelcome()),
                item("How to read this window", "mdi2b-book-open-variant", "menu-how-to-read",
                        new KeyCodeCombination(KeyCode.F1), a::howToRead),
                item("Keyboard shortcuts", "mdi2k-keyboard-outline", "menu-shortcuts",
                        new KeyCodeCombination(KeyCode.F1, KeyCombination.SHIFT_DOWN),
                        () -> KeyboardShortcuts.show(getScene() == null ? null : getScene().getWindow(), this)),
                item("About Flow Explorer", "mdi2i-information-outline", "menu-about", null, a::about));
        help.setId("menu-help");

        getMenus().setAll(file, view, presets, help);
    }

    /** One item per preset with its description as tooltip; {@code idPrefix + index} as ids. */
    static List<MenuItem> presetItems(Consumer<Preset> apply, String idPrefix) {
        List<Preset> all = Presets.all();
        java.util.ArrayList<MenuItem> items = new java.util.ArrayList<>();
        for (int i = 0; i < all.size(); i++) {
            Preset p = all.get(i);
            Label label = new Label(p.name());
            label.getStyleClass().add("preset-label");
            Controls.lazyTooltip(label, () -> {
                Tooltip tip = new Tooltip(p.description());
                tip.setWrapText(true);
                tip.setMaxWidth(420);
                tip.setShowDelay(Duration.millis(300));
                tip.setShowDuration(Duration.seconds(30));
                return tip;
            });
            CustomMenuItem item = new CustomMenuItem(label);
            item.setId(idPrefix + i);
            item.setUserData(p);
            item.setOnAction(e -> apply.accept(p));
            items.add(item);
        }
        return items;
    }

    /** Rebuilds the Recent files submenu from a list (newest first). */
    void showRecent(List<Path> files, Consumer<Path> open) {
        if (files.isEmpty()) {
            MenuItem none = new MenuItem("No recent files");
            none.setDisable(true);
            recent.getItems().setAll(none);
            return;
        }
        recent.getItems().clear();
        for (Path p : files) {
            MenuItem m = new MenuItem(p.getFileName() == null ? p.toString() : p.getFileName().toString());
            m.setOnAction(e -> open.accept(p));
            recent.getItems().add(m);
        }
    }

    /** Keeps the Recent files submenu in step with an observable list. */
    void followRecent(ObservableList<Path> files, Consumer<Path> open) {
        showRecent(List.copyOf(files), open);
        files.addListener((ListChangeListener<Path>) c -> showRecent(List.copyOf(files), open));
    }

    public Menu presetsMenu() {
        return presets;
    }

    public Menu recentMenu() {
        return recent;
    }

    private static KeyCombination shortcut(KeyCode key, boolean shift) {
        return shift ? new KeyCodeCombination(key, KeyCombination.SHORTCUT_DOWN, KeyCombination.SHIFT_DOWN)
                : new KeyCodeCombination(key, KeyCombination.SHORTCUT_DOWN);
    }

    static MenuItem item(String text, String icon, String id, KeyCombination key, Runnable action) {
        MenuItem m = new MenuItem(text, icon == null ? null : new FontIcon(icon));
        m.setId(id);
        m.setAccelerator(key);
        m.setOnAction(e -> action.run());
        return m;
    }

    /** "Dark theme": switches the whole application between PrimerLight and PrimerDark (remembered). */
    private static CheckMenuItem darkTheme() {
        CheckMenuItem m = new CheckMenuItem("Dark theme", new FontIcon("mdi2t-theme-light-dark"));
        m.setId("menu-dark-theme");
        m.setAccelerator(shortcut(KeyCode.D, true));
        m.setSelected(Theme.currentProperty().get() == Theme.DARK);
        m.selectedProperty().addListener((o, was, dark) -> (dark ? Theme.DARK : Theme.LIGHT).apply());
        javafx.beans.value.ChangeListener<Theme> follow = (o, was, now) -> m.setSelected(now == Theme.DARK);
        m.getProperties().put(Theme.class, follow); // the item holds its listener; the theme only weakly
        Theme.currentProperty().addListener(new javafx.beans.value.WeakChangeListener<>(follow));
        return m;
    }

    private static CheckMenuItem check(String text, String id, KeyCombination key, BooleanProperty flag) {
        CheckMenuItem m = new CheckMenuItem(text);
        m.setId(id);
        m.setAccelerator(key);
        m.selectedProperty().bindBidirectional(flag);
        return m;
    }

    /** Selects the teaching tab with this id (the tabs the views add themselves). */
    private static void selectTab(MainWindow w, String id) {
        w.tabs().getTabs().stream().filter(t -> id.equals(t.getId())).findFirst()
                .ifPresent(t -> w.tabs().getSelectionModel().select(t));
    }
}
