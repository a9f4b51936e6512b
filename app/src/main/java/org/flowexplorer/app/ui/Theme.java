package org.flowexplorer.app.ui;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import java.util.Locale;
import java.util.Objects;
import java.util.prefs.Preferences;
import javafx.application.Application;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.value.ChangeListener;
import javafx.beans.value.WeakChangeListener;
import javafx.scene.Parent;

/**
 * The window's look: AtlantaFX PrimerLight or PrimerDark. JavaFX has one user-agent stylesheet per
 * application, so the theme is application-wide: {@link #apply()} swaps it, and every view follows
 * because its colours are AtlantaFX looked-up colours (the plots' through the {@code -fe-*}
 * properties of {@code views.css}, see chart.ThemeColors). Roots passed to {@link #follow} also get
 * the style class {@code theme-dark} while dark, for the few rules of {@code dark.css}.
 * The choice is kept in preferences when {@link #rememberIn} was called. FX thread.
 */
public enum Theme {
    LIGHT("Light", new PrimerLight().getUserAgentStylesheet()),
    DARK("Dark", new PrimerDark().getUserAgentStylesheet());

    /** {@code -Dflowexplorer.theme=dark|light}: the start-up theme, over what was remembered (screenshots). */
    public static final String PROPERTY = "flowexplorer.theme";
    /** The style class of a followed root while the theme is dark. */
    public static final String DARK_STYLE_CLASS = "theme-dark";
    static final String PREFERENCE = "view.theme";

    private static final ReadOnlyObjectWrapper<Theme> CURRENT = new ReadOnlyObjectWrapper<>(LIGHT);
    private static Preferences remembered;

    private final String title;
    private final String userAgentStylesheet;

    Theme(String title, String userAgentStylesheet) {
        this.title = title;
        this.userAgentStylesheet = userAgentStylesheet;
    }

    /** "Light" or "Dark", as the View menu names it. */
    public String title() {
        return title;
    }

    /** Makes this the application's theme (and remembers it, see {@link #rememberIn}). */
    public void apply() {
        Application.setUserAgentStylesheet(userAgentStylesheet);
        CURRENT.set(this);
        if (remembered != null) {
            remembered.put(PREFERENCE, name().toLowerCase(Locale.ROOT));
        }
    }

    /** The theme last applied (light until one is). */
    public static ReadOnlyObjectProperty<Theme> currentProperty() {
        return CURRENT.getReadOnlyProperty();
    }

    /** Keeps each applied theme in {@code node} from now on; null stops remembering. */
    public static void rememberIn(Preferences node) {
        remembered = node;
    }

    /** The start-up theme: {@code -Dflowexplorer.theme}, else the one remembered in {@code node} (may be null), else light. */
    public static Theme atStartup(Preferences node) {
        String name = System.getProperty(PROPERTY);
        if (name == null && node != null) {
            name = node.get(PREFERENCE, null);
        }
        return parse(name);
    }

    /** "dark" (any case) is dark; anything else, null included, is light. */
    static Theme parse(String name) {
        return name != null && name.strip().equalsIgnoreCase("dark") ? DARK : LIGHT;
    }

    /** Keeps {@code root}'s {@link #DARK_STYLE_CLASS} in step with the current theme. */
    public static void follow(Parent root) {
        Objects.requireNonNull(root);
        ChangeListener<Theme> sync = (o, was, now) -> {
            root.getStyleClass().remove(DARK_STYLE_CLASS);
            if (now == DARK) {
                root.getStyleClass().add(DARK_STYLE_CLASS);
            }
        };
        sync.changed(CURRENT, null, CURRENT.get());
        root.getProperties().put(Theme.class, sync); // the root holds its listener; the theme only weakly
        CURRENT.addListener(new WeakChangeListener<>(sync));
    }
}
