package vmalab.model.syscall;

import static org.junit.jupiter.api.Assertions.fail;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.EdgeCasesMode;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.RandomDistribution;
import net.jqwik.api.ShrinkingMode;
import net.jqwik.api.statistics.Statistics;
import net.jqwik.api.Tuple;
import net.jqwik.api.lifecycle.AddLifecycleHook;
import net.jqwik.api.lifecycle.LifecycleContext;
import net.jqwik.api.lifecycle.SkipExecutionHook;
import vmalab.io.ScenarioParser;
import vmalab.model.Kernel;
import vmalab.model.maple.MapleTree;
import vmalab.model.OpResult;
import vmalab.model.mm.IndexNode;
import vmalab.model.mm.Mm;
import vmalab.model.mm.Task;
import vmalab.model.mm.Vma;
import vmalab.model.mm.VmaRef;
import vmalab.model.op.Op;
import vmalab.model.paging.PageInfo;
import vmalab.model.paging.PhysicalMemory;
import vmalab.model.paging.TableInfo;

/**
 * Long random runs of scenario lines over several processes (exec in both VMA-index eras, fork, threads, exit)
 * and every memory operation (brk, mmap of every kind, munmap, mprotect, mremap, madvise, touches), on small
 * machines that run out of memory. After every line every invariant of the model is checked (see
 * {@link #check}), and a line that failed must leave the whole machine as it was. The lines are generated as
 * scenario text, so a failure shrinks to a short scenario that {@code vmalab run} replays.
 *
 * <p>In verify: 12 sequences of about 1,000 lines. {@code -Drandops.long} adds a run of 200 sequences;
 * {@code -Drandops.ops=N} makes each sequence about N lines long.
 */
class RandomOperationsTest {
    static final long BASE = 0x20000000L;
    static final int PAGES = 96;
    static final String[] NAMES = {"p0", "p1", "c0", "c1", "t0"};
    static final int OPS = Integer.getInteger("randops.ops", 1000);

    /** One generated line: {@code target} is the process prefix (or null), {@code line} the operation. */
    record Step(String target, String line) {
        String text(Kernel k) {
            String l = line;
            if (l.contains("HEAP")) {
                Task t = target == null ? k.current() : k.taskNamed(target);
                long heap = t == null || t.mm() == null ? BASE : t.mm().startBrk();
                java.util.regex.Matcher m = java.util.regex.Pattern.compile("HEAP\\+(\\d+)").matcher(l);
                long pages = m.find() ? Long.parseLong(m.group(1)) : 0;
                l = l.replaceFirst("HEAP(\\+\\d+)?", "0x" + Long.toHexString(heap + pages * Vma.PAGE_SIZE));
            }
            return target == null ? l : target + ": " + l;
        }

        @Override
        public String toString() {
            return target == null ? line : target + ": " + line;
        }
    }

    @Provide
    Arbitrary<String> machine() {
        return Arbitraries.of("memory 2M", "memory 4M maxorder 3 reserve 16", "memory 1M reserve 8");
    }

    /**
     * Sequences of about {@link #OPS} lines (generated near the top of the size range, so a run makes its
     * 10,000 operations), which shrink to as few as one line.
     */
    @Provide
    Arbitrary<List<Step>> steps() {
        RandomDistribution nearMax = (genSize, min, max, center) -> random ->
            max.subtract(BigInteger.valueOf(random.nextInt(Math.max(1, OPS / 20))));
        return step().list().ofMinSize(1).ofMaxSize(OPS).withSizeDistribution(nearMax);
    }

    private static Arbitrary<Step> step() {
        Arbitrary<String> target = Arbitraries.frequencyOf(
            Tuple.of(6, Arbitraries.just((String) null)),
            Tuple.of(4, Arbitraries.of(NAMES)));
        Arbitrary<String> op = Arbitraries.frequencyOf(
            Tuple.of(18, mmap()),
            Tuple.of(8, range().map(r -> "munmap " + r)),
            Tuple.of(8, Combinators.combine(range(), prot()).as((r, p) -> "mprotect " + r + " " + p)),
            Tuple.of(5, mremap()),
            Tuple.of(9, Combinators.combine(range(), Arbitraries.of(ADVICE))
                .as((r, a) -> "madvise " + r + " " + a)),
            Tuple.of(6, brk()),
            Tuple.of(16, touch()),
            Tuple.of(3, Arbitraries.of("c0", "c1", "p1").map(n -> "fork " + n)),
            Tuple.of(2, Arbitraries.just("thread t0")),
            Tuple.of(3, Arbitraries.just("exit")),
            Tuple.of(3, exec()));
        return Combinators.combine(target, op).as((t, o) -> o.startsWith("exec") ? new Step(null, o) : new Step(t, o));
    }

