package vmalab.app;

import java.util.List;
import javafx.scene.Node;
import javafx.scene.layout.HBox;

/**
 * A toolbar that fits its width by dropping whole items rather than cutting labels short ("Ope…"): when the
 * items do not fit, the least important groups go first, in the order given, and come back when there is room.
 * Everything it drops is in a menu as well. The decision is arithmetic on the items' preferred widths, so it
 * never changes its mind between two layouts of the same width.
 */
final class ToolbarFit {
    private ToolbarFit() {
    }

    /** Makes {@code bar} drop {@code groups} (least important first) when it is too narrow for them. */
    static void install(HBox bar, List<List<Node>> groups) {
        Runnable fit = () -> fit(bar, groups);
        bar.widthProperty().addListener((o, a, b) -> fit.run());
        bar.needsLayoutProperty().addListener((o, a, b) -> {
            if (b) fit.run();
        });
    }

    static void fit(HBox bar, List<List<Node>> groups) {
        double width = bar.getWidth();
        if (width <= 0) return;
        double need = bar.snappedLeftInset() + bar.snappedRightInset();
        int n = 0;
        for (Node c : bar.getChildren()) {
            need += c.prefWidth(-1);
            n++;
        }
        need += bar.getSpacing() * Math.max(0, n - 1);
        boolean[] drop = new boolean[groups.size()];
        for (int g = 0; g < groups.size() && need > width; g++) {
            drop[g] = true;
            for (Node c : groups.get(g)) need -= c.prefWidth(-1) + bar.getSpacing();
        }
        for (int g = 0; g < groups.size(); g++) {
            for (Node c : groups.get(g)) {
                if (c.isManaged() == !drop[g]) continue;
                c.setManaged(!drop[g]);
                c.setVisible(!drop[g]);
            }
        }
    }
}
