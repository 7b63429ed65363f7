package vmalab.view;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import javafx.geometry.Point2D;
import javafx.scene.control.Label;
import javafx.scene.image.PixelReader;
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
import vmalab.model.event.MmEvent;
import vmalab.model.event.RbStepped;
import vmalab.model.event.SimEvent;
import vmalab.model.mm.IndexNode;
import vmalab.model.mm.Mm;
import vmalab.model.mm.Profile;
import vmalab.model.mm.Prot;
import vmalab.model.mm.Vma;
import vmalab.model.mm.VmaIndex;
import vmalab.model.op.Op;
import vmalab.model.rbtree.RbStep;
import vmalab.model.syscall.Syscalls;
import vmalab.viewmodel.Session;
import vmalab.viewmodel.fold.StepStart;
import vmalab.viewmodel.fold.TreeShape;

@ExtendWith(ApplicationExtension.class)
class VmaTreeViewTest {
    private static final Color RED = Color.web("#d32f2f");
    private static final Color BLACK = Color.web("#212121");
    private static final Color PATH = Color.web("#00897b");

    private Session session;
    private Kernel kernel;
    private VmaTreeView view;

    @Start
    void start(Stage stage) {
        session = new Session();
        kernel = new Kernel();
        view = new VmaTreeView(session);
        stage.setScene(ViewScenes.styled(view, 1260, 780));
        stage.show();
        // these tests read the whole tree's picture: Fit would space a small tree for its labels and scroll it
        view.zoomToWhole();
    }

    /** Runs ops, publishing each with the event cursor at its end (as the director leaves it). */
    private OpResult run(FxRobot robot, Op... ops) {
        OpResult[] last = new OpResult[1];
        robot.interact(() -> {
            for (Op op : ops) {
                StepStart start = StepStart.of(kernel);
                OpResult r = Syscalls.apply(kernel, op);
                assertNull(r.error(), () -> op + ": " + r.error());
                session.publish(kernel, r, start, null);
                session.eventCursorWritable().set(r.events().size());
                last[0] = r;
            }
        });
        return last[0];
    }

    private static Op mmap(long addr, long pages, int prot) {
        return new Op.Mmap(addr, pages * Vma.PAGE_SIZE, prot, false, null, 0, addr != 0, false, false, false, false);
    }

    private WritableImage shot(FxRobot robot, String name) {
        return ViewTesting.shot(robot, view, name);
    }

    private static boolean near(Color a, Color b) {
        return ViewTesting.near(a, b);
    }

    private Mm mm() {
        return kernel.current().mm();
    }

    /** A node of the index's shape with its depth and parent (null for the root). */
    private record Placed(IndexNode<Vma> node, int depth, IndexNode<Vma> parent) {
        long key() { return node.key(); }
        boolean isRed() { return node.isRed(); }
    }

    /** The index's nodes in key order. */
    private static List<Placed> nodes(VmaIndex t) {
        List<Placed> out = new ArrayList<>();
        inOrder(t.root(), 0, null, out);
        return out;
    }

    private static void inOrder(IndexNode<Vma> n, int depth, IndexNode<Vma> parent, List<Placed> out) {
        if (n == null) return;
        inOrder(n.left(), depth + 1, n, out);
        out.add(new Placed(n, depth, parent));
        inOrder(n.right(), depth + 1, n, out);
    }

    /** Every node's centre pixel has its colour; rows follow depth; columns follow address order. */
    private void assertPictureMatchesModel(FxRobot robot, String name) {
        WritableImage img = shot(robot, name);
        PixelReader px = img.getPixelReader();
        List<Placed> nodes = nodes(mm().index());
        double prevX = -1;
        double[] rowY = new double[64];
        java.util.Arrays.fill(rowY, Double.NaN);
        for (Placed n : nodes) {
            Point2D c = centre(robot, n.key());
            assertNotNull(c, "no centre for " + Long.toHexString(n.key()));
            Point2D f = fill(robot, n.key());
            Color got = px.getColor((int) Math.round(f.getX()), (int) Math.round(f.getY()));
            Color want = n.isRed() ? RED : BLACK;
            assertTrue(near(got, want), () -> String.format("%x is %s in the model but the pixel at %s is %s",
                n.key(), n.isRed() ? "red" : "black", c, got));
            assertTrue(c.getX() > prevX, "columns follow address order");
            prevX = c.getX();
            int d = n.depth();
            if (Double.isNaN(rowY[d])) rowY[d] = c.getY();
            assertEquals(rowY[d], c.getY(), 0.01, "one row per depth");
            if (n.parent() != null) {
                Point2D p = centre(robot, n.parent().key());
                assertTrue(p.getY() < c.getY(), "a parent is above its child");
            }
        }
        Point2D root = fill(robot, mm().index().root().key());
        assertTrue(near(px.getColor((int) Math.round(root.getX()), (int) Math.round(root.getY())), BLACK),
            "the root is black");
    }

