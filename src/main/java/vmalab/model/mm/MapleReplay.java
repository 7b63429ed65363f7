package vmalab.model.mm;

import java.util.List;
import vmalab.model.maple.MapleStep;
import vmalab.model.maple.MapleTree;

/**
 * mm_mt at the start of a step, to replay the step's stores on, store by store (a view animating splits and
 * rebalances node by node). Never changed itself: each {@link #upTo} works on a copy, so one snapshot gives every
 * frame. The tree model is deterministic, so the same stores on the same tree give the layout the step made.
 */
public interface MapleReplay {
    /**
     * The tree after {@code ranges} ({@code index, last} each) were written with {@code written} (the VMA, or null
     * for NULL), and what each store did, with the node ids of the replayed tree (the real tree's ids).
     */
    Frame upTo(List<long[]> ranges, List<Vma> written);

    /** One frame: the root (null: empty), the height and the stores that led to it. */
    record Frame(MapleTree.NodeInfo root, int height, List<MapleStep> stores) { }
}