    static final String[] ADVICE = {"dontneed", "free", "remove", "cold", "pageout", "willneed", "dontfork",
        "dofork", "wipeonfork", "keeponfork", "dontdump", "dodump", "mergeable", "unmergeable", "populate_read",
        "populate_write", "normal", "random", "sequential", "hugepage", "nohugepage"};

    private static Arbitrary<String> exec() {
        return Combinators.combine(Arbitraries.of("p0", "p1"), Arbitraries.of("empty", "x86_64", "i386-2.6"),
            Arbitraries.of("rbtree", "maple")).as((n, p, e) -> "exec " + n + " " + p + " " + e);
    }

    /** An address in the window: page-aligned mostly, sometimes not (EINVAL). */
    private static Arbitrary<String> addr() {
        return Combinators.combine(Arbitraries.integers().between(0, PAGES - 1),
            Arbitraries.frequencyOf(Tuple.of(19, Arbitraries.just(0)),
                Tuple.of(1, Arbitraries.just(0x123))))
            .as((p, off) -> "0x" + Long.toHexString(BASE + p * Vma.PAGE_SIZE + off));
    }

    private static Arbitrary<String> len() {
        return Arbitraries.integers().between(1, 16).map(n -> (n * 4) + "K");
    }

    private static Arbitrary<String> range() {
        return Combinators.combine(addr(), len()).as((a, l) -> a + " " + l);
    }

    private static Arbitrary<String> prot() {
        return Arbitraries.of("rw-", "r--", "---", "r-x", "rwx");
    }

    private static Arbitrary<String> mmap() {
        Arbitrary<String> where = Arbitraries.frequencyOf(
            Tuple.of(3, Arbitraries.just("")),
            Tuple.of(7, addr().map(a -> a + " ")));
        Arbitrary<String> backing = Arbitraries.of("private anon", "shared anon", "private file:f1",
            "shared file:f1", "private file:f2@8K", "shared file:f2@4K", "private file:f1@12K");
        Arbitrary<String> flags = Arbitraries.of("", "", "", " fixed", " noreplace", " populate", " noreserve",
            " fixed populate", " growsdown");
        return Combinators.combine(where, len(), prot(), backing, flags)
            .as((w, l, p, b, f) -> "mmap " + w + l + " " + p + " " + b + (w.isEmpty() && (f.contains("fixed") || f.contains("noreplace")) ? "" : f));
    }

    private static Arbitrary<String> mremap() {
        return Combinators.combine(addr(), len(), len(), Arbitraries.of("", " maymove"))
            .as((a, o, n, m) -> "mremap " + a + " " + o + " " + n + m);
    }

    private static Arbitrary<String> brk() {
        return Combinators.combine(Arbitraries.of("+", "-"), Arbitraries.integers().between(1, 40))
            .as((s, n) -> "brk " + s + (n * 4) + "K");
    }

    private static Arbitrary<String> touch() {
        Arbitrary<String> where = Arbitraries.frequencyOf(
            Tuple.of(4, addr()),
            Tuple.of(1, Arbitraries.integers().between(0, 30).map(p -> p == 0 ? "HEAP"
                : "HEAP+" + p)));
        return Combinators.combine(where, len(), Arbitraries.of("r", "w", "w", "x"))
            .as((a, l, c) -> "touch " + a + " " + l + " " + c);
    }

    @Property(tries = 12, shrinking = ShrinkingMode.FULL, edgeCases = EdgeCasesMode.NONE)
    void everyInvariantHoldsAfterEveryOperation(@ForAll("machine") String machine, @ForAll("steps") List<Step> steps) {
        run(machine, steps);
    }

    @Property(tries = 200, shrinking = ShrinkingMode.FULL, edgeCases = EdgeCasesMode.NONE)
    @AddLifecycleHook(LongRunOnly.class)
    void everyInvariantHoldsOverALongRun(@ForAll("machine") String machine, @ForAll("steps") List<Step> steps) {
        run(machine, steps);
    }

    /** Runs the long property only when {@code -Drandops.long} is given. */
    static final class LongRunOnly implements SkipExecutionHook {
        @Override
        public SkipResult shouldBeSkipped(LifecycleContext context) {
            return System.getProperty("randops.long") == null ? SkipResult.skip("long run: -Drandops.long")
                : SkipResult.doNotSkip();
        }
    }

    static void run(String machine, List<Step> steps) {
        Kernel k = new Kernel();
        List<String> done = new ArrayList<>();
        for (String setup : List.of(machine, "file f1 80K", "file f2 24K cold", "exec p0 x86_64 maple")) {
            apply(k, setup, done);
        }
        for (Step s : steps) {
            String line = s.text(k);
            String before = dump(k);
            OpResult r = apply(k, line, done);
            Statistics.label("outcome").collect(outcome(r));
            String bad = check(k);
            if (bad != null) fail("after the last line: " + bad + "\n" + String.join("\n", done));
            if (mustBeUnchanged(r)) {
                String after = dump(k);
                if (!after.equals(before)) {
                    fail("the last line failed (" + (r.failed() ? r.error() : Errno.of(r.result()))
                        + ") but changed the machine:\n" + firstDifference(before, after) + "\n" + String.join("\n", done));
                }
            }
        }
    }

