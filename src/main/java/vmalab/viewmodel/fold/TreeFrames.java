package vmalab.viewmodel.fold;

import java.util.ArrayList;
import java.util.List;
import vmalab.model.event.MmEvent;
import vmalab.model.event.RbStepped;
import vmalab.model.event.SimEvent;
import vmalab.model.mm.Vma;
import vmalab.model.rbtree.RbColor;
import vmalab.model.rbtree.RbStep;

/**
 * The states one operation took a VMA tree through: frame 0 is the tree before, frame {@code k} the tree after
 * the {@code k}-th step that touched it, the last frame the model's end state. Frames are rebuilt on demand by
 * replaying steps on a {@link ShadowTree} (only the latest two layouts are kept), so a 65,530-node tree costs
 * two layouts, not one per step.
 *
 * <p>If the replay does not end at the model's tree (no "before" state, a jump on the timeline) there is a
 * single frame: the end state, drawn from scratch.
 */
public final class TreeFrames {
    private final ShadowTree start;
    private final List<TreeStep> steps;
    private final List<SimEvent> events;
    private final long mmId;
    private final TreeShape end;
    /** structural[k]: how many structural steps the first k steps hold; frames with equal counts share a layout. */
    private final int[] structural;
    private ShadowTree live;
    private int liveK;
    private int cachedA = -1, cachedB = -1;
    private TreeShape shapeA, shapeB;

    private TreeFrames(ShadowTree start, List<TreeStep> steps, List<SimEvent> events, long mmId, TreeShape end) {
        this.start = start;
        this.steps = steps;
        this.events = events;
        this.mmId = mmId;
        this.end = end;
        structural = new int[steps.size() + 1];
        for (int k = 0; k < steps.size(); k++) {
            structural[k + 1] = structural[k] + (steps.get(k).structural() ? 1 : 0);
        }
    }

    /** Only the end state. */
    public static TreeFrames still(ShadowTree endTree) {
        return new TreeFrames(endTree, List.of(), List.of(), -1, TreeShape.of(endTree));
    }

    /**
     * Replays the events of {@code mmId} on {@code before}; falls back to {@link #still} when they do not lead to
     * {@code endTree}. {@code before} is not changed.
     */
    public static TreeFrames replay(ShadowTree before, List<SimEvent> events, long mmId, ShadowTree endTree) {
        if (before == null) return still(endTree);
        TreeShape endShape = TreeShape.of(endTree);
        ShadowTree t = before.copy();
        List<TreeStep> steps = new ArrayList<>();
        for (int e = 0; e < events.size(); e++) {
            TreeStep s = step(t, events, e, mmId);
            if (s == BAD) return still(endTree);
            if (s != null) steps.add(s);
        }
        if (steps.isEmpty() || !TreeShape.of(t).sameTree(endShape)) return still(endTree);
        return new TreeFrames(before.copy(), List.copyOf(steps), events, mmId, endShape);
    }

    private static final TreeStep BAD = new TreeStep(-1, null, -1, -1, List.of(), "", false);

    /** Applies event e to t when it concerns this tree; returns its step, null (not ours) or BAD. */
    private static TreeStep step(ShadowTree t, List<SimEvent> events, int e, long mmId) {
        SimEvent ev = events.get(e);
        if (ev instanceof RbStepped rs && rs.mmId() == mmId) {
            RbStep st = rs.step();
            TreeStep before = describe(t, e, st);
            if (!t.apply(st, k -> vmaInsertedAfter(events, e, mmId, k))) return BAD;
            return st instanceof RbStep.Link l ? linked(t, e, l) : before;
        }
        if (t.maple() && ev instanceof MmEvent.VmaInserted in && in.mmId() == mmId) {
            if (!t.relink(in.vma(), 0)) return BAD;
            return new TreeStep(e, null, t.idOf(in.vma().start()), -1, List.of(), "mas_store: "
                + Hex.range(in.vma()) + " enters mm_mt", true);
        }
        if (t.maple() && ev instanceof MmEvent.VmaRemoved out && out.mmId() == mmId) {
            if (!t.relink(null, out.vma().start())) return BAD;
            return new TreeStep(e, null, -1, -1, List.of(), "mas_store: " + Hex.range(out.vma())
                + " leaves mm_mt", true);
        }
        if (t.maple() && ev instanceof MmEvent.FindVma f && f.mmId() == mmId) {
            return null; // mt_find's path is of maple slots, not of these nodes
        }
        if (ev instanceof MmEvent.VmaChanged ch && ch.mmId() == mmId) {
            int id = t.idOf(ch.before().start());
            if (!t.rekey(ch.before().start(), ch.after())) return BAD;
            return new TreeStep(e, null, id, -1, List.of(), "vma_adjust: " + Hex.range(ch.before()) + " becomes "
                + Hex.range(ch.after()), true);
        }
        if (ev instanceof MmEvent.FindVma f && f.mmId() == mmId) {
            List<Integer> path = new ArrayList<>();
            for (long k : f.visited()) {
                int id = t.idOf(k);
                if (id == ShadowTree.NIL) return BAD;
                path.add(id);
            }
            int found = f.found() == null ? -1 : t.idOf(f.found().start());
            String what = f.found() == null ? "NULL" : Hex.range(f.found());
            return new TreeStep(e, null, found, -1, List.copyOf(path),
                "find_vma(" + Hex.hex(f.addr()) + "): " + path.size() + " nodes visited, returns " + what, false);
        }
        return null;
    }

