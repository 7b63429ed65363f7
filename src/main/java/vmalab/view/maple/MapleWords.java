package vmalab.view.maple;

import java.util.List;
import java.util.Locale;
import vmalab.model.maple.MapleStep;
import vmalab.model.maple.StoreType;
import vmalab.model.mm.Mm;
import vmalab.model.mm.Task;
import vmalab.viewmodel.Sizes;

/** The maple-tree view's title and caption, in the kernel's words. */
public final class MapleWords {
    private MapleWords() {
    }

    public static String title(Task task, Mm mm, MapleLayout layout) {
        if (mm == null) return "Maple tree (mm_mt)";
        String who = task == null ? "" : " of " + task.pid() + " " + task.comm();
        return "Maple tree (mm_mt)" + who + ": height " + layout.height() + ", " + layout.nodes() + " node"
            + (layout.nodes() == 1 ? "" : "s") + " (" + layout.leaves() + " maple_leaf_64), " + layout.entries()
            + " VMA" + (layout.entries() == 1 ? "" : "s");
    }

    /** For a process whose index is mm_rb. */
    public static String notMaple(Task task) {
        if (task == null) return "No process yet: exec NAME x86_64 maple starts one whose VMAs are in a maple tree.";
        return task.pid() + " " + task.comm() + " keeps its VMAs in the red-black tree mm_rb (Linux before 6.1): see"
            + " the VMA tree tab. exec NAME x86_64 maple starts a process of Linux 6.1+, whose index is the maple tree.";
    }

    /** What the stores of the step did: the path of each (wr_split_store …), the nodes made and retired. */
    public static String stores(List<MapleStep> stores) {
        if (stores.isEmpty()) return "No store into the tree in this step.";
        StringBuilder sb = new StringBuilder();
        int made = 0;
        int freed = 0;
        for (MapleStep s : stores) {
            made += s.created().size();
            freed += s.freed().size();
        }
        MapleStep last = stores.get(stores.size() - 1);
        sb.append(stores.size()).append(stores.size() == 1 ? " store" : " stores").append(", the last ")
            .append(kernelName(last.type())).append(' ').append(last.erase() ? "of NULL over [" : "of a VMA at [")
            .append(Sizes.hex(last.index())).append(", ").append(Sizes.hex(last.last())).append("]: ")
            .append(made).append(made == 1 ? " node made, " : " nodes made, ").append(freed).append(" freed");
        if (last.heightAfter() != last.heightBefore()) {
            sb.append("; height ").append(last.heightBefore()).append(" → ").append(last.heightAfter());
        }
        return sb.append('.').toString();
    }

    /** {@code wr_split_store}: the name of enum store_type's value in lib/maple_tree.c. */
    public static String kernelName(StoreType t) {
        return "wr_" + t.name().toLowerCase(Locale.ROOT);
    }
}
