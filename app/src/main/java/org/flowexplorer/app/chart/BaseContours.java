package org.flowexplorer.app.chart;

import java.util.ArrayList;
import java.util.List;
import org.flowexplorer.model.flow.MixtureBase;

/**
 * Dashed σ-contours of a flow's base distribution in the latent plot: the standard normal's circles
 * at 1, 2 and 3 σ, or a Gaussian mixture's axis-aligned ellipses at 1 and 2 σ of each component.
 *
 * @param components each component's centre and per-axis standard deviation
 */
public record BaseContours(List<Ellipse> components) {
    /** One component's centre (cx, cy) and standard deviations (sx, sy). */
    public record Ellipse(double cx, double cy, double sx, double sy) {
    }

    /** N(0, I): one unit circle, drawn at 1, 2 and 3 σ. */
    public static final BaseContours STANDARD_NORMAL = new BaseContours(List.of(new Ellipse(0, 0, 1, 1)));

    public BaseContours {
        components = List.copyOf(components);
    }

    /** N(0, I)'s circles for null, else an ellipse per mixture component. */
    public static BaseContours of(MixtureBase.Components c) {
        if (c == null) {
            return STANDARD_NORMAL;
        }
        List<Ellipse> es = new ArrayList<>();
        for (int k = 0; k < c.weights().length; k++) {
            es.add(new Ellipse(c.means()[k][0], c.means()[k][1], c.scales()[k][0], c.scales()[k][1]));
        }
        return new BaseContours(es);
    }

    public boolean isStandardNormal() {
        return equals(STANDARD_NORMAL);
    }

    /** The σ multiples drawn: 1–3 for N(0, I), 1–2 for a mixture (more would cover the view). */
    public int levels() {
        return isStandardNormal() ? 3 : 2;
    }
}
