package vmalab.view.paint;

import static org.junit.jupiter.api.Assertions.fail;

import java.util.ArrayList;
import java.util.List;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Labeled;
import javafx.scene.text.Text;

/**
 * The checks behind "no clipped text": painted text stays on its canvas and never lies on other text;
 * a control's label is shown whole (JavaFX puts "…" in the Text it draws when the label overruns).
 */
public final class TextAudit {
    /** How far (px) a glyph box may poke past the canvas edge or into a neighbour: anti-aliasing, not clipping. */
    public static final double SLACK = 1.5;

    private TextAudit() {
    }

    /** Fails naming every mark outside {@code width} × {@code height} and every pair of marks that overlap. */
    public static void assertReadable(String what, RecordingPen pen, double width, double height) {
        List<String> bad = problems(pen.marks(), width, height);
        if (!bad.isEmpty()) fail(what + ": " + bad.size() + " text problem(s):\n  " + String.join("\n  ", bad));
    }

    public static List<String> problems(List<RecordingPen.Mark> marks, double width, double height) {
        List<String> bad = new ArrayList<>();
        for (RecordingPen.Mark m : marks) {
            Bounds b = m.box();
            if (b.getMinX() < -SLACK || b.getMinY() < -SLACK || b.getMaxX() > width + SLACK
                || b.getMaxY() > height + SLACK) {
                bad.add("'" + m.text() + "' at " + box(b) + " is outside " + (int) width + "×" + (int) height);
            }
        }
        for (int i = 0; i < marks.size(); i++) {
            for (int j = i + 1; j < marks.size(); j++) {
                Bounds a = marks.get(i).box();
                Bounds c = marks.get(j).box();
                double ox = Math.min(a.getMaxX(), c.getMaxX()) - Math.max(a.getMinX(), c.getMinX());
                double oy = Math.min(a.getMaxY(), c.getMaxY()) - Math.max(a.getMinY(), c.getMinY());
                if (ox > SLACK && oy > 2 * SLACK + Math.min(a.getHeight(), c.getHeight()) * 0.25) {
                    bad.add("'" + marks.get(i).text() + "' " + box(a) + " overlaps '" + marks.get(j).text() + "' "
                        + box(c));
                }
            }
        }
        return bad;
    }

    /** Fails naming every visible Labeled under {@code root} whose text is shown cut short. */
    public static void assertNoEllipsis(String what, Parent root) {
        List<String> bad = new ArrayList<>();
        collect(root, bad);
        if (!bad.isEmpty()) fail(what + ": " + bad.size() + " clipped label(s):\n  " + String.join("\n  ", bad));
    }

    private static void collect(Node n, List<String> bad) {
        if (!n.isVisible()) return;
        if (n instanceof Labeled l && l.getText() != null && !l.getText().isEmpty()) {
            for (Node c : l.getChildrenUnmodifiable()) {
                if (c instanceof Text t && t.isVisible() && t.getText() != null && !t.getText().equals(l.getText())
                    && t.getText().endsWith(l.getEllipsisString())) {
                    bad.add((l.getId() == null ? l.getClass().getSimpleName() : "#" + l.getId()) + " shows '"
                        + t.getText() + "' for '" + l.getText() + "'");
                }
            }
        }
        if (n instanceof Parent p) for (Node c : p.getChildrenUnmodifiable()) collect(c, bad);
    }

    private static String box(Bounds b) {
        return String.format("[%.0f,%.0f %.0f×%.0f]", b.getMinX(), b.getMinY(), b.getWidth(), b.getHeight());
    }
}
