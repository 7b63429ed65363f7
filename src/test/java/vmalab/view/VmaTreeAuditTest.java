package vmalab.view;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.Set;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javafx.geometry.Dimension2D;
import javafx.scene.control.Label;
import javafx.scene.paint.Paint;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import vmalab.app.Workbench;
import vmalab.model.mm.Vma;
import vmalab.view.paint.RecordingPen;
import vmalab.view.paint.TextAudit;
import vmalab.view.tree.VmaText;
import vmalab.viewmodel.Sizes;
import vmalab.viewmodel.Theme;

/** The VMA tree at a projector's 1280×720, at 100 % and 250 %: readable on screen and on the slide. */
@ExtendWith(ApplicationExtension.class)
class VmaTreeAuditTest {
    private Workbench wb;

    @Start
    void start(Stage stage) {
        wb = AuditFixture.show(stage);
    }

    private VmaTreeView tree(FxRobot robot) {
        return robot.lookup("#vma-tree-view").queryAs(VmaTreeView.class);
    }

    private RecordingPen screen(FxRobot robot) {
        RecordingPen pen = new RecordingPen();
        robot.interact(() -> tree(robot).paintScreen(pen));
        return pen;
    }

    private RecordingPen slide(FxRobot robot, Dimension2D[] size) {
        RecordingPen pen = new RecordingPen();
        robot.interact(() -> {
            size[0] = tree(robot).slideSize();
            tree(robot).paintSlide(pen, size[0].getWidth(), size[0].getHeight());
        });
        return pen;
    }

    private static String texts(RecordingPen pen) {
        StringBuilder sb = new StringBuilder();
        for (RecordingPen.Mark m : pen.marks()) sb.append(m.text()).append('\n');
        return sb.toString();
    }

    @Test
    void lessonStatesReadAt1280x720AndAtTwoAndAHalf(FxRobot robot) {
        for (String lesson : List.of("rbtree", "find-vma", "fork-cow", "shared-libc")) {
            // an x86_64 process keeps its VMAs in the maple tree unless told: the audit reads the red-black
            // tree at these lessons' states, so their processes are started with rbtree
            String text = AuditFixture.lesson(lesson).replaceAll("(?m)^(exec \\S+ x86_64)$", "$1 rbtree");
            AuditFixture.load(robot, wb, text);
            AuditFixture.tab(robot, wb, "VMA tree");
            for (double s : new double[] {1, 2.5}) {
                AuditFixture.scale(robot, wb, s);
                String what = lesson + " at " + s;
                VmaTreeView t = tree(robot);
                TextAudit.assertNoEllipsis(what, t);
                Dimension2D c = t.canvasSize();
                TextAudit.assertReadable(what + " on screen", screen(robot), c.getWidth(), c.getHeight());
                Dimension2D[] d = new Dimension2D[1];
                RecordingPen slide = slide(robot, d);
                TextAudit.assertReadable(what + " slide", slide, d[0].getWidth(), d[0].getHeight());
                String title = robot.lookup("#vma-tree-view-title").queryAs(Label.class).getText();
                int n = wb.session().selectedMm().mapCount();
                assertTrue(title.contains(n + " VMA"), what + ": title '" + title + "' for " + n + " VMAs");
            }
            AuditFixture.scale(robot, wb, 1);
        }
    }

    @Test
    void twentyAndSixtyNodeTreesLabelEveryRangeAtFit(FxRobot robot) {
        AuditFixture.tab(robot, wb, "VMA tree");
        for (int n : new int[] {20, 60}) {
            AuditFixture.load(robot, wb, AuditFixture.separateVmas(n));
            Dimension2D[] d = new Dimension2D[1];
            RecordingPen pen = slide(robot, d);
            TextAudit.assertReadable(n + " nodes, slide", pen, d[0].getWidth(), d[0].getHeight());
            List<String> missing = new ArrayList<>();
            List<Vma> vmas = wb.session().selectedMm().vmas();
            assertTrue(vmas.size() >= n, "VMAs: " + vmas.size());
            String all = texts(pen);
            for (Vma v : vmas) {
                if (v.start() < 0x10000000L || v.start() >= 0x20000000L) continue;
                boolean whole = all.contains(Sizes.hex(v.start())) && all.contains(Sizes.hex(v.end()));
                if (!whole && !all.contains(VmaText.shortRange(v))) {
                    missing.add(Sizes.hex(v.start()) + "–" + Sizes.hex(v.end()));
                }
            }
            assertEquals(List.of(), missing, n + " nodes: ranges not labelled at Fit");
        }
    }

