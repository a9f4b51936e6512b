package org.flowexplorer.app.ui;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.flowexplorer.app.lesson.Lesson;
import org.flowexplorer.app.viewmodel.LessonViewModel;

/**
 * How the window looks while a lesson runs: the panels the lesson hides are hidden, its controls
 * hidden or locked ({@link ControlLocks}); when it ends (or another one starts) every panel goes
 * back to how it was and every control is shown and usable. A step's "show this view" lands here.
 */
final class LessonMode {
    private final MainWindow window;
    private final ControlLocks locks;
    /** The panels' visibility before the lesson, null outside a lesson. */
    private Map<Panel, Boolean> before;

    LessonMode(MainWindow window, LessonViewModel lesson) {
        this.window = window;
        this.locks = new ControlLocks(window.controls());
        lesson.activeProperty().addListener((o, was, now) -> {
            restore();
            if (now != null) {
                enter(now);
            }
        });
        lesson.requestedViewProperty().addListener((o, was, view) -> {
            if (view != null) {
                show(view);
            }
        });
    }

    private void enter(Lesson l) {
        before = new EnumMap<>(Panel.class);
        List<String> unknown = new ArrayList<>();
        for (Panel p : Panel.values()) {
            if (p.hideable()) {
                before.put(p, window.panelVisibleProperty(p).get());
            }
        }
        for (String stem : l.hiddenPanels()) {
            Panel p = byStem(stem);
            if (p != null && p.hideable()) {
                window.panelVisibleProperty(p).set(false);
            } else {
                unknown.add(stem);
            }
        }
        locks.apply(l.hiddenControls(), l.lockedControls());
        window.tabs().selectExplorer();
        if (!unknown.isEmpty()) {
            window.notifications().info("Lesson \u201c" + l.title() + "\u201d: the panel" + (unknown.size() == 1 ? " " : "s ")
                    + String.join(", ", unknown) + " this version does not know stay as they are.");
        }
    }

    /** Every panel back as before the lesson, every control shown and usable. */
    void restore() {
        locks.clear();
        if (before != null) {
            before.forEach((p, shown) -> window.panelVisibleProperty(p).set(shown));
            before = null;
        }
    }

    /** The panel's visibility outside the lesson (what to remember at exit). */
    boolean normallyVisible(Panel p) {
        return before != null && before.containsKey(p) ? before.get(p) : window.panelVisibleProperty(p).get();
    }

    ControlLocks locks() {
        return locks;
    }

    /** Brings a panel or teaching tab to the front by its file stem ({@code "controls"} is the column). */
    private void show(String stem) {
        Panel p = byStem(stem);
        if (p == null) {
            window.notifications().info("This lesson asks for the view \u201c" + stem + "\u201d, which this version does not have.");
            return;
        }
        TeachingTabs tabs = window.tabs();
        switch (p) {
            case WORKED_EXAMPLE -> tabs.getSelectionModel().select(tabs.workedExampleTab());
            case MASK_GALLERY -> tabs.getSelectionModel().select(tabs.maskGalleryTab());
            case LOGDET_JACOBIAN -> selectTab(tabs, "logdet-tab");
            case CONDITIONER_CURVES, NUMERICAL_HEALTH -> selectTab(tabs, "diagnostics-tab");
            default -> {
                tabs.selectExplorer();
                window.panelVisibleProperty(p).set(true);
                if (p.isView()) {
                    window.focus().set(window.target(p));
                }
            }
        }
    }

    private static void selectTab(TeachingTabs tabs, String id) {
        tabs.getTabs().stream().filter(t -> id.equals(t.getId())).findFirst().ifPresent(t -> tabs.getSelectionModel().select(t));
    }

    /** The panel with this file stem, {@code "controls"} for the column; null if none. */
    static Panel byStem(String stem) {
        for (Panel p : Panel.values()) {
            if (stem.equals(p.fileStem()) || p == Panel.CONTROLS && stem.equals("controls")) {
                return p;
            }
        }
        return null;
    }

    /** A panel's name in a lesson file. */
    static String stem(Panel p) {
        return p == Panel.CONTROLS ? "controls" : p.fileStem();
    }
}
