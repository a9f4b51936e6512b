package org.flowexplorer.app.export;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CancellationException;
import java.util.function.BooleanSupplier;
import java.util.function.DoubleConsumer;
import java.util.stream.Stream;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.ImageWriter;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.metadata.IIOMetadataNode;
import javax.imageio.stream.ImageOutputStream;
import javax.imageio.stream.MemoryCacheImageOutputStream;
import org.flowexplorer.model.fs.AtomicFiles;

/**
 * Writes a {@link LayerAnimation} as an animated GIF (loops forever, per-frame delay from the
 * options) or as a numbered PNG frame sequence (for video tools: {@code ffmpeg -i frame_%04d.png}).
 *
 * <p>GIF frames after the first store only the rectangle that changed since the previous frame
 * (disposal "none"), so hold frames cost a few bytes; every frame still counts and has its delay.
 *
 * <p>Both run on the calling thread, rendering one frame at a time with Java2D (no FX thread
 * needed): call them from a background task. After each frame {@code progress} receives the
 * fraction done (0 … 1, the last call is exactly 1) and {@code cancelled} is polled before each
 * frame; when it returns true the export stops with a {@link CancellationException} and leaves no
 * file behind (the GIF is written to a temporary file that is only renamed into place when
 * complete; the frames go to a temporary directory that is only moved into place when complete).
 * Either callback may be null.
 */
public final class AnimationExport {
    private AnimationExport() {
    }

    /** What the writers need of an animation: its frames, rendered one at a time, and their delay. */
    public interface Frames {
        int frameCount();

        BufferedImage renderFrame(int index);

        int frameDelayMs();
    }

    /** Writes the animation as an animated GIF to {@code file}, atomically. */
    public static void writeGif(Frames animation, Path file, DoubleConsumer progress, BooleanSupplier cancelled)
            throws IOException {
        int frames = animation.frameCount();
        AtomicFiles.write(file, out -> {
            ImageWriter writer = gifWriter();
            try (ImageOutputStream ios = new MemoryCacheImageOutputStream(out)) {
                writer.setOutput(ios);
                writer.prepareWriteSequence(null);
                int delayCs = Math.max(2, Math.round(animation.frameDelayMs() / 10f));
                int[] previous = null;
                for (int i = 0; i < frames; i++) {
                    checkCancelled(cancelled);
                    BufferedImage frame = animation.renderFrame(i);
                    int w = frame.getWidth();
                    int h = frame.getHeight();
                    int[] pixels = frame.getRGB(0, 0, w, h, null, 0, w);
                    // only the rectangle that changed since the previous frame (disposal "none" keeps the rest)
                    int[] box = previous == null ? new int[] {0, 0, w, h} : changedBox(previous, pixels, w, h);
                    BufferedImage part = box[2] == w && box[3] == h ? frame : frame.getSubimage(box[0], box[1], box[2], box[3]);
                    IIOMetadata meta = writer.getDefaultImageMetadata(ImageTypeSpecifier.createFromRenderedImage(part), null);
                    configure(meta, delayCs, i == 0, box[0], box[1]);
                    writer.writeToSequence(new IIOImage(part, null, meta), null);
                    previous = pixels;
                    report(progress, (i + 1.0) / frames);
                }
                writer.endWriteSequence();
                ios.flush();
            } finally {
                writer.dispose();
            }
        });
    }

