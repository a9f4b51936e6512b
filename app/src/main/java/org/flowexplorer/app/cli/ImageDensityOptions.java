package org.flowexplorer.app.cli;

import java.nio.file.Path;
import org.flowexplorer.app.io.ImageDensityImport;
import org.flowexplorer.model.data.DataFileException;
import org.flowexplorer.model.data.PixelDensity;
import picocli.CommandLine.Option;

/** {@code --invert} and {@code --square} of the commands that take {@code --image F.png} as a density. */
final class ImageDensityOptions {
    @Option(names = "--invert", description = "With --image: dark pixels are dense (a black drawing on white); default bright = dense.")
    boolean invert;

    @Option(names = "--square", paramLabel = "S", description = "With --image: the image's longer side spans [-S, S] (default: 4).")
    Double square;

    void validate(CliCommand cmd, Path image) {
        if (image == null && (invert || square != null)) {
            throw cmd.usage((invert ? "--invert" : "--square") + " only applies to --image");
        }
        if (square != null && !(square > 0 && square <= 1000)) {
            throw cmd.usage("--square must be in (0, 1000], got " + square);
        }
    }

    PixelDensity read(Path image) throws DataFileException {
        return ImageDensityImport.read(image, invert, square != null ? square : ImageDensityImport.DEFAULT_HALF_WIDTH);
    }
}
