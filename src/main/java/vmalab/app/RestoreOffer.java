package vmalab.app;

import javafx.geometry.BoundingBox;
import javafx.geometry.Bounds;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.stage.Popup;
import javafx.stage.Stage;

/**
 * "vmalab did not close cleanly last time — Restore the session from HH:MM?" in a small panel over the text
 * panes, out of the way of the start page; it waits for an answer without blocking anything.
 */
public final class RestoreOffer {
    public static final String STYLE_CLASS = "restore-offer";

    private final HBox content;
    private Runnable onClose = () -> { };
    private Runnable onRestored = () -> { };

    /** The panel for {@code offer}; its buttons restore or discard through {@code autosave}, then close it. */
    public RestoreOffer(Autosave autosave, Autosave.Offer offer) {
        Label text = new Label("vmalab did not close cleanly last time — Restore the session from "
            + offer.time() + "?");
        text.setId("restore-offer-text");
        Button restore = new Button("Restore");
        restore.setId("restore-offer-restore");
        restore.setDefaultButton(false);
        restore.setOnAction(e -> {
            close();
            autosave.restore(offer);
            onRestored.run();
        });
        Button discard = new Button("Discard");
        discard.setId("restore-offer-discard");
        discard.setOnAction(e -> {
            close();
            autosave.discard(offer);
        });
        content = new HBox(10, text, restore, discard);
        content.setId("restore-offer");
        // a popup's scene has no .root of the window's: the palette's looked-up colours come with "root"
        content.getStyleClass().addAll("root", STYLE_CLASS);
        content.setAlignment(Pos.CENTER_LEFT);
        content.getStylesheets().add(VmaLabApp.stylesheet());
    }

    /** Runs after a restore (the app hides its start page: the restored session is what was on screen). */
    public void setOnRestored(Runnable r) {
        onRestored = r;
    }

    public HBox content() {
        return content;
    }

    private void close() {
        onClose.run();
    }

    /**
     * Shows the panel near the top right of {@code anchor} (the split of views and text panes: over the text
     * panes, clear of the start page, the command bar and the status line).
     */
    public void show(Stage stage, Node anchor) {
        Popup popup = new Popup();
        popup.getContent().add(content);
        popup.setAutoHide(false);
        popup.setHideOnEscape(false);
        onClose = popup::hide;
        content.applyCss();
        double w = content.prefWidth(-1);
        Bounds b = anchor.localToScreen(anchor.getLayoutBounds());
        if (b == null) b = new BoundingBox(stage.getX(), stage.getY(), stage.getWidth(), stage.getHeight());
        popup.show(stage, Math.max(b.getMinX(), b.getMaxX() - w - 24), b.getMinY() + 44);
    }
}
