package org.flowexplorer.app.ui;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import javafx.scene.Node;
import javafx.scene.input.DragEvent;
import javafx.scene.input.TransferMode;
import javafx.stage.FileChooser;
import javafx.stage.Window;
import org.flowexplorer.app.lesson.LessonDraft;
import org.flowexplorer.app.lesson.LessonFile;
import org.flowexplorer.app.lesson.OpenedLesson;
import org.flowexplorer.app.viewmodel.ExplorerViewModel;

/**
 * What the File and Help menus do with lessons: open one (dialog, drop, command line), save the
 * current state as one, show the shipped lessons. Each start asks first when a trained model would
 * be thrown away ({@link ConfirmDiscard}). FX thread.
 */
public final class LessonActions {
    static final FileChooser.ExtensionFilter LESSON = FileDialogs.filter("Flow Explorer lesson", "lesson.json", "zip");
    static final FileChooser.ExtensionFilter LESSON_JSON = FileDialogs.filter("Flow Explorer lesson", "lesson.json");
    static final FileChooser.ExtensionFilter LESSON_ZIP = FileDialogs.filter("Flow Explorer lesson with its model", "zip");

    private final MainWindow window;
    private final ExplorerViewModel vm;
    private final AppActions actions;
    private final LessonMode mode;

    LessonActions(MainWindow window, AppActions actions) {
        this.window = window;
        this.vm = window.viewModel();
        this.actions = actions;
        this.mode = new LessonMode(window, vm.lesson());
    }

    private Window owner() {
        return window.getScene() == null ? null : window.getScene().getWindow();
    }

    /** File → Open lesson…: a {@code .lesson.json}, or a session zip holding a lesson. */
    public void openLesson() {
        Path p = actions.fileDialogs().open(owner(), "Open lesson", List.of(LESSON));
        if (p != null) {
            openLesson(p);
        }
    }

    /** Opens a lesson file (asking first if a trained model would be replaced). */
    public void openLesson(Path file) {
        ConfirmDiscard.of(vm).replacing(owner(), "The lesson " + file.getFileName(), () -> vm.lesson().open(file));
    }

    /** A file named at start: a lesson, else a session, model or CSV as the Recent files menu opens them. */
    public void openFileArgument(Path file) {
        if (LessonFile.isLesson(file)) {
            openLesson(file);
        } else {
            actions.openRecent(file);
        }
    }

    /** Starts a lesson already read (the start page's cards). */
    public void start(OpenedLesson lesson) {
        ConfirmDiscard.of(vm).replacing(owner(), "The lesson \u201c" + lesson.lesson().title() + "\u201d",
                () -> vm.lesson().start(lesson));
    }

    /** File → Save as lesson…: the dialog, then where to write it. */
    public void saveAsLesson() {
        SaveLessonDialog d = new SaveLessonDialog(owner());
        Optional<LessonDraft> draft = d.showAndWait();
        draft.ifPresent(this::saveAsLesson);
    }

    /** Asks where to write {@code draft} and writes it. */
    public void saveAsLesson(LessonDraft draft) {
        String stem = draft.title().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-|-$", "");
        stem = stem.isEmpty() ? "lesson" : stem;
        Path p = draft.withModel()
                ? actions.fileDialogs().save(owner(), "Save lesson with its model", stem + ".lesson.zip", List.of(LESSON_ZIP))
                : actions.fileDialogs().save(owner(), "Save lesson", stem + LessonFile.EXTENSION, List.of(LESSON_JSON));
        if (p != null) {
            vm.lesson().save(p, draft);
        }
    }

    /** Help → Lessons: the start page. */
    public void showLessons() {
        new WelcomeDialog(owner(), false, this::start, dontShow -> { }).show();
    }

    /** The welcome with the start page; {@code dismissed} hears whether "don't show again" was ticked. */
    WelcomeDialog welcome(java.util.function.Consumer<Boolean> dismissed) {
        WelcomeDialog d = new WelcomeDialog(owner(), true, this::start, dismissed);
        d.show();
        return d;
    }

    LessonMode mode() {
        return mode;
    }

    /**
     * A lesson file dropped on {@code target} opens as a lesson; anything else goes to the drop
     * handler already there (CSV points).
     */
    void installDrop(Node target) {
        var previous = target.getOnDragDropped();
        target.setOnDragDropped((DragEvent e) -> {
            List<java.io.File> files = e.getDragboard().hasFiles() ? e.getDragboard().getFiles() : List.of();
            if (files.size() == 1 && LessonFile.isLesson(files.get(0).toPath())) {
                e.acceptTransferModes(TransferMode.COPY);
                openLesson(files.get(0).toPath());
                e.setDropCompleted(true);
                e.consume();
            } else if (previous != null) {
                previous.handle(e);
            }
        });
    }
}
