package vmalab.app;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import javafx.application.Application;
import javafx.scene.Parent;
import javafx.scene.Scene;
import vmalab.viewmodel.Theme;

/**
 * The one place a theme is applied: the AtlantaFX user-agent stylesheet for the controls (Primer light or
 * dark, JVM-wide) and, on a scene, vmalab.css with the theme's palette overlay after it, so the diagrams'
 * looked-up colours and the controls change together. FX thread only.
 */
public final class Themes {
    private Themes() {
    }

    /** The stylesheet URLs a scene of {@code theme} carries, in order. */
    public static java.util.List<String> stylesheets(Theme theme) {
        java.util.List<String> out = new java.util.ArrayList<>();
        out.add(VmaLabApp.stylesheet());
        if (theme.overlay() != null) {
            java.net.URL u = Themes.class.getResource(theme.overlay());
            if (u != null) out.add(u.toExternalForm());
        }
        return out;
    }

    /** Sets the controls' theme for the whole application. */
    public static void applyUserAgent(Theme theme) {
        String ua = theme == Theme.DARK ? new PrimerDark().getUserAgentStylesheet()
            : new PrimerLight().getUserAgentStylesheet();
        if (!ua.equals(Application.getUserAgentStylesheet())) Application.setUserAgentStylesheet(ua);
    }

    /** Styles {@code scene} (and the controls, JVM-wide) with {@code theme}. */
    public static void apply(Scene scene, Theme theme) {
        applyUserAgent(theme);
        java.util.List<String> want = stylesheets(theme);
        if (!scene.getStylesheets().equals(want)) scene.getStylesheets().setAll(want);
    }

    /** Styles a node that lives in a scene of its own (a dialog pane, a caption band) like the window. */
    public static void apply(Parent parent, Theme theme) {
        java.util.List<String> want = stylesheets(theme);
        if (!parent.getStylesheets().equals(want)) parent.getStylesheets().setAll(want);
    }
}
