package vmalab.model.maple;

import java.util.List;

/**
 * One store into a maple tree, as the animation replays it: the path mas_wr_store_type() chose, the range
 * written ({@code erase} when the entry was NULL), the nodes the walk read, the nodes made and the nodes
 * retired (ids as {@link MapleTree.NodeInfo#id()}), and the height before and after.
 */
public record MapleStep(StoreType type, long index, long last, boolean erase, List<Long> walked,
                        List<Long> created, List<Long> freed, int heightBefore, int heightAfter) {
    public MapleStep {
        walked = List.copyOf(walked);
        created = List.copyOf(created);
        freed = List.copyOf(freed);
    }
}
