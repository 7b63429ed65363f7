package vmalab.bench;

import java.util.ArrayList;
import java.util.List;
import vmalab.io.ScenarioParser;
import vmalab.model.Kernel;
import vmalab.model.op.Op;

/**
 * The four fault loops of tools/fault-rate/fault_rate.c as model scenarios, over {@code pages} pages: a setup
 * (applied untimed) and the one timed operation, a touch of every page.
 */
public enum FaultCase {
    /** mm/memory.c: do_anonymous_page(), a zeroed frame per first write. */
    ANON_WRITE("anon_write"),
    /** do_anonymous_page() mapping the shared zero page for a read. */
    ZERO_READ("zero_read"),
    /** do_read_fault() + do_fault_around() over a file already in the page cache. */
    FILE_READ("file_read"),
    /** do_wp_page() in a forked child writing every page its parent wrote. */
    COW_WRITE("cow_write");

    static final long BASE = 0x100000000000L;
    /** Where the file is read once before the timed mapping, to fill the page cache (as writing it does). */
    static final long WARM = 0x200000000000L;

    /** The name of the kernel anchor's line (fault_rate prints the same names). */
    final String anchor;

    FaultCase(String anchor) {
        this.anchor = anchor;
    }

    /** memory 4G holds 1,048,576 frames; the COW child needs a second copy of every page. */
    String memory(long pages) {
        long frames = (this == COW_WRITE ? 2 : 1) * pages + pages / 64 + 4096;
        long gib = Math.max(4, (frames * 4096 + (1L << 30) - 1) >> 30);
        return "memory " + gib + "G";
    }

    String setupText(long pages) {
        String len = pages * 4 + "K";
        StringBuilder b = new StringBuilder(memory(pages)).append('\n');
        switch (this) {
            case ANON_WRITE, ZERO_READ -> b.append("exec bench empty\n")
                .append("mmap 0x100000000000 ").append(len).append(" rw- private anon fixed\n");
            case FILE_READ -> b.append("file data ").append(len).append('\n')
                .append("exec bench empty\n")
                .append("mmap 0x200000000000 ").append(len).append(" r-- private file:data fixed\n")
                .append("touch 0x200000000000 ").append(len).append(" r\n")
                .append("munmap 0x200000000000 ").append(len).append('\n')
                .append("mmap 0x100000000000 ").append(len).append(" r-- private file:data fixed\n");
            case COW_WRITE -> b.append("exec bench empty\n")
                .append("mmap 0x100000000000 ").append(len).append(" rw- private anon fixed\n")
                .append("touch 0x100000000000 ").append(len).append(" w\n")
                .append("fork child\n");
            default -> throw new AssertionError(this);
        }
        return b.toString();
    }

    String timedText(long pages) {
        String touch = "touch 0x100000000000 " + pages * 4 + "K ";
        return switch (this) {
            case ANON_WRITE -> touch + "w";
            case ZERO_READ, FILE_READ -> touch + "r";
            case COW_WRITE -> "child: " + touch + "w";
        };
    }

    /** A kernel after the setup. */
    Kernel prepared(long pages) {
        Kernel k = new Kernel();
        BenchOps.applyAll(k, ops(setupText(pages)));
        return k;
    }

    Op timed(long pages) {
        return ops(timedText(pages)).get(0);
    }

    static List<Op> ops(String text) {
        ScenarioParser.Result parsed = ScenarioParser.parse(text, "bench");
        if (!parsed.ok()) throw new IllegalStateException(parsed.error());
        List<Op> ops = new ArrayList<>();
        for (ScenarioParser.Step s : parsed.steps()) ops.add(s.op());
        return ops;
    }

    static long pages() {
        return Long.getLong("bench.pages", 1_000_000L);
    }
}
