package vmalab.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.util.List;
import vmalab.io.JsonTrace;
import vmalab.io.PageCounter;
import vmalab.io.PageCounts;
import vmalab.io.Pmap;
import vmalab.io.ProcMaps;
import vmalab.io.Smaps;
import vmalab.model.Kernel;
import vmalab.model.OpResult;
import vmalab.model.buddy.BuddyAllocator;
import vmalab.model.mm.Task;
import vmalab.model.mm.Vma;
import vmalab.model.paging.PageInfo;
import vmalab.model.paging.PhysicalMemory;
import vmalab.model.paging.VmaUsage;

/** The text formats {@code run --show} prints for each process, and the paging part of the JSON trace. */
final class StateFormats {
    static final List<String> NAMES = List.of("maps", "smaps", "pmap", "pmap-d", "pmap-x", "buddyinfo");

    private StateFormats() {
    }

    /** smaps_account()'s numbers from the paging model, in kB. */
    static PageCounter counter(Kernel k) {
        if (!(k.pages() instanceof PhysicalMemory pm)) return PageCounter.NONE;
        return (mm, vma) -> {
            VmaUsage u = pm.usage(mm, vma);
            return new PageCounts(u.rss() >> 10, u.pss() >> 10, 0, u.sharedClean() >> 10, u.sharedDirty() >> 10,
                u.privateClean() >> 10, u.privateDirty() >> 10, u.referenced() >> 10, u.anonymous() >> 10, 0, 0, 0,
                vma.has(vmalab.model.mm.VmFlags.LOCKED) ? u.rss() >> 10 : 0);
        };
    }

    static void print(PrintWriter out, Kernel k, List<String> formats) {
        PageCounter counter = counter(k);
        for (String f : formats) {
            if (f.equals("buddyinfo")) {
                if (k.pages() instanceof PhysicalMemory pm) out.print(pm.buddy().buddyinfoText(0, "Normal"));
                continue;
            }
            for (Task t : k.tasks()) {
                if (t.isThread()) continue;
                out.println("== /proc/" + t.pid() + "/" + (f.startsWith("pmap") ? "(" + f + ")" : f) + " ("
                    + t.comm() + ", " + t.mm().profile().id() + ") ==");
                switch (f) {
                    case "maps" -> out.print(ProcMaps.format(t.mm()));
                    case "smaps" -> out.print(Smaps.format(t.mm(), counter));
                    case "pmap" -> out.print(Pmap.format(Pmap.snapshot(t, counter), Pmap.Mode.DEFAULT));
                    case "pmap-d" -> out.print(Pmap.format(Pmap.snapshot(t, counter), Pmap.Mode.DEVICE));
                    case "pmap-x" -> out.print(Pmap.format(Pmap.snapshot(t, counter), Pmap.Mode.EXTENDED));
                    default -> throw new IllegalArgumentException(f);
                }
            }
        }
        out.flush();
    }

    /** The JSON trace with the paging model's per-process pages and the buddy allocator's state. */
    static JsonTrace jsonTrace() {
        JsonNodeFactory f = JsonNodeFactory.instance;
        return new JsonTrace(new JsonTrace.Extension() {
            @Override
            public void extend(ObjectNode line, Kernel kernel, Task task, OpResult result) {
                if (!(kernel.pages() instanceof PhysicalMemory pm)) return;
                if (task != null && task.mm() != null) line.set("pages", pages(pm, task));
                line.set("buddy", buddy(pm));
            }

            @Override
            public void extendProcess(ObjectNode process, Kernel kernel, Task task) {
                if (kernel.pages() instanceof PhysicalMemory pm) process.set("pages", pages(pm, task));
            }
        });
    }

    private static ArrayNode pages(PhysicalMemory pm, Task task) {
        JsonNodeFactory f = JsonNodeFactory.instance;
        ArrayNode pages = f.arrayNode();
        for (Vma v : task.mm().vmas()) {
            for (PageInfo p : pm.pages(task.mm(), v)) {
                ObjectNode n = f.objectNode();
                n.put("addr", JsonTrace.hex(p.addr()));
                // pagemap's present bit is pte_present(): a PROT_NONE page keeps its frame, no access
                n.put("present", p.pte().mapped());
                if (p.pte().protNone()) n.put("access", "none");
                n.put("write", p.pte().write());
                n.put("dirty", p.pte().dirty());
                n.put("accessed", p.pte().accessed());
                n.put("zero", p.pte().zero());
                n.put("cow", p.pte().cow());
                n.put("frame", p.pte().frame());
                pages.add(n);
            }
        }
        return pages;
    }

    private static ObjectNode buddy(PhysicalMemory pm) {
        JsonNodeFactory f = JsonNodeFactory.instance;
        BuddyAllocator b = pm.buddy();
        ObjectNode buddy = f.objectNode();
        ArrayNode lists = f.arrayNode();
        for (List<Long> l : b.freeLists()) {
            ArrayNode a = f.arrayNode();
            l.forEach(a::add);
            lists.add(a);
        }
        buddy.set("free_lists", lists);
        ArrayNode info = f.arrayNode();
        for (int c : b.buddyinfo()) info.add(c);
        buddy.set("buddyinfo", info);
        buddy.put("nr_free", b.nrFree());
        return buddy;
    }
}
