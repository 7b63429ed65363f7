package vmalab.view.tree;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import vmalab.model.mm.Mm;
import vmalab.model.mm.Vma;
import vmalab.viewmodel.fold.TreeShape;

/**
 * One frame of the tree as it will be drawn: where each node is, how it looks (label form or circle) and which
 * edges join which nodes. Built from the camera and the motion, then painted; tests read it to check that every
 * node is drawn once and every edge joins two drawn nodes.
 *
 * <p>The level-of-detail rule, greedy and measured: the step's nodes, find_vma's path and the selected node are
 * labelled first (the richest form that stays inside the picture and off the other labels); then every other
 * node, root first and row by row, takes the richest form ({@link NodeLabels}) that fits in its row's height and
 * in its share of the row (half the way to its neighbours on the row) and covers no label and no other node; a
 * node with no room for any form is a circle (hover shows its VMA).
 */
final class TreeScene {
    /** A drawn node: {@code shape}'s node {@code index}, at (x, y) on the canvas. */
    record Node(int id, TreeShape shape, int index, double x, double y, double redness, double alpha,
                NodeLook look, boolean ghost, boolean priority) {
        long key() { return shape.key(index); }
        Vma vma() { return shape.vma(index); }
    }

    /** An edge from a child to its parent, by shadow id, with its end points. */
    record Edge(int child, int parent, double x1, double y1, double x2, double y2) { }

    final List<Node> nodes = new ArrayList<>();
    final List<Edge> edges = new ArrayList<>();
    final Map<Integer, Node> byId = new HashMap<>();

    Node node(int id) {
        return byId.get(id);
    }

    /** The topmost node whose box or circle (at least 6 px around the centre) holds (x, y), or null. */
    Node at(double x, double y) {
        Node best = null;
        double bestD = Double.MAX_VALUE;
        for (Node n : nodes) {
            if (n.ghost()) continue;
            NodeLook lk = n.look();
            double dx = Math.abs(x - n.x());
            double dy = y - n.y();
            boolean inside = dx <= Math.max(lk.halfWidth(), 6) && dy >= -Math.max(lk.up(), 6)
                && dy <= Math.max(lk.down(), 6);
            double d = dx * dx + dy * dy;
            if (inside && d < bestD) {
                best = n;
                bestD = d;
            }
        }
        return best;
    }

    /** What to place: the shape, which of its nodes, where, and the ids to label first. */
    static final class Builder {
        private final NodeLabels labels;
        private final Mm mm;
        private final double width;
        private final double height;
        private final double rowH;
        private final double radius;
        private final List<double[]> placed = new ArrayList<>();
        private final List<Pending> pending = new ArrayList<>();
        private final Map<Integer, Double> share = new HashMap<>();
        private final TreeScene scene = new TreeScene();

        private record Pending(int id, TreeShape shape, int index, double x, double y, double redness,
                               double alpha, boolean ghost, int depth) { }

        Builder(NodeLabels labels, Mm mm, double width, double height, double rowH, double radius) {
            this.labels = labels;
            this.mm = mm;
            this.width = width;
            this.height = height;
            this.rowH = rowH;
            this.radius = radius;
        }

        void node(int id, TreeShape shape, int index, double x, double y, double redness, double alpha,
                  boolean ghost) {
            pending.add(new Pending(id, shape, index, x, y, redness, alpha, ghost, shape.depth(index)));
        }

        void edge(int child, int parent, double x1, double y1, double x2, double y2) {
            scene.edges.add(new Edge(child, parent, x1, y1, x2, y2));
        }

        /** Space kept free of labels (find_vma's order badges). */
        void reserve(double[] rect) {
            placed.add(rect);
        }

        /** The space a node's badge takes, once its look is known. */
        interface Badge {
            double[] rect(double x, double y, NodeLook look);
        }