    private static OpResult apply(Kernel k, String line, List<String> done) {
        done.add(line);
        ScenarioParser.Line l = ScenarioParser.parseLine(line, "random", done.size());
        if (l.error() != null) fail("generated a bad line: " + l.error());
        try {
            return Syscalls.apply(k, l.op());
        } catch (RuntimeException e) {
            throw new AssertionError("the last line threw " + e + "\n" + String.join("\n", done), e);
        }
    }

    /** The operation's keyword and how it ended: ok, an errno, refused (no such process…), or a signal. */
    private static String outcome(OpResult r) {
        Op op = r.op() instanceof Op.InTask t ? t.op() : r.op();
        String name = op.getClass().getSimpleName().toLowerCase(Locale.ROOT);
        if (r.failed()) return name + " refused";
        if (r.syscall() != null && r.result() < 0) return name + " " + Errno.of(r.result());
        boolean signal = r.events().stream().anyMatch(e -> e instanceof vmalab.model.event.TaskEvent.SignalRaised);
        return name + (signal ? " signal" : " ok");
    }

    /**
     * Whether the kernel checks before it changes anything: an operation refused (no such process, a duplicate
     * name), and a system call failing with -errno, except those the kernel lets fail half-way: mprotect and
     * madvise walk VMA by VMA and return -ENOMEM at the first hole, -EACCES or -EINVAL at a VMA they may not
     * change (mm/mprotect.c: do_mprotect_pkey(), mm/madvise.c: madvise_walk_vmas()), after changing the ones
     * before.
     */
    private static boolean mustBeUnchanged(OpResult r) {
        if (r.failed()) return true;
        if (r.syscall() == null || r.result() >= 0) return false;
        Op op = r.op() instanceof Op.InTask t ? t.op() : r.op();
        if (op instanceof Op.Mprotect) return r.result() == Errno.EINVAL.ret();
        // madvise's per-VMA refusals (-EINVAL for wipeonfork on a shared VMA) come after the VMAs before it
        // were advised; only the checks on the arguments come first
        if (op instanceof Op.Madvise m) return (m.addr() & (Vma.PAGE_SIZE - 1)) != 0;
        return op instanceof Op.Mmap || op instanceof Op.Munmap || op instanceof Op.Mremap;
    }

    /** Null when every rule holds, else the first one broken. */
    static String check(Kernel k) {
        PhysicalMemory mem = (PhysicalMemory) k.pages();
        String phys = mem.checkInvariants(k.mms());
        if (phys != null) return phys;
        for (Task t : k.tasks()) {
            if (t.mm() == null) return "task " + t.pid() + " has no mm";
            if (!k.mms().contains(t.mm())) return "task " + t.pid() + " uses an mm the kernel does not know";
        }
        for (Mm mm : k.mms()) {
            if (k.tasksOf(mm).isEmpty()) return "mm " + mm.id() + " is used by no task";
            String own = mm.checkInvariants();
            if (own != null) return "mm " + mm.id() + ": " + own;
            List<Vma> vmas = mm.vmas();
            if (vmas.size() != mm.mapCount()) return "mm " + mm.id() + ": map_count " + mm.mapCount() + " for " + vmas.size();
            Vma prev = null;
            long ptesInVmas = 0;
            for (Vma v : vmas) {
                String where = String.format(Locale.ROOT, "mm %d: VMA %x-%x", mm.id(), v.start(), v.end());
                if (Long.compareUnsigned(v.start(), v.end()) >= 0) return where + " is empty or reversed";
                if (v.start() % Vma.PAGE_SIZE != 0 || v.end() % Vma.PAGE_SIZE != 0) return where + " is not page-aligned";
                if (prev != null && Long.compareUnsigned(prev.end(), v.start()) > 0) return where + " overlaps the one before";
                if (mm.vmaAt(v.start()) != v || mm.vmaAt(v.end() - 1) != v) return where + " is not found by its addresses";
                VmaRef ref = mm.findVmaRef(v.start());
                if (ref == null || ref.vma() != v) return where + ": find_vma() gives another";
                if (prev != null && v.start() > prev.end() && mm.vmaAt(prev.end()) != null) {
                    return where + ": the hole before it is found in a VMA";
                }
                for (PageInfo p : mem.pages(mm, v)) {
                    if (p.pte().raw() != 0) ptesInVmas++;
                }
                prev = v;
            }
            if (prev != null && mm.findVma(prev.end()) != null && Long.compareUnsigned(prev.end(), 0) != 0) {
                return "mm " + mm.id() + ": find_vma() past the last VMA gives one";
            }
            if (mm.index().size() != vmas.size()) return "mm " + mm.id() + ": the index holds " + mm.index().size();
            long ptes = 0;
            for (TableInfo t : mem.tables(mm)) {
                if (t.span() == (long) t.entries() * Vma.PAGE_SIZE) ptes += t.usedEntries();
            }
            if (ptes != ptesInVmas) return "mm " + mm.id() + ": " + ptes + " PTEs, " + ptesInVmas + " of them inside VMAs";
            if (Long.compareUnsigned(mm.brk(), mm.startBrk()) < 0) return "mm " + mm.id() + ": brk below start_brk";
        }
        long used = 0;
        for (int pfn = 0; pfn < mem.frames(); pfn++) {
            if (mem.frameKind(pfn) != vmalab.model.paging.FrameKind.FREE) used++;
        }
        if (used + mem.freeFrames() != mem.frames()) return "used " + used + " + free " + mem.freeFrames() + " frames";
        return null;
    }

