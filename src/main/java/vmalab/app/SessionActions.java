package vmalab.app;

import java.io.File;
import javafx.stage.FileChooser;
import javafx.stage.Stage;
import vmalab.io.session.SessionFormat;

/**
 * The app's session wiring: File ▸ Save session… and Open session… through a file chooser, the autosave, and
 * the offer to restore what a crashed run left.
 */
public final class SessionActions {
    private SessionActions() {
    }

    /**
     * Wires the menus and starts the autosave (in {@link Autosave#stateDir()}); offers a crashed run's session
     * once the stage shows. The caller stops the returned autosave on a clean quit.
     */
    public static Autosave install(Stage stage, Workbench wb, Runnable onRestored) {
        SessionStore store = new SessionStore(wb);
        wb.window().setOnSaveSession(() -> save(stage, wb, store));
        wb.window().setOnOpenSession(() -> {
            if (open(stage, store)) onRestored.run();
        });
        Autosave autosave = new Autosave(wb, store, Autosave.stateDir());
        autosave.leftBehind().ifPresent(offer -> {
            RestoreOffer panel = new RestoreOffer(autosave, offer);
            panel.setOnRestored(onRestored);
            panel.show(stage, wb.window().split());
        });
        autosave.start();
        return autosave;
    }

    private static FileChooser chooser(String title) {
        FileChooser fc = new FileChooser();
        fc.setTitle(title);
        fc.getExtensionFilters().addAll(
            new FileChooser.ExtensionFilter("vmalab session", "*" + SessionFormat.EXTENSION),
            new FileChooser.ExtensionFilter("All files", "*"));
        return fc;
    }

    private static void save(Stage stage, Workbench wb, SessionStore store) {
        FileChooser fc = chooser("Save session");
        String name = wb.timeline().fileName().replaceFirst("\\.[^.]*$", "");
        fc.setInitialFileName(name + SessionFormat.EXTENSION);
        File f = fc.showSaveDialog(stage);
        if (f == null) return;
        String path = f.getPath();
        store.save(path.endsWith(SessionFormat.EXTENSION) || f.getName().contains(".") ? f.toPath()
            : new File(path + SessionFormat.EXTENSION).toPath());
    }

    /** True when a session was opened. */
    private static boolean open(Stage stage, SessionStore store) {
        File f = chooser("Open session").showOpenDialog(stage);
        return f != null && store.open(f.toPath()) == null;
    }
}
