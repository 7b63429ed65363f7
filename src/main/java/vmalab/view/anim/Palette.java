package vmalab.view.anim;

import java.util.HashMap;
import java.util.Map;
import javafx.scene.Parent;
import javafx.scene.layout.Background;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.scene.paint.Paint;

/**
 * The stylesheet's looked-up colours for code that paints on a Canvas: {@code color("heap")} is what
 * {@code -vm-heap} resolves to. A swatch region with style class {@code swatch-NAME} is styled inside
 * {@code host} (which must be in a scene with vmalab.css) and its background read back; results are cached
 * until {@link #invalidate()}.
 */
public final class Palette {
    private static final Color FALLBACK = Color.GRAY;

    private final Pane host;
    private final Map<String, Color> cache = new HashMap<>();

    public Palette(Pane host) {
        this.host = host;
        host.sceneProperty().addListener((o, a, b) -> invalidate());
    }

    public void invalidate() {
        cache.clear();
    }

    /** The colour {@code -vm-NAME}; gray until the host is in a scene. */
    public Color color(String name) {
        Color c = cache.get(name);
        if (c != null) return c;
        if (host.getScene() == null) return FALLBACK;
        Region swatch = new Region();
        swatch.getStyleClass().add("swatch-" + name);
        swatch.setManaged(false);
        swatch.setVisible(false);
        host.getChildren().add(swatch);
        try {
            swatch.applyCss();
            c = firstColor(swatch.getBackground());
        } finally {
            host.getChildren().remove(swatch);
        }
        if (c == null) c = FALLBACK;
        cache.put(name, c);
        return c;
    }

    /** {@code color(name)} mixed with white: {@code amount} 0 keeps the colour, 1 gives white. */
    public Color tint(String name, double amount) {
        Color c = color(name);
        return c.interpolate(Color.WHITE, amount);
    }

    private static Color firstColor(Background bg) {
        if (bg == null || bg.getFills().isEmpty()) return null;
        Paint p = bg.getFills().get(0).getFill();
        return p instanceof Color col ? col : null;
    }

    /** Whether {@code p} is in a scene (and so can resolve colours). */
    public static boolean ready(Parent p) {
        return p.getScene() != null;
    }
}
