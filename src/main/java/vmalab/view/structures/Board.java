package vmalab.view.structures;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.DoubleSupplier;
import javafx.geometry.Bounds;
import javafx.geometry.Point2D;
import javafx.scene.Group;
import javafx.scene.Node;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.scene.shape.Circle;
import javafx.scene.shape.Polygon;
import javafx.scene.shape.Polyline;
import vmalab.view.paint.Type;

/**
 * Where the Structures view's boxes and arrows live. The boxes are placed for the width the view has: three
 * columns (task_structs, mm_structs, each mm's list/tree/pgd) when they fit; else the list/tree/pgd boxes
 * stack under their mm_struct; else every box stacks in one column, grouped by mm. Arrows that cannot go
 * straight right run down a lane at the right of the boxes and come back in from the right. Sizes (gaps, lanes,
 * arrow heads, strokes) follow the font scale.
 */
public final class Board extends Pane {
    public static final String LINK = "struct-link";
    public static final String LINK_HEAD = "struct-link-head";

    /** How the boxes are arranged. */
    public enum Mode { THREE_COLUMNS, TWO_COLUMNS, ONE_COLUMN }

    /** Where each box goes for a width, and the extent of the whole picture. */
    record Plan(Mode mode, Map<Node, Point2D> at, double laneX0, double width, double height) {
    }

    final Map<Integer, VBox> taskBoxes = new LinkedHashMap<>();
    final Map<Long, VBox> mmBoxes = new LinkedHashMap<>();
    final Map<Long, VBox[]> sideBoxes = new LinkedHashMap<>();
    /** Each task's mm id (tasks without an mm are absent). */
    final Map<Integer, Long> taskMm = new LinkedHashMap<>();
    private final Group arrows = new Group();
    private final DoubleSupplier available;
    private Type type = Type.of(1);
    private Node placeholder;
    private Plan placed;
    /** True while a slide is painted: the boxes are placed as if the width were unlimited. */
    private boolean unlimited;

    public Board(DoubleSupplier available) {
        this.available = available;
    }

    /** Swaps in a new set of boxes (built aside, so a look-up from another thread never meets it half-built). */
    public void setBoxes(Type t, Node placeholder, Map<Integer, VBox> tasks, Map<Long, VBox> mms, Map<Long, VBox[]> sides,
                  Map<Integer, Long> taskMm) {
        this.type = t;
        this.placeholder = placeholder;
        taskBoxes.clear();
        taskBoxes.putAll(tasks);
        mmBoxes.clear();
        mmBoxes.putAll(mms);
        sideBoxes.clear();
        sideBoxes.putAll(sides);
        this.taskMm.clear();
        this.taskMm.putAll(taskMm);
        List<Node> kids = new ArrayList<>();
        if (placeholder != null) kids.add(placeholder);
        kids.addAll(tasks.values());
        for (Map.Entry<Long, VBox> e : mms.entrySet()) {
            kids.add(e.getValue());
            kids.addAll(List.of(sides.get(e.getKey())));
        }
        arrows.getChildren().clear();
        kids.add(arrows);
        getChildren().setAll(kids);
        placed = null;
        requestLayout();
    }

    public void setUnlimited(boolean on) {
        unlimited = on;
        placed = null;
        requestLayout();
    }

    /** The arrangement in use (for tests). */
    public Mode mode() {
        return placed == null ? plan(width()).mode() : placed.mode();
    }

    private double width() {
        return unlimited ? Double.POSITIVE_INFINITY : available.getAsDouble();
    }

    // ---- planning ----

    private static double w(Node n) { return n.prefWidth(-1); }
    private static double h(Node n) { return n.prefHeight(-1); }

    private static double maxW(Iterable<? extends Node> nodes) {
        double m = 0;
        for (Node n : nodes) m = Math.max(m, w(n));
        return m;
    }

    private double maxSideW() {
        double m = 0;
        for (VBox[] s : sideBoxes.values()) for (VBox b : s) m = Math.max(m, w(b));
        return m;
    }

    private int maxLanes() {
        int most = 0;
        for (Long mm : mmBoxes.keySet()) {
            int n = 3;
            for (Long v : taskMm.values()) if (v.equals(mm)) n++;
            most = Math.max(most, n);
        }
        return most;
    }

    Plan plan(double avail) {
        Map<Node, Point2D> at = new IdentityHashMap<>();
        double m = type.px(16);
        if (placeholder != null) {
            at.put(placeholder, new Point2D(m, m));
            return new Plan(Mode.THREE_COLUMNS, at, 0, m + w(placeholder) + m, m + h(placeholder) + m);
        }
        double gap = type.px(36);
        double indent = type.px(28);
        double pitch = type.px(12);
        double wT = maxW(taskBoxes.values());
        double wM = maxW(mmBoxes.values());
        double wS = maxSideW();
        double three = m + wT + gap + wM + gap + wS + m;
        double two = m + wT + gap + Math.max(wM, indent + wS) + pitch * 4 + m;
        if (three <= avail) return threeColumns(at, m, gap, wT, wM);
        if (two <= avail) return twoColumns(at, m, gap, indent, pitch, wT, wM, wS);
        return oneColumn(at, m, indent, pitch, wT, wM, wS);
    }