    @Test
    void inserts_and_erases_draw_the_model_tree(FxRobot robot) {
        run(robot, new Op.Exec("cat", "x86_64", "rbtree"));
        List<Long> mapped = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            long addr = 0x10000000L + i * 0x100000L;
            run(robot, mmap(addr, 2 + i, i % 2 == 0 ? Prot.READ : Prot.READ | Prot.WRITE));
            mapped.add(addr);
        }
        run(robot, new Op.Munmap(mapped.get(3), 5 * Vma.PAGE_SIZE), new Op.Munmap(mapped.get(0), 2 * Vma.PAGE_SIZE));
        robot.interact(view::zoomToWhole);
        assertPictureMatchesModel(robot, "vma-tree-fit");
        assertTrue(view.zoom() >= 40, "a process's tree fits with labels: " + view.zoom());
    }

    @Test
    void every_insert_and_erase_is_replayed_from_the_picture_before(FxRobot robot) {
        run(robot, new Op.Exec("cat", "x86_64", "rbtree"));
        java.util.Random rnd = new java.util.Random(7);
        List<Long> live = new ArrayList<>();
        for (int i = 0; i < 150; i++) {
            boolean erase = !live.isEmpty() && rnd.nextInt(3) == 0;
            long key = erase ? live.remove(rnd.nextInt(live.size()))
                : 0x10000000L + rnd.nextInt(100000) * 2L * Vma.PAGE_SIZE;
            if (!erase && live.contains(key)) continue;
            OpResult r = run(robot, erase ? new Op.Munmap(key, Vma.PAGE_SIZE) : mmap(key, 1, Prot.READ));
            if (!erase) live.add(key);
            robot.interact(() -> session.eventCursorWritable().set(0));
            assertEquals(erase, centre(robot, key) != null, "before op " + i);
            robot.interact(() -> session.eventCursorWritable().set(r.events().size()));
            assertEquals(!erase, centre(robot, key) != null, "after op " + i);
        }
        assertPictureMatchesModel(robot, "vma-tree-random");
    }

    @Test
    void splits_merges_and_adjusts_replay_too(FxRobot robot) {
        run(robot, new Op.Exec("cat", "x86_64", "rbtree"));
        java.util.Random rnd = new java.util.Random(11);
        long base = 0x30000000L;
        run(robot, mmap(base, 64, Prot.READ | Prot.WRITE));
        for (int i = 0; i < 60; i++) {
            long page = base + rnd.nextInt(64) * Vma.PAGE_SIZE;
            long len = (1 + rnd.nextInt(6)) * Vma.PAGE_SIZE;
            Op op = switch (rnd.nextInt(5)) {
                case 0 -> new Op.Mprotect(page, len, Prot.READ);
                case 1 -> new Op.Mprotect(page, len, Prot.READ | Prot.WRITE);
                case 2 -> new Op.Munmap(page, len);
                case 3 -> mmap(page, len / Vma.PAGE_SIZE, Prot.READ | Prot.WRITE);
                default -> new Op.Brk(rnd.nextBoolean() ? 0x3000 : -0x1000, false);
            };
            java.util.Set<Long> before = new java.util.HashSet<>();
            for (Placed n : nodes(mm().index())) before.add(n.key());
            OpResult r = run(robot, op);
            java.util.Set<Long> after = new java.util.HashSet<>();
            for (Placed n : nodes(mm().index())) after.add(n.key());
            boolean touched = r.events().stream().anyMatch(e -> e instanceof RbStepped
                || e instanceof MmEvent.VmaChanged);
            if (!touched || before.equals(after)) continue;
            robot.interact(() -> session.eventCursorWritable().set(0));
            for (long k : before) assertNotNull(centre(robot, k), op + ": before, " + Long.toHexString(k));
            for (long k : after) {
                if (!before.contains(k)) assertNull(centre(robot, k), op + ": not yet " + Long.toHexString(k));
            }
            robot.interact(() -> session.eventCursorWritable().set(r.events().size()));
        }
        assertPictureMatchesModel(robot, "vma-tree-edits");
    }

    @Test
    void clicking_a_node_selects_its_vma(FxRobot robot) {
        run(robot, new Op.Exec("cat", "x86_64", "rbtree"));
        robot.interact(view::zoomToWhole);
        IndexNode<Vma> root = mm().index().root();
        Point2D c = centre(robot, root.key());
        robot.clickOn(view.localToScreen(c));
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(root.key(), session.selectedVmaProperty().get());
        shot(robot, "vma-tree-selected");
    }

    @Test
    void find_vma_path_is_lit_and_steps_animate(FxRobot robot) {
        run(robot, new Op.Exec("cat", "x86_64", "rbtree"));
        Vma heapish = mm().vmas().get(mm().vmas().size() / 2);
        WritableImage before = shot(robot, "vma-tree-before-touch");
        run(robot, new Op.Touch(heapish.start(), 1, 'r'));
        WritableImage after = shot(robot, "vma-tree-find-vma");
        assertTrue(count(after, PATH) > count(before, PATH) + 200, "find_vma's path is drawn");

        // an insert that rotates: watch it half-way through a rotation, then at the first frame
        long addr = 0x20000000L;
        OpResult r = null;
        int rotateAt = -1;
        for (int i = 0; i < 6 && rotateAt < 0; i++) {
            OpResult ri = run(robot, mmap(addr + i * 0x100000L, 1, i % 2 == 0 ? Prot.READ : Prot.READ | Prot.WRITE));
            for (int e = 0; e < ri.events().size(); e++) {
                SimEvent ev = ri.events().get(e);
                if (ev instanceof RbStepped rs && rs.step() instanceof RbStep.Rotate) {
                    rotateAt = e;
                    r = ri;
                    break;
                }
            }
        }
        assertTrue(rotateAt >= 0, "some insert rotates");
        int cursor = rotateAt + 1;
        robot.interact(() -> {
            session.eventCursorWritable().set(cursor);
            session.eventProgressWritable().set(0.5);
        });
        WaitForAsyncUtils.waitForFxEvents();
        shot(robot, "vma-tree-rotating");
        Label caption = robot.lookup("#vma-tree-caption").queryAs(Label.class);
        assertTrue(caption.getText().contains("rotate"), caption.getText());

        long inserted = inserted(r);
        robot.interact(() -> {
            session.eventCursorWritable().set(0);
            session.eventProgressWritable().set(1);
        });
        assertNull(centre(robot, inserted), "at cursor 0 the tree is as it was before the insert");
        robot.interact(() -> session.eventCursorWritable().set(session.lastEvents().size()));
        assertNotNull(centre(robot, inserted));
        assertPictureMatchesModel(robot, "vma-tree-after-insert");
    }

    @Test
    void an_erase_with_two_children_swaps_in_the_successor(FxRobot robot) {
        run(robot, new Op.Exec("cat", "x86_64", "rbtree"));
        IndexNode<Vma> victim = mm().index().root();
        assertNotNull(victim.left());
        assertNotNull(victim.right());
        Vma v = victim.value();
        long erased = v.start();
        OpResult r = run(robot, new Op.Munmap(v.start(), v.end() - v.start()));
        int swap = -1;
        long successor = -1;
        for (int e = 0; e < r.events().size(); e++) {
            if (r.events().get(e) instanceof RbStepped rs && rs.step() instanceof RbStep.SuccessorSwap s) {
                swap = e;
                successor = s.successorKey();
            }
        }
        assertTrue(swap >= 0, "erasing the root of a big tree swaps in its successor");
        int at = swap;
        robot.interact(() -> {
            session.eventCursorWritable().set(at);
            session.eventProgressWritable().set(1);
        });
        Point2D rootBefore = centre(robot, erased);
        robot.interact(() -> {
            session.eventCursorWritable().set(at + 1);
            session.eventProgressWritable().set(0.5);
        });
        shot(robot, "vma-tree-successor-swap");
        Label caption = robot.lookup("#vma-tree-caption").queryAs(Label.class);
        assertTrue(caption.getText().contains("takes the place"), caption.getText());
        robot.interact(() -> session.eventProgressWritable().set(1));
        Point2D succAfter = centre(robot, successor);
        assertEquals(rootBefore.getY(), succAfter.getY(), 0.01, "the successor is where the erased node was");
        robot.interact(() -> session.eventCursorWritable().set(r.events().size()));
        assertNull(centre(robot, erased));
        assertPictureMatchesModel(robot, "vma-tree-after-erase");
    }

    private static long inserted(OpResult r) {
        for (SimEvent e : r.events()) {
            if (e instanceof MmEvent.VmaInserted in) return in.vma().start();
        }
        throw new AssertionError("no insert");
    }

    private static int count(WritableImage img, Color c) {
        PixelReader px = img.getPixelReader();
        int n = 0;
        for (int y = 0; y < img.getHeight(); y++) {
            for (int x = 0; x < img.getWidth(); x++) {
                if (near(px.getColor(x, y), c)) n++;
            }
        }
        return n;
    }

    @Test
    void lays_out_65530_nodes(FxRobot robot) {
        Mm t = new Mm(1, Profile.EMPTY);
        for (int i = 0; i < Kernel.DEFAULT_MAX_MAP_COUNT; i++) {
            long s = 0x10000000L + (long) i * 2 * Vma.PAGE_SIZE;
            t.link(new Vma(s, s + Vma.PAGE_SIZE, 0, 0, null, 0, null), e -> { });
        }
        TreeShape shape = TreeShape.layout(t.index());
        assertEquals(65530, shape.size());
        assertTrue(shape.height() <= 2 * 16, "a red-black tree of 65,530 nodes is at most 32 deep");
        for (int i = 1; i < shape.size(); i++) assertTrue(shape.key(i - 1) < shape.key(i));
    }

    @Test
    void a_huge_tree_draws_as_dots_and_zooms_to_the_selected_node(FxRobot robot) {
        run(robot, new Op.Exec("big", "empty"));
        robot.interact(() -> {
            for (int i = 0; i < 65000; i++) {
                long addr = 0x100000000L + (long) i * 2 * Vma.PAGE_SIZE;
                OpResult r = Syscalls.apply(kernel, mmap(addr, 1, i % 2 == 0 ? Prot.READ : Prot.READ | Prot.WRITE));
                if (r.error() != null || r.result() < 0) throw new AssertionError(r.error() + " " + r.result());
            }
            session.publish(kernel, null);
        });
        assertTrue(mm().mapCount() >= 65000);
        robot.interact(view::zoomToWhole);
        assertTrue(view.zoom() < 1);
        WritableImage fit = shot(robot, "vma-tree-65k-fit");
        // the top rows have room: each of their dots has its node's colour
        List<IndexNode<Vma>> top = new ArrayList<>();
        collect(mm().index().root(), 0, 6, top);
        for (IndexNode<Vma> n : top) {
            Point2D c = fill(robot, n.key());
            Color got = fit.getPixelReader().getColor((int) Math.round(c.getX()), (int) Math.round(c.getY()));
            assertTrue(near(got, n.isRed() ? RED : BLACK), () -> (n.isRed() ? "red" : "black") + " dot is " + got);
        }
        Point2D root = fill(robot, mm().index().root().key());
        assertTrue(near(fit.getPixelReader().getColor((int) root.getX(), (int) root.getY()), BLACK));

        long key = mm().vmas().get(40000).start();
        robot.interact(() -> {
            session.selectedVmaProperty().set(key);
            view.zoomToSelected();
        });
        assertTrue(view.zoom() >= 100);
        assertPictureMatchesModelNear(robot, key);
    }

    private static void collect(IndexNode<Vma> n, int depth, int max, List<IndexNode<Vma>> out) {
        if (n == null || depth > max) return;
        out.add(n);
        collect(n.left(), depth + 1, max, out);
        collect(n.right(), depth + 1, max, out);
    }

    private void assertPictureMatchesModelNear(FxRobot robot, long key) {
        WritableImage img = shot(robot, "vma-tree-65k-selected");
        PixelReader px = img.getPixelReader();
        List<Placed> all = nodes(mm().index());
        int at = 0;
        while (all.get(at).key() < key) at++;
        int from = Math.max(0, at - 1);
        for (int i = from; i < Math.min(all.size(), from + 6); i++) {
            Placed m = all.get(i);
            Point2D c = fill(robot, m.key());
            if (c.getX() < 0 || c.getY() < 0 || c.getX() >= img.getWidth() || c.getY() >= img.getHeight()) continue;
            Color got = px.getColor((int) Math.round(c.getX()), (int) Math.round(c.getY()));
            assertTrue(near(got, m.isRed() ? RED : BLACK),
                () -> Long.toHexString(m.key()) + " " + (m.isRed() ? "red" : "black") + " vs " + got);
        }
    }

    private javafx.geometry.Point2D centre(FxRobot robot, long key) {
        return ViewTesting.onFx(robot, () -> view.nodeCentre(key));
    }

    /** A point of the node that shows its colour: a box's text sits on its centre line. */
    private javafx.geometry.Point2D fill(FxRobot robot, long key) {
        return ViewTesting.onFx(robot, () -> view.nodeFillPoint(key));
    }
}
