package vmalab.view;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import javafx.geometry.Point2D;
import javafx.scene.control.Label;
import javafx.scene.image.WritableImage;
import javafx.scene.paint.Color;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;
import vmalab.model.Kernel;
import vmalab.model.OpResult;
import vmalab.model.buddy.BuddyEvent;
import vmalab.model.event.BuddyStepped;
import vmalab.model.mm.Prot;
import vmalab.model.mm.Vma;
import vmalab.model.op.Op;
import vmalab.model.paging.FrameKind;
import vmalab.model.paging.PhysicalMemory;
import vmalab.viewmodel.Session;

@ExtendWith(ApplicationExtension.class)
class BuddyViewTest {
    private static final Color FREE = Color.web("#e3e6e8");
    private static final Color KERNEL = Color.web("#37474f");
    private static final Color PAGE_TABLE = Color.web("#8e24aa");
    private static final Color FIRST_PROCESS = Color.web("#1e88e5");
    private static final Color ALLOC_PAGES = Color.web("#795548");

    private Session session;
    private Kernel kernel;
    private PhysicalMemory pm;
    private BuddyView view;

    @Start
    void start(Stage stage) {
        session = new Session();
        pm = new PhysicalMemory();
        kernel = new Kernel(pm);
        view = new BuddyView(session);
        stage.setScene(ViewScenes.styled(view, 1260, 780));
        stage.show();
    }

    private OpResult run(FxRobot robot, Op op) {
        return ViewTesting.publish(robot, kernel, session, op);
    }

    private WritableImage shot(FxRobot robot, String name) {
        return ViewTesting.shot(robot, view, name);
    }

    private static boolean near(Color a, Color b) {
        return ViewTesting.near(a, b);
    }

    private Color frame(WritableImage img, long pfn) {
        Point2D c = ViewTesting.onFx(() -> view.frameCentre(pfn));
        assertNotNull(c);
        return img.getPixelReader().getColor((int) Math.floor(c.getX()), (int) Math.floor(c.getY()));
    }

    private long first(FrameKind kind) {
        for (int p = 0; p < pm.frames(); p++) if (pm.frameKind(p) == kind && pm.frame(p).mapcount() < 2) return p;
        throw new AssertionError("no " + kind + " frame");
    }

    /** The kernel frame next to the zero page: the top of the kernel's reserve, inside the fitted window. */
    private long kernelFrame() {
        for (long p = pm.zeroPfn() - 1; p >= 0; p--) if (pm.frameKind(p) == FrameKind.KERNEL) return p;
        throw new AssertionError("no kernel frame");
    }

    private long mapAndTouch(FxRobot robot) {
        run(robot, new Op.Exec("cat", "x86_64"));
        OpResult m = run(robot, new Op.Mmap(0, 16 * Vma.PAGE_SIZE, Prot.READ | Prot.WRITE, false, null, 0, false,
            false, false, false, false));
        run(robot, new Op.Touch(m.result(), 6 * Vma.PAGE_SIZE, 'w'));
        return m.result();
    }

    @Test
    void a_stylesheet_restyles_the_canvas(FxRobot robot) {
        // given: the grid painted with vmalab.css's colours
        mapAndTouch(robot);
        long free = first(FrameKind.FREE);
        long table = first(FrameKind.PAGE_TABLE);
        WritableImage before = shot(robot, "buddy-theme-before");
        assertTrue(near(frame(before, free), FREE));

        // when: a theme redefines the looked-up colours -vm-frame-free and -vm-frame-page-table
        robot.interact(() -> view.getScene().getStylesheets()
            .add(BuddyViewTest.class.getResource("/vmalab/test-theme.css").toExternalForm()));
        WaitForAsyncUtils.waitForFxEvents();
        WritableImage after = shot(robot, "buddy-theme-after");

        // then: the same frames are painted in the theme's colours, the kernel's stay as they were
        assertTrue(near(frame(after, free), Color.web("#ff00ff")), "free: " + frame(after, free));
        assertTrue(near(frame(after, table), Color.web("#00ff00")), "page table: " + frame(after, table));
        assertTrue(near(frame(after, kernelFrame()), KERNEL));
    }

