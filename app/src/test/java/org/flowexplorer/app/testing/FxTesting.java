package org.flowexplorer.app.testing;

import atlantafx.base.theme.PrimerLight;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import javafx.application.Application;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.image.WritableImage;
import javax.xml.parsers.DocumentBuilderFactory;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;
import org.w3c.dom.Document;

/**
 * The one helper of the FX tests: the headless (Monocle) toolkit with the app's theme, running work
 * on the FX thread, offscreen rendering, pixel comparisons and SVG parsing.
 */
public final class FxTesting {
    private FxTesting() {
    }

    /** Starts the toolkit once and sets the app's theme (see {@link FxToolkitExtension}). */
    public static void startToolkit() throws Exception {
        FxToolkit.registerPrimaryStage();
        onFx(() -> {
            Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
            return null;
        });
    }

    /** Runs {@code work} on the FX thread and returns its result (60 s at most). */
    public static <T> T onFx(Callable<T> work) throws Exception {
        return WaitForAsyncUtils.asyncFx(work).get(60, TimeUnit.SECONDS);
    }

    /** As {@link #onFx}, for use inside lambdas: a failure is an {@link AssertionError}. */
    public static <T> T fx(Callable<T> work) {
        try {
            return onFx(work);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    /** Waits up to 60 s for {@code condition}; a timeout fails with "timed out waiting for: {@code what}". */
    public static void await(String what, java.util.function.BooleanSupplier condition) {
        try {
            WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, condition::getAsBoolean);
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError("timed out waiting for: " + what, e);
        }
    }

    /** Lays out {@code root} (in its scene, or a new w×h one) and snapshots it; FX thread. */
    public static WritableImage render(Parent root, int w, int h) {
        return render(root, w, h, () -> { });
    }

    /** As {@link #render(Parent, int, int)}, running {@code beforeSnapshot} after the layout. */
    public static WritableImage render(Parent root, int w, int h, Runnable beforeSnapshot) {
        Scene scene = root.getScene() != null ? root.getScene() : new Scene(root, w, h);
        root.applyCss();
        root.layout();
        beforeSnapshot.run();
        return scene.snapshot(null);
    }

    public static int argb(WritableImage img, double x, double y) {
        return img.getPixelReader().getArgb((int) x, (int) y);
    }

    /** The colour at the centre of {@code node} in a snapshot of its scene. */
    public static int centreArgb(WritableImage img, Node node) {
        Bounds b = node.localToScene(node.getLayoutBounds());
        return argb(img, b.getCenterX(), b.getCenterY());
    }

    /** Largest per-channel difference between two colours. */
    public static int distance(int a, int b) {
        int d = 0;
        for (int shift = 0; shift <= 16; shift += 8) {
            d = Math.max(d, Math.abs(((a >> shift) & 0xFF) - ((b >> shift) & 0xFF)));
        }
        return d;
    }

    /** Parses an SVG string with a namespace-aware DocumentBuilder (throws if it is not well-formed XML). */
    public static Document parse(String svg) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        return f.newDocumentBuilder().parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));
    }

    /** How many SVG elements of this name the document holds. */
    public static int count(Document doc, String element) {
        return doc.getElementsByTagNameNS("http://www.w3.org/2000/svg", element).getLength();
    }
}