    /**
     * Writes frames {@code prefix_0000.png}, {@code prefix_0001.png}, … (one per
     * {@link LayerAnimation#frameCount()}) into {@code dir}, which is created if missing; existing
     * files of the same names are replaced only when the whole sequence is done.
     *
     * @return the written files in frame order
     */
    public static List<Path> writeFrames(LayerAnimation animation, Path dir, String prefix, DoubleConsumer progress,
            BooleanSupplier cancelled) throws IOException {
        if (prefix == null || prefix.isBlank() || prefix.matches(".*[/\\\\].*")) {
            throw new IllegalArgumentException("frame prefix must be a plain file name part, got '" + prefix + "'");
        }
        Files.createDirectories(dir);
        Path temp = Files.createTempDirectory(dir, "." + prefix + "-frames-");
        int frames = animation.frameCount();
        List<Path> written = new ArrayList<>(frames);
        try {
            for (int i = 0; i < frames; i++) {
                checkCancelled(cancelled);
                String name = String.format(Locale.ROOT, "%s_%04d.png", prefix, i);
                if (!ImageIO.write(animation.renderFrame(i), "png", temp.resolve(name).toFile())) {
                    throw new IOException("no PNG writer available");
                }
                written.add(dir.resolve(name));
                report(progress, (i + 1.0) / frames);
            }
            for (Path target : written) {
                Files.move(temp.resolve(target.getFileName()), target, StandardCopyOption.REPLACE_EXISTING);
            }
            return written;
        } finally {
            deleteTree(temp);
        }
    }

    private static void checkCancelled(BooleanSupplier cancelled) {
        if (cancelled != null && cancelled.getAsBoolean()) {
            throw new CancellationException("export cancelled");
        }
    }

    private static void report(DoubleConsumer progress, double fraction) {
        if (progress != null) {
            progress.accept(fraction);
        }
    }

    private static ImageWriter gifWriter() throws IOException {
        Iterator<ImageWriter> it = ImageIO.getImageWritersByFormatName("gif");
        if (!it.hasNext()) {
            throw new IOException("no GIF writer available");
        }
        return it.next();
    }

    /** Per-frame delay (centiseconds), no disposal, and on the first frame the NETSCAPE2.0 loop-forever extension. */
    private static void configure(IIOMetadata meta, int delayCs, boolean first, int left, int top) throws IOException {
        String format = meta.getNativeMetadataFormatName();
        IIOMetadataNode root = (IIOMetadataNode) meta.getAsTree(format);
        IIOMetadataNode descriptor = child(root, "ImageDescriptor");
        descriptor.setAttribute("imageLeftPosition", Integer.toString(left));
        descriptor.setAttribute("imageTopPosition", Integer.toString(top));
        IIOMetadataNode gce = child(root, "GraphicControlExtension");
        gce.setAttribute("disposalMethod", "none");
        gce.setAttribute("userInputFlag", "FALSE");
        gce.setAttribute("transparentColorFlag", "FALSE");
        gce.setAttribute("delayTime", Integer.toString(delayCs));
        gce.setAttribute("transparentColorIndex", "0");
        if (first) {
            IIOMetadataNode apps = child(root, "ApplicationExtensions");
            IIOMetadataNode app = new IIOMetadataNode("ApplicationExtension");
            app.setAttribute("applicationID", "NETSCAPE");
            app.setAttribute("authenticationCode", "2.0");
            app.setUserObject(new byte[] {1, 0, 0});
            apps.appendChild(app);
        }
        meta.setFromTree(format, root);
    }

    /** {x, y, w, h} of the pixels that differ (a 1×1 box at the origin when none do). */
    static int[] changedBox(int[] a, int[] b, int w, int h) {
        int x0 = w;
        int y0 = h;
        int x1 = -1;
        int y1 = -1;
        for (int y = 0; y < h; y++) {
            int row = y * w;
            for (int x = 0; x < w; x++) {
                if (a[row + x] != b[row + x]) {
                    x0 = Math.min(x0, x);
                    x1 = Math.max(x1, x);
                    y0 = Math.min(y0, y);
                    y1 = y;
                }
            }
        }
        return x1 < 0 ? new int[] {0, 0, 1, 1} : new int[] {x0, y0, x1 - x0 + 1, y1 - y0 + 1};
    }

    private static IIOMetadataNode child(IIOMetadataNode root, String name) {
        for (int i = 0; i < root.getLength(); i++) {
            if (root.item(i).getNodeName().equalsIgnoreCase(name)) {
                return (IIOMetadataNode) root.item(i);
            }
        }
        IIOMetadataNode node = new IIOMetadataNode(name);
        root.appendChild(node);
        return node;
    }

    private static void deleteTree(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException ignored) {
                    // best effort; the directory is hidden
                }
            });
        } catch (IOException ignored) {
            // best effort
        }
    }
}
