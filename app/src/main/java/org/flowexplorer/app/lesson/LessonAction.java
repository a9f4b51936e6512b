package org.flowexplorer.app.lesson;

import java.util.Objects;

/**
 * What a lesson step does to the window: train a few steps, move the layer stepper, bring a view
 * to the front, or turn on compare mode. A step with a "predict, then reveal" question runs its
 * action when Reveal is pressed (the action is the answer); any other step runs it when shown.
 */
public sealed interface LessonAction {
    /** The action's name in the file ({@code "do"}). */
    String kind();

    /** Trains exactly {@code steps} optimisation steps (then pauses). */
    record Play(int steps) implements LessonAction {
        /** The most steps one action may ask for (a few minutes of training on a small machine). */
        public static final int MAX_STEPS = 100_000;

        public Play {
            if (steps < 1 || steps > MAX_STEPS) {
                throw new IllegalArgumentException("play steps must be from 1 to " + MAX_STEPS + ", got " + steps);
            }
        }

        @Override
        public String kind() {
            return "play";
        }
    }

    /** Puts the layer stepper at position {@code layer} (0 = the data … L = the latent). */
    record GoToLayer(int layer) implements LessonAction {
        public GoToLayer {
            if (layer < 0) {
                throw new IllegalArgumentException("layer must be 0 or more, got " + layer);
            }
        }

        @Override
        public String kind() {
            return "layer";
        }
    }

    /** Brings a view (a panel's file stem, e.g. {@code "loss"}, or a tab's, e.g. {@code "worked-example"}) to the front. */
    record ShowView(String view) implements LessonAction {
        public ShowView {
            Objects.requireNonNull(view, "view");
            if (view.isBlank()) {
                throw new IllegalArgumentException("view must name a view");
            }
        }

        @Override
        public String kind() {
            return "view";
        }
    }

    /**
     * Turns on compare mode (two models side by side): with {@code preset} (the name of one of
     * {@code Presets.comparisons()}) that comparison, without it (null) side B starts as a copy of
     * the window's model.
     */
    record Compare(String preset) implements LessonAction {
        /** Side B as a copy of the window's model. */
        public Compare() {
            this(null);
        }

        @Override
        public String kind() {
            return "compare";
        }
    }
}
