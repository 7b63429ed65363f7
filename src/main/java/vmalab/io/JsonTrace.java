package vmalab.io;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import vmalab.model.Kernel;
import vmalab.model.OpResult;
import vmalab.model.event.SimEvent;
import vmalab.model.event.TaskEvent;
import vmalab.model.mm.IndexNode;
import vmalab.model.mm.Mm;
import vmalab.model.mm.Task;
import vmalab.model.mm.Vma;

/**
 * The {@code --show json} trace: one JSON object a line per operation, with the state after it. Addresses are
 * "0x…" strings; {@code rbtree} is the VMA tree in preorder as nested arrays {@code [start, "R"|"B", left, right]}.
 * The top-level state is the process that ran the operation's; {@code processes} holds every live process (each
 * thread group once, by pid), so a fork shows the child beside its parent. {@link Extension} lets the physical
 * side add its fields (pages, buddy).
 */
public final class JsonTrace {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final JsonNodeFactory F = JsonNodeFactory.instance;

    /** Adds fields to an operation's object (the paging model's pages and buddy state). */
    public interface Extension {
        void extend(ObjectNode line, Kernel kernel, Task task, OpResult result);

        /** Adds fields to one process's object of {@code processes} (its pages). */
        default void extendProcess(ObjectNode process, Kernel kernel, Task task) {
        }
    }

    private final Extension extension;

    public JsonTrace(Extension extension) {
        this.extension = extension;
    }

    public JsonTrace() {
        this(null);
    }

    public static String hex(long v) {
        return "0x" + Long.toHexString(v);
    }

    /** The line for one operation: step (1-based), its scenario line, the process it ran in. */
    public String line(int step, int line, String opText, Kernel kernel, OpResult r) {
        ObjectNode o = F.objectNode();
        o.put("step", step);
        o.put("line", line);
        Task t = r.pid() == 0 ? null : kernel.task(r.pid());
        o.put("process", t != null ? t.comm() : r.pid() == 0 ? null : Integer.toString(r.pid()));
        o.put("pid", r.pid());
        o.put("op", opText);
        if (r.failed()) {
            o.put("error", r.error());
        } else if (r.syscall() != null) {
            long v = r.result();
            vmalab.model.syscall.Errno errno = v < 0 ? vmalab.model.syscall.Errno.of(v) : null;
            boolean pointer = Narrator.returnsPointer(r.syscall().call());
            if (errno != null) {
                o.put("result", v);
                o.put("errno", errno.name());
            } else if (pointer) {
                o.put("result", hex(v));
            } else {
                o.put("result", v);
            }
        } else {
            o.put("result", r.result());
        }
        o.put("minflt", r.minorFaults());
        o.put("majflt", r.majorFaults());
        for (SimEvent e : r.events()) {
            if (e instanceof TaskEvent.SignalRaised s) {
                o.put("signal", s.signal());
                o.put("fault_at", hex(s.addr()));
            }
        }
        if (t != null) {
            o.set("vmas", vmas(t));
            o.set("mm", mm(t.mm()));
            if (t.mm().index().isMaple()) o.set("mt", mt(t.mm().index()));
            else o.set("rbtree", rbtree(t.mm().index().root()));
        }
        if (extension != null) extension.extend(o, kernel, t, r);
        o.set("processes", processes(kernel));
        try {
            return MAPPER.writeValueAsString(o);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Every live process, by pid: a thread shares its leader's mm and is not listed again. */
    private ArrayNode processes(Kernel kernel) {
        ArrayNode a = F.arrayNode();
        kernel.tasks().stream()
            .filter(p -> !p.isThread() && !p.exited() && p.mm() != null)
            .sorted(java.util.Comparator.comparingInt(Task::pid))
            .forEach(p -> {
                ObjectNode n = F.objectNode();
                n.put("pid", p.pid());
                n.put("name", p.comm());
                n.set("vmas", vmas(p));
                n.set("mm", mm(p.mm()));
                n.set("rbtree", rbtree(p.mm().index().root()));
                if (extension != null) extension.extendProcess(n, kernel, p);
                a.add(n);
            });
        return a;
    }

    static ArrayNode vmas(Task t) {
        ArrayNode a = F.arrayNode();
        Mm mm = t.mm();
        for (Vma v : mm.vmas()) {
            ObjectNode n = F.objectNode();
            n.put("start", hex(v.start()));
            n.put("end", hex(v.end()));
            n.put("perms", v.perms());
            long off = v.file() != null || mm.profile().classic() ? (v.pgoff() << 12) : 0;
            if (mm.profile().classic()) off &= 0xffffffffL;
            n.put("offset", hex(off));
            n.put("dev", v.file() == null ? "00:00"
                : String.format(java.util.Locale.ROOT, "%02x:%02x", v.file().devMajor(), v.file().devMinor()));
            n.put("inode", v.file() == null ? 0 : v.file().inode());
            n.put("name", ProcNames.name(mm, v));
            a.add(n);
        }
        return a;
    }

    static ObjectNode mm(Mm mm) {
        ObjectNode n = F.objectNode();
        n.put("start_brk", hex(mm.startBrk()));
        n.put("brk", hex(mm.brk()));
        n.put("start_stack", hex(mm.startStack()));
        n.put("total_vm", mm.totalVm());
        n.put("map_count", mm.mapCount());
        return n;
    }

    /** {"height": H, "root": NODE|null}: mm_mt node for node, as include/linux/maple_tree.h lays nodes out. */
    static ObjectNode mt(vmalab.model.mm.VmaIndex index) {
        ObjectNode n = F.objectNode();
        n.put("height", index.height());
        vmalab.model.maple.MapleTree.NodeInfo root = index.mapleRoot();
        n.set("root", root == null ? F.nullNode() : mapleNode(root));
        return n;
    }

    static ObjectNode mapleNode(vmalab.model.maple.MapleTree.NodeInfo m) {
        ObjectNode n = F.objectNode();
        n.put("type", m.type().kernelName());
        n.put("min", hex(m.min()));
        n.put("max", hex(m.max()));
        n.put("end", m.end());
        if (m.hasMeta()) n.put("meta_end", m.end());
        ArrayNode pivots = n.putArray("pivots");
        for (int i = 0; i < m.end(); i++) pivots.add(hex(m.pivot(i)));
        if (m.type().hasGaps()) {
            ArrayNode gaps = n.putArray("gaps");
            for (int i = 0; i <= m.end(); i++) gaps.add(hex(m.gap(i)));
            n.put("meta_gap", m.metaGap());
        }
        ArrayNode slots = n.putArray("slots");
        for (int i = 0; i <= m.end(); i++) {
            if (!m.isLeaf()) slots.add(mapleNode(m.child(i)));
            else if (m.entry(i) instanceof vmalab.model.mm.VmaRef r) slots.add(hex(r.vma().start()));
            else slots.addNull();
        }
        return n;
    }

    static com.fasterxml.jackson.databind.JsonNode rbtree(IndexNode<Vma> node) {
        if (node == null) return F.nullNode();
        ArrayNode a = F.arrayNode();
        a.add(hex(node.key()));
        a.add(node.isRed() ? "R" : "B");
        a.add(rbtree(node.left()));
        a.add(rbtree(node.right()));
        return a;
    }
}
