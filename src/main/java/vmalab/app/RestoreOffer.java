package vmalab.app;

import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.stage.Popup;
import javafx.stage.Stage;

/**
 * "vmalab did not close cleanly last time — Restore the session from HH:MM?" in a small panel at the window's
 * bottom right, out of the way of the start page; it waits for an answer without blocking anything.
 */
public final class RestoreOffer {
    public static final String STYLE_CLASS = "restore-offer";

    private final HBox content;
    private Runnable onClose = () -> { };

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

    public HBox content() {
        return content;
    }

    private void close() {
        onClose.run();
    }

    /** Shows the panel over {@code stage}'s bottom right corner, above the status line. */
    public void show(Stage stage) {
        Popup popup = new Popup();
        popup.getContent().add(content);
        popup.setAutoHide(false);
        popup.setHideOnEscape(false);
        onClose = popup::hide;
        content.applyCss();
        double w = content.prefWidth(-1);
        double h = content.prefHeight(w);
        popup.show(stage, stage.getX() + stage.getWidth() - w - 24, stage.getY() + stage.getHeight() - h - 64);
    }
}