    private static TreeStep describe(ShadowTree t, int e, RbStep st) {
        if (st instanceof RbStep.Compare c) {
            return new TreeStep(e, st, t.idOf(c.nodeKey()), -1, List.of(), "find_vma_links: new "
                + Hex.hex(c.newKey()) + (c.wentLeft() ? " < " : " > ") + Hex.hex(c.nodeKey())
                + ", go " + (c.wentLeft() ? "left" : "right"), false);
        }
        if (st instanceof RbStep.Recolor r) {
            return new TreeStep(e, st, t.idOf(r.key()), -1, List.of(), "__rb_insert / erase fix-up: paint "
                + Hex.hex(r.key()) + (r.color() == RbColor.RED ? " red" : " black"), true);
        }
        if (st instanceof RbStep.Rotate r) {
            return new TreeStep(e, st, t.idOf(r.key()), -1, List.of(), "__rb_rotate_set_parents: rotate "
                + (r.left() ? "left" : "right") + " at " + Hex.hex(r.key()), true);
        }
        if (st instanceof RbStep.SuccessorSwap s) {
            return new TreeStep(e, st, t.idOf(s.erasedKey()), t.idOf(s.successorKey()), List.of(),
                "rb_erase: successor " + Hex.hex(s.successorKey()) + " takes the place of "
                    + Hex.hex(s.erasedKey()), true);
        }
        if (st instanceof RbStep.Unlink u) {
            return new TreeStep(e, st, t.idOf(u.key()), -1, List.of(), "rb_erase: " + Hex.hex(u.key())
                + " leaves the tree", true);
        }
        return null; // Link: described once the node exists
    }

    private static TreeStep linked(ShadowTree t, int e, RbStep.Link l) {
        String where = l.parentKey() == null ? " as the root"
            : " as the " + (l.asLeft() ? "left" : "right") + " child of " + Hex.hex(l.parentKey());
        return new TreeStep(e, l, t.idOf(l.key()), -1, List.of(), "rb_link_node: " + Hex.hex(l.key())
            + " linked red" + where, true);
    }

    /** The VMA a Link is for: vma_link() reports VmaInserted after the steps. */
    private static Vma vmaInsertedAfter(List<SimEvent> events, int from, long mmId, long key) {
        for (int i = from; i < events.size(); i++) {
            if (events.get(i) instanceof MmEvent.VmaInserted in && in.mmId() == mmId && in.vma().start() == key) {
                return in.vma();
            }
        }
        return null;
    }

    /** Number of frames: steps + 1. */
    public int frames() { return steps.size() + 1; }
    /** Step {@code k} (1-based: the step that led into frame k). */
    public TreeStep step(int k) { return steps.get(k - 1); }
    public TreeShape end() { return end; }
    public boolean animated() { return !steps.isEmpty(); }

    /** The frame showing the first {@code cursor} events of the operation. */
    public int frameAtCursor(int cursor) {
        // the number of steps whose event is before the cursor; steps are in event order, so a binary search
        // (an import's tree has tens of thousands of steps, asked for every frame)
        int lo = 0;
        int hi = steps.size();
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (steps.get(mid).eventIndex() < cursor) lo = mid + 1;
            else hi = mid;
        }
        return lo;
    }

    /** The layout of frame k. */
    public TreeShape shape(int k) {
        if (k >= steps.size()) return end;
        int sv = structural[k];
        if (sv == cachedA) return shapeA;
        if (sv == cachedB) return shapeB;
        int target = k;
        while (target > 0 && structural[target - 1] == sv) target--; // the first frame with this layout
        if (live == null || liveK > target) {
            live = start.copy();
            liveK = 0;
        }
        while (liveK < target) {
            TreeStep s = steps.get(liveK);
            SimEvent ev = events.get(s.eventIndex());
            int e = s.eventIndex();
            if (ev instanceof RbStepped rs) {
                live.apply(rs.step(), key -> vmaInsertedAfter(events, e, mmId, key));
            } else if (ev instanceof MmEvent.VmaChanged ch) {
                live.rekey(ch.before().start(), ch.after());
            }
            liveK++;
        }
        TreeShape s = TreeShape.of(live);
        cachedB = cachedA;
        shapeB = shapeA;
        cachedA = sv;
        shapeA = s;
        return s;
    }
}
