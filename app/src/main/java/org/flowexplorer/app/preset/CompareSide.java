package org.flowexplorer.app.preset;

import java.util.Locale;
import java.util.Objects;
import org.flowexplorer.model.flow.Architecture;
import org.flowexplorer.model.train.TrainingConfig;

/**
 * One side of a comparison: everything a model of compare mode may have of its own. The data (set,
 * points, noise, data seed) are shared with the other side; architecture, coupling, learning rate,
 * batch size and the init/shuffle seed ({@code training.seed()}) are this side's.
 *
 * @param label        a short name for the legend and the verdict, e.g. "additive" or "2 layers"
 * @param architecture layers, hidden widths and coupling
 * @param training     learning rate, batch size, clip norm and the seed of the initial weights and shuffles
 */
public record CompareSide(String label, Architecture architecture, TrainingConfig training) {
    public CompareSide {
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(architecture, "architecture");
        Objects.requireNonNull(training, "training");
        if (label.isBlank()) {
            throw new IllegalArgumentException("a compare side needs a label");
        }
    }

    /** A label saying what the side is: "8×128×128 affine, lr 0.001, batch 256, seed 0". */
    public static String describe(Architecture a, TrainingConfig t) {
        StringBuilder hidden = new StringBuilder();
        for (int w : a.hidden()) {
            hidden.append('×').append(w);
        }
        return String.format(Locale.ROOT, "%d%s %s%s, lr %s, batch %d, seed %d", a.layers(), hidden,
                a.coupling().name().toLowerCase(Locale.ROOT), a.blocksText() + a.baseText(), shortNumber(t.learningRate()), t.batchSize(), t.seed());
    }

    private static String shortNumber(double v) {
        String s = String.format(Locale.ROOT, "%.4g", v);
        return s.contains("e") || !s.contains(".") ? s : s.replaceAll("0+$", "").replaceAll("\\.$", "");
    }
}
