package org.flowexplorer.app.ui;

import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.flowexplorer.app.lesson.Lesson;
import org.flowexplorer.app.lesson.LessonStep;
import org.flowexplorer.app.viewmodel.LessonViewModel;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * The strip above the plots while a lesson runs: its title, "Step 2 of 5", the step's text, the
 * answer once revealed, and Back, Reveal, Next and Leave lesson. Hidden when no lesson runs.
 */
public final class LessonPanel extends VBox {
    private final Label title = new Label();
    private final Label counter = new Label();
    private final Label text = new Label();
    private final Label answer = new Label();
    private final Button back;
    private final Button reveal;
    private final Button next;

    LessonPanel(LessonViewModel lesson) {
        super(6);
        setId("lesson-panel");
        getStyleClass().add("lesson-panel");
        setPadding(new Insets(8, 10, 8, 10));
        setMinWidth(0);
        setPrefWidth(0); // the column's width decides
        title.setId("lesson-title");
        title.getStyleClass().add("title-4");
        title.setGraphic(new FontIcon("mdi2s-school-outline"));
        title.setMinWidth(0);
        counter.setId("lesson-counter");
        counter.getStyleClass().add("text-muted");
        counter.setMinWidth(Region.USE_PREF_SIZE);
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        Button leave = Controls.button("Leave lesson", "mdi2e-exit-run",
                "End the lesson: every panel and control comes back; the data and the model stay.", lesson::leave);
        leave.setId("lesson-leave");
        leave.getStyleClass().addAll("flat", "small");
        HBox head = new HBox(10, title, counter, gap, leave);
        head.setAlignment(Pos.CENTER_LEFT);
        text.setId("lesson-text");
        text.setWrapText(true);
        text.setMinHeight(Region.USE_PREF_SIZE);
        answer.setId("lesson-answer");
        answer.setWrapText(true);
        answer.setMinHeight(Region.USE_PREF_SIZE);
        answer.getStyleClass().add("lesson-answer");
        answer.setGraphic(new FontIcon("mdi2l-lightbulb-on-outline"));
        answer.managedProperty().bind(answer.visibleProperty());
        back = Controls.button("Back", "mdi2c-chevron-left", "The previous step.", lesson::back);
        back.setId("lesson-back");
        reveal = Controls.button("Reveal", "mdi2e-eye-outline", "Show the answer (make your prediction first).",
                lesson::reveal);
        reveal.setId("lesson-reveal");
        reveal.managedProperty().bind(reveal.visibleProperty());
        next = Controls.button("Next", "mdi2c-chevron-right", "The next step.", lesson::next);
        next.setId("lesson-next");
        next.getStyleClass().add("accent");
        HBox buttons = new HBox(6, back, reveal, next);
        buttons.setAlignment(Pos.CENTER_LEFT);
        getChildren().addAll(head, text, answer, buttons);

        managedProperty().bind(visibleProperty());
        visibleProperty().bind(lesson.activeProperty().isNotNull());
        Runnable show = () -> show(lesson);
        lesson.activeProperty().addListener((o, was, now) -> show.run());
        lesson.stepProperty().addListener((o, was, now) -> show.run());
        lesson.revealedProperty().addListener((o, was, now) -> show.run());
        show.run();
        title.maxWidthProperty().bind(Bindings.max(0, widthProperty().subtract(260)));
    }

    private void show(LessonViewModel lesson) {
        Lesson l = lesson.activeProperty().get();
        if (l == null) {
            return;
        }
        int i = lesson.stepProperty().get();
        LessonStep s = l.steps().get(i);
        title.setText(l.title());
        counter.setText("Step " + (i + 1) + " of " + l.steps().size());
        text.setText(s.text());
        boolean revealed = lesson.revealedProperty().get();
        answer.setText(s.reveal() == null ? "" : s.reveal());
        answer.setVisible(s.asks() && revealed);
        reveal.setVisible(s.asks() && !revealed);
        back.setDisable(i == 0);
        next.setDisable(i == l.steps().size() - 1);
    }

    /** What the strip says now: the step's text and, when revealed, its answer (tests). */
    String shownText() {
        return text.getText() + (answer.isVisible() ? "\n" + answer.getText() : "");
    }

    /** "Step 2 of 5" (tests). */
    String counterText() {
        return counter.getText();
    }
}
