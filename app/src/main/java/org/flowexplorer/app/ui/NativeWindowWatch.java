package org.flowexplorer.app.ui;

import java.lang.reflect.Method;
import java.util.List;
import java.util.function.BooleanSupplier;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.stage.Stage;
import javafx.util.Duration;

/**
 * Hides a stage whose native window was destroyed from outside, so the normal "window hidden" path
 * (remember settings, stop the worker and the task runner, implicit exit) runs however the window
 * goes. Needed because JavaFX on GTK never learns about an X window destroyed by another client
 * ({@code xdotool windowclose}, a crashed window manager): the stage stays "showing", and the JVM
 * kept training at full CPU with no window (issue 10, item 9).
 *
 * <p>The check runs on the FX thread (on GTK also the GDK thread) once per period and costs one
 * table lookup. Where no probe is available (not GTK/X11, no JNA, headless Monocle) the watch does
 * nothing.
 */
public final class NativeWindowWatch {
    private final Timeline timeline;

    /**
     * @param alive whether the stage's native window still exists; called on the FX thread
     */
    public NativeWindowWatch(Stage stage, BooleanSupplier alive, Duration period) {
        timeline = new Timeline(new KeyFrame(period, e -> {
            if (stage.isShowing() && !alive.getAsBoolean()) {
                stop();
                stage.hide();
            }
        }));
        timeline.setCycleCount(Timeline.INDEFINITE);
    }

    /** Watches {@code stage} with the GTK probe, four times a second; does nothing where there is no probe. */
    public static NativeWindowWatch forStage(Stage stage) {
        BooleanSupplier probe = GtkProbe.create(stage);
        return new NativeWindowWatch(stage, probe == null ? () -> true : probe, Duration.millis(250));
    }

    public NativeWindowWatch start() {
        timeline.play();
        return this;
    }

    public void stop() {
        timeline.stop();
    }

    /**
     * GDK forgets an X window once it was destroyed: {@code gdk_x11_window_lookup_for_display}
     * returns null for it. The window id comes from Glass's window with the stage's title.
     */
    private static final class GtkProbe implements BooleanSupplier {
        private final Stage stage;
        private final Gdk gdk;
        private final Method windows;
        private final Method title;
        private final Method nativeWindow;
        private long xid;

        /** The JNA view of the two GDK functions used; GDK is already loaded by Glass. */
        public interface Gdk extends com.sun.jna.Library {
            com.sun.jna.Pointer gdk_display_get_default();

            com.sun.jna.Pointer gdk_x11_window_lookup_for_display(com.sun.jna.Pointer display,
                    com.sun.jna.NativeLong xid);
        }

        private GtkProbe(Stage stage) throws ReflectiveOperationException {
            this.stage = stage;
            Class<?> glassWindow = Class.forName("com.sun.glass.ui.Window");
            windows = glassWindow.getMethod("getWindows");
            title = glassWindow.getMethod("getTitle");
            nativeWindow = glassWindow.getMethod("getNativeWindow");
            gdk = com.sun.jna.Native.loadLibrary("libgdk-3.so.0", Gdk.class);
        }

        static BooleanSupplier create(Stage stage) {
            if (!"gtk".equalsIgnoreCase(System.getProperty("glass.platform", "gtk"))
                    || !System.getProperty("os.name", "").toLowerCase(java.util.Locale.ROOT).contains("linux")) {
                return null;
            }
            try {
                return new GtkProbe(stage);
            } catch (ReflectiveOperationException | LinkageError | RuntimeException e) {
                return null;
            }
        }

        @Override
        public boolean getAsBoolean() {
            try {
                if (xid == 0) {
                    xid = findWindowId();
                    return true;
                }
                return gdk.gdk_x11_window_lookup_for_display(gdk.gdk_display_get_default(),
                        new com.sun.jna.NativeLong(xid)) != null;
            } catch (ReflectiveOperationException | LinkageError | RuntimeException e) {
                return true; // cannot tell: never close a window on a guess
            }
        }

        private long findWindowId() throws ReflectiveOperationException {
            for (Object w : (List<?>) windows.invoke(null)) {
                if (java.util.Objects.equals(title.invoke(w), stage.getTitle())) {
                    return (long) nativeWindow.invoke(w);
                }
            }
            return 0;
        }
    }
}