    /** Everything a user could see of the machine, as text: tasks, each mm's VMAs, index, tables, PTEs, frames. */
    static String dump(Kernel k) {
        PhysicalMemory mem = (PhysicalMemory) k.pages();
        StringBuilder b = new StringBuilder();
        b.append("current ").append(k.current() == null ? "-" : k.current().pid()).append('\n');
        for (Task t : k.tasks()) {
            b.append("task ").append(t.pid()).append(' ').append(t.tgid()).append(' ').append(t.comm()).append(' ')
                .append(t.cmdline()).append(" parent ").append(t.parentPid()).append(" mm ")
                .append(t.mm() == null ? "-" : t.mm().id()).append(" signals ").append(t.signals()).append('\n');
        }
        for (Mm mm : k.mms()) {
            b.append("mm ").append(mm.id()).append(String.format(Locale.ROOT,
                " brk %x-%x total %d data %d exec %d stack %d locked %d users %d base %x",
                mm.startBrk(), mm.brk(), mm.totalVm(), mm.dataVm(), mm.execVm(), mm.stackVm(), mm.lockedVm(),
                mm.users(), mm.mmapBase())).append('\n');
            for (Vma v : mm.vmas()) {
                b.append("  ").append(v).append('\n');
                for (PageInfo p : mem.pages(mm, v)) b.append("    ").append(p).append('\n');
            }
            b.append("  index ");
            shape(b, mm.index().root());
            b.append(" maple ");
            maple(b, mm.index().mapleRoot());
            b.append('\n');
            for (TableInfo t : mem.tables(mm)) b.append("  ").append(t).append('\n');
            b.append("  rss ").append(mem.rss(mm)).append('\n');
        }
        b.append("free ").append(mem.freeFrames()).append(' ').append(mem.buddy().freeLists()).append('\n');
        for (int pfn = 0; pfn < mem.frames(); pfn++) b.append(mem.frame(pfn)).append('\n');
        b.append(mem.pageCache()).append('\n');
        return b.toString();
    }

    private static void shape(StringBuilder b, IndexNode<Vma> n) {
        if (n == null) {
            b.append('.');
            return;
        }
        b.append('(').append(Long.toHexString(n.key())).append(n.isRed() ? 'R' : 'B');
        shape(b, n.left());
        shape(b, n.right());
        b.append(')');
    }

    /** A maple node's type, range, pivots, gaps and entries, then its children (ids left out: no kernel state). */
    private static void maple(StringBuilder b, MapleTree.NodeInfo n) {
        if (n == null) {
            b.append('.');
            return;
        }
        b.append('[').append(n.type()).append(' ').append(Long.toHexString(n.min())).append('-')
            .append(Long.toHexString(n.max()));
        for (int i = 0; i <= n.end(); i++) {
            b.append(" |").append(Long.toHexString(n.slotMin(i))).append('-').append(Long.toHexString(n.slotMax(i)));
            if (n.type().hasGaps()) b.append(" gap ").append(Long.toHexString(n.gap(i)));
            if (n.isLeaf()) {
                b.append(' ').append(n.entry(i) == null ? "-" : "vma");
            } else {
                maple(b, n.child(i));
            }
        }
        b.append(']');
    }

    private static String firstDifference(String before, String after) {
        String[] a = before.split("\n");
        String[] c = after.split("\n");
        for (int i = 0; i < Math.max(a.length, c.length); i++) {
            String x = i < a.length ? a[i] : "(nothing)";
            String y = i < c.length ? c[i] : "(nothing)";
            if (!x.equals(y)) return "before: " + x + "\nafter:  " + y;
        }
        return "(same text)";
    }
}
