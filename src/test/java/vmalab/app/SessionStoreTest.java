package vmalab.app;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import javafx.scene.control.ComboBox;
import javafx.scene.input.KeyCode;
import javafx.scene.input.ScrollEvent;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;
import vmalab.io.Pmap;
import vmalab.io.session.SessionData;
import vmalab.io.session.Viewport;
import vmalab.model.Kernel;
import vmalab.model.mm.Task;
import vmalab.viewmodel.StateText;
import vmalab.viewmodel.Timeline;

/**
 * A session saved from one window and opened in another shows the same model state, step, entries (with their
 * lesson notes and the lines typed into the command bar), selection, tab, split and zoom; a bad file changes
 * nothing.
 */
@ExtendWith(ApplicationExtension.class)
class SessionStoreTest {
    static final String LESSON = String.join("\n",
        "title \"Heap and fork\"",
        "# the heap grows, a child shares it",
        "exec heapdemo x86_64",
        "say \"brk grows the heap by two pages\"",
        "brk +8K",
        "expect map_count 6",
        "ask \"How many faults will the write take?\" 0 1 2 answer minflt",
        "touch 0x55555555b000 w",
        "fork child",
        "child: touch 0x55555555b000 w",
        "");

    private Workbench wb;

    @TempDir
    Path dir;

    @Start
    void start(Stage stage) {
        wb = WindowFixture.show(stage);
    }

