package vmalab.view;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import javafx.embed.swing.SwingFXUtils;
import javafx.geometry.Point2D;
import javafx.scene.image.WritableImage;
import javafx.scene.input.KeyCode;
import javafx.scene.paint.Color;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;
import vmalab.app.WindowFixture;
import vmalab.app.Workbench;
import vmalab.model.OpResult;
import vmalab.model.event.SimEvent;
import vmalab.model.event.TaskEvent;
import vmalab.model.mm.Mm;
import vmalab.model.paging.PagingEvent;

/** Clicking the layout: a page faults in, in the model and in the picture; a hole raises SIGSEGV. */
@ExtendWith(ApplicationExtension.class)
class LayoutViewTest {
    static final long HEAP = 0x55555555b000L;
    private Workbench wb;

    @Start
    void start(Stage stage) {
        wb = WindowFixture.show(stage);
    }

    private LayoutView layout() {
        return wb.window().layoutView();
    }

    /** The canvas pixel at the left edge of the band, on the page holding {@code addr}. */
    private Color pagePixel(FxRobot robot, long addr) {
        AtomicReference<Color> c = new AtomicReference<>();
        robot.interact(() -> {
            Point2D p = layout().pointOf(addr);
            Point2D inCanvas = layout().canvas().parentToLocal(layout().canvas().getParent().parentToLocal(p));
            WritableImage img = layout().canvas().snapshot(null, null);
            c.set(img.getPixelReader().getColor((int) layout().bandLeft() + 7, (int) inCanvas.getY()));
        });
        return c.get();
    }

    private void saveSnapshot(FxRobot robot, String name) throws IOException {
        Path dir = Path.of("target", "snapshots");
        Files.createDirectories(dir);
        AtomicReference<WritableImage> img = new AtomicReference<>();
        robot.interact(() -> img.set(layout().snapshot(null, null)));
        ImageIO.write(SwingFXUtils.fromFXImage(img.get(), null), "png", new File(dir.toFile(), name));
    }

