package org.flowexplorer.app.ui;

import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.WeakHashMap;
import java.util.function.Consumer;
import java.util.function.LongSupplier;
import javafx.scene.Node;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.stage.Window;
import org.flowexplorer.app.viewmodel.ExplorerViewModel;
import org.flowexplorer.app.viewmodel.UnsavedModel;

/**
 * Asks before an action throws a trained model away (reset, a new architecture, new or drawn data,
 * a preset): once the model has taken a step, the action runs only after the user agrees. "Don't
 * ask again" holds for the rest of the window's life. One per view model ({@link #of}), so every
 * control of a window shares the answer. FX thread.
 */
public final class ConfirmDiscard {
    /** How the question is put to the user; tests answer it without a dialog. */
    @FunctionalInterface
    public interface Question {
        /** @return whether to go ahead; {@code dontAskAgain} set to true stops further questions */
        boolean ask(Window owner, String header, String text, boolean[] dontAskAgain);
    }

    /** The answers to "Replace the trained model?". */
    public enum Replace { SAVE_FIRST, REPLACE, CANCEL }

    /** How "Replace the trained model?" is put to the user; tests answer it without a dialog. */
    @FunctionalInterface
    public interface ReplaceQuestion {
        /** @param canSave whether to offer "Save it first" */
        Replace ask(Window owner, String header, String text, boolean canSave);
    }

    private static final Map<ExplorerViewModel, ConfirmDiscard> BY_VIEW_MODEL = new WeakHashMap<>();

    private final LongSupplier steps;
    private final UnsavedModel unsaved;
    private Question question = ConfirmDiscard::dialog;
    private ReplaceQuestion replaceQuestion = ReplaceDialog::ask;
    /** Saves the session (asking where), then runs the action it is given; null: no "Save it first". */
    private Consumer<Runnable> saveFirst;
    private boolean dontAsk;

    ConfirmDiscard(LongSupplier steps, UnsavedModel unsaved) {
        this.steps = Objects.requireNonNull(steps);
        this.unsaved = Objects.requireNonNull(unsaved);
    }

    /** The one instance for {@code vm}'s window, counting the steps of its training controls. */
    public static ConfirmDiscard of(ExplorerViewModel vm) {
        return BY_VIEW_MODEL.computeIfAbsent(vm,
                v -> new ConfirmDiscard(() -> v.training().stepProperty().get(), v.files().unsaved()));
    }

    /** Replaces the "Replace the trained model?" dialog (tests). */
    public void setReplaceQuestion(ReplaceQuestion q) {
        replaceQuestion = Objects.requireNonNull(q);
    }

    /** How "Save it first" saves: asks where, saves, then runs the action it is given (only if saved). */
    public void setSaveFirst(Consumer<Runnable> saveThen) {
        saveFirst = saveThen;
    }

    /**
     * Runs {@code action} (which replaces the model: opens a session, model, lesson or data) at
     * once unless the model has trained steps in no file ({@link UnsavedModel#mustAsk}); then
     * only after the user chooses Replace, or Save it first and the save succeeded.
     *
     * @param what what replaces the model, e.g. "Opening the session a.session.zip"
     * @return whether the action ran (false also while it waits for the save)
     */
    public boolean replacing(Window owner, String what, Runnable action) {
        if (dontAsk || !unsaved.mustAsk()) {
            action.run();
            return true;
        }
        String n = grouped(unsaved.steps());
        Replace r = replaceQuestion.ask(owner, "Replace the trained model (" + n + " steps)?",
                what + " replaces the model trained for " + n + " steps, which no saved file holds.", saveFirst != null);
        if (r == Replace.REPLACE) {
            action.run();
            return true;
        }
        if (r == Replace.SAVE_FIRST && saveFirst != null) {
            saveFirst.accept(action);
        }
        return false;
    }

    /** {@link #replacing(Window, String, Runnable)} with the dialog owned by {@code anchor}'s window. */
    public boolean replacing(Node anchor, String what, Runnable action) {
        return replacing(anchor == null || anchor.getScene() == null ? null : anchor.getScene().getWindow(), what, action);
    }

