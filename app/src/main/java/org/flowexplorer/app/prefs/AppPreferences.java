package org.flowexplorer.app.prefs;

import java.util.Optional;
import java.util.prefs.BackingStoreException;
import java.util.prefs.Preferences;
import org.flowexplorer.model.data.ToyDataset;
import org.flowexplorer.model.flow.Architecture;
import org.flowexplorer.model.flow.CouplingType;
import org.flowexplorer.model.flow.Mixer;
import org.flowexplorer.model.flow.Norm;
import org.flowexplorer.model.flow.ScaleFunction;

/**
 * What the app remembers between runs, in {@link Preferences}: the window bounds, the last
 * control settings ({@link LastSettings}) and the recent files ({@link RecentFiles}, child node
 * {@code recent}).
 *
 * <p>The node is injected: the app passes {@link #defaultNode()}, tests a throw-away
 * {@code Preferences.userRoot().node("flowexplorer-test-<uuid>")}. Reading never fails: a value
 * that is missing, malformed or out of range (an old version, a hand edit) reads as "not
 * remembered", and the window or control falls back to its default.
 */
public final class AppPreferences {
    private static final String WINDOW = "window.";
    private static final String SETTINGS = "settings.";

    private final Preferences node;
    private final RecentFiles recent;
    /** Set by {@link #resetToDefaults()}: what this run would store at exit is not stored, so the next start is a first one. */
    private boolean resetThisRun;

    public AppPreferences(Preferences node) {
        this.node = node;
        this.recent = new RecentFiles(node.node("recent"));
    }

    /** The per-user node the app uses: {@code /org/flowexplorer}. */
    public static Preferences defaultNode() {
        return Preferences.userRoot().node("org/flowexplorer");
    }

    public Preferences node() {
        return node;
    }

    public RecentFiles recentFiles() {
        return recent;
    }

    // ---------------------------------------------------------------- window

