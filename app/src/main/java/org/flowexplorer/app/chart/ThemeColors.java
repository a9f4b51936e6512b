package org.flowexplorer.app.chart;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.Function;
import javafx.css.CssMetaData;
import javafx.css.SimpleStyleableObjectProperty;
import javafx.css.StyleConverter;
import javafx.css.Styleable;
import javafx.css.StyleableObjectProperty;
import javafx.css.StyleableProperty;
import javafx.scene.paint.Color;

/**
 * Helpers for CSS-styleable colour properties, so the Canvas and pixel drawing in these views can
 * follow the theme: {@code views.css} maps properties like {@code -fe-axis-color} to AtlantaFX
 * looked-up colours such as {@code -color-fg-muted}, and the Java defaults match PrimerLight.
 */
final class ThemeColors {
    private ThemeColors() {
    }

    /** Metadata for a colour property named {@code cssName} (e.g. "-fe-axis-color"). */
    static <S extends Styleable> CssMetaData<S, Color> meta(String cssName, Color initial,
            Function<S, StyleableObjectProperty<Color>> property) {
        return new CssMetaData<>(cssName, StyleConverter.getColorConverter(), initial) {
            @Override
            public boolean isSettable(S styleable) {
                return !property.apply(styleable).isBound();
            }

            @Override
            public StyleableProperty<Color> getStyleableProperty(S styleable) {
                return property.apply(styleable);
            }
        };
    }

    /** A property for {@code meta} on {@code bean} that runs {@code onChange} whenever CSS or code changes it. */
    static <S extends Styleable> StyleableObjectProperty<Color> property(S bean, CssMetaData<S, Color> meta,
            String name, Runnable onChange) {
        StyleableObjectProperty<Color> p = new SimpleStyleableObjectProperty<>(meta, bean, name,
                meta.getInitialValue(bean));
        p.addListener(o -> onChange.run());
        return p;
    }

    /** The parent's CSS metadata followed by {@code extra}, unmodifiable. */
    @SafeVarargs
    static List<CssMetaData<? extends Styleable, ?>> extend(List<CssMetaData<? extends Styleable, ?>> parent,
            CssMetaData<? extends Styleable, ?>... extra) {
        List<CssMetaData<? extends Styleable, ?>> all = new ArrayList<>(parent);
        Collections.addAll(all, extra);
        return Collections.unmodifiableList(all);
    }

    /** Non-premultiplied ARGB int for a colour. */
    static int argb(Color c) {
        return (int) Math.round(c.getOpacity() * 255) << 24 | (int) Math.round(c.getRed() * 255) << 16
                | (int) Math.round(c.getGreen() * 255) << 8 | (int) Math.round(c.getBlue() * 255);
    }

    /** Colour for a non-premultiplied ARGB int. */
    static Color color(int argb) {
        return Color.rgb((argb >> 16) & 0xFF, (argb >> 8) & 0xFF, argb & 0xFF, (argb >>> 24) / 255.0);
    }
}