    /** Replaces the dialog (tests). */
    public void setQuestion(Question q) {
        question = Objects.requireNonNull(q);
    }

    /**
     * Runs {@code action} at once while nothing has been trained (or the user said not to ask),
     * otherwise only if the user agrees to lose the model.
     *
     * @param anchor any node of the window, to own the dialog (may be null)
     * @param what   what the action does, e.g. "Reset" or "Apply the new architecture"
     * @return whether the action ran
     */
    public boolean run(Node anchor, String what, Runnable action) {
        return run(anchor == null || anchor.getScene() == null ? null : anchor.getScene().getWindow(), what, action);
    }

    /** As {@link #run(Node, String, Runnable)}, the dialog owned by {@code owner} (may be null). */
    public boolean run(Window owner, String what, Runnable action) {
        long trained = steps.getAsLong();
        return askThenRun(owner, trained > 0, "Discard " + grouped(trained) + " training steps?",
                what + " starts again from a fresh model: the one trained for " + grouped(trained)
                        + " steps is lost. Save the session first (Ctrl+S) to keep it.", action);
    }

    /** Runs {@code action} unless {@code losing} something and the user, asked, says no. */
    private boolean askThenRun(Window owner, boolean losing, String header, String text, Runnable action) {
        if (losing && !dontAsk) {
            boolean[] stop = {false};
            if (!question.ask(owner, header, text, stop)) {
                return false;
            }
            dontAsk = stop[0];
        }
        action.run();
        return true;
    }

    /**
     * Runs {@code action} (training resumes from the checkpoint at {@code fromStep}) only if the
     * user agrees to lose the steps after it; asked whenever steps would be lost, unless the user
     * said not to ask.
     */
    public boolean runCutting(Node anchor, long fromStep, Runnable action) {
        long lost = steps.getAsLong() - fromStep;
        Window owner = anchor == null || anchor.getScene() == null ? null : anchor.getScene().getWindow();
        return askThenRun(owner, lost > 0, "Discard the " + grouped(lost) + " steps after step " + grouped(fromStep) + "?",
                "Training resumes from the checkpoint at step " + grouped(fromStep) + " (with a fresh optimiser):"
                        + " the loss history and the checkpoints after it are discarded. Save the session first"
                        + " (Ctrl+S) to keep them.", action);
    }

    /** {@code action} behind the question, for a button's or menu item's handler. */
    public Runnable guard(Node anchor, String what, Runnable action) {
        return () -> run(anchor, what, action);
    }

    /** "13 650": thin-space thousands, as the issue reports it. */
    static String grouped(long n) {
        return String.format(Locale.ROOT, "%,d", n).replace(',', '\u202f');
    }

    private static boolean dialog(Window owner, String header, String text, boolean[] dontAskAgain) {
        ButtonType discard = new ButtonType("Discard and go on", ButtonBar.ButtonData.OK_DONE);
        ButtonType keep = new ButtonType("Keep the model", ButtonBar.ButtonData.CANCEL_CLOSE);
        Alert a = new Alert(Alert.AlertType.CONFIRMATION, text, discard, keep);
        if (owner != null) {
            a.initOwner(owner);
        }
        a.setTitle("Discard the trained model?");
        a.setHeaderText(header);
        CheckBox stop = new CheckBox("Don't ask again in this window");
        stop.setId("confirm-dont-ask");
        a.getDialogPane().setExpandableContent(null);
        a.getDialogPane().setGraphic(null);
        a.getDialogPane().setContent(new javafx.scene.layout.VBox(10, wrapped(text), stop));
        a.getDialogPane().setId("confirm-discard");
        boolean go = a.showAndWait().orElse(keep) == discard;
        dontAskAgain[0] = go && stop.isSelected();
        return go;
    }

    static javafx.scene.control.Label wrapped(String text) {
        javafx.scene.control.Label l = new javafx.scene.control.Label(text);
        l.setWrapText(true);
        l.setMaxWidth(420);
        return l;
    }
}
