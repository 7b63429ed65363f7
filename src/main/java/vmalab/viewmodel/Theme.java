package vmalab.viewmodel;

import java.util.Arrays;
import java.util.Optional;

/**
 * The application's looks. One switch restyles the controls (an AtlantaFX theme) and the diagrams (the
 * palette of looked-up colours in vmalab.css, overridden by {@link #overlay()} when there is one).
 */
public enum Theme {
    /** High-contrast light: dark ink on white, for projectors in a lit room. */
    LIGHT("light", "Light (high contrast)", null),
    /** Light ink on near-black, for a dark room. */
    DARK("dark", "Dark", "/vmalab/vmalab-dark.css");

    private final String id;
    private final String title;
    private final String overlay;

    Theme(String id, String title, String overlay) {
        this.id = id;
        this.title = title;
        this.overlay = overlay;
    }

    /** {@code light}, {@code dark}: the name {@code --theme} and sessions use. */
    public String id() { return id; }
    public String title() { return title; }

    /** The class-path stylesheet that overrides vmalab.css's palette for this theme, or null. */
    public String overlay() { return overlay; }

    public static Optional<Theme> byId(String id) {
        return Arrays.stream(values()).filter(t -> t.id.equals(id)).findFirst();
    }
}
