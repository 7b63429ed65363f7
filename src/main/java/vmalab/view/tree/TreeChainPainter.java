package vmalab.view.tree;

import javafx.geometry.VPos;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.text.Font;
import javafx.scene.text.TextAlignment;
import vmalab.viewmodel.fold.TreeShape;

/**
 * The vm_next list along the bottom of the tree view: one box per VMA under its tree node's column (in-order is
 * address order), linked by arrows from mm->mmap to NULL. Boxes show vm_start when they have room.
 */
final class TreeChainPainter {
    private static final double BOX_H = 26;
    private final TreePalette pal;
    private Font font = Font.font("Monospaced", 15);
    private Font titleFont = Font.font("System", 15);
    private double adv = 9;

    TreeChainPainter(TreePalette pal) {
        this.pal = pal;
    }

    void setFont(Font f, double advance) {
        font = f;
        titleFont = Font.font("System", Math.max(14, f.getSize()));
        adv = advance;
    }

    private static double centreY(double h) {
        return h - 8 - BOX_H / 2;
    }

    double boxTop(double h, TreeCamera cam) {
        return centreY(h) - BOX_H / 2;
    }

    private void title(GraphicsContext g, double w, double h) {
        g.setStroke(pal.chainBox.color());
        g.setLineWidth(1);
        g.strokeLine(0, h - TreePainter.CHAIN_H + 0.5, w, h - TreePainter.CHAIN_H + 0.5);
        g.setFill(pal.text.color());
        g.setFont(titleFont);
        g.setTextAlign(TextAlignment.LEFT);
        g.setTextBaseline(VPos.TOP);
        g.fillText("vm_next list (address order), from mm->mmap", 8, h - TreePainter.CHAIN_H + 5);
    }

    void paintEmpty(GraphicsContext g, double w, double h) {
        title(g, w, h);
        g.setFill(pal.text.color());
        g.setFont(font);
        g.setTextAlign(TextAlignment.LEFT);
        g.setTextBaseline(VPos.CENTER);
        g.fillText("mm->mmap = NULL: no VMAs", 8, centreY(h));
        g.setTextAlign(TextAlignment.CENTER);
        g.fillText("mm_rb is empty", w / 2, (h - TreePainter.CHAIN_H) / 2);
    }

    /** Title only: the dots themselves went into the pixel buffer. */
    void paintLabels(GraphicsContext g, double w, double h, TreeCamera cam, TreeMotion m) {
        title(g, w, h);
    }

    void paintDots(PixelLayer px, double w, double h, TreeCamera cam, TreeMotion m, int lo, int hi) {
        double y = centreY(h);
        double x0 = Math.max(0, cam.screenX(m.chainCol(lo) + 0.5));
        double x1 = Math.min(w, cam.screenX(m.chainCol(hi) + 0.5));
        px.rect((int) x0, (int) y, (int) Math.max(1, x1 - x0), 2, pal.chain.argb());
        int last = Integer.MIN_VALUE;
        for (int i = lo; i <= hi; i++) {
            int x = (int) cam.screenX(m.chainCol(i) + 0.5);
            if (x == last) continue;
            last = x;
            px.dot(x, y + 1, 5, pal.chain.argb());
        }
    }

    void paint(GraphicsContext g, double w, double h, TreeCamera cam, TreeMotion m, int lo, int hi, long selected) {
        title(g, w, h);
        TreeShape s = m.to();
        double y = centreY(h);
        double sx = cam.sx();
        int digits = Long.toHexString(s.key(s.size() - 1)).length();
        boolean text = sx >= digits * adv + 24;
        double half = text ? (digits * adv + 10) / 2 : Math.max(2, Math.min(9, sx * 0.28));
        double boxH = text ? BOX_H : 2 * half;
        g.setFont(font);
        g.setTextAlign(TextAlignment.CENTER);
        g.setTextBaseline(VPos.CENTER);
        double prevRight = Double.NaN;
        for (int r = lo; r <= hi; r++) {
            int i = s.byRank(r);
            double x = cam.screenX(m.chainCol(i) + 0.5);
            if (!Double.isNaN(prevRight) && x - half - prevRight >= 8) {
                arrow(g, prevRight, x - half, y);
            }
            if (r == 0 && x - half > 110) {
                g.setFill(pal.text.color());
                g.setTextAlign(TextAlignment.RIGHT);
                g.fillText("mm->mmap", x - half - 26, y);
                g.setTextAlign(TextAlignment.CENTER);
                arrow(g, x - half - 22, x - half, y);
            }
            boolean sel = s.key(i) == selected;
            g.setGlobalAlpha(m.alpha(i));
            g.setFill(sel ? pal.selected.color() : pal.chainBox.color());
            g.fillRoundRect(x - half, y - boxH / 2, 2 * half, boxH, 6, 6);
            g.setStroke(sel ? pal.selected.color() : pal.chain.color());
            g.setLineWidth(1.5);
            g.strokeRoundRect(x - half, y - boxH / 2, 2 * half, boxH, 6, 6);
            if (text) {
                g.setFill(sel ? pal.nodeText.color() : pal.text.color());
                g.fillText(VmaText.hex(s.key(i)), x, y);
            }
            g.setGlobalAlpha(1);
            prevRight = x + half;
            if (r == s.size() - 1 && x + half + 70 < w) {
                arrow(g, x + half, x + half + 22, y);
                g.setFill(pal.text.color());
                g.setTextAlign(TextAlignment.LEFT);
                g.fillText("NULL", x + half + 26, y);
                g.setTextAlign(TextAlignment.CENTER);
            }
        }
    }

    private void arrow(GraphicsContext g, double x0, double x1, double y) {
        g.setStroke(pal.chain.color());
        g.setFill(pal.chain.color());
        g.setLineWidth(2);
        g.strokeLine(x0 + 1, y, x1 - 6, y);
        g.fillPolygon(new double[] {x1 - 1, x1 - 8, x1 - 8}, new double[] {y, y - 4.5, y + 4.5}, 3);
    }
}