    /** A window with a lesson, a typed line, a selection, another tab, a moved split and a zoom. */
    static void build(FxRobot robot, Workbench wb) {
        robot.interact(() -> {
            assertNull(wb.controller().load(LESSON, "heap-fork.vlab"));
            wb.controller().jumpTo(2);
        });
        WaitForAsyncUtils.waitForFxEvents();
        robot.clickOn("#command-field").write("touch 0x55555555a000 r").type(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
        robot.interact(() -> {
            wb.controller().jumpTo(5);
            wb.session().selectedPidProperty().set(1);
            wb.session().selectedVmaProperty().set(wb.session().selectedMm().vmas().get(3).start());
            wb.session().selectedAddressProperty().set(0x55555555b000L);
            wb.window().split().setDividerPositions(0.62);
            wb.window().layoutView().canvas().fireEvent(scroll(200, 120));
        });
        WaitForAsyncUtils.waitForFxEvents();
    }

    static ScrollEvent scroll(double y, double deltaY) {
        return new ScrollEvent(ScrollEvent.SCROLL, 300, y, 300, y, false, false, false, false, false, false, 0,
            deltaY, 0, deltaY, ScrollEvent.HorizontalTextScrollUnits.NONE, 0, ScrollEvent.VerticalTextScrollUnits.NONE,
            0, 0, null);
    }

    /** The model as text: every process's maps, rss and pmap, and buddyinfo. */
    static String model(Kernel k) {
        StringBuilder sb = new StringBuilder(StateText.of(k));
        for (Task t : k.tasks()) if (!t.isThread()) sb.append(Pmap.format(Pmap.snapshot(t), Pmap.Mode.EXTENDED));
        return sb.toString();
    }

    /** What a window shows, without the time of saving. */
    static SessionData shown(Workbench wb) {
        SessionData d = new SessionStore(wb).capture();
        // the split to two places: a window's layout passes nudge it by a few thousandths
        java.util.List<Double> split = d.dividers().stream().map(x -> Math.round(x * 100) / 100.0).toList();
        return new SessionData(d.name(), d.text(), d.typed(), d.step(), d.view(), d.texts(), split, d.pid(),
            d.vma(), d.address(), d.layout(), d.reduceMotion(), d.speed(), d.theme(), null);
    }

    static <T> T on(FxRobot robot, Supplier<T> f) {
        AtomicReference<T> r = new AtomicReference<>();
        robot.interact(() -> r.set(f.get()));
        WaitForAsyncUtils.waitForFxEvents();
        return r.get();
    }

    Workbench secondWindow(FxRobot robot) {
        return on(robot, () -> WindowFixture.show(new Stage()));
    }

    @Test
    void aSavedSessionReopensToWhatWasOnScreen(FxRobot robot) {
        // given: a window someone worked in, saved
        build(robot, wb);
        robot.interact(() -> {
            wb.window().selectView("buddy");
            wb.window().texts().tabs().getSelectionModel().select(2);
            wb.controller().director().speedProperty().set(1);
            ((ComboBox<Double>) wb.window().root().lookup("#speed")).setValue(2.0);
        });
        Path file = dir.resolve("lesson.vsession");
        double[] savedSplit = on(robot, () -> {
            assertNull(new SessionStore(wb).save(file));
            return wb.window().split().getDividerPositions();
        });
        Viewport zoomed = on(robot, () -> wb.window().layoutView().viewport());
        assertFalse(zoomed.fit(), "the scroll zoomed in");

        // when: another window opens it
        Workbench other = secondWindow(robot);
        String err = on(robot, () -> new SessionStore(other).open(file));

        // then
        assertNull(err);
        assertEquals(model(wb.session().kernel()), model(other.session().kernel()));
        assertEquals(5, other.timeline().position());
        assertEquals(wb.timeline().entries(), other.timeline().entries());
        Timeline.Entry typed = other.timeline().entries().get(2);
        assertEquals("touch 0x55555555a000 r", typed.text());
        assertEquals(0, typed.line());
        assertEquals("brk grows the heap by two pages", other.timeline().entries().get(1).notes().sayText());
        assertEquals("How many faults will the write take?", other.timeline().entries().get(3).notes().ask().question());
        assertEquals(wb.session().selectedVmaProperty().get(), other.session().selectedVmaProperty().get());
        assertEquals(0x55555555b000L, other.session().selectedAddressProperty().get());
        assertEquals(1, other.session().selectedPidProperty().get());
        assertEquals("buddy", other.window().selectedView());
        assertEquals(2, other.window().texts().tabs().getSelectionModel().getSelectedIndex());
        // the split as it was when saved (the first window's own layout passes may nudge it after)
        assertArrayEquals(savedSplit, other.window().split().getDividerPositions(), 1e-3);
        assertEquals(zoomed, on(robot, () -> other.window().layoutView().viewport()));
        assertEquals(2.0, other.controller().director().speedProperty().get());
        assertEquals(2.0, ((ComboBox<?>) other.window().root().lookup("#speed")).getValue());
        assertEquals(shown(wb), shown(other));
    }

    @Test
    void theReopenedTimelineStepsOnLikeTheFirst(FxRobot robot) {
        build(robot, wb);
        Path file = dir.resolve("s.vsession");
        on(robot, () -> new SessionStore(wb).save(file));
        Workbench other = secondWindow(robot);
        on(robot, () -> new SessionStore(other).open(file));

        // when both step back to 1 and run to the end
        robot.interact(() -> {
            for (Workbench w : new Workbench[] {wb, other}) {
                w.controller().jumpTo(1);
                w.controller().jumpTo(w.timeline().size());
            }
        });

        assertEquals(wb.timeline().size(), other.timeline().size());
        assertEquals(model(wb.session().kernel()), model(other.session().kernel()));
    }

    @Test
    void aBadSessionFileSaysWhereAndChangesNothing(FxRobot robot) throws Exception {
        // given
        build(robot, wb);
        Path good = dir.resolve("good.vsession");
        on(robot, () -> new SessionStore(wb).save(good));
        String text = Files.readString(good);
        robot.interact(() -> {
            wb.controller().jumpTo(3);
            wb.window().selectView("pagetable");
        });
        SessionData before = shown(wb);
        String modelBefore = model(wb.session().kernel());
        String[][] cases = {
            {"broken.vsession", text.replace(",\n  \"window\"", "\n  \"window\""), "not a session file: broken JSON"},
            {"format.vsession", text.replace("vmalab-session", "vmalab-notes"), "not a vmalab session"},
            {"line.vsession", text.replace("\"brk +8K\"", "\"brk 12\""), "the scenario no longer reads: "
                + "heap-fork.vlab:5: "},
        };
        for (String[] c : cases) {
            Path bad = dir.resolve(c[0]);
            Files.writeString(bad, c[1]);

            // when
            String err = on(robot, () -> new SessionStore(wb).open(bad));

            // then: one line FILE:LINE: problem, on the status line too, and the window as it was
            assertTrue(err.matches(java.util.regex.Pattern.quote(c[0]) + ":[0-9]+: .*"), err);
            assertTrue(err.contains(c[2]), err);
            assertEquals(1, err.lines().count(), err);
            assertEquals(err, wb.controller().statusProperty().get());
            assertTrue(wb.controller().statusIsErrorProperty().get());
            assertEquals(before, shown(wb));
            assertEquals(modelBefore, model(wb.session().kernel()));
        }
        // a file that is not there has no line to name: the one rule of io.Text.read says what is wrong with it
        assertEquals("missing.vsession: cannot read (no such file)",
            on(robot, () -> new SessionStore(wb).open(dir.resolve("missing.vsession"))));
    }

    @Test
    void anUnknownThemeIsANoteAndTheRestGoesOn(FxRobot robot) throws Exception {
        build(robot, wb);
        Path file = dir.resolve("sepia.vsession");
        on(robot, () -> new SessionStore(wb).save(file));
        Files.writeString(file, Files.readString(file).replace("\"theme\" : \"light\"", "\"theme\" : \"sepia\""),
            StandardCharsets.UTF_8);
        Workbench other = secondWindow(robot);

        String err = on(robot, () -> new SessionStore(other).open(file));

        assertNull(err);
        assertEquals(model(wb.session().kernel()), model(other.session().kernel()));
        String status = other.controller().statusProperty().get();
        assertTrue(status.contains("theme \"sepia\" is not known here, showing light"), status);
        assertFalse(other.controller().statusIsErrorProperty().get());
        assertEquals("light", new SessionStore(other).theme());
    }

    @Test
    void theThemeAndTheFontScaleComeBackWithTheSession(FxRobot robot) {
        build(robot, wb);
        robot.interact(() -> {
            wb.session().themeProperty().set(vmalab.viewmodel.Theme.DARK);
            wb.session().fontScaleProperty().set(1.75);
        });
        Path file = dir.resolve("dark.vsession");
        assertNull(on(robot, () -> new SessionStore(wb).save(file)));
        Workbench other = secondWindow(robot);

        assertNull(on(robot, () -> new SessionStore(other).open(file)));

        assertEquals(vmalab.viewmodel.Theme.DARK, other.session().themeProperty().get());
        assertEquals(1.75, other.session().fontScaleProperty().get(), 1e-9);
        assertEquals("dark", new SessionStore(other).theme());
    }

    @Test
    void aFittedViewStaysFittedAndTrueScaleComesBack(FxRobot robot) {
        WindowFixture.load(robot, wb, LESSON, -1);
        robot.interact(() -> wb.window().layoutView().trueScaleProperty().set(true));
        Path file = dir.resolve("fit.vsession");
        on(robot, () -> new SessionStore(wb).save(file));
        Workbench other = secondWindow(robot);

        on(robot, () -> new SessionStore(other).open(file));

        Viewport v = on(robot, () -> other.window().layoutView().viewport());
        assertTrue(v.fit());
        assertTrue(v.trueScale());
        assertEquals(on(robot, () -> wb.window().layoutView().zoom()), on(robot, () -> other.window().layoutView()
            .zoom()), 1e-9);
        assertNotEquals(1.0, v.zoom());
    }
}
