package vmalab.app;

import javafx.scene.Scene;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.layout.StackPane;
import vmalab.io.lesson.Lesson;
import vmalab.io.lesson.Lessons;

/**
 * Puts the start page over a window: the scene's root becomes a stack of the window and the page, the Lessons
 * menu gets an item per lesson and its catalogue item shows the page. Opening a lesson loads it at step 0 with
 * the Story view in front (when there is one); Free lab loads the demo as the app always did; Esc goes back to
 * the lab as it was.
 */
public final class StartPageHost {
    private final Workbench wb;
    private final StackPane shell = new StackPane();
    private final StartPage page;

    private StartPageHost(Workbench wb, StartPage early) {
        this.wb = wb;
        Thumbnails.setTheme(wb.session().themeProperty().get());
        this.page = early != null ? early : new StartPage(Lessons.all(), this::open, this::freeLab, this::hide);
        wb.session().themeProperty().addListener((o, a, t) -> {
            Thumbnails.setTheme(t);
            page.drawThumbnails();
        });
        Scene scene = wb.scene();
        scene.setRoot(shell);
        shell.getChildren().addAll(wb.window().root(), page);
        page.setVisible(false);
        wb.window().setOnLessons(this::show);
        wb.window().lessonsMenu().getItems().add(new SeparatorMenuItem());
        for (Lesson l : Lessons.all()) {
            MenuItem m = new MenuItem(l.title());
            m.setId("menu-lesson-" + l.name());
            m.setOnAction(e -> open(l));
            wb.window().lessonsMenu().getItems().add(m);
        }
    }

    /** Wraps {@code wb}'s scene so the start page can cover it. FX thread only. */
    public static StartPageHost install(Workbench wb) {
        return new StartPageHost(wb, null);
    }

    /**
     * The start page alone, before there is a window under it: the app shows it as its first frame and builds
     * the lab after ({@link Early#install}). Its buttons do nothing until then. FX thread only.
     */
    static Early early() {
        return new Early();
    }

    /** A start page shown before its window exists; {@link #install} puts the window under it. */
    static final class Early {
        /** Two rows of four: what a window up to 1600×1000 shows before scrolling. */
        static final int FIRST_FRAME_CARDS = 8;
        private StartPageHost host;
        final StartPage page;

        private Early() {
            Thumbnails.setTheme(vmalab.viewmodel.Theme.LIGHT);
            page = new StartPage(Lessons.all(), l -> {
                if (host != null) host.open(l);
            }, () -> {
                if (host != null) host.freeLab();
            }, () -> {
                if (host != null) host.hide();
            });
            StartupReport.mark("page");
            page.holdCardsAfter(FIRST_FRAME_CARDS);
        }

        /** Moves the page over {@code wb}'s window, as {@link StartPageHost#install} would have built it. */
        StartPageHost install(Workbench wb) {
            host = new StartPageHost(wb, page);
            return host;
        }
    }

    public boolean isShowing() {
        return page.isVisible();
    }

    public void show() {
        wb.controller().playingProperty().set(false);
        page.setVisible(true);
        wb.window().root().setVisible(false);
        // off the scene while covered: no CSS or layout for the lab under the page (the first frame is the page)
        shell.getChildren().remove(wb.window().root());
        page.focusFirst();
        javafx.application.Platform.runLater(page::focusFirst); // once the stage shows, when called before
    }

    public void hide() {
        if (!shell.getChildren().contains(wb.window().root())) shell.getChildren().add(0, wb.window().root());
        wb.window().root().setVisible(true);
        page.setVisible(false);
    }

    /** Opens {@code lesson} at step 0; null when done, else the error. */
    public String open(Lesson lesson) {
        hide();
        Controller c = wb.controller();
        String err = c.load(lesson.text(), lesson.fileName());
        if (err != null) {
            c.say(err, true);
            return err;
        }
        LessonTabs.showCurrent(wb.window(), wb.timeline(), ViewKind.STORY);
        c.say("Opened lesson " + lesson.name() + ": " + lesson.title(), false);
        return null;
    }

    /** The lab on the demo scenario, one step in (what the app opens on without a file). */
    public void freeLab() {
        hide();
        loadDemo(wb.controller());
    }

    static void loadDemo(Controller c) {
        String err = c.load(VmaLabApp.demoScenario(), "demo.vlab");
        if (err != null) c.say(err, true);
        else c.jumpTo(1);
    }
}
