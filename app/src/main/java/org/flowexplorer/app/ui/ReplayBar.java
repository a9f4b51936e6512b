package org.flowexplorer.app.ui;

import javafx.animation.Animation;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Slider;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.util.Duration;
import org.flowexplorer.app.viewmodel.ExplorerViewModel;
import org.flowexplorer.app.viewmodel.ReplayViewModel;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * The replay timeline under the loss chart: a slider over the kept checkpoints (every view shows
 * the one under the thumb; the loss chart marks and names its step), play/pause to animate it, "Live" to follow training
 * again and "Resume from here" (after {@link ConfirmDiscard}) to continue training from the step
 * shown. FX thread.
 */
public final class ReplayBar extends HBox {
    /** One animation frame per checkpoint, at most this often (the worker may take longer per frame). */
    static final Duration FRAME = Duration.millis(200);

    private final Slider slider = new Slider(0, 1, 1);
    private final ToggleButton play = new ToggleButton();
    // icon buttons: at 1024 × 768 the loss pane is about 230 px wide, and the slider needs the room
    private final Button live = new Button(null, new FontIcon("mdi2s-skip-next"));
    private final Button resume = new Button(null, new FontIcon("mdi2r-redo"));
    private final Timeline animation;
    private boolean updating;

    ReplayBar(ExplorerViewModel vm) {
        ReplayViewModel replay = vm.replay();
        setId("replay-bar");
        getStyleClass().add("replay-bar");
        setSpacing(4);
        setAlignment(Pos.CENTER_LEFT);
        setPadding(new Insets(2, 8, 0, 8));
        // the bar takes the loss pane's width and never widens it (its buttons appear while a checkpoint is shown)
        setMinWidth(0);
        setPrefWidth(0);
        slider.setId("replay-slider");
        slider.setBlockIncrement(1);
        slider.setMajorTickUnit(1);
        slider.setMinorTickCount(0);
        slider.setSnapToTicks(true);
        slider.setMinWidth(40);
        HBox.setHgrow(slider, Priority.ALWAYS);
        Controls.lazyTooltip(slider, () -> {
            Tooltip sliderTip = new Tooltip();
            sliderTip.setOnShowing(e -> sliderTip.setText("Shown: " + replay.label() + ". Drag through the checkpoints kept while training: every view"
                    + " shows the model at that step (training pauses). Dense for the first 50 steps, then logarithmically"
                    + " spaced, plus every 1000; " + replay.memoryText() + " of memory."));
            return sliderTip;
        });
        play.setId("replay-play");
        play.setStyle("-fx-padding: 3 5 3 5;");
        play.setGraphic(new FontIcon("mdi2p-play"));
        play.setAccessibleText("Play the timeline");
        live.setAccessibleText("Live");
        resume.setAccessibleText("Resume training from here");
        Controls.lazyTooltip(play, () -> new Tooltip("Play the timeline: step through the checkpoints as an animation"));
        live.setId("replay-live");
        Controls.lazyTooltip(live, () -> new Tooltip("Live: show the model being trained again (training stays paused)"));
        resume.setId("replay-resume");
        Controls.lazyTooltip(resume, () -> new Tooltip("Resume training from here: continue from the step shown; the loss history"
                + " after it is discarded (you are asked first) and the optimiser starts afresh"));
        for (Button b : new Button[] {live, resume}) {
            b.setStyle("-fx-padding: 3 5 3 5;");
            b.setMinWidth(Button.USE_PREF_SIZE);
            b.disableProperty().bind(replay.shownIndexProperty().lessThan(0)); // live: nothing to leave or resume
        }
        // the step shown is written at the loss chart's marker (and in the status bar): the slider keeps the room
        getChildren().addAll(play, slider, live, resume);

        animation = new Timeline(new KeyFrame(FRAME, e -> replay.advance()));
        animation.setCycleCount(Animation.INDEFINITE);
        play.selectedProperty().bindBidirectional(replay.playingProperty());
        replay.playingProperty().addListener((o, was, now) -> {
            play.setGraphic(new FontIcon(now ? "mdi2p-pause" : "mdi2p-play"));
            if (now) {
                animation.play();
            } else {
                animation.stop();
            }
        });
        slider.valueProperty().addListener((o, was, now) -> {
            if (!updating) {
                replay.show((int) Math.round(now.doubleValue()));
            }
        });
        replay.stepsProperty().addListener(o -> sync(replay));
        replay.shownIndexProperty().addListener(o -> sync(replay));
        live.setOnAction(e -> replay.showLive());
        resume.setOnAction(e -> ConfirmDiscard.of(vm).runCutting(this, replay.shownStepProperty().get(),
                replay::resumeFromShown));
        sync(replay);
    }

    /** The slider over the checkpoints, its thumb at the one shown (at the newest when live). */
    private void sync(ReplayViewModel replay) {
        updating = true;
        try {
            int n = replay.stepsProperty().get().length;
            slider.setMax(Math.max(1, n - 1));
            slider.setDisable(n < 2);
            int shown = replay.shownIndexProperty().get();
            if (!slider.isValueChanging() || shown < 0) {
                slider.setValue(shown < 0 ? n - 1 : shown);
            }
        } finally {
            updating = false;
        }
    }

    public Slider slider() {
        return slider;
    }
}