    /** The task_structs one under another at {@code x} from {@code top}, {@code g} apart; returns their bottom. */
    private double stackTasks(Map<Node, Point2D> at, double x, double top, double g) {
        double y = top;
        for (VBox box : taskBoxes.values()) {
            at.put(box, new Point2D(x, y));
            y += h(box) + g;
        }
        return y - g;
    }

    private Plan threeColumns(Map<Node, Point2D> at, double m, double gap, double wT, double wM) {
        double xTask = m;
        double xMm = xTask + wT + gap;
        double xSide = xMm + wM + gap;
        double g = type.px(22);
        double right = 0;
        double bottom = stackTasks(at, xTask, m, g);
        double mmBottom = m;
        for (Map.Entry<Long, VBox> e : mmBoxes.entrySet()) {
            double top = Math.max(mmBottom, firstTaskY(at, e.getKey(), m));
            VBox box = e.getValue();
            at.put(box, new Point2D(xMm, top));
            double sideY = top;
            for (VBox side : sideBoxes.get(e.getKey())) {
                at.put(side, new Point2D(xSide, sideY));
                right = Math.max(right, xSide + w(side));
                sideY += h(side) + type.px(14);
            }
            double groupBottom = Math.max(top + h(box), sideY - type.px(14));
            bottom = Math.max(bottom, groupBottom);
            mmBottom = groupBottom + g * 1.5;
        }
        right = Math.max(right, xMm + wM);
        return new Plan(Mode.THREE_COLUMNS, at, 0, right + m, bottom + m);
    }

    private Plan twoColumns(Map<Node, Point2D> at, double m, double gap, double indent, double pitch, double wT,
                            double wM, double wS) {
        double xTask = m;
        double xMm = xTask + wT + gap;
        double g = type.px(22);
        double bottom = stackTasks(at, xTask, m, g);
        double mmBottom = m;
        for (Map.Entry<Long, VBox> e : mmBoxes.entrySet()) {
            double top = Math.max(mmBottom, firstTaskY(at, e.getKey(), m));
            VBox box = e.getValue();
            at.put(box, new Point2D(xMm, top));
            double sideY = top + h(box) + type.px(18);
            for (VBox side : sideBoxes.get(e.getKey())) {
                at.put(side, new Point2D(xMm + indent, sideY));
                sideY += h(side) + type.px(14);
            }
            bottom = Math.max(bottom, sideY - type.px(14));
            mmBottom = sideY - type.px(14) + g * 1.5;
        }
        double laneX0 = xMm + Math.max(wM, indent + wS) + pitch;
        return new Plan(Mode.TWO_COLUMNS, at, laneX0, laneX0 + pitch * 3 + m, bottom + m);
    }

    private Plan oneColumn(Map<Node, Point2D> at, double m, double indent, double pitch, double wT, double wM,
                           double wS) {
        double g = type.px(18);
        double y = m;
        // tasks without an mm first (kernel threads), then each mm with its tasks above it and its boxes below
        for (Map.Entry<Integer, VBox> e : taskBoxes.entrySet()) {
            if (!taskMm.containsKey(e.getKey())) {
                at.put(e.getValue(), new Point2D(m, y));
                y += h(e.getValue()) + g;
            }
        }
        for (Map.Entry<Long, VBox> e : mmBoxes.entrySet()) {
            for (Map.Entry<Integer, Long> t : taskMm.entrySet()) {
                VBox box = taskBoxes.get(t.getKey());
                if (box != null && t.getValue().equals(e.getKey())) {
                    at.put(box, new Point2D(m, y));
                    y += h(box) + g;
                }
            }
            at.put(e.getValue(), new Point2D(m + indent, y));
            y += h(e.getValue()) + g;
            for (VBox side : sideBoxes.get(e.getKey())) {
                at.put(side, new Point2D(m + 2 * indent, y));
                y += h(side) + type.px(14);
            }
            y += g * 1.5;
        }
        double laneX0 = m + Math.max(wT, Math.max(indent + wM, 2 * indent + wS)) + pitch;
        return new Plan(Mode.ONE_COLUMN, at, laneX0, laneX0 + pitch * maxLanes() + m, y - g * 1.5 + m);
    }

    private double firstTaskY(Map<Node, Point2D> at, long mmId, double dflt) {
        for (Map.Entry<Integer, Long> e : taskMm.entrySet()) {
            if (e.getValue() == mmId) {
                Point2D p = at.get(taskBoxes.get(e.getKey()));
                if (p != null) return p.getY();
            }
        }
        return dflt;
    }

