package org.flowexplorer.app.prefs;

import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * How the window was arranged when the app was last closed: the panels hidden from the View menu
 * (by their file stems, {@code "controls"} for the left column), and whether the toolbar and the
 * explanation strip were on.
 */
public record WindowLayout(Set<String> hiddenPanels, boolean toolBar, boolean explanation) {
    /** Everything on show: a first start, and after "Reset to defaults". */
    public static final WindowLayout DEFAULT = new WindowLayout(Set.of(), true, true);

    public WindowLayout {
        hiddenPanels = Collections.unmodifiableSet(new LinkedHashSet<>(hiddenPanels == null ? Set.of() : hiddenPanels));
    }
}
