package vmalab.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;
import vmalab.io.lesson.Lesson;
import vmalab.io.lesson.Lessons;
import vmalab.model.mm.Mm;
import vmalab.view.MapleTreeView;
import vmalab.view.SideBySideView;
import vmalab.view.VmaTreeView;
import vmalab.viewmodel.IndexFigures;

/**
 * The side-by-side mode in the real window at Monocle's 1280×800: the Maple tree tab's toggle shows and hides it,
 * both diagrams are drawn and no label of the strip is cut, the numbers are the two indexes' own, and a lesson's
 * {@code view compare} turns it on (and a later {@code view} off).
 */
@ExtendWith(ApplicationExtension.class)
class SideBySideTest {
    private static final String SCENARIO = """
        exec p x86_64
        mmap 0x10000000 4K rw- private anon
        mmap 0x10002000 4K r-- private anon
        mmap 0x10004000 4K rw- private anon
        mmap 0x10006000 4K r-- private anon
        touch 0x10004000 r
        """;

    private Workbench wb;
    private StartPageHost host;

    @Start
    void start(Stage stage) {
        wb = WindowFixture.show(stage, 1280, 800);
        host = StartPageHost.install(wb);
    }

    private void click(FxRobot robot, String id) {
        robot.clickOn(id);
        WaitForAsyncUtils.waitForFxEvents();
    }

    private SideBySideView view() {
        return wb.window().sideBySideView();
    }

    @Test
    void theToggleShowsBothTreesWithTheirOwnNumbersUncut(FxRobot robot) {
        WindowFixture.load(robot, wb, SCENARIO, -1);
        robot.interact(() -> wb.window().selectView(ViewKind.MAPLE.id()));
        WaitForAsyncUtils.waitForFxEvents();
        assertNull(view(), "off: nothing of the mode is built");
        assertEquals(0, wb.window().twin().timeline().position());

        click(robot, "#side-by-side-toggle");
        SideBySideView v = view();
        assertNotNull(v);
        assertTrue(v.isVisible() && v.getScene() != null);
        robot.interact(() -> { });
        WaitForAsyncUtils.waitForFxEvents();

        // the main process is maple (x86_64's default), the twin's the rbtree one
        assertEquals(wb.session(), v.mapleSession());
        assertEquals(wb.window().twin().session(), v.rbSession());
        Mm maple = wb.session().selectedMm();
        Mm rb = wb.window().twin().session().selectedMm();
        assertTrue(maple.index().isMaple());
        assertFalse(rb.index().isMaple());
        long addr = IndexFigures.addressOf(wb.session());
        assertEquals(0x10004000L, addr, "the touch selected its address");

        // the numbers shown are the model's
        assertEquals("levels " + rb.index().height(), text("#sbs-rb-height"));
        assertEquals("nodes " + rb.index().size(), text("#sbs-rb-nodes"));
        assertEquals("levels " + maple.index().height(), text("#sbs-maple-height"));
        List<Long> rbPath = new java.util.ArrayList<>();
        rb.index().find(addr, rbPath);
        List<Long> maplePath = new java.util.ArrayList<>();
        maple.index().find(addr, maplePath);
        assertEquals("find_vma visits " + rbPath.size(), text("#sbs-rb-visited"));
        assertEquals("find_vma visits " + maplePath.size(), text("#sbs-maple-visited"));
        assertEquals(maple.index().height(), maplePath.size(), "mt_find walks one node per level");
        int mapleNodes = v.mapleFigures().nodes();
        assertTrue(mapleNodes >= 1 && mapleNodes < rb.index().size(), "a few maple nodes hold many VMAs");
        assertEquals("nodes " + mapleNodes, text("#sbs-maple-nodes"));

        // both diagrams are on show, side by side, and no label is cut (ellipsis) or outside the window
        VmaTreeView left = robot.lookup(n -> n instanceof VmaTreeView && n.getScene() != null && n.isVisible()
            && isIn(n, v)).query();
        MapleTreeView right = robot.lookup(n -> n instanceof MapleTreeView && n.getScene() != null
            && n.isVisible() && isIn(n, v)).query();
        Bounds lb = left.localToScene(left.getLayoutBounds());
        Bounds rbx = right.localToScene(right.getLayoutBounds());
        assertTrue(lb.getWidth() > 200 && lb.getHeight() > 200, "mm_rb drawing " + lb);
        assertTrue(rbx.getWidth() > 200 && rbx.getHeight() > 200, "maple drawing " + rbx);
        assertTrue(lb.getMaxX() <= rbx.getMinX() + 1, "left of the maple tree");
        double w = wb.scene().getWidth();
        for (Node n : v.lookupAll(".label")) {
            if (!(n instanceof Label l) || !l.isVisible() || l.getText() == null || l.getText().isBlank()) continue;
            if (!isIn(l, v.getTop())) continue;
            Text shown = (Text) l.lookup(".text");
            assertNotNull(shown, l.getText());
            assertEquals(l.getText().replace("\n", ""), shown.getText().replace("\n", ""), "cut: " + l.getText());
            Bounds b = l.localToScene(l.getLayoutBounds());
            assertTrue(b.getMaxX() <= w + 0.5, "outside the window: " + l.getText() + " " + b);
        }

        // off again: the maple tree alone
        click(robot, "#side-by-side-toggle-compare");
        assertFalse(wb.window().twin().onProperty().get());
        assertFalse(v.getScene() != null && v.isVisible() && v.getParent() != null);
    }

