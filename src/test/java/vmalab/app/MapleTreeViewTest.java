package vmalab.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import javafx.geometry.Dimension2D;
import javafx.scene.canvas.Canvas;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;
import vmalab.model.maple.MapleTree.NodeInfo;
import vmalab.model.mm.Mm;
import vmalab.model.mm.Vma;
import vmalab.view.MapleTreeView;
import vmalab.view.paint.RecordingPen;

/**
 * The Maple tree tab in the real window: it draws the selected process's mm_mt (its header counts the model's
 * nodes and levels), names the step's store path, writes the node in focus out with the kernel's pivots, a click
 * on a leaf's slot selects that VMA for every view, and a red-black process is told where its index is.
 */
@ExtendWith(ApplicationExtension.class)
class MapleTreeViewTest {
    private Workbench wb;

    @Start
    void start(Stage stage) {
        wb = WindowFixture.show(stage);
    }

    private static String scenario(String era, int mmaps) {
        StringBuilder sb = new StringBuilder("exec demo x86_64 " + era + "\n");
        for (int i = 0; i < mmaps; i++) sb.append("mmap 4K ").append(i % 2 == 0 ? "r--" : "rw-").append(" private anon\n");
        return sb.toString();
    }

    private String label(FxRobot robot, String id) {
        Label l = robot.lookup(id).queryAs(Label.class);
        assertNotNull(l, id);
        return l.getText();
    }

    private static int nodes(NodeInfo n) {
        if (n.isLeaf()) return 1;
        int c = 1;
        for (int i = 0; i <= n.end(); i++) c += nodes(n.child(i));
        return c;
    }

    private static void leaves(NodeInfo n, List<NodeInfo> out) {
        if (n.isLeaf()) out.add(n);
        else for (int i = 0; i <= n.end(); i++) leaves(n.child(i), out);
    }

    @Test
    void theTabDrawsTheModelsTreeAndAClickOnASlotSelectsItsVma(FxRobot robot) {
        // given a maple process of 60 alternating mappings (they cannot merge), at its last step
        int steps = 61;
        WindowFixture.load(robot, wb, scenario("maple", 60), steps);
        robot.interact(() -> wb.window().selectView(ViewKind.MAPLE.id()));
        WaitForAsyncUtils.waitForFxEvents();
        Mm mm = wb.session().selectedMm();
        assertTrue(mm.index().isMaple());
        NodeInfo root = mm.index().mapleRoot();

        // then the header counts what the model holds, and names the store the last mmap made
        String title = label(robot, "#maple-tree-view-title");
        assertTrue(title.contains("height " + mm.index().height() + ", " + nodes(root) + " nodes"), title);
        assertTrue(title.endsWith(mm.mapCount() + " VMAs"), title);
        String caption = label(robot, "#maple-caption");
        assertTrue(caption.matches("(?s)1 store, the last wr_[a-z_]+ of a VMA at \\[0x.*"), caption);

        // the slide of the view writes out the focused leaf: its pivots are the kernel's (vm_end - 1 of its VMAs)
        MapleTreeView view = (MapleTreeView) wb.window().view(ViewKind.MAPLE.id());
        RecordingPen pen = new RecordingPen();
        Dimension2D size = view.slideSize();
        robot.interact(() -> view.paintSlide(pen, size.getWidth(), size.getHeight()));
        List<String> texts = pen.marks().stream().map(RecordingPen.Mark::text).toList();
        List<NodeInfo> ls = new ArrayList<>();
        leaves(root, ls);
        Vma last = mm.vmas().get(mm.vmas().size() - 1);
        NodeInfo focus = ls.stream().filter(l -> Long.compareUnsigned(l.min(), wb.session().lastResultProperty().get()
            .result()) <= 0 && Long.compareUnsigned(wb.session().lastResultProperty().get().result(), l.max()) <= 0)
            .findFirst().orElseThrow();
        for (int i = 0; i < focus.end(); i++) {
            assertTrue(texts.contains(Long.toHexString(focus.pivot(i))), "pivot " + i + " of the focused leaf: " + texts);
        }
        assertTrue(texts.stream().anyMatch(t -> t.startsWith(focus.type().kernelName() + " [")), texts.toString());
        assertNotNull(last);

        // when a leaf slot holding a VMA is clicked in the overview
        Canvas canvas = robot.lookup("#maple-canvas").queryAs(Canvas.class);
        long before = wb.session().selectedVmaProperty().get();
        boolean hit = false;
        for (double x = 150; x < canvas.getWidth() - 10 && !hit; x += 7) {
            double cx = x;
            double cy = leafRowY(robot, canvas, mm.index().height());
            robot.interact(() -> canvas.fireEvent(click(canvas, cx, cy)));
            long sel = wb.session().selectedVmaProperty().get();
            hit = sel != before && sel >= 0;
        }

        // then the VMA under it is the session's selection, and it is one of the process's VMAs
        assertTrue(hit, "a click on a leaf selected a VMA: canvas " + canvas.getWidth() + "x" + canvas.getHeight() + " y " + leafRowY(robot, canvas, mm.index().height()) + " sel " + wb.session().selectedVmaProperty().get() + " before " + before);
        long sel = wb.session().selectedVmaProperty().get();
        assertTrue(mm.vmas().stream().anyMatch(v -> v.start() == sel), Long.toHexString(sel));
    }

    /** The middle of the leaf row, in canvas px at the window's type scale (MaplePainter's geometry). */
    private double leafRowY(FxRobot robot, Canvas canvas, int height) {
        double s = wb.session().fontScale();
        return s * (14 + (height - 1) * (30 + 54) + 15);
    }

    /** A click at canvas point (x, y): a fired MouseEvent takes its point in scene coordinates. */
    private static javafx.scene.input.MouseEvent click(Canvas c, double cx, double cy) {
        javafx.geometry.Point2D p = c.localToScene(cx, cy);
        double x = p.getX(), y = p.getY();
        return new javafx.scene.input.MouseEvent(javafx.scene.input.MouseEvent.MOUSE_CLICKED, x, y, x, y,
            javafx.scene.input.MouseButton.PRIMARY, 1, false, false, false, false, true, false, false, true, false,
            true, null);
    }

    @Test
    void aRedBlackProcessIsToldWhereItsIndexIs(FxRobot robot) {
        WindowFixture.load(robot, wb, scenario("rbtree", 3), 4);
        robot.interact(() -> wb.window().selectView(ViewKind.MAPLE.id()));
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(label(robot, "#maple-caption").contains("red-black tree mm_rb"));
        assertEquals("Maple tree (mm_mt)", label(robot, "#maple-tree-view-title"));
    }
}
