package org.flowexplorer.app.ui;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import org.flowexplorer.app.lesson.LessonControl;
import org.flowexplorer.app.lesson.LessonDraft;
import org.flowexplorer.app.lesson.LessonStep;

/**
 * "Save as lesson…": the title, a summary and the steps (one to start with, more with "Add step";
 * each a text and an optional answer shown after Reveal), which panels to hide, which controls to
 * hide or lock, and whether the trained model goes with the lesson. The result is a
 * {@link LessonDraft}; the current state is captured when it is saved.
 */
final class SaveLessonDialog extends Dialog<LessonDraft> {
    private final TextField title = new TextField();
    private final TextField summary = new TextField();
    private final VBox steps = new VBox(8);
    private final List<TextArea> texts = new ArrayList<>();
    private final List<TextField> reveals = new ArrayList<>();
    private final List<CheckBox> panels = new ArrayList<>();
    private final List<CheckBox> hide = new ArrayList<>();
    private final List<CheckBox> lock = new ArrayList<>();
    private final CheckBox withModel = new CheckBox("Include the trained model (a .lesson.zip; else it starts untrained)");

    SaveLessonDialog(Window owner) {
        if (owner != null) {
            initOwner(owner);
        }
        setTitle("Save as lesson");
        setHeaderText("Save the current data, model settings and window as a lesson");
        title.setId("lesson-save-title");
        title.setPromptText("Title, e.g. Why alternate masks");
        summary.setId("lesson-save-summary");
        summary.setPromptText("One sentence for the start page (optional)");
        Button add = Controls.button("Add step", "mdi2p-plus", "Another step after the last.", this::addStep);
        add.setId("lesson-save-add-step");
        addStep();
        VBox lesson = new VBox(8, new Label("Title"), title, new Label("Summary"), summary, new Label("Steps"), steps, add);
        lesson.setPadding(new Insets(8));
        ScrollPane lessonScroll = new ScrollPane(lesson);
        lessonScroll.setFitToWidth(true);

        GridPane window = new GridPane();
        window.setHgap(14);
        window.setVgap(4);
        window.setPadding(new Insets(8));
        window.add(Controls.header("Hide panels"), 0, 0);
        int row = 1;
        for (Panel p : Panel.values()) {
            if (p.hideable()) {
                CheckBox c = new CheckBox(p.title());
                c.setId("lesson-save-panel-" + LessonMode.stem(p));
                c.setUserData(LessonMode.stem(p));
                panels.add(c);
                window.add(c, 0, row++);
            }
        }
        window.add(Controls.header("Control"), 1, 0);
        window.add(Controls.header("Hide"), 2, 0);
        window.add(Controls.header("Lock"), 3, 0);
        row = 1;
        for (LessonControl c : LessonControl.values()) {
            CheckBox h = new CheckBox();
            h.setId("lesson-save-hide-" + c.id());
            CheckBox l = new CheckBox();
            l.setId("lesson-save-lock-" + c.id());
            l.disableProperty().bind(h.selectedProperty());
            hide.add(h);
            lock.add(l);
            window.add(new Label(c.title()), 1, row);
            window.add(h, 2, row);
            window.add(l, 3, row++);
        }
        ScrollPane windowScroll = new ScrollPane(window);
        windowScroll.setFitToWidth(true);
        TabPane tabs = new TabPane(new Tab("Lesson and steps", lessonScroll), new Tab("What to hide and lock", windowScroll));
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        tabs.setPrefSize(640, 430);
        withModel.setId("lesson-save-with-model");
        getDialogPane().setContent(new VBox(8, tabs, withModel));
        getDialogPane().setId("save-lesson-dialog");
        getDialogPane().getButtonTypes().setAll(ButtonType.OK, ButtonType.CANCEL);
        getDialogPane().lookupButton(ButtonType.OK).disableProperty().bind(title.textProperty().isEmpty()
                .or(texts.get(0).textProperty().isEmpty()));
        setResultConverter(b -> b == ButtonType.OK ? draft() : null);
    }

    private void addStep() {
        int i = texts.size();
        TextArea text = new TextArea();
        text.setId("lesson-save-step-" + i);
        text.setPromptText(i == 0 ? "What the student reads first" : "Step " + (i + 1));
        text.setWrapText(true);
        text.setPrefRowCount(2);
        TextField reveal = new TextField();
        reveal.setId("lesson-save-reveal-" + i);
        reveal.setPromptText("Answer shown after Reveal (optional: predict, then reveal)");
        texts.add(text);
        reveals.add(reveal);
        steps.getChildren().add(new VBox(4, new Label("Step " + (i + 1)), text, reveal));
    }

    /** What the fields say; steps left empty are dropped. */
    LessonDraft draft() {
        List<LessonStep> list = new ArrayList<>();
        for (int i = 0; i < texts.size(); i++) {
            if (!texts.get(i).getText().isBlank()) {
                String r = reveals.get(i).getText();
                list.add(new LessonStep(texts.get(i).getText().strip(), r.isBlank() ? null : r.strip(), null));
            }
        }
        Set<String> hiddenPanels = new LinkedHashSet<>();
        panels.stream().filter(CheckBox::isSelected).forEach(c -> hiddenPanels.add((String) c.getUserData()));
        Set<LessonControl> hidden = EnumSet.noneOf(LessonControl.class);
        Set<LessonControl> locked = EnumSet.noneOf(LessonControl.class);
        LessonControl[] all = LessonControl.values();
        for (int i = 0; i < all.length; i++) {
            if (hide.get(i).isSelected()) {
                hidden.add(all[i]);
            } else if (lock.get(i).isSelected()) {
                locked.add(all[i]);
            }
        }
        return new LessonDraft(title.getText().strip(), summary.getText().strip(), hiddenPanels, hidden, locked, list,
                withModel.isSelected());
    }

    // ---------------------------------------------------------------- for tests

    TextField titleField() {
        return title;
    }

    TextArea stepText(int i) {
        return texts.get(i);
    }

    TextField revealText(int i) {
        return reveals.get(i);
    }

    void addStepForTesting() {
        addStep();
    }

    CheckBox hideBox(LessonControl c) {
        return hide.get(c.ordinal());
    }

    CheckBox lockBox(LessonControl c) {
        return lock.get(c.ordinal());
    }

    CheckBox panelBox(Panel p) {
        return panels.stream().filter(c -> LessonMode.stem(p).equals(c.getUserData())).findFirst().orElseThrow();
    }
}
