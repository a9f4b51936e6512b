package org.flowexplorer.app.view;

import atlantafx.base.theme.PrimerLight;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import javafx.application.Application;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.image.WritableImage;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/** Starts the (headless Monocle) FX toolkit once with the app's theme and renders scenes offscreen. */
final class FxTestSupport {
    private FxTestSupport() {
    }

    static void startToolkit() throws Exception {
        FxToolkit.registerPrimaryStage();
        onFx(() -> {
            Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
            return null;
        });
    }

    static <T> T onFx(Callable<T> work) throws Exception {
        return WaitForAsyncUtils.asyncFx(work).get(30, TimeUnit.SECONDS);
    }

    /** Lays out {@code root} in a w×h scene and snapshots it; call on the FX thread. */
    static WritableImage render(Parent root, int w, int h, Runnable beforeSnapshot) {
        Scene scene = new Scene(root, w, h);
        root.applyCss();
        root.layout();
        beforeSnapshot.run();
        return scene.snapshot(null);
    }

    static int argb(WritableImage img, double x, double y) {
        return img.getPixelReader().getArgb((int) x, (int) y);
    }

    /** Largest per-channel difference between two colours. */
    static int distance(int a, int b) {
        int d = 0;
        for (int shift = 0; shift <= 16; shift += 8) {
            d = Math.max(d, Math.abs(((a >> shift) & 0xFF) - ((b >> shift) & 0xFF)));
        }
        return d;
    }
}
