package vmalab.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;
import vmalab.io.session.SessionData;

/**
 * The autosave writes through a temporary file and a rename after a change, goes on a clean quit, and what a
 * crashed run left is offered and restored (through the offer's buttons, without showing a dialog).
 */
@ExtendWith(ApplicationExtension.class)
class AutosaveTest {
    private Workbench wb;
    private Stage stage;

    @TempDir
    Path dir;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        wb = WindowFixture.show(stage);
    }

    private Autosave autosave(Workbench w) {
        return SessionStoreTest.on(new FxRobot(), () -> new Autosave(w, new SessionStore(w), dir));
    }

    private List<Path> files() throws Exception {
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> !p.toString().endsWith(".lock")).sorted().toList();
        }
    }

    @Test
    void aChangeIsSavedThroughATemporaryFileAndRename(FxRobot robot) throws Exception {
        // given
        Autosave a = autosave(wb);
        robot.interact(a::start);
        SessionStoreTest.build(robot, wb);

        // when (the debounce may have saved already on a slow machine: flush saves what still waits)
        assertNull(SessionStoreTest.on(robot, a::flush));

        // then: the file holds the session on show
        assertEquals(List.of(a.file()), files());
        assertEquals(SessionStoreTest.shown(wb), withoutTime(SessionStore.read(a.file()).value()));
        Object inode = Files.readAttributes(a.file(), BasicFileAttributes.class).fileKey();

        // when: another change
        boolean waits = SessionStoreTest.on(robot, () -> {
            wb.controller().stepBack();
            return a.isPending();
        });
        SessionStoreTest.on(robot, a::flush);

        // then: a new file took the old one's name (written aside, then renamed), nothing else left behind
        assertNotEquals(inode, Files.readAttributes(a.file(), BasicFileAttributes.class).fileKey());
        assertEquals(List.of(a.file()), files());
        assertEquals(4, SessionStore.read(a.file()).value().step());
        assertTrue(waits, "a change waits for the debounce");
        assertFalse(a.isPending());
    }

    @Test
    void aCleanQuitRemovesTheAutosave(FxRobot robot) throws Exception {
        Autosave a = autosave(wb);
        robot.interact(a::start);
        WindowFixture.load(robot, wb, "exec cat x86_64", -1);
        SessionStoreTest.on(robot, a::flush);
        assertTrue(Files.exists(a.file()));

        robot.interact(a::stop);
        robot.interact(() -> wb.controller().stepBack());

        assertFalse(Files.exists(a.file()));
        assertFalse(a.isPending(), "a stopped autosave no longer listens");
        assertEquals(List.of(), files());
    }

    @Test
    void whatACrashedRunLeftIsOfferedAndRestored(FxRobot robot) throws Exception {
        // given: a run that autosaved and never quit cleanly
        Autosave crashed = autosave(wb);
        robot.interact(crashed::start);
        SessionStoreTest.build(robot, wb);
        SessionStoreTest.on(robot, crashed::flush);
        robot.interact(crashed::release);
        String model = SessionStoreTest.model(wb.session().kernel());

        // when: the next run starts
        Workbench next = SessionStoreTest.on(robot, () -> WindowFixture.show(new Stage()));
        Autosave a = autosave(next);
        Optional<Autosave.Offer> offer = SessionStoreTest.on(robot, a::leftBehind);
        boolean movedAside = !Files.exists(a.file());
        List<Path> afterTakeOver = files();
        robot.interact(a::start);
        RestoreOffer panel = SessionStoreTest.on(robot, () -> new RestoreOffer(a, offer.orElseThrow()));

        // then: it is offered, moved aside so this run's autosave does not write over it
        assertTrue(offer.get().file().getFileName().toString().startsWith(Autosave.CRASHED_PREFIX));
        assertEquals(List.of(offer.get().file()), afterTakeOver);
        assertTrue(movedAside);
        String text = ((Label) panel.content().lookup("#restore-offer-text")).getText();
        assertEquals("vmalab did not close cleanly last time — Restore the session from " + offer.get().time() + "?",
            text);
        assertTrue(offer.get().time().matches("[0-2][0-9]:[0-5][0-9]"), offer.get().time());

        // when: Restore
        boolean waits = SessionStoreTest.on(robot, () -> {
            ((Button) panel.content().lookup("#restore-offer-restore")).fire();
            return a.isPending();
        });

        // then: the crashed run's session is on show and the offer is used up
        assertEquals(model, SessionStoreTest.model(next.session().kernel()));
        assertEquals("Restored the session from " + offer.get().time(), next.controller().statusProperty().get());
        assertEquals(SessionStoreTest.shown(wb), SessionStoreTest.shown(next));
        assertFalse(Files.exists(offer.get().file()));
        assertTrue(waits, "the restored session is autosaved in turn");
    }

    @Test
    void discardForgetsTheCrashedSession(FxRobot robot) throws Exception {
        Autosave crashed = autosave(wb);
        robot.interact(crashed::start);
        WindowFixture.load(robot, wb, "exec cat x86_64", -1);
        SessionStoreTest.on(robot, crashed::flush);
        robot.interact(crashed::release);
        Workbench next = SessionStoreTest.on(robot, () -> WindowFixture.show(new Stage()));
        Autosave a = autosave(next);
        Autosave.Offer offer = SessionStoreTest.on(robot, a::leftBehind).orElseThrow();
        RestoreOffer panel = SessionStoreTest.on(robot, () -> new RestoreOffer(a, offer));

        robot.interact(() -> ((Button) panel.content().lookup("#restore-offer-discard")).fire());

        assertEquals(List.of(), files());
        assertEquals(0, next.timeline().size());
        assertTrue(SessionStoreTest.on(robot, a::leftBehind).isEmpty(), "nothing is offered again");
    }

    @Test
    void anUnansweredOfferIsOfferedAgainAndACleanStartOffersNothing(FxRobot robot) throws Exception {
        Autosave a = autosave(wb);
        assertTrue(SessionStoreTest.on(robot, a::leftBehind).isEmpty());

        Files.writeString(dir.resolve(Autosave.CRASHED_PREFIX + "20261202-050000-autosave.vsession"), "{}");
        assertTrue(SessionStoreTest.on(robot, a::leftBehind).isPresent());
        robot.interact(a::stop);
        assertTrue(SessionStoreTest.on(robot, a::leftBehind).isPresent());
    }

    @Test
    void aLiveWindowsAutosaveIsNotTakenForACrashedOne(FxRobot robot) throws Exception {
        // given: a window that runs and autosaves
        Autosave first = autosave(wb);
        robot.interact(first::start);
        WindowFixture.load(robot, wb, "exec cat x86_64", -1);
        SessionStoreTest.on(robot, first::flush);

        // when: a second window starts beside it
        Workbench second = SessionStoreTest.on(robot, () -> WindowFixture.show(new Stage()));
        Autosave a = autosave(second);
        Optional<Autosave.Offer> offer = SessionStoreTest.on(robot, a::leftBehind);
        robot.interact(a::start);
        WindowFixture.load(robot, second, "exec ls x86_64", -1);
        SessionStoreTest.on(robot, a::flush);

        // then: nothing offered, the first window's autosave untouched, the second saves beside it
        assertTrue(offer.isEmpty());
        assertEquals(dir.resolve(Autosave.FILE), first.file());
        assertNotEquals(first.file(), a.file());
        assertEquals(java.util.Set.of(first.file(), a.file()), java.util.Set.copyOf(files()));
        assertTrue(Files.readString(first.file()).contains("exec cat x86_64"));
        assertTrue(Files.readString(a.file()).contains("exec ls x86_64"));

        // when the second quits cleanly, only its own autosave goes
        robot.interact(a::stop);
        assertEquals(List.of(first.file()), files());
    }

    @Test
    void theOfferShowsOverTheWindowWithoutBlockingAndGoesWhenAnswered(FxRobot robot) throws Exception {
        // given: a crashed session on disk
        Path left = dir.resolve(Autosave.CRASHED_PREFIX + "20261202-050000-autosave.vsession");
        Files.writeString(left, "{}");
        Autosave a = autosave(wb);
        Autosave.Offer offer = SessionStoreTest.on(robot, a::leftBehind).orElseThrow();

        // when: shown as the app shows it (show() returns at once: nothing waits for the answer)
        RestoreOffer panel = SessionStoreTest.on(robot, () -> {
            RestoreOffer p = new RestoreOffer(a, offer);
            p.show(stage, wb.window().split());
            return p;
        });

        // then: on screen over the window; a click on Discard closes it and forgets the session
        assertTrue(panel.content().getScene().getWindow().isShowing());
        javafx.geometry.Bounds b = panel.content().localToScreen(panel.content().getLayoutBounds());
        javafx.geometry.Bounds w = wb.window().split().localToScreen(wb.window().split().getLayoutBounds());
        assertTrue(w.contains(b.getMinX(), b.getMinY()) && w.contains(b.getMaxX(), b.getMaxY()), b + " in " + w);
        robot.clickOn("#restore-offer-discard");
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(panel.content().getScene().getWindow().isShowing());
        assertFalse(Files.exists(left));
    }

    @Test
    void theStateDirectoryFollowsTheSystemProperty() {
        String old = System.getProperty(Autosave.DIR_PROPERTY);
        try {
            System.setProperty(Autosave.DIR_PROPERTY, dir.toString());
            assertEquals(dir, Autosave.stateDir());
            System.clearProperty(Autosave.DIR_PROPERTY);
            assertTrue(Autosave.stateDir().endsWith(Path.of("vmalab")), Autosave.stateDir().toString());
        } finally {
            if (old != null) System.setProperty(Autosave.DIR_PROPERTY, old);
        }
    }

    private static SessionData withoutTime(SessionData d) {
        java.util.List<Double> split = d.dividers().stream().map(x -> Math.round(x * 100) / 100.0).toList();
        return new SessionData(d.name(), d.text(), d.typed(), d.step(), d.view(), d.texts(), split, d.pid(),
            d.vma(), d.address(), d.layout(), d.reduceMotion(), d.speed(), d.theme(), null);
    }
}
