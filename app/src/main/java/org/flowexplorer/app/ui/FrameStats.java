package org.flowexplorer.app.ui;

import java.util.Arrays;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import javafx.animation.AnimationTimer;
import javafx.scene.Scene;

/**
 * Measures the FX side over a window of time: frames per second (AnimationTimer callbacks, i.e.
 * pulses) and per-pulse FX-thread work (from the start of the pulse's animation phase to the end of
 * its layout pass, which includes CSS, layout and the views' redraws), plus the longest gap between
 * pulses; the CPU time of the busiest threads and the collections over the same window
 * ({@link ThreadCpuWindow}); and, when {@link #counting} something, its rate over the window (e.g.
 * training steps per second while the views animate). Enabled with
 * {@code -Dflowexplorer.measureFps=SECONDS}; results go to stdout.
 */
public final class FrameStats {
    private final Scene scene;
    private final long windowNanos;
    private final Consumer<String> out;
    private final Supplier<String> context;
    private long[] pulse = new long[4096];
    private int pulses;
    private long first;
    private long lastFrame;
    private long maxGap;
    private long pulseStart;
    private AnimationTimer timer;
    private Runnable post;
    private String counted;
    private LongSupplier counter;
    private long counterStart;
    private ThreadCpuWindow cpu;

    public FrameStats(Scene scene, double seconds, Consumer<String> out, Supplier<String> context) {
        this.scene = scene;
        this.windowNanos = (long) (seconds * 1e9);
        this.out = out;
        this.context = context;
    }

    /** Also reports how fast {@code counter} (read on the FX thread) grows over the window, as "N {@code what}/s". */
    public FrameStats counting(String what, LongSupplier counter) {
        this.counted = what;
        this.counter = counter;
        return this;
    }

    public void start(Runnable whenDone) {
        cpu = new ThreadCpuWindow();
        counterStart = counter == null ? 0 : counter.getAsLong();
        timer = new AnimationTimer() {
            @Override
            public void handle(long now) {
                long t = System.nanoTime();
                pulseStart = t;
                if (first == 0) {
                    first = t;
                } else {
                    maxGap = Math.max(maxGap, t - lastFrame);
                }
                lastFrame = t;
                if (t - first >= windowNanos) {
                    stop();
                    report();
                    if (whenDone != null) {
                        whenDone.run();
                    }
                }
            }
        };
        post = () -> {
            if (pulseStart != 0) {
                if (pulses == pulse.length) {
                    pulse = Arrays.copyOf(pulse, pulses * 2);
                }
                pulse[pulses++] = System.nanoTime() - pulseStart;
                pulseStart = 0;
            }
        };
        scene.addPostLayoutPulseListener(post);
        timer.start();
    }

    private void stop() {
        timer.stop();
        scene.removePostLayoutPulseListener(post);
    }

    /** Nodes in the scene graph: every pulse walks all of them for bounds, so their number is a cost. */
    private String nodes() {
        int[] count = {0};
        countNodes(scene.getRoot(), count);
        return count[0] + " nodes in the scene";
    }

    private static void countNodes(javafx.scene.Node n, int[] count) {
        count[0]++;
        if (n instanceof javafx.scene.Parent p) {
            p.getChildrenUnmodifiable().forEach(c -> countNodes(c, count));
        }
    }

    private void report() {
        double secs = (lastFrame - first) / 1e9;
        long[] p = Arrays.copyOf(pulse, pulses);
        Arrays.sort(p);
        double fps = pulses / Math.max(secs, 1e-9);
        double p50 = p.length == 0 ? 0 : p[p.length / 2] / 1e6;
        double p99 = p.length == 0 ? 0 : p[(int) Math.min(p.length - 1, Math.floor(p.length * 0.99))] / 1e6;
        double max = p.length == 0 ? 0 : p[p.length - 1] / 1e6;
        long over50 = Arrays.stream(p).filter(v -> v > 50_000_000L).count();
        String rate = counter == null ? ""
                : String.format(Locale.ROOT, "; %.1f %s/s over the window", (counter.getAsLong() - counterStart) / secs,
                        counted);
        out.accept(String.format(Locale.ROOT,
                "[measure] %.1f s: %d frames, %.1f fps; FX pulse work median %.2f ms, p99 %.2f ms, max %.2f ms, "
                        + "pulses > 50 ms: %d; longest gap between frames %.1f ms%s; %s; %s",
                secs, pulses, fps, p50, p99, max, over50, maxGap / 1e6, rate, cpu.report(7) + "; " + nodes(),
                context.get()));
    }
}
