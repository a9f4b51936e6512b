package org.flowexplorer.app.teach;

import atlantafx.base.theme.PrimerLight;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import javafx.application.Application;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.image.WritableImage;
import org.flowexplorer.model.flow.CouplingType;
import org.flowexplorer.model.flow.FlowSpec;
import org.flowexplorer.model.flow.RealNVP;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/** Headless FX toolkit with the app's theme, offscreen rendering and a small random model. */
final class TeachFx {
    private TeachFx() {
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

    static WritableImage render(Parent root, int w, int h) {
        Scene scene = root.getScene() != null ? root.getScene() : new Scene(root, w, h);
        root.applyCss();
        root.layout();
        return scene.snapshot(null);
    }

    static int centreArgb(WritableImage img, javafx.scene.Node node) {
        javafx.geometry.Bounds b = node.localToScene(node.getLayoutBounds());
        return img.getPixelReader().getArgb((int) b.getCenterX(), (int) b.getCenterY());
    }

    static int distance(int a, int b) {
        int d = 0;
        for (int shift = 0; shift <= 16; shift += 8) {
            d = Math.max(d, Math.abs(((a >> shift) & 0xFF) - ((b >> shift) & 0xFF)));
        }
        return d;
    }

    /** A 2-D flow with all parameters random (last Linears included): far from the identity. */
    static RealNVP randomModel(int layers, long seed) {
        RealNVP flow = RealNVP.create(FlowSpec.alternating(2, layers, new int[] {16, 16}, CouplingType.AFFINE), seed);
        double[] p = flow.parameterValues();
        SplittableRandom rng = new SplittableRandom(seed + 1);
        for (int i = 0; i < p.length; i++) {
            p[i] = rng.nextGaussian() * 0.4;
        }
        flow.setParameters(p);
        return flow;
    }
}
