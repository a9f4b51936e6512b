package org.flowexplorer.app.ui;

import java.util.function.Consumer;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;
import javafx.stage.Modality;
import javafx.stage.Window;
import org.flowexplorer.app.lesson.OpenedLesson;

/**
 * The first-run welcome and, without the pointers, Help → Lessons: where Play, the layer stepper
 * and the formula inspector are, and the shipped lessons ({@link StartPage}). Non-modal, so the
 * window behind stays usable; closing it with "Don't show this again" ticked (the default) is
 * remembered.
 */
final class WelcomeDialog extends Dialog<Void> {
    static final String POINTERS = String.join("\n",
            "\u25b6  Play (toolbar or left column, key Space) trains the flow; the loss below falls as it learns.",
            "\u21c6  The layer stepper (top right) shows the points after each coupling layer: drag its scrubber from the data to the latent.",
            "\u2211  The formula inspector (bottom) shows one layer's formula with the numbers of the query point; press in the data plot to move it.",
            "\u2605  Lessons walk you through one idea each, step by step; start one below, or later from Help \u2192 Lessons.");
    private final CheckBox again = new CheckBox("Don't show this again");

    /**
     * @param welcome true for the first-run welcome (pointers and "don't show again"), false for the lessons alone
     * @param dismissed called with the checkbox when a welcome is closed
     */
    WelcomeDialog(Window owner, boolean welcome, Consumer<OpenedLesson> start, Consumer<Boolean> dismissed) {
        if (owner != null) {
            initOwner(owner);
        }
        initModality(Modality.NONE);
        setTitle(welcome ? "Welcome to Flow Explorer" : "Lessons");
        setHeaderText(welcome ? "Welcome to Flow Explorer: a RealNVP flow on 2-D data, layer by layer"
                : "Lessons: one idea each, step by step");
        VBox content = new VBox(12);
        if (welcome) {
            Label pointers = new Label(POINTERS);
            pointers.setWrapText(true);
            pointers.setId("welcome-pointers");
            content.getChildren().add(pointers);
        }
        content.getChildren().add(new StartPage(lesson -> {
            start.accept(lesson);
            close();
        }));
        if (welcome) {
            again.setId("welcome-dont-show");
            again.setSelected(true);
            content.getChildren().add(again);
        }
        getDialogPane().setContent(content);
        java.net.URL css = WelcomeDialog.class.getResource("/org/flowexplorer/app/controls.css");
        if (css != null) {
            getDialogPane().getStylesheets().add(css.toExternalForm());
        }
        getDialogPane().getButtonTypes().setAll(ButtonType.CLOSE);
        getDialogPane().setId(welcome ? "welcome-dialog" : "lessons-dialog");
        setOnHidden(e -> {
            if (welcome) {
                dismissed.accept(again.isSelected());
            }
        });
    }

    CheckBox dontShowAgain() {
        return again;
    }
}
