package org.flowexplorer.app.ui;

import java.net.URL;
import java.util.function.Consumer;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.image.Image;
import javafx.scene.image.ImageView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.flowexplorer.app.lesson.BuiltInLessons;
import org.flowexplorer.app.lesson.OpenedLesson;

/**
 * The shipped lessons as cards (thumbnail, title, summary, Start), one row; shown in the first-run
 * welcome and by Help → Lessons.
 */
final class StartPage extends HBox {
    static final double THUMB_WIDTH = 180;

    /** @param start what a card's Start does with its lesson */
    StartPage(Consumer<OpenedLesson> start) {
        super(12);
        setId("start-page");
        setPadding(new Insets(4, 0, 4, 0));
        int i = 0;
        for (BuiltInLessons.BuiltIn b : BuiltInLessons.all()) {
            OpenedLesson opened = b.open();
            VBox card = new VBox(6);
            card.getStyleClass().add("lesson-card");
            card.setId("lesson-card-" + i++);
            card.setPadding(new Insets(8));
            card.setPrefWidth(THUMB_WIDTH + 16);
            card.setMaxWidth(THUMB_WIDTH + 16);
            URL thumb = b.thumbnail();
            if (thumb != null) {
                ImageView image = new ImageView(new Image(thumb.toExternalForm(), THUMB_WIDTH, 0, true, true));
                image.setFitWidth(THUMB_WIDTH);
                image.setPreserveRatio(true);
                card.getChildren().add(image);
            }
            Label title = new Label(opened.lesson().title());
            title.getStyleClass().add("title-4");
            title.setWrapText(true);
            Label summary = Controls.caption(opened.lesson().summary());
            summary.setMinHeight(Label.USE_PREF_SIZE);
            VBox.setVgrow(summary, Priority.ALWAYS);
            summary.setMaxHeight(Double.MAX_VALUE);
            summary.setAlignment(Pos.TOP_LEFT);
            Button go = Controls.button("Start", "mdi2p-play-circle-outline", "Start this lesson (" + opened.lesson().steps().size()
                    + " steps); the current model is replaced.", () -> start.accept(opened));
            go.getStyleClass().add("accent");
            card.getChildren().addAll(title, summary, go);
            getChildren().add(card);
        }
    }
}