    @Test
    void clickingANonPresentPageMakesItPresentInTheModelAndTheView(FxRobot robot) throws IOException {
        // given: a heap of two pages, none touched, zoomed in so its pages show
        WindowFixture.load(robot, wb, "exec cat x86_64\nbrk +8K", -1);
        robot.interact(() -> layout().reveal(HEAP, HEAP + 0x2000));
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(layout().pagesVisible(HEAP));
        Mm mm = wb.session().selectedMm();
        assertFalse(wb.session().kernel().pages().isPresent(mm, HEAP));
        Color before = pagePixel(robot, HEAP);

        // when: Ctrl+Shift+click writes the page
        Point2D p = ViewTesting.onFx(() -> layout().localToScreen(layout().pointOf(HEAP)));
        robot.press(KeyCode.CONTROL, KeyCode.SHIFT).clickOn(p).release(KeyCode.SHIFT, KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();

        // then: one more step, a write touch of that page, and the page present in the model
        assertEquals(3, wb.timeline().position());
        assertEquals("touch 0x55555555b000 w", wb.timeline().currentEntry().text());
        assertTrue(wb.session().kernel().pages().isPresent(wb.session().selectedMm(), HEAP));
        assertEquals(1, wb.session().lastResultProperty().get().minorFaults());
        assertEquals(HEAP, wb.session().selectedAddressProperty().get());
        // and drawn in full colour: darker than the pale band of a non-present page
        Color after = pagePixel(robot, HEAP);
        saveSnapshot(robot, "layout-after-write-fault.png");
        assertTrue(after.getBrightness() < before.getBrightness() - 0.15,
            "present page drawn in full colour: before " + before + ", after " + after);
        assertTrue(pagePixel(robot, HEAP + 0x1000).getBrightness() > after.getBrightness() + 0.15,
            "the untouched page stays pale");
    }

    @Test
    void stepByEventThePageTurnsPresentWhenItsPteIsSet(FxRobot robot) {
        // given: the write fault is the next step; its pages show
        WindowFixture.load(robot, wb, "exec cat x86_64\nbrk +8K\ntouch 0x55555555b000 w", 2);
        robot.interact(() -> layout().reveal(HEAP, HEAP + 0x2000));
        Color pale = pagePixel(robot, HEAP);

        // when: the first event of the fault
        robot.interact(() -> wb.controller().stepEvent());
        List<SimEvent> events = wb.session().lastEvents();
        int pteSet = -1;
        for (int i = 0; i < events.size() && pteSet < 0; i++) {
            if (events.get(i) instanceof PagingEvent.PteSet p && p.addr() == HEAP && p.after().present()) pteSet = i;
        }
        assertTrue(pteSet > 0, "the fault sets the PTE in one of its events");

        // then: the model already holds the page, the picture does not until that event is shown
        assertTrue(wb.session().kernel().pages().isPresent(wb.session().selectedMm(), HEAP));
        while (wb.session().eventCursorProperty().get() < pteSet) {
            assertEquals(pale, pagePixel(robot, HEAP), "at event " + wb.session().eventCursorProperty().get());
            robot.interact(() -> wb.controller().stepEvent());
        }
        robot.interact(() -> wb.controller().stepEvent());
        assertTrue(pagePixel(robot, HEAP).getBrightness() < pale.getBrightness() - 0.15);
    }

    @Test
    void aPlainClickOnlySelects(FxRobot robot) {
        // given: the heap's pages on show, none present
        WindowFixture.load(robot, wb, "exec cat x86_64\nbrk +8K", -1);
        robot.interact(() -> layout().reveal(HEAP, HEAP + 0x2000));
        WaitForAsyncUtils.waitForFxEvents();
        int steps = wb.timeline().size();
        int position = wb.timeline().position();
        int version = wb.session().versionProperty().get();
        assertEquals(-1, wb.session().selectedVmaProperty().get());

        // when: a plain click on the second page
        robot.clickOn(ViewTesting.onFx(() -> layout().localToScreen(layout().pointOf(HEAP + 0x1000))));
        WaitForAsyncUtils.waitForFxEvents();

        // then: selected, the model untouched
        assertEquals(HEAP, wb.session().selectedVmaProperty().get());
        assertEquals(HEAP + 0x1000, wb.session().selectedAddressProperty().get() & -4096L);
        assertEquals(steps, wb.timeline().size(), "no step added");
        assertEquals(position, wb.timeline().position());
        assertEquals(version, wb.session().versionProperty().get(), "the kernel state is unchanged");
        assertFalse(wb.session().kernel().pages().isPresent(wb.session().selectedMm(), HEAP + 0x1000));
    }

    @Test
    void aPlainClickAtFitOnTheHeapOnlySelects(FxRobot robot) {
        WindowFixture.load(robot, wb, "exec cat x86_64\nbrk +8K", -1);
        robot.interact(layout()::fit);
        int steps = wb.timeline().size();
        int version = wb.session().versionProperty().get();

        robot.clickOn(ViewTesting.onFx(() -> layout().localToScreen(layout().pointOf(HEAP))));
        WaitForAsyncUtils.waitForFxEvents();

        assertEquals(HEAP, wb.session().selectedVmaProperty().get());
        assertEquals(steps, wb.timeline().size(), "no touch step inserted");
        assertEquals(version, wb.session().versionProperty().get());
    }

    @Test
    void aCtrlClickReadsThePage(FxRobot robot) {
        WindowFixture.load(robot, wb, "exec cat x86_64\nbrk +8K", -1);
        robot.interact(() -> layout().reveal(HEAP, HEAP + 0x2000));
        WaitForAsyncUtils.waitForFxEvents();

        Point2D p = ViewTesting.onFx(() -> layout().localToScreen(layout().pointOf(HEAP + 0x1000)));
        robot.press(KeyCode.CONTROL).clickOn(p).release(KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();

        assertEquals("touch 0x55555555c000 r", wb.timeline().currentEntry().text());
        assertTrue(wb.session().kernel().pages().isPresent(wb.session().selectedMm(), HEAP + 0x1000),
            "a read maps the zero page");
        assertEquals(HEAP, wb.session().selectedVmaProperty().get());
    }

    @Test
    void clickingWhereNothingIsMappedRaisesSigsegv(FxRobot robot) throws IOException {
        // given
        WindowFixture.load(robot, wb, "exec cat x86_64", -1);

        // when: Ctrl+click the collapsed gap below the program (the break at the bottom)
        Point2D p = ViewTesting.onFx(() -> layout().localToScreen(layout().pointOf(0x1000)));
        robot.press(KeyCode.CONTROL).clickOn(p).release(KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();

        // then
        OpResult r = wb.session().lastResultProperty().get();
        assertNotNull(r);
        TaskEvent.SignalRaised sig = null;
        for (SimEvent e : r.events()) if (e instanceof TaskEvent.SignalRaised s) sig = s;
        assertNotNull(sig, "the touch raised a signal");
        assertEquals("SIGSEGV", sig.signal());
        assertTrue(wb.timeline().currentEntry().text().startsWith("touch 0x"));
        saveSnapshot(robot, "layout-sigsegv.png");
    }

    @Test
    void clickingABandWhenZoomedOutOnlySelectsIt(FxRobot robot) {
        WindowFixture.load(robot, wb, "exec cat x86_64", -1);
        long stackStart = 0x7ffffffde000L;
        assertFalse(layout().pagesVisible(stackStart));

        robot.clickOn(ViewTesting.onFx(() -> layout().localToScreen(layout().pointOf(stackStart + 0x10000))));
        WaitForAsyncUtils.waitForFxEvents();

        assertEquals(stackStart, wb.session().selectedVmaProperty().get());
        assertEquals(1, wb.timeline().position(), "no step was added");
    }

    @Test
    void trueScaleStillDrawsAndZoomKeepsWorking(FxRobot robot) {
        WindowFixture.load(robot, wb, "exec cat x86_64\nbrk +8K", -1);
        robot.clickOn("#layout-true-scale");
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(layout().trueScaleProperty().get());
        robot.interact(() -> layout().reveal(HEAP, HEAP + 0x2000));
        assertTrue(layout().pagesVisible(HEAP), "zoomed 2^30 times, the heap's pages show");
    }
}
