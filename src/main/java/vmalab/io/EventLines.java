package vmalab.io;

import java.lang.reflect.RecordComponent;
import java.util.List;
import java.util.Set;
import vmalab.model.OpResult;
import vmalab.model.event.BulkSummary;
import vmalab.model.event.MapleStepped;
import vmalab.model.event.Narration;
import vmalab.model.event.SimEvent;
import vmalab.model.event.TaskEvent;
import vmalab.model.fault.FaultEvent;
import vmalab.model.fs.SimFile;
import vmalab.model.mm.Vma;
import vmalab.model.paging.FrameOwner;
import vmalab.model.paging.Pte;
import vmalab.model.paging.Rss;
import vmalab.model.paging.WalkStep;

/**
 * {@code run --show events}: one tab-separated line per event, {@code STEP PID KIND FIELDS…}, so the output
 * grows with the work done, not with the state. A narration's fields are its kernel function and sentence, a
 * system call's its strace line, a summary's its counts; any other event lists its fields as {@code name=value}
 * (addresses in hex with {@code 0x}, PTEs as their raw value, VMAs as {@code start-end perms}).
 */
public final class EventLines {
    private static final Set<String> ADDRESSES = Set.of("addr", "start", "end", "base", "from", "to", "at",
        "oldBrk", "newBrk", "nodeKey", "newKey", "key", "parentKey", "erasedKey", "successorKey");

    private EventLines() {
    }

    /** The lines of one operation's events, step numbered from 1. */
    public static List<String> lines(int step, OpResult r) {
        return r.events().stream().map(e -> line(step, r.pid(), e)).toList();
    }

    /** One event's line; {@code pid} is the operation's, used when the event names none. */
    public static String line(int step, int pid, SimEvent e) {
        StringBuilder sb = new StringBuilder();
        int p = e instanceof TaskEvent t ? t.pid() : e instanceof FaultEvent.PageFault f ? f.pid() : pid;
        sb.append(step).append('\t').append(p).append('\t').append(e.getClass().getSimpleName());
        if (e instanceof Narration n) {
            sb.append('\t').append(Narrator.function(n)).append('\t').append(Narrator.text(n));
        } else if (e instanceof MapleStepped m) {
            sb.append('\t').append(Narrator.function(m)).append('\t').append(Narrator.maple(m));
        } else if (e instanceof TaskEvent.SyscallDone || e instanceof TaskEvent.SignalRaised
                || e instanceof BulkSummary) {
            sb.append('\t').append(Narrator.text(e));
        } else {
            fields(sb, e, '\t');
        }
        return sb.toString();
    }

    private static void fields(StringBuilder sb, Object rec, char sep) {
        boolean first = true;
        for (RecordComponent c : rec.getClass().getRecordComponents()) {
            if (sep != '\t' && !first) sb.append(sep);
            if (sep == '\t') sb.append('\t');
            first = false;
            sb.append(c.getName()).append('=');
            try {
                value(sb, c.getName(), c.getAccessor().invoke(rec));
            } catch (ReflectiveOperationException ex) {
                throw new IllegalStateException(ex);
            }
        }
    }

    private static void value(StringBuilder sb, String name, Object v) {
        if (v == null) {
            sb.append('-');
        } else if ((v instanceof Long || v instanceof Integer) && ADDRESSES.contains(name)) {
            sb.append("0x").append(Long.toHexString(((Number) v).longValue()));
        } else if (v instanceof Pte pte) {
            sb.append("0x").append(Long.toHexString(pte.raw()));
        } else if (v instanceof Vma vma) {
            sb.append(Long.toHexString(vma.start())).append('-').append(Long.toHexString(vma.end())).append(' ')
                .append(vma.perms());
        } else if (v instanceof FrameOwner o) {
            sb.append(Narrator.owner(o));
        } else if (v instanceof Rss rss) {
            sb.append(rss.filePages()).append('/').append(rss.anonPages()).append('/').append(rss.shmemPages());
        } else if (v instanceof SimFile f) {
            sb.append(f.path());
        } else if (v instanceof WalkStep w) {
            sb.append(w.level()).append(':').append(w.tablePfn()).append(':').append(w.index()).append(":0x")
                .append(Long.toHexString(w.entry().raw()));
        } else if (v instanceof List<?> list) {
            sb.append('[');
            for (int i = 0; i < list.size(); i++) {
                if (i > 0) sb.append(',');
                value(sb, name, list.get(i));
            }
            sb.append(']');
        } else if (v instanceof Record r) {
            sb.append(r.getClass().getSimpleName()).append('(');
            fields(sb, r, ',');
            sb.append(')');
        } else {
            sb.append(v);
        }
    }
}
