package org.flowexplorer.app.testing;

import java.awt.image.BufferedImage;
import java.util.HashSet;
import java.util.Set;

/** Checks on rendered images shared by the export and render tests. */
public final class TestImages {
    private TestImages() {
    }

    /** How many different ARGB values the pixels on every {@code stride}-th row and column hold (an empty image has 1). */
    public static int distinctColours(BufferedImage img, int stride) {
        Set<Integer> colours = new HashSet<>();
        for (int y = 0; y < img.getHeight(); y += stride) {
            for (int x = 0; x < img.getWidth(); x += stride) {
                colours.add(img.getRGB(x, y));
            }
        }
        return colours.size();
    }
}
