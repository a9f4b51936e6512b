package org.flowexplorer.app.io;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Locale;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import org.flowexplorer.model.data.DataFileException;
import org.flowexplorer.model.data.PixelDensity;

/**
 * An image (PNG or JPEG) as a density: its grey levels, 0.299 R + 0.587 G + 0.114 B, times its
 * alpha, become the weights of a {@link PixelDensity} on the square [−S, S]² — bright = dense, or
 * with {@code invert} dark = dense (a black letter on white). Transparent pixels weigh nothing
 * either way.
 *
 * <p>Bounded: at most {@link #MAX_BYTES} bytes and {@link PixelDensity#MAX_SIDE} pixels a side
 * (checked from the header before any pixel is decoded). A failure is one
 * {@link DataFileException} naming the file; nothing the caller holds changes.
 */
public final class ImageDensityImport {
    public static final long MAX_BYTES = 16L << 20;
    /** The square's default half-width: the toy sets' scale. */
    public static final double DEFAULT_HALF_WIDTH = 4.0;
    /** The example image shipped with the app: a black letter F on white, meant for {@code invert}. */
    public static final String EXAMPLE = "/org/flowexplorer/app/images/letter-f.png";

    private ImageDensityImport() {
    }

    /** Whether the name ends in .png, .jpg or .jpeg (case-insensitive). */
    public static boolean isImage(Path file) {
        Path name = file.getFileName();
        String n = name == null ? "" : name.toString().toLowerCase(Locale.ROOT);
        return n.endsWith(".png") || n.endsWith(".jpg") || n.endsWith(".jpeg");
    }

    /**
     * Reads {@code file} as a density on [−halfWidth, halfWidth]² (the longer side).
     *
     * @throws DataFileException for a wrong extension, a missing, too large, unreadable or blank image
     */
    public static PixelDensity read(Path file, boolean invert, double halfWidth) throws DataFileException {
        if (!isImage(file)) {
            throw new DataFileException(file, 0, "only .png, .jpg or .jpeg images can be opened as a density");
        }
        if (!(halfWidth > 0 && halfWidth <= 1000)) {
            throw new DataFileException(file, 0, "the square's half-width must be in (0, 1000], got " + halfWidth);
        }
        BufferedImage image;
        try {
            long size = Files.size(file);
            if (size > MAX_BYTES) {
                throw new DataFileException(file, 0, size + " bytes is more than the " + MAX_BYTES + " an image may have");
            }
            image = decode(file);
        } catch (IOException e) {
            throw new DataFileException(file, 0, "cannot read the image (" + Failures.describe(e, null) + ")", e);
        }
        return density(image, invert, halfWidth, file);
    }

    /**
     * A class-path resource shipped with the app (e.g. {@link #EXAMPLE}, for a preset) read as
     * {@link #read} reads a file; the resource name stands in for the file in a failure.
     *
     * @throws DataFileException for a missing or undecodable resource or a blank image
     */
    public static PixelDensity readResource(String resource, boolean invert, double halfWidth) throws DataFileException {
        Path name = Path.of(resource.substring(resource.lastIndexOf('/') + 1));
        BufferedImage image;
        try (var in = ImageDensityImport.class.getResourceAsStream(resource)) {
            image = in == null ? null : ImageIO.read(in);
        } catch (IOException e) {
            throw new DataFileException(name, 0, "cannot read the image (" + Failures.describe(e, null) + ")", e);
        }
        if (image == null) {
            throw new DataFileException(name, 0, "no PNG or JPEG resource " + resource + " in this build");
        }
        return density(image, invert, halfWidth, name);
    }

    private static PixelDensity density(BufferedImage image, boolean invert, double halfWidth, Path file)
            throws DataFileException {
        double[] weights = new double[image.getWidth() * image.getHeight()];
        for (int row = 0; row < image.getHeight(); row++) {
            for (int column = 0; column < image.getWidth(); column++) {
                int argb = image.getRGB(column, row);
                double alpha = (argb >>> 24) / 255.0;
                double grey = (0.299 * (argb >> 16 & 0xff) + 0.587 * (argb >> 8 & 0xff) + 0.114 * (argb & 0xff)) / 255.0;
                weights[row * image.getWidth() + column] = alpha * (invert ? 1 - grey : grey);
            }
        }
        try {
            return PixelDensity.of(weights, image.getWidth(), image.getHeight(), halfWidth);
        } catch (IllegalArgumentException e) {
            throw new DataFileException(file, 0, e.getMessage());
        }
    }

    /** Header first (size limit), then the pixels; null readers and empty images are errors. */
    private static BufferedImage decode(Path file) throws IOException, DataFileException {
        try (ImageInputStream in = ImageIO.createImageInputStream(file.toFile())) {
            Iterator<ImageReader> readers = in == null ? null : ImageIO.getImageReaders(in);
            if (readers == null || !readers.hasNext()) {
                throw new DataFileException(file, 0, "not a PNG or JPEG image");
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(in, true, true);
                int w = reader.getWidth(0), h = reader.getHeight(0);
                if (w > PixelDensity.MAX_SIDE || h > PixelDensity.MAX_SIDE) {
                    throw new DataFileException(file, 0, w + " x " + h + " pixels is larger than the "
                            + PixelDensity.MAX_SIDE + " x " + PixelDensity.MAX_SIDE + " an image may have");
                }
                return reader.read(0);
            } finally {
                reader.dispose();
            }
        }
    }
}