        /**
         * Places the labels, {@code first} (in order) before the rest; nodes in {@code badged} also reserve the
         * rectangle {@code badge} gives for their badge.
         */
        TreeScene build(Set<Integer> first, Set<Integer> badged, Badge badge) {
            Map<Integer, Pending> byId = new HashMap<>();
            for (Pending p : pending) byId.put(p.id(), p);
            shares();
            Map<Integer, NodeLook> looks = new HashMap<>();
            Set<Integer> prio = new LinkedHashSet<>();
            for (int id : first) if (byId.containsKey(id)) prio.add(id);
            for (int id : prio) {
                Pending p = byId.get(id);
                NodeLook lk = place(p, true, byId, badged.contains(id) ? badge : null);
                looks.put(id, lk);
                if (badged.contains(id)) placed.add(badge.rect(p.x(), p.y(), lk));
            }
            List<Pending> rest = new ArrayList<>();
            for (Pending p : pending) if (!prio.contains(p.id())) rest.add(p);
            rest.sort((a, b) -> a.depth() != b.depth() ? Integer.compare(a.depth(), b.depth())
                : Double.compare(a.x(), b.x()));
            for (Pending p : rest) looks.put(p.id(), place(p, false, byId, null));
            for (Pending p : pending) {
                Node n = new Node(p.id(), p.shape(), p.index(), p.x(), p.y(), p.redness(), p.alpha(),
                    looks.get(p.id()), p.ghost(), prio.contains(p.id()));
                scene.nodes.add(n);
                scene.byId.put(p.id(), n);
            }
            return scene;
        }

        /**
         * Each node's share of its row: half the way to the nearest node drawn on the same row. A label wider than
         * its share would take a neighbour's room (the first placed, the richest form, the others a dot), so only
         * the step's and the selected nodes may pass it.
         */
        private void shares() {
            List<Pending> byRow = new ArrayList<>();
            for (Pending p : pending) if (!p.ghost()) byRow.add(p);
            byRow.sort((a, b) -> a.depth() != b.depth() ? Integer.compare(a.depth(), b.depth())
                : Double.compare(a.x(), b.x()));
            for (int k = 0; k < byRow.size(); k++) {
                Pending p = byRow.get(k);
                double d = Double.MAX_VALUE;
                if (k > 0 && byRow.get(k - 1).depth() == p.depth()) d = Math.min(d, p.x() - byRow.get(k - 1).x());
                if (k + 1 < byRow.size() && byRow.get(k + 1).depth() == p.depth()) {
                    d = Math.min(d, byRow.get(k + 1).x() - p.x());
                }
                share.put(p.id(), d / 2);
            }
        }

        private NodeLook place(Pending p, boolean priority, Map<Integer, Pending> all, Badge badge) {
            if (p.ghost() || p.alpha() >= 0.99) {
                double room = share.getOrDefault(p.id(), Double.MAX_VALUE) - 2;
                for (NodeLook lk : labels.forms(mm, p.shape().vma(p.index()), p.shape().key(p.index()))) {
                    // a label stays in its row and its share of the row: the rows' labels never take each other's
                    // room (hitsPlaced and coversNode keep the step's and selected nodes' labels off the others)
                    if (!priority && (lk.up() + lk.down() > rowH - 4 || lk.halfWidth() > room)) continue;
                    double[] r = lk.rect(p.x(), p.y());
                    if (r[0] < 1 || r[2] > width - 1 || r[1] < 1 || r[3] > height - 1) continue;
                    if (hitsPlaced(r)) continue;
                    // find_vma's order badge sits at the box's corner: it must not land on a label placed before
                    if (badge != null && hitsPlaced(badge.rect(p.x(), p.y(), lk))) continue;
                    if (!priority && coversNode(r, p.id(), all)) continue;
                    placed.add(r);
                    return lk;
                }
            }
            return NodeLook.circle(radius);
        }

        private boolean hitsPlaced(double[] r) {
            for (double[] q : placed) {
                if (r[0] < q[2] + 3 && q[0] < r[2] + 3 && r[1] < q[3] + 2 && q[1] < r[3] + 2) return true;
            }
            return false;
        }

        private boolean coversNode(double[] r, int self, Map<Integer, Pending> all) {
            for (Pending o : pending) {
                if (o.id() == self) continue;
                if (o.x() + radius > r[0] && o.x() - radius < r[2] && o.y() + radius > r[1]
                    && o.y() - radius < r[3]) {
                    return true;
                }
            }
            return false;
        }
    }
}
