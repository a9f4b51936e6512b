package org.flowexplorer.app.ui;

import java.util.LinkedHashSet;
import java.util.Set;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonType;
import org.flowexplorer.app.prefs.AppPreferences;
import org.flowexplorer.app.prefs.WindowLayout;

/**
 * What the window remembers beyond the settings (theme: {@link Theme}; size and last settings: the
 * app): the panel layout, the first-run welcome, and "Reset to defaults". Does nothing until
 * {@link #attach} gives it the preferences (tests and tools run without).
 */
public final class PreferenceActions {
    /** The window whose layout is remembered; its {@link MainWindow#lessons()} show the welcome and know what a lesson hides. */
    private final MainWindow window;
    /** Null until {@link #attach}, and in windows without preferences. */
    private AppPreferences preferences;

    PreferenceActions(MainWindow window) {
        this.window = window;
    }

    /** Restores the remembered layout; the welcome follows with {@link #showWelcomeIfDue}. */
    public void attach(AppPreferences prefs) {
        this.preferences = prefs;
        if (prefs == null) {
            return;
        }
        apply(prefs.windowLayout());
    }

    /**
     * Shows the first-run welcome if it is due. Separate from {@link #attach} so that the app can show
     * it after the explorer's first frame: built with it, the dialog's stage, start page and lesson
     * images were a fifth of the FX thread's work before the explorer appeared.
     */
    public void showWelcomeIfDue() {
        if (preferences != null && preferences.welcomeDue()) {
            showWelcome();
        }
    }

    /** The first-run welcome (also Help → Welcome); closing it with "don't show again" is remembered. */
    public WelcomeDialog showWelcome() {
        return window.lessons().welcome(dismissed -> {
            if (preferences != null) {
                preferences.setWelcomeDismissed(dismissed);
            }
        });
    }

    /** Stores the layout as it is outside a lesson (at exit). */
    public void storeLayout() {
        if (preferences == null) {
            return;
        }
        Set<String> hidden = new LinkedHashSet<>();
        for (Panel p : Panel.values()) {
            if (p.hideable() && !window.lessons().mode().normallyVisible(p)) {
                hidden.add(LessonMode.stem(p));
            }
        }
        preferences.setWindowLayout(new WindowLayout(hidden, window.toolBarVisibleProperty().get(),
                window.explanation().isVisible()));
    }

    /** View → Reset to defaults…: asks, then forgets what was remembered and shows the window as on a first start. */
    public void resetToDefaults() {
        Alert a = new Alert(Alert.AlertType.CONFIRMATION, "The theme, the window's size and layout, the last data set and "
                + "model settings and the welcome's \u201cdon't show again\u201d go back to their defaults; recent files stay.",
                ButtonType.OK, ButtonType.CANCEL);
        if (window.getScene() != null && window.getScene().getWindow() != null) {
            a.initOwner(window.getScene().getWindow());
        }
        a.setTitle("Reset to defaults");
        a.setHeaderText("Reset every preference to its default?");
        a.getDialogPane().setId("reset-preferences-dialog");
        if (a.showAndWait().orElse(ButtonType.CANCEL) == ButtonType.OK) {
            resetNow();
        }
    }

    /** Resets without asking (the confirmed part of {@link #resetToDefaults()}). */
    void resetNow() {
        window.lessons().mode().restore();
        apply(WindowLayout.DEFAULT);
        Theme.LIGHT.apply();
        if (preferences != null) {
            preferences.resetToDefaults(); // after the theme: its default is not remembered either
        }
        window.notifications().info("Preferences reset to defaults; the next start opens with the default data set and "
                + "window size.");
    }

    private void apply(WindowLayout l) {
        for (Panel p : Panel.values()) {
            if (p.hideable()) {
                window.panelVisibleProperty(p).set(!l.hiddenPanels().contains(LessonMode.stem(p)));
            }
        }
        window.toolBarVisibleProperty().set(l.toolBar());
        window.explanation().setVisible(l.explanation());
    }
}
