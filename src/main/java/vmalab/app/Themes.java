package vmalab.app;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javafx.application.Application;
import javafx.scene.Parent;
import javafx.scene.Scene;
import vmalab.viewmodel.Theme;

/**
 * The one place a theme is applied: the AtlantaFX user-agent stylesheet for the controls (Primer light or
 * dark, JVM-wide) and, on a scene, vmalab.css with the theme's palette overlay after it, so the diagrams'
 * looked-up colours and the controls change together. The font scale is the root's {@code -fx-font-size}
 * ({@link #BASE_FONT_PX} × scale): vmalab.css sizes the chrome in em of it. FX thread only.
 */
public final class Themes {
    /** vmalab.css's {@code .root} font size, at font scale 1. */
    public static final double BASE_FONT_PX = 15;

    private Themes() {
    }

    /** The stylesheet URLs a scene of {@code theme} carries, in order. */
    public static List<String> stylesheets(Theme theme) {
        List<String> out = new ArrayList<>();
        out.add(VmaLabApp.stylesheet());
        if (theme.overlay() != null) {
            java.net.URL u = Themes.class.getResource(theme.overlay());
            if (u != null) out.add(u.toExternalForm());
        }
        return out;
    }

    /** The AtlantaFX user-agent stylesheet of {@code theme}. */
    public static String userAgent(Theme theme) {
        return theme == Theme.DARK ? new PrimerDark().getUserAgentStylesheet()
            : new PrimerLight().getUserAgentStylesheet();
    }

    /** Sets the controls' theme for the whole application. */
    public static void applyUserAgent(Theme theme) {
        String ua = userAgent(theme);
        if (!ua.equals(Application.getUserAgentStylesheet())) Application.setUserAgentStylesheet(ua);
    }

    /** Styles {@code scene} (and the controls, JVM-wide) with {@code theme}. */
    public static void apply(Scene scene, Theme theme) {
        applyUserAgent(theme);
        List<String> want = stylesheets(theme);
        if (!scene.getStylesheets().equals(want)) scene.getStylesheets().setAll(want);
    }

    /** Styles a node that lives in a scene of its own (a dialog pane, a caption band) like the window. */
    public static void apply(Parent parent, Theme theme) {
        List<String> want = stylesheets(theme);
        if (!parent.getStylesheets().equals(want)) parent.getStylesheets().setAll(want);
    }

    /** The inline style that sets a root's type to {@code scale} × the base size. */
    public static String fontStyle(double scale) {
        return String.format(Locale.ROOT, "-fx-font-size: %.2fpx;", BASE_FONT_PX * scale);
    }

    /** Sizes {@code root}'s type (and so every em-sized rule under it) for {@code scale}. */
    public static void applyScale(Parent root, double scale) {
        String want = fontStyle(scale);
        if (!want.equals(root.getStyle())) root.setStyle(want);
    }
}
