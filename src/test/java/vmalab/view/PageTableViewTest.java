package vmalab.view;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import javafx.geometry.Point2D;
import javafx.scene.image.PixelReader;
import javafx.scene.image.WritableImage;
import javafx.scene.input.KeyCode;
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
import vmalab.model.event.SimEvent;
import vmalab.model.mm.Prot;
import vmalab.model.mm.Vma;
import vmalab.model.op.Op;
import vmalab.model.paging.PagingEvent;
import vmalab.model.paging.PhysicalMemory;
import vmalab.model.paging.Pte;
import vmalab.viewmodel.Session;

@ExtendWith(ApplicationExtension.class)
class PageTableViewTest {
    private static final Color NOT_PRESENT = Color.web("#f5f5f5");
    private static final Color WRITABLE = Color.web("#43a047");
    private static final Color ZERO = Color.web("#81d4fa");
    private static final Color PTE_LEVEL = Color.web("#ad1457");
    private static final Color PGD_LEVEL = Color.web("#6a1b9a");

    private Session session;
    private Kernel kernel;
    private PageTableView view;
    private PhysicalMemory pm;
    private final List<String> clicks = new ArrayList<>();

    @Start
    void start(Stage stage) {
        session = new Session();
        pm = new PhysicalMemory();
        kernel = new Kernel(pm);
        view = new PageTableView(session);
        view.setOnPageClicked((addr, write) -> clicks.add(Long.toHexString(addr) + (write ? " w" : " r")));
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

    private Color cell(WritableImage img, long addr) {
        Point2D c = ViewTesting.onFx(() -> view.pageCentre(addr));
        assertNotNull(c, "page " + Long.toHexString(addr) + " is in view");
        PixelReader px = img.getPixelReader();
        return px.getColor((int) Math.round(c.getX()), (int) Math.round(c.getY()));
    }

    private static int count(WritableImage img, Color c) {
        PixelReader px = img.getPixelReader();
        int n = 0;
        for (int y = 0; y < img.getHeight(); y++) {
            for (int x = 0; x < img.getWidth(); x++) if (near(px.getColor(x, y), c)) n++;
        }
        return n;
    }

    private long mapAnon(FxRobot robot, int pages) {
        run(robot, new Op.Exec("cat", "x86_64"));
        OpResult r = run(robot, new Op.Mmap(0, pages * Vma.PAGE_SIZE, Prot.READ | Prot.WRITE, false, null, 0, false,
            false, false, false, false));
        robot.interact(() -> session.selectedVmaProperty().set(r.result()));
        return r.result();
    }

    @Test
    void cells_show_each_pte_and_the_walk_ends_at_the_frame(FxRobot robot) {
        long base = mapAnon(robot, 24);
        WritableImage before = shot(robot, "page-table-no-walk");
        run(robot, new Op.Touch(base + 2 * Vma.PAGE_SIZE, 1, 'w'));
        run(robot, new Op.Touch(base + 5 * Vma.PAGE_SIZE, 1, 'r'));
        assertTrue(pm.pte(kernel.current().mm(), base + 2 * Vma.PAGE_SIZE).write());
        robot.interact(() -> session.selectedAddressProperty().set(base + 2 * Vma.PAGE_SIZE + 0x123));
        WritableImage img = shot(robot, "page-table-walk-x86_64");
        assertTrue(near(cell(img, base + 2 * Vma.PAGE_SIZE), WRITABLE), "written page: present, writable");
        assertTrue(near(cell(img, base + 5 * Vma.PAGE_SIZE), ZERO), "read page: the zero page");
        for (int i : new int[] {0, 1, 3, 4, 6, 23}) {
            assertTrue(near(cell(img, base + i * Vma.PAGE_SIZE), NOT_PRESENT), "page " + i + " is not present");
        }
        assertTrue(count(img, PTE_LEVEL) > count(before, PTE_LEVEL) + 1000, "the walk's PTE table is drawn");
        assertTrue(count(img, PGD_LEVEL) > count(before, PGD_LEVEL) + 1000, "the walk's PGD table is drawn");
    }

    @Test
    void the_cursor_shows_the_pte_before_the_fault(FxRobot robot) {
        long base = mapAnon(robot, 8);
        OpResult r = run(robot, new Op.Touch(base, 1, 'w'));
        int set = -1;
        for (int i = 0; i < r.events().size(); i++) {
            SimEvent e = r.events().get(i);
            if (e instanceof PagingEvent.PteSet s && s.addr() == base) set = i;
        }
        assertTrue(set >= 0, "the fault set the PTE");
        int at = set;
        robot.interact(() -> session.eventCursorWritable().set(at));
        assertTrue(near(cell(shot(robot, "page-table-before-fault"), base), NOT_PRESENT));
        robot.interact(() -> session.eventCursorWritable().set(at + 1));
        assertTrue(near(cell(shot(robot, "page-table-fault-step"), base), WRITABLE));
    }

    @Test
    void clicking_pages_asks_the_app_to_touch_them(FxRobot robot) {
        long base = mapAnon(robot, 8);
        run(robot, new Op.Touch(base + Vma.PAGE_SIZE, 1, 'r'));
        robot.clickOn(view.localToScreen(pageCentreOnFx(robot, base + 3 * Vma.PAGE_SIZE)));
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(base + 3 * Vma.PAGE_SIZE, session.selectedAddressProperty().get());
        robot.press(KeyCode.SHIFT).clickOn(view.localToScreen(pageCentreOnFx(robot, base + 4 * Vma.PAGE_SIZE)))
            .release(KeyCode.SHIFT);
        // a present zero page: a plain click only selects, a Shift-click is a write (COW break)
        robot.clickOn(view.localToScreen(pageCentreOnFx(robot, base + Vma.PAGE_SIZE)));
        robot.press(KeyCode.SHIFT).clickOn(view.localToScreen(pageCentreOnFx(robot, base + Vma.PAGE_SIZE)))
            .release(KeyCode.SHIFT);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(List.of(Long.toHexString(base + 3 * Vma.PAGE_SIZE) + " r",
            Long.toHexString(base + 4 * Vma.PAGE_SIZE) + " w", Long.toHexString(base + Vma.PAGE_SIZE) + " w"), clicks);
        assertEquals(Pte.NONE, pm.pte(kernel.current().mm(), base + 3 * Vma.PAGE_SIZE), "the view changed nothing");
    }

    @Test
    void i386_walks_two_levels(FxRobot robot) {
        run(robot, new Op.Exec("old", "i386-2.6"));
        long addr = kernel.current().mm().vmas().get(0).start();
        run(robot, new Op.Touch(addr, 1, 'r'));
        robot.interact(() -> session.selectedAddressProperty().set(addr));
        WritableImage img = shot(robot, "page-table-walk-i386");
        assertTrue(count(img, PGD_LEVEL) > 1000 && count(img, PTE_LEVEL) > 1000);
        assertTrue(count(img, Color.web("#283593")) < 100, "no PUD on two-level paging");
    }

    private javafx.geometry.Point2D pageCentreOnFx(FxRobot robot, long key) {
        return ViewTesting.onFx(robot, () -> view.pageCentre(key));
    }

    @Test
    void aLongStripScrollsAndItsCellsKeepOutlinesAndTips(FxRobot robot) {
        // given 8,192 pages (32 MiB, half the machine), one of them written: more rows than the view shows
        long base = mapAnon(robot, 8192);
        run(robot, new Op.Touch(base, 1, 'w'));
        assertTrue(ViewTesting.onFx(() -> view.stripScrolls()), () -> "32 MiB of pages do not fit: " + ViewTesting.onFx(() -> view.shownVma()) + " " + ViewTesting.onFx(() -> view.getHeight()));
        WritableImage img = shot(robot, "page-table-long-strip");
        // then a page not present is drawn outlined: its centre is the not-present fill, its edge the outline
        Point2D c = ViewTesting.onFx(() -> view.pageCentre(base + Vma.PAGE_SIZE));
        Point2D next = ViewTesting.onFx(() -> view.pageCentre(base + 2 * Vma.PAGE_SIZE));
        assertTrue(near(cell(img, base + Vma.PAGE_SIZE), NOT_PRESENT));
        double half = (next.getX() - c.getX()) / 2;
        Color edge = img.getPixelReader().getColor((int) Math.floor(c.getX() - half + 1), (int) Math.round(c.getY()));
        assertTrue(!near(edge, NOT_PRESENT) && edge.getBrightness() < 0.95, "an outline at the cell's edge: " + edge);
        // and each cell's tooltip names its page and what it is, written when asked for
        String tipWritten = ViewTesting.onFx(() -> tipAt(base));
        String tipAbsent = ViewTesting.onFx(() -> tipAt(base + Vma.PAGE_SIZE));
        assertTrue(tipWritten.startsWith("page 0x" + Long.toHexString(base) + ": frame "), tipWritten);
        assertEquals("page 0x" + Long.toHexString(base + Vma.PAGE_SIZE) + ": not present (a click faults it in)",
            tipAbsent);
        // and a one-page VMA's strip does not scroll
        OpResult small = run(robot, new Op.Mmap(0, Vma.PAGE_SIZE, Prot.READ, false, null, 0, false, false, false,
            false, false));
        robot.interact(() -> session.selectedVmaProperty().set(small.result()));
        assertTrue(!ViewTesting.onFx(() -> view.stripScrolls()), "one page fits");
    }

    /** The tooltip text at the centre of a page's cell (canvas coordinates of the view's tips). */
    private String tipAt(long addr) {
        Point2D inView = view.pageCentre(addr);
        javafx.scene.canvas.Canvas canvas = (javafx.scene.canvas.Canvas) view.lookup("Canvas");
        Point2D p = canvas.sceneToLocal(view.localToScene(inView));
        return view.tips().at(p.getX(), p.getY());
    }
}