    @Test
    void grid_cells_take_their_owners_colour(FxRobot robot) {
        mapAndTouch(robot);
        WritableImage img = shot(robot, "buddy-grid");
        assertTrue(near(frame(img, kernelFrame()), KERNEL), "the top of the kernel's reserve");
        assertTrue(near(frame(img, first(FrameKind.FREE)), FREE), "a free frame");
        assertTrue(near(frame(img, first(FrameKind.PAGE_TABLE)), PAGE_TABLE), "a page table");
        assertTrue(near(frame(img, first(FrameKind.ANON)), FIRST_PROCESS), "an anonymous page of the process");
        robot.interact(() -> robot.lookup("#buddy-show-all").queryButton().fire());
        WaitForAsyncUtils.waitForFxEvents();
        WritableImage whole = shot(robot, "buddy-grid-all");
        assertTrue(near(frame(whole, pm.frames() - 1), FREE), "the last frame is free");
        assertEquals(pm.buddy().buddyinfoText(0, "Normal").stripTrailing(), view.buddyinfoText().stripTrailing());
    }

    @Test
    void a_split_plays_step_by_step(FxRobot robot) {
        mapAndTouch(robot);
        int[] info = pm.buddy().buddyinfo();
        int order = 0;
        while (info[order] > 0) order++; // the smallest empty list: its block comes from a split
        int want = order;
        OpResult r = run(robot, new Op.AllocPages(want, "driver"));
        int split = -1;
        for (int i = 0; i < r.events().size(); i++) {
            if (r.events().get(i) instanceof BuddyStepped b && b.step() instanceof BuddyEvent.Split) {
                split = i;
                break;
            }
        }
        assertTrue(split >= 0, "order " + want + " comes from a larger block");
        int at = split;
        robot.interact(() -> {
            session.eventCursorWritable().set(at + 1);
            session.eventProgressWritable().set(0.5);
        });
        shot(robot, "buddy-splitting");
        Label caption = robot.lookup("#buddy-caption").queryAs(Label.class);
        assertTrue(caption.getText().contains("splits"), caption.getText());
        robot.interact(() -> {
            session.eventCursorWritable().set(at + 3);
            session.eventProgressWritable().set(1);
        });
        shot(robot, "buddy-after-split");
        robot.interact(() -> session.eventCursorWritable().set(r.events().size()));
        WritableImage end = shot(robot, "buddy-alloc-pages");
        assertTrue(near(frame(end, r.result()), ALLOC_PAGES));
        assertTrue(near(frame(end, r.result() + (1L << want) - 1), ALLOC_PAGES), "the whole block");
        assertEquals(pm.buddy().buddyinfoText(0, "Normal").stripTrailing(), view.buddyinfoText().stripTrailing());
    }

    @Test
    void the_selected_vmas_frames_stand_out_and_a_click_selects_back(FxRobot robot) {
        long base = mapAndTouch(robot);
        long pfn = pm.pte(kernel.current().mm(), base).frame();
        robot.interact(() -> session.selectedVmaProperty().set(base));
        WritableImage img = shot(robot, "buddy-selected-vma");
        assertTrue(near(frame(img, pfn), FIRST_PROCESS), "the VMA's frame keeps its colour");
        assertFalse(near(frame(img, kernelFrame()), KERNEL), "other frames are dimmed");
        robot.interact(() -> {
            session.selectedVmaProperty().set(-1);
            session.selectedAddressProperty().set(-1);
        });
        robot.clickOn(view.localToScreen(frameCentreOnFx(robot, pm.pte(kernel.current().mm(), base + 3 * Vma.PAGE_SIZE)
            .frame())));
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(base, session.selectedVmaProperty().get());
        assertEquals(base + 3 * Vma.PAGE_SIZE, session.selectedAddressProperty().get());
    }

    private javafx.geometry.Point2D frameCentreOnFx(FxRobot robot, long key) {
        return ViewTesting.onFx(robot, () -> view.frameCentre(key));
    }
}
