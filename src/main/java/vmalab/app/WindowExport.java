package vmalab.app;

import java.io.IOException;
import java.nio.file.Path;
import javafx.scene.Node;
import vmalab.app.export.Caption;
import vmalab.app.export.Deck;
import vmalab.app.export.Diagrams;
import vmalab.app.export.LessonScene;
import vmalab.app.export.Slide;
import vmalab.app.export.SlideFiles;
import vmalab.view.anim.Palette;
import vmalab.viewmodel.Session;
import vmalab.viewmodel.Theme;

/**
 * The window's exports, drawn by the same slide code as {@code vmalab export}: a view at the step on show is
 * the view's own diagram (what is on screen: the selection, the zoom, the font scale), or, in a theme other than
 * the window's, the same steps replayed in a scene of that theme with the selection copied; a deck always
 * replays the timeline (the lesson's steps and the lines typed since) in a scene of its own. The window's model,
 * cursor and tab stay as they were. FX thread only.
 */
final class WindowExport {
    private WindowExport() {
    }

    /** Writes the view {@code c.view()} at the step on show to {@code out}; returns the image's size in px. */
    static int[] view(MainWindow window, Controller controller, ExportChoice c, Path out) throws IOException {
        Slide slide = slide(window, controller, c);
        String big = SlideFiles.tooBig(slide, c.scale());
        if (big != null) throw new IllegalArgumentException(big);
        SlideFiles.write(slide, c.scale(), c.format(), out);
        return SlideFiles.pixelSize(slide, c.scale());
    }

    /** The slide of the view the choice names, at the step on show. */
    static Slide slide(MainWindow window, Controller controller, ExportChoice c) {
        Session s = controller.session();
        ViewKind kind = ViewKind.byId(c.view()).orElseThrow();
        if (c.theme() != null && c.theme() != s.themeProperty().get()) {
            LessonScene scene = replay(controller, kind, c.theme());
            scene.session().selectedPidProperty().set(s.selectedPidProperty().get());
            scene.session().selectedVmaProperty().set(s.selectedVmaProperty().get());
            scene.session().selectedAddressProperty().set(s.selectedAddressProperty().get());
            scene.show(controller.timeline().position());
            return scene.slide(c.caption(), c.design());
        }
        Node view = window.view((kind == ViewKind.WINDOW ? ViewKind.STORY : kind).id());
        Caption caption = c.caption()
            ? LessonScene.captionOf(controller.title(), controller.timeline(), s, kind == ViewKind.WINDOW)
            : Caption.NONE;
        return new Slide(Diagrams.of(view), caption, LessonScene.colours(new Palette(window.root())), s.fontScale(),
            c.design());
    }

    /** Starts the deck of the window's timeline in {@code dir}, one step per {@link Deck.Run#next()}. */
    static Deck.Run deck(Controller controller, ExportChoice c, Path dir) throws IOException {
        Theme theme = c.theme() != null ? c.theme() : controller.session().themeProperty().get();
        LessonScene scene = replay(controller, ViewKind.byId(c.view()).orElseThrow(), theme);
        return Deck.begin(scene, c.format(), c.scale(), c.design(), c.caption(), dir);
    }

    /** The window's steps, loaded at step 0 in a scene of their own for {@code kind} in {@code theme}. */
    private static LessonScene replay(Controller controller, ViewKind kind, Theme theme) {
        LessonScene scene = LessonScene.beside(kind, theme, controller.session().fontScale());
        scene.load(controller.steps(), controller.quiz().header(), controller.sourceText(),
            controller.timeline().fileName());
        return scene;
    }
}