    @Test
    void aLessonsViewCompareTurnsTheModeOnAndAnotherViewOff(FxRobot robot) {
        String lesson = """
            title "Compare"
            view tree
            exec p x86_64 rbtree
            mmap 4K rw- private anon
            view compare
            mmap 4K r-- private anon
            view layout
            mmap 4K rw- private anon
            """;
        AtomicReference<String> err = new AtomicReference<>();
        robot.interact(() -> err.set(host.open(new Lesson("compare", "Compare", "", List.of(), 4, lesson))));
        WaitForAsyncUtils.waitForFxEvents();
        assertNull(err.get());
        assertFalse(wb.window().twin().onProperty().get());
        click(robot, "#step-op");
        click(robot, "#step-op");
        assertFalse(wb.window().twin().onProperty().get());
        click(robot, "#step-op");
        assertTrue(wb.window().twin().onProperty().get());
        assertEquals(ViewKind.MAPLE.id(), wb.window().selectedView());
        assertEquals(wb.session(), view().rbSession(), "the lesson's process is rbtree, the twin maple");
        assertEquals(wb.window().twin().session(), view().mapleSession());
        click(robot, "#step-op");
        assertFalse(wb.window().twin().onProperty().get());
        assertEquals(ViewKind.LAYOUT.id(), wb.window().selectedView());
        click(robot, "#step-back");
        assertTrue(wb.window().twin().onProperty().get());
    }

    @Test
    void theBuiltInLessonComparesBothTrees(FxRobot robot) {
        robot.interact(() -> host.open(Lessons.find("maple-vs-rbtree").orElseThrow()));
        WaitForAsyncUtils.waitForFxEvents();
        robot.interact(() -> wb.controller().jumpTo(2));
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(wb.window().twin().onProperty().get(), "view compare stands before the second step");
        robot.interact(() -> wb.controller().jumpTo(wb.timeline().size()));
        WaitForAsyncUtils.waitForFxEvents();
        IndexFigures rb = view().rbFigures();
        IndexFigures maple = view().mapleFigures();
        System.out.println("maple-vs-rbtree end: rb " + rb + " maple " + maple);
        assertEquals(31, rb.vmas());
        assertEquals(31, maple.vmas());
        assertTrue(rb.height() > maple.height());
        assertTrue(rb.nodes() > maple.nodes());
    }

    private String text(String id) {
        WaitForAsyncUtils.waitForFxEvents();
        Label l = (Label) wb.scene().lookup(id);
        assertNotNull(l, id);
        return l.getText();
    }

    private static boolean isIn(Node n, Node ancestor) {
        for (Node p = n; p != null; p = p.getParent()) if (p == ancestor) return true;
        return false;
    }
}
