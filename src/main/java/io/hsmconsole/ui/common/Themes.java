package io.hsmconsole.ui.common;

import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.scene.Scene;

import java.util.List;
import java.util.Map;
import java.util.WeakHashMap;

/**
 * Light and dark themes. Every window's scene registers here, and a switch restyles all of them at
 * once. Both themes start from Modena; the dark one only changes its base colours.
 */
public final class Themes {
    public enum Theme { LIGHT, DARK }

    private static final String BASE = stylesheet("app.css");
    private static final String DARK = stylesheet("dark.css");

    private final ObjectProperty<Theme> theme = new SimpleObjectProperty<>(this, "theme", Theme.LIGHT);
    private final Map<Scene, Boolean> scenes = new WeakHashMap<>();

    public Themes() {
        theme.addListener((obs, old, now) -> scenes.keySet().forEach(this::apply));
    }

    public ObjectProperty<Theme> themeProperty() {
        return theme;
    }

    /** Styles the scene now and whenever the theme changes. */
    public void register(Scene scene) {
        scenes.put(scene, Boolean.TRUE);
        apply(scene);
    }

    private void apply(Scene scene) {
        scene.getStylesheets().removeAll(BASE, DARK);
        scene.getStylesheets().addAll(theme.get() == Theme.DARK ? List.of(BASE, DARK) : List.of(BASE));
    }

    private static String stylesheet(String name) {
        return Themes.class.getResource(name).toExternalForm();
    }
}
