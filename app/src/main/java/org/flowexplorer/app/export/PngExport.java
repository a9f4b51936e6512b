package org.flowexplorer.app.export;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.SnapshotParameters;
import javafx.scene.image.Image;
import javafx.scene.image.WritableImage;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.layout.StackPane;
import javafx.scene.transform.Transform;
import javax.imageio.ImageIO;
import org.flowexplorer.app.chart.ExportableChart;
import org.flowexplorer.model.fs.AtomicFiles;

/**
 * Raster export of any view: snapshot at {@code width}×{@code height} logical pixels times
 * {@code scale} (1, 2 or 3 for hi-DPI; a 600×600 view at 2× gives a 1200×1200 image drawn at that
 * resolution, so text and lines are crisp, not upscaled), then {@link SwingFXUtils} and ImageIO.
 *
 * <p>An {@link ExportableChart} (the plot, the loss chart, the masks) draws itself, re-laid-out
 * offscreen at the requested size (a copy, so the window is untouched). Any other node is laid out at that size if it
 * is not in a scene yet; a node already shown is captured at its current size (then width/height
 * are ignored and only the scale applies).
 *
 * <p>Snapshots must be taken on the FX thread; {@link #write(BufferedImage, Path)} may run on any
 * thread, so a UI can snapshot on the FX thread and encode in the background.
 */
public final class PngExport {
    private PngExport() {
    }

    /** Snapshot of {@code view} as a JavaFX image (FX thread). */
    public static WritableImage snapshot(Node view, int width, int height, double scale) {
        checkSize(width, height, scale);
        if (view instanceof ExportableChart chart) {
            return chart.snapshotImage(width, height, scale);
        }
        SnapshotParameters params = new SnapshotParameters();
        params.setTransform(Transform.scale(scale, scale));
        if (view.getScene() == null && view.getParent() == null && view instanceof Parent parent) {
            StackPane root = new StackPane(parent);
            new Scene(root, width, height);
            root.applyCss();
            root.layout();
            WritableImage img = root.snapshot(params, null);
            root.getChildren().clear();
            return img;
        }
        return view.snapshot(params, null);
    }

    /** Snapshot of {@code view} as an ARGB BufferedImage (FX thread). */
    public static BufferedImage render(Node view, int width, int height, double scale) {
        return SwingFXUtils.fromFXImage(snapshot(view, width, height, scale), null);
    }

    /** Snapshots {@code view} and writes it to {@code file} as PNG (FX thread; see {@link #write(BufferedImage, Path)}). */
    public static void write(Node view, Path file, int width, int height, double scale) throws IOException {
        write(render(view, width, height, scale), file);
    }

    /**
     * Writes an image as PNG atomically (temporary file in the same directory, then rename), so
     * a failure or crash never leaves a truncated PNG. Any thread.
     */
    public static void write(BufferedImage image, Path file) throws IOException {
        AtomicFiles.write(file, out -> {
            if (!ImageIO.write(image, "png", out)) {
                throw new IOException("no PNG writer available");
            }
        });
    }

    /** Puts a snapshot of {@code view} on the system clipboard as an image (FX thread). */
    public static void copyToClipboard(Node view, int width, int height, double scale) {
        copyToClipboard(snapshot(view, width, height, scale));
    }

    /** Puts {@code image} on the system clipboard (FX thread). */
    public static void copyToClipboard(Image image) {
        ClipboardContent content = new ClipboardContent();
        content.putImage(image);
        Clipboard.getSystemClipboard().setContent(content);
    }

    static void checkSize(int width, int height, double scale) {
        if (width < 1 || height < 1 || width > 20_000 || height > 20_000) {
            throw new IllegalArgumentException("image size must be between 1 and 20000 pixels, got " + width + "x" + height);
        }
        if (!(scale > 0 && scale <= 8)) {
            throw new IllegalArgumentException("scale must be in (0, 8], got " + scale);
        }
        if ((double) width * height * scale * scale > 400e6) {
            throw new IllegalArgumentException("image of " + Math.round(width * scale) + "x" + Math.round(height * scale)
                    + " pixels is too large");
        }
    }
}
