package org.flowexplorer.app.chart;

import javafx.animation.AnimationTimer;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * Steps through a flow's layers: a slider from position 0 (data) to L (latent), position k lying
 * after coupling k (couplings are numbered 1…L), holding a continuous
 * {@link #positionProperty() position}, so views can blend neighbouring layers for smooth motion
 * ({@code scene.LayerInterpolation}),
 * plus jump-to-start, play-backward, pause, play-forward and jump-to-end buttons. Playing advances
 * the position at {@link #layersPerSecondProperty()} and stops at either end.
 */
public class LayerScrubber extends HBox {
    private final IntegerProperty layerCount = new SimpleIntegerProperty(this, "layerCount", 1);
    private final DoubleProperty position = new SimpleDoubleProperty(this, "position", 0);
    private final DoubleProperty layersPerSecond = new SimpleDoubleProperty(this, "layersPerSecond", 1.5);
    private final ReadOnlyBooleanWrapper playing = new ReadOnlyBooleanWrapper(this, "playing", false);
    private final Slider slider = new Slider(0, 1, 0);
    private final Label label = new Label();
    private int direction;
    private long lastNanos;
    private final AnimationTimer timer = new AnimationTimer() {
        @Override
        public void handle(long now) {
            advance(now);
        }
    };

    public LayerScrubber() {
        getStyleClass().add("layer-scrubber");
        setAlignment(Pos.CENTER_LEFT);
        setSpacing(6);
        Button start = iconButton("mdi2s-skip-previous", false,
                "Jump to position 0, the data x.", () -> jumpTo(0));
        Button back = iconButton("mdi2p-play", true,
                "Play backward: animate from the latent z towards the data, coupling by coupling.", this::playBackward);
        Button pause = iconButton("mdi2p-pause", false, "Pause the layer animation.", this::pause);
        Button forward = iconButton("mdi2p-play", false,
                "Play forward: animate from the data through every coupling layer to the latent space.",
                this::playForward);
        Button end = iconButton("mdi2s-skip-next", false,
                "Jump to the last position, the latent z (after the last coupling).", () -> jumpTo(layerCount.get()));
        pause.disableProperty().bind(playing.not());

        slider.getStyleClass().add("layer-slider");
        slider.setMajorTickUnit(1);
        slider.setMinorTickCount(0);
        slider.setShowTickMarks(true);
        slider.setBlockIncrement(1);
        slider.setTooltip(new Tooltip("Drag from position 0 (the data x) to L (the latent z); position k is after "
                + "coupling k, and a position between two blends them."));
        slider.maxProperty().bind(layerCount);
        slider.valueProperty().bindBidirectional(position);
        slider.valueChangingProperty().addListener((o, was, now) -> {
            if (now) {
                pause();
            }
        });
        HBox.setHgrow(slider, Priority.ALWAYS);
        slider.setMaxWidth(Double.MAX_VALUE);

        label.getStyleClass().add("layer-label");
        label.setTooltip(new Tooltip("Stepper position k of L: 0 is the data x, L the latent z, k lies after coupling k."));
        label.setMinWidth(Label.USE_PREF_SIZE);
        position.addListener(o -> updateLabel());
        layerCount.addListener(o -> {
            position.set(clamp(position.get()));
            updateLabel();
            fitLabel();
        });
        label.fontProperty().addListener(o -> fitLabel());
        updateLabel();
        fitLabel();
        getChildren().addAll(start, back, pause, forward, end, slider, label);
    }

    private Button iconButton(String icon, boolean mirrored, String tip, Runnable action) {
        FontIcon glyph = new FontIcon(icon);
        if (mirrored) {
            glyph.setScaleX(-1);
        }
        Button b = new Button(null, glyph);
        b.getStyleClass().addAll("button-icon", "flat");
        b.setTooltip(new Tooltip(tip));
        b.setOnAction(e -> action.run());
        b.setFocusTraversable(true);
        return b;
    }

    /** Number of coupling layers L; the position runs from 0 (data) to L (latent). */
    public IntegerProperty layerCountProperty() {
        return layerCount;
    }

    public void setLayerCount(int count) {
        layerCount.set(Math.max(1, count));
    }

    public int getLayerCount() {
        return layerCount.get();
    }

    /** Continuous layer position in [0, L]; integer values are exact layers. */
    public DoubleProperty positionProperty() {
        return position;
    }

    public double getPosition() {
        return position.get();
    }

    public void setPosition(double value) {
        position.set(clamp(value));
    }

    /** Animation speed in layers per second (default 1.5). */
    public DoubleProperty layersPerSecondProperty() {
        return layersPerSecond;
    }

    /** True while animating. */
    public ReadOnlyBooleanProperty playingProperty() {
        return playing.getReadOnlyProperty();
    }

    /** Animates towards L; from the end it restarts at 0. */
    public void playForward() {
        if (position.get() >= layerCount.get()) {
            position.set(0);
        }
        start(1);
    }

    /** Animates towards 0; from the start it restarts at L. */
    public void playBackward() {
        if (position.get() <= 0) {
            position.set(layerCount.get());
        }
        start(-1);
    }

    public void pause() {
        timer.stop();
        direction = 0;
        playing.set(false);
    }

    private void jumpTo(double value) {
        pause();
        setPosition(value);
    }

    private void start(int dir) {
        direction = dir;
        lastNanos = -1;
        playing.set(true);
        timer.start();
    }

    /** Moves the position by elapsed time; stops at the ends. Package-private for tests. */
    void advance(long nowNanos) {
        if (lastNanos < 0) {
            lastNanos = nowNanos;
            return;
        }
        double dt = (nowNanos - lastNanos) / 1e9;
        lastNanos = nowNanos;
        double next = position.get() + direction * layersPerSecond.get() * dt;
        if (next <= 0 || next >= layerCount.get()) {
            position.set(clamp(next));
            pause();
        } else {
            position.set(next);
        }
    }

    private double clamp(double v) {
        return Math.max(0, Math.min(layerCount.get(), v));
    }

    private void updateLabel() {
        label.setText(shortPositionText(position.get(), layerCount.get()));
    }

    /** As wide as the widest text of this layer count, so the slider does not jump while the position moves. */
    private void fitLabel() {
        int l = layerCount.get();
        double widest = 0;
        for (double p : new double[] {0, l - 0.1, l}) {
            javafx.scene.text.Text t = new javafx.scene.text.Text(shortPositionText(p, l));
            t.setFont(label.getFont());
            widest = Math.max(widest, t.getLayoutBounds().getWidth());
        }
        label.setPrefWidth(Math.ceil(widest) + label.snappedLeftInset() + label.snappedRightInset() + 2);
    }

    /**
     * "position 2 of 8", "position 2.4 of 8" between two, with "(data x)" at 0 and "(latent z)" at
     * L: positions 0…L lie between the couplings 1…L (position k = after coupling k).
     */
    public static String positionText(double position, int layers) {
        String p = number(position);
        String where = position <= 0 ? " (data x)" : position >= layers ? " (latent z)" : "";
        return "position " + p + " of " + layers + where;
    }

    /**
     * The slider's read-out, "2.4 / 8", "0 / 8 · x" and "8 / 8 · z" at the ends: short, so that the
     * slider keeps room for every position at 1024×768 (the caption under the stepper says it in words).
     */
    public static String shortPositionText(double position, int layers) {
        String p = number(position);
        String where = position <= 0 ? " · x" : position >= layers ? " · z" : "";
        return p + " / " + layers + where;
    }

    /** "2", or "2.4" between two positions (1.9999999 is position 2). */
    private static String number(double position) {
        double tenths = Math.floor(position * 10 + 1e-6) / 10;
        return tenths == Math.rint(tenths) ? Integer.toString((int) tenths) : String.format(java.util.Locale.ROOT, "%.1f", tenths);
    }

    @Override
    public String getUserAgentStylesheet() {
        return java.util.Objects.requireNonNull(LayerScrubber.class.getResource("views.css")).toExternalForm();
    }

    /** The text of the "k / L" read-out beside the slider ({@link #shortPositionText}). */
    public String getLabelText() {
        return label.getText();
    }
}
