package org.flowexplorer.app.preset;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.flowexplorer.model.flow.RealNVP;
import org.junit.jupiter.api.Test;

/**
 * The claim of "Mixture base: no filaments between modes": trained as suggested, the density halfway
 * between neighbouring modes, relative to the density at the modes, is several times lower than the
 * same flow's over N(0, I).
 */
class MixtureBasePresetTest {
    private static final double RADIUS = 4 / 1.414;

    /** Mean density at the eight chord midpoints over the mean density at the eight mode centres. */
    private static double midpointsOverModes(RealNVP model) {
        float[] points = new float[32];
        for (int i = 0; i < 16; i++) {
            double angle = i * Math.PI / 8, r = i % 2 == 0 ? RADIUS : RADIUS * Math.cos(Math.PI / 8);
            points[2 * i] = (float) (r * Math.cos(angle));
            points[2 * i + 1] = (float) (r * Math.sin(angle));
        }
        double[] lp = model.logProbValues(points);
        double modes = 0, mids = 0;
        for (int i = 0; i < 16; i++) {
            if (i % 2 == 0) {
                modes += Math.exp(lp[i]);
            } else {
                mids += Math.exp(lp[i]);
            }
        }
        return mids / modes;
    }

    @Test
    void theMixtureBaseLowersTheDensityBetweenModesSeveralFold() {
        Preset p = Presets.MIXTURE_BASE_NO_FILAMENT;
        double mixture = midpointsOverModes(PresetRun.of(p, p.suggestedSteps()).model());
        double gaussian = midpointsOverModes(PresetRun.of(p, Presets.withoutMixtureBase(), p.training(), p.suggestedSteps()).model());
        System.out.printf("mixture-base preset: p(midpoint)/p(mode) N(0, I) %.3g, mixture:8 %.3g, factor %.3g%n",
                gaussian, mixture, gaussian / mixture);
        assertTrue(gaussian / mixture > 3, "N(0, I) " + gaussian + " vs mixture " + mixture);
    }
}