    // ---- layout ----

    @Override
    protected void layoutChildren() {
        for (Node n : getChildren()) {
            if (n == arrows) continue;
            n.autosize();
            if (n instanceof Region r) r.layout();
        }
        Plan p = plan(width());
        placed = p;
        for (Map.Entry<Node, Point2D> e : p.at().entrySet()) e.getKey().relocate(e.getValue().getX(), e.getValue().getY());
        layoutArrows(p);
    }

    private void layoutArrows(Plan p) {
        List<Node> out = new ArrayList<>();
        double pitch = type.px(12);
        Map<Long, Integer> lanesUsed = new LinkedHashMap<>();
        for (Map.Entry<Integer, Long> e : taskMm.entrySet()) {
            VBox from = taskBoxes.get(e.getKey());
            VBox to = mmBoxes.get(e.getValue());
            if (from == null || to == null) continue;
            Node mmField = from.getChildren().get(from.getChildren().size() - 1);
            double x0 = from.getLayoutX() + from.getWidth();
            if (p.mode() == Mode.ONE_COLUMN) {
                int lane = lanesUsed.merge(e.getValue(), 1, Integer::sum) - 1;
                viaLane(out, x0, rowY(from, mmField), to, titleY(to), p.laneX0() + lane * pitch);
            } else {
                straight(out, x0, rowY(from, mmField), to.getLayoutX(), titleY(to), 0);
            }
        }
        for (Map.Entry<Long, VBox> e : mmBoxes.entrySet()) {
            VBox mmBox = e.getValue();
            VBox[] side = sideBoxes.get(e.getKey());
            int first = lanesUsed.getOrDefault(e.getKey(), 0);
            for (int i = 0; i < 3; i++) {
                // the mm_struct's rows 1..3 are its mmap, mm_rb and pgd pointers
                Node row = mmBox.getChildren().get(1 + i);
                double x0 = mmBox.getLayoutX() + mmBox.getWidth();
                if (p.mode() == Mode.THREE_COLUMNS) {
                    straight(out, x0, rowY(mmBox, row), side[i].getLayoutX(), titleY(side[i]), (i - 1) * type.px(10));
                } else {
                    // the nearest box gets the innermost lane, so the lanes never cross
                    int lane = p.mode() == Mode.ONE_COLUMN ? first + 2 - i : 2 - i;
                    viaLane(out, x0, rowY(mmBox, row), side[i], titleY(side[i]), p.laneX0() + lane * pitch);
                }
            }
        }
        arrows.getChildren().setAll(out);
    }

    private static double rowY(VBox box, Node row) {
        Bounds b = row.getBoundsInParent();
        return box.getLayoutY() + (b.getMinY() + b.getMaxY()) / 2;
    }

    private static double titleY(VBox box) {
        return rowY(box, box.getChildren().get(0));
    }

    /** An elbow out to the right, down or up in the gap between the columns (shifted by {@code shift}), then in. */
    private void straight(List<Node> out, double x0, double y0, double x1, double y1, double shift) {
        double head = type.px(11);
        double mid = (x0 + x1) / 2 + shift;
        line(out, x0, y0, new double[] {x0, y0, mid, y0, mid, y1, x1 - head + 1, y1});
        Polygon p = new Polygon(x1, y1, x1 - head, y1 - head * 0.55, x1 - head, y1 + head * 0.55);
        p.getStyleClass().add(LINK_HEAD);
        out.add(p);
    }

    /** An elbow out to the right to {@code laneX}, along the lane, and back left into the target's right edge. */
    private void viaLane(List<Node> out, double x0, double y0, VBox target, double y1, double laneX) {
        double head = type.px(11);
        double x1 = target.getLayoutX() + target.getWidth();
        line(out, x0, y0, new double[] {x0, y0, laneX, y0, laneX, y1, x1 + head - 1, y1});
        Polygon p = new Polygon(x1, y1, x1 + head, y1 - head * 0.55, x1 + head, y1 + head * 0.55);
        p.getStyleClass().add(LINK_HEAD);
        out.add(p);
    }

    private void line(List<Node> out, double x0, double y0, double[] pts) {
        Polyline line = new Polyline(pts);
        line.getStyleClass().add(LINK);
        line.setStrokeWidth(type.line(2));
        Circle tail = new Circle(x0, y0, type.px(4));
        tail.getStyleClass().add(LINK_HEAD);
        out.add(line);
        out.add(tail);
    }

    /** The picture's extent for the current width (the boxes' sizes as styled now). */
    public double extentWidth() {
        return plan(width()).width();
    }

    public double extentHeight() {
        return plan(width()).height();
    }

    @Override
    protected double computePrefWidth(double h) {
        return extentWidth();
    }

    @Override
    protected double computePrefHeight(double w) {
        return extentHeight();
    }
}