    /**
     * In the window at 1280×720 (the tree pane about 636 px wide) Fit spaces a tree of up to about 60 VMAs for
     * its labels: scrolled from end to end, the screen shows every VMA's vm_start–vm_end (whole, or with vm_end's
     * shared digits left out), nothing cut at the canvas edge and no two labels on each other at any position.
     */
    @Test
    void twentyAndSixtyNodeTreesShowEveryRangeOnScreenAtFit(FxRobot robot) {
        AuditFixture.tab(robot, wb, "VMA tree");
        for (int n : new int[] {20, 60}) {
            AuditFixture.load(robot, wb, AuditFixture.separateVmas(n));
            VmaTreeView t = tree(robot);
            robot.interact(t::zoomToFit);
            AuditFixture.settle(robot, wb);
            assertTrue(t.canvasSize().getWidth() < 700, "the tree pane: " + t.canvasSize());
            double[] h = t.hScroll();
            double[] v = t.vScroll();
            assertTrue(h[1] > h[0], n + " nodes are wider than the pane: Fit spaces them for their labels and scrolls");
            String atFit = texts(screen(robot));
            long ranged = wb.session().selectedMm().vmas().stream()
                .filter(x -> atFit.contains(VmaText.range(x)) || atFit.contains(VmaText.shortRange(x))).count();
            assertTrue(ranged >= 4, n + " nodes: only " + ranged + " ranges at Fit before scrolling:\n" + atFit);
            Set<String> seen = new HashSet<>();
            int positions = 0;
            for (double col = h[0]; ; col = Math.min(h[1], col + h[3] * 0.5)) {
                for (double y = 0; ; y = Math.min(v[0], y + v[2] * 0.5)) {
                    double cc = col;
                    double yy = y;
                    robot.interact(() -> t.scrollTo(cc, yy));
                    AuditFixture.settle(robot, wb);
                    RecordingPen pen = screen(robot);
                    Dimension2D c = t.canvasSize();
                    TextAudit.assertReadable(n + " nodes scrolled to column " + Math.round(cc) + ", " + Math.round(yy)
                        + " px down", pen, c.getWidth(), c.getHeight());
                    for (RecordingPen.Mark m : pen.marks()) seen.add(m.text());
                    positions++;
                    if (y >= v[0]) break;
                }
                if (col >= h[1]) break;
            }
            List<String> missing = new ArrayList<>();
            for (Vma x : wb.session().selectedMm().vmas()) {
                if (x.start() < 0x10000000L || x.start() >= 0x20000000L) continue;
                if (!seen.contains(VmaText.range(x)) && !seen.contains(VmaText.shortRange(x))) {
                    missing.add(VmaText.range(x));
                }
            }
            assertEquals(List.of(), missing, n + " nodes: ranges never on screen over " + positions + " positions");
        }
    }

    @Test
    void twentyNodesAreLabelledOnScreenAtFitInTheWholeWindowWidth(FxRobot robot) {
        AuditFixture.load(robot, wb, AuditFixture.separateVmas(20));
        AuditFixture.tab(robot, wb, "VMA tree");
        VmaTreeView t = tree(robot);
        robot.interact(t::zoomToFit);
        RecordingPen pen = screen(robot);
        Dimension2D c = t.canvasSize();
        TextAudit.assertReadable("20 nodes on screen", pen, c.getWidth(), c.getHeight());
        // the pane is about 640 px wide at 1280×720: some nodes get a range, the others a shorter form (LOD rule)
        long ranged = wb.session().selectedMm().vmas().stream()
            .filter(v -> texts(pen).contains(Sizes.hex(v.start()))).count();
        assertTrue(ranged >= 3, "only " + ranged + " nodes show their vm_start on screen");
    }

    @Test
    void theVmNextChainIsLabelled(FxRobot robot) {
        AuditFixture.load(robot, wb, AuditFixture.separateVmas(8));
        AuditFixture.tab(robot, wb, "VMA tree");
        String all = texts(screen(robot));
        assertTrue(all.contains("mm->mmap"), all);
        assertTrue(all.contains("NULL"), all);
        assertTrue(all.contains("vm_next"), all);
        assertTrue(all.contains(Sizes.hex(0x10000000L)), "the first VMA's box names its vm_start: " + all);
    }

    @Test
    void captionsNameNodesAsTheyAreDrawn(FxRobot robot) {
        AuditFixture.load(robot, wb, AuditFixture.lesson("rbtree"));
        AuditFixture.tab(robot, wb, "VMA tree");
        int events = wb.session().lastEvents().size();
        Pattern bare = Pattern.compile("(?<![0-9a-fx])[0-9a-f]{6,}");
        Pattern hex = Pattern.compile("0x[0-9a-f]+");
        int named = 0;
        for (int c = 1; c <= events; c++) {
            int cursor = c;
            robot.interact(() -> {
                wb.session().eventCursorWritable().set(cursor);
                wb.session().eventProgressWritable().set(1);
            });
            AuditFixture.settle(robot, wb);
            String caption = robot.lookup("#vma-tree-caption").queryAs(Label.class).getText();
            Matcher m = bare.matcher(caption);
            assertTrue(!m.find(), "caption '" + caption + "' has an address without 0x");
            Matcher h = hex.matcher(caption);
            if (h.find()) {
                named++;
                String drawn = texts(screen(robot));
                String addr = h.group();
                assertTrue(drawn.contains(addr) || drawn.contains("[heap]") || drawn.contains(addr.substring(0, 6)),
                    "caption names " + addr + " but the picture shows:\n" + drawn);
            }
        }
        assertTrue(named > 0, "no caption named a node");
    }

    @Test
    void theThemeSwitchChangesTheTreeColours(FxRobot robot) {
        AuditFixture.load(robot, wb, AuditFixture.separateVmas(8));
        AuditFixture.tab(robot, wb, "VMA tree");
        robot.interact(() -> wb.session().themeProperty().set(Theme.LIGHT));
        AuditFixture.settle(robot, wb);
        List<Paint> light = screen(robot).fills();
        robot.interact(() -> wb.session().themeProperty().set(Theme.DARK));
        AuditFixture.settle(robot, wb);
        List<Paint> dark = screen(robot).fills();
        assertNotEquals(light.get(0), dark.get(0), "background");
        assertNotEquals(new java.util.HashSet<>(light), new java.util.HashSet<>(dark));
        robot.interact(() -> wb.session().themeProperty().set(Theme.LIGHT));
    }
}