    /** The remembered window bounds, or empty on first start or if the stored values are unusable. */
    public Optional<WindowBounds> windowBounds() {
        double x = node.getDouble(WINDOW + "x", Double.NaN);
        double y = node.getDouble(WINDOW + "y", Double.NaN);
        double w = node.getDouble(WINDOW + "width", Double.NaN);
        double h = node.getDouble(WINDOW + "height", Double.NaN);
        try {
            return Optional.of(new WindowBounds(x, y, w, h, node.getBoolean(WINDOW + "maximized", false)));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    public void setWindowBounds(WindowBounds b) {
        if (resetThisRun) {
            return;
        }
        node.putDouble(WINDOW + "x", b.x());
        node.putDouble(WINDOW + "y", b.y());
        node.putDouble(WINDOW + "width", b.width());
        node.putDouble(WINDOW + "height", b.height());
        node.putBoolean(WINDOW + "maximized", b.maximized());
        flush();
    }

    // ---------------------------------------------------------------- settings

    /**
     * The last control settings; each part that is missing or unusable falls back to
     * {@link LastSettings#DEFAULT}'s, so one bad value does not lose the others.
     */
    public LastSettings lastSettings() {
        LastSettings d = LastSettings.DEFAULT;
        ToyDataset dataset = d.dataset();
        try {
            dataset = ToyDataset.fromId(node.get(SETTINGS + "dataset", d.dataset().id()));
        } catch (IllegalArgumentException e) {
            // keep the default
        }
        Architecture arch = d.architecture();
        try {
            arch = new Architecture(node.getInt(SETTINGS + "layers", arch.layers()),
                    parseWidths(node.get(SETTINGS + "hidden", null), arch.hidden()),
                    CouplingType.fromId(node.get(SETTINGS + "coupling", arch.coupling().id())))
                    .withScale(ScaleFunction.parse(node.get(SETTINGS + "scale", arch.scale().id())))
                    .withNorm(Norm.fromId(node.get(SETTINGS + "norm", arch.norm().id())))
                    .withMixer(Mixer.fromId(node.get(SETTINGS + "mixer", arch.mixer().id())))
                    .withBase(org.flowexplorer.model.flow.BaseDistribution.parse(node.get(SETTINGS + "base", arch.base().id())))
                    .withSpline(new org.flowexplorer.model.flow.SplineShape(node.getInt(SETTINGS + "splineBins", arch.spline().bins()),
                            node.getDouble(SETTINGS + "splineTailBound", arch.spline().bound())));
        } catch (IllegalArgumentException e) {
            arch = d.architecture();
        }
        double lr = node.getDouble(SETTINGS + "learningRate", d.learningRate());
        int batch = node.getInt(SETTINGS + "batchSize", d.batchSize());
        return new LastSettings(dataset, arch, lr > 0 && Double.isFinite(lr) ? lr : d.learningRate(),
                batch >= 1 ? batch : d.batchSize());
    }

    public void setLastSettings(LastSettings s) {
        if (resetThisRun) {
            return;
        }
        node.put(SETTINGS + "dataset", s.dataset().id());
        node.putInt(SETTINGS + "layers", s.architecture().layers());
        StringBuilder widths = new StringBuilder();
        for (int h : s.architecture().hidden()) {
            widths.append(widths.length() == 0 ? "" : ",").append(h);
        }
        node.put(SETTINGS + "hidden", widths.toString());
        node.put(SETTINGS + "coupling", s.architecture().coupling().id());
        node.put(SETTINGS + "scale", s.architecture().scale().id());
        node.put(SETTINGS + "norm", s.architecture().norm().id());
        node.put(SETTINGS + "mixer", s.architecture().mixer().id());
        node.put(SETTINGS + "base", s.architecture().base().id());
        node.putInt(SETTINGS + "splineBins", s.architecture().spline().bins());
        node.putDouble(SETTINGS + "splineTailBound", s.architecture().spline().bound());
        node.putDouble(SETTINGS + "learningRate", s.learningRate());
        node.putInt(SETTINGS + "batchSize", s.batchSize());
        flush();
    }

    // ---------------------------------------------------------------- layout, first run, reset

    private static final String LAYOUT = "layout.";
    private static final String WELCOME_DISMISSED = "welcome.dismissed";

    /** The remembered window layout, or {@link WindowLayout#DEFAULT}. */
    public WindowLayout windowLayout() {
        String hidden = node.get(LAYOUT + "hiddenPanels", "");
        java.util.Set<String> panels = new java.util.LinkedHashSet<>();
        for (String s : hidden.split(",")) {
            if (!s.isBlank()) {
                panels.add(s.strip());
            }
        }
        return new WindowLayout(panels, node.getBoolean(LAYOUT + "toolBar", true), node.getBoolean(LAYOUT + "explanation", true));
    }

    public void setWindowLayout(WindowLayout l) {
        if (resetThisRun) {
            return;
        }
        node.put(LAYOUT + "hiddenPanels", String.join(",", l.hiddenPanels()));
        node.putBoolean(LAYOUT + "toolBar", l.toolBar());
        node.putBoolean(LAYOUT + "explanation", l.explanation());
        flush();
    }

    /** Whether the first-run welcome is still to be shown (not yet closed with "don't show again"). */
    public boolean welcomeDue() {
        return !node.getBoolean(WELCOME_DISMISSED, false);
    }

    public void setWelcomeDismissed(boolean dismissed) {
        node.putBoolean(WELCOME_DISMISSED, dismissed);
        flush();
    }

    /**
     * Forgets everything remembered but the recent files: theme, window size and layout, the last
     * settings and the welcome's "don't show again". The next start is a first start.
     */
    public void resetToDefaults() {
        resetThisRun = true;
        try {
            node.clear();
        } catch (BackingStoreException e) {
            // in-memory values are gone anyway; the store catches up when it can
        }
        flush();
    }

    /** "256,256" → {256, 256}; null gives {@code fallback}; garbage throws IllegalArgumentException. */
    private static int[] parseWidths(String s, int[] fallback) {
        if (s == null) {
            return fallback;
        }
        String[] parts = s.split(",", -1);
        int[] widths = new int[parts.length];
        for (int i = 0; i < parts.length; i++) {
            widths[i] = Integer.parseInt(parts[i].strip()); // NumberFormatException is an IllegalArgumentException
        }
        return widths;
    }

    private void flush() {
        try {
            node.flush();
        } catch (BackingStoreException e) {
            // preferences are a convenience: keep working with the in-memory values
        }
    }
}
