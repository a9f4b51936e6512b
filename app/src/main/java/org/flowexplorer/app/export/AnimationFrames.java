package org.flowexplorer.app.export;

import java.awt.image.BufferedImage;

/** What {@link AnimationExport} writes: a number of frames, each drawn on demand, shown for a fixed delay. */
public interface AnimationFrames {
    int frameCount();

    /** Draws frame {@code index} into a new opaque RGB image, on the calling thread. */
    BufferedImage renderFrame(int index);

    /** How long each frame is shown in a GIF. */
    int frameDelayMs();
}
