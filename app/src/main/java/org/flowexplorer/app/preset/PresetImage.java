package org.flowexplorer.app.preset;

import java.util.Objects;
import org.flowexplorer.app.io.ImageDensityImport;
import org.flowexplorer.model.data.DataFileException;
import org.flowexplorer.model.data.PixelDensity;

/**
 * A picture shipped with the app (a class-path resource), used by a preset as File › Open image as
 * density would use it: its grey levels become a {@link PixelDensity} on [−4, 4]², whose entropy is
 * known exactly, and the training points are sampled from it.
 *
 * @param resource the class-path resource, e.g. {@link ImageDensityImport#EXAMPLE}
 * @param invert   dark = dense (a black drawing on white) instead of bright = dense
 */
public record PresetImage(String resource, boolean invert) {
    public PresetImage {
        Objects.requireNonNull(resource, "resource");
    }

    /** The density on the default square; a missing or unreadable resource is a build fault. */
    public PixelDensity density() {
        try {
            return ImageDensityImport.readResource(resource, invert, ImageDensityImport.DEFAULT_HALF_WIDTH);
        } catch (DataFileException e) {
            throw new IllegalStateException("the preset image " + resource + " cannot be read: " + e.getMessage(), e);
        }
    }

    /** How the data are named in the status line and the session, as the menu command names them. */
    public String origin() {
        return "image " + resource.substring(resource.lastIndexOf('/') + 1);
    }
}
