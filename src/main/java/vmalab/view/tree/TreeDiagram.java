package vmalab.view.tree;

import javafx.geometry.Point2D;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.layout.FlowPane;
import javafx.scene.text.Font;
import vmalab.model.mm.Mm;
import vmalab.viewmodel.fold.TreeShape;
import vmalab.viewmodel.fold.ShadowTree;
import vmalab.viewmodel.fold.TreeFrames;
import vmalab.viewmodel.fold.TreeStep;

/**
 * The VMA tree picture behind {@link vmalab.view.VmaTreeView}: which frames the last operation has for the shown
 * mm, where the camera is, and painting the frame the event cursor points at. No JavaFX properties: the view
 * feeds it the session's values.
 */
public final class TreeDiagram {
    private final TreePalette palette;
    private final TreePainter painter;
    private final TreeCamera camera = new TreeCamera();
    private TreeFrames frames = TreeFrames.still(ShadowTree.empty());
    private long shownMm = -1;
    private boolean autoFit = true;
    private TreeMotion motion;
    private int columns;

    public TreeDiagram(TreePalette palette) {
        this.palette = palette;
        this.painter = new TreePainter(palette);
    }

    public FlowPane legend() {
        return Legend.of(
            Legend.item(palette.black, "black node"),
            Legend.item(palette.red, "red node"),
            Legend.item(palette.selected, "selected VMA"),
            Legend.item(palette.step, "step being shown"),
            Legend.item(palette.path, "find_vma path"),
            Legend.item(palette.chainBox, "vm_next list"),
            Legend.label("node: vm_start / vm_end / perms name"));
    }

    public void setFont(Font f) {
        painter.setFont(f);
    }

    /** Shows {@code mm}'s tree (null: none) through the frames the fold made of the operation on show. */
    public void show(Mm mm, TreeFrames folded) {
        painter.setMm(mm);
        long id = mm == null ? -1 : mm.id();
        boolean other = id != shownMm;
        frames = folded == null ? TreeFrames.still(ShadowTree.empty()) : folded;
        shownMm = id;
        columns = frames.end().size();
        if (other) autoFit = true;
    }

    public int height() {
        return frames.end().height();
    }

    public void setArea(double w, double h) {
        camera.setArea(w, h - TreePainter.CHAIN_H, frames.end().height() + 1);
        if (autoFit) camera.fit(columns);
    }

    public void fit() {
        autoFit = true;
        camera.fit(columns);
    }

    public void pan(double dx, double dy) {
        autoFit = false;
        camera.pan(dx, dy, columns);
    }

    public void zoomAt(double factor, double x) {
        autoFit = false;
        camera.zoomAt(factor, x, columns);
    }

    public double zoom() {
        return camera.sx();
    }

    /** Zooms to label size around the node of {@code key}, if there is one. */
    public void centreOnKey(long key) {
        TreeShape s = frames.end();
        int i = key < 0 ? -1 : s.indexOfKey(key);
        if (i < 0) return;
        autoFit = false;
        camera.centreOn(i, s.depth(i), 120, columns);
    }

    /** Screen centre of the node of {@code key} in the picture last painted (canvas coordinates), or null. */
    public Point2D centreOf(long key) {
        TreeMotion m = motion != null ? motion : new TreeMotion(frames.end(), frames.end(), 1);
        int i = m.to().indexOfKey(key);
        return i < 0 ? null : painter.centre(camera, m, i);
    }

    /** vm_start of the node at (x, y), or -1. */
    public long keyAt(double x, double y) {
        if (motion == null) return -1;
        int i = painter.hit(camera, motion, x, y);
        return i < 0 ? -1 : motion.to().key(i);
    }

    /**
     * Paints the frame for the session's event cursor and progress; returns the caption for it.
     *
     * @param cursor   events of the last result shown so far
     * @param progress 0..1 through the event at {@code cursor - 1}
     */
    public String paint(GraphicsContext g, double w, double h, int cursor, double progress, boolean reduceMotion,
                        long selected) {
        TreeStep step = null;
        String caption = " ";
        int k = frames.frameAtCursor(cursor);
        boolean atEnd = reduceMotion || k >= frames.frames() - 1 && progress >= 1;
        if (!frames.animated() || reduceMotion) {
            motion = new TreeMotion(frames.end(), frames.end(), 1);
        } else {
            TreeStep st = k > 0 ? frames.step(k) : null;
            boolean moving = st != null && st.eventIndex() == cursor - 1 && progress < 1;
            motion = moving ? new TreeMotion(frames.shape(k - 1), frames.shape(k), progress)
                : new TreeMotion(frames.shape(k), frames.shape(k), 1);
            step = st;
            if (st != null) caption = "step " + k + " of " + (frames.frames() - 1) + ": " + st.caption();
        }
        if (frames.animated() && atEnd) {
            TreeStep lastStep = frames.step(frames.frames() - 1);
            step = lastStep.path().isEmpty() ? null : lastStep;
            caption = step == null ? " " : step.caption();
        }
        painter.paint(g, w, h, camera, new TreePainter.Picture(motion, step, selected));
        return caption;
    }
}
