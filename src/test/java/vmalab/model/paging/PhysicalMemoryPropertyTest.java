package vmalab.model.paging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import vmalab.model.Kernel;
import vmalab.model.mm.Mm;
import vmalab.model.mm.Prot;
import vmalab.model.mm.Task;
import vmalab.model.mm.Vma;
import vmalab.model.op.Advice;
import vmalab.model.op.Op;
import vmalab.model.syscall.Syscalls;

/**
 * Random operations over several processes (exec, fork, threads, every kind of mapping, touches, madvise,
 * munmap, brk, mremap, mprotect, exit), on the default machine and on a tiny one that runs out of memory.
 * After every operation: RSS equals the present pages counted by kind, every frame has one owner or is free,
 * free plus used frames make the machine, the buddy invariants hold, each frame's counts equal the PTEs
 * mapping it; and a checkpoint taken before the operation, given the same operation, ends in the same state
 * while the original is untouched by it.
 */
class PhysicalMemoryPropertyTest {
    static final long PAGE = Vma.PAGE_SIZE;
    static final String[] FILES = {"f1", "f2", "lib"};
    static final String[] PROFILES = {"empty", "empty", "x86_64", "i386-2.6"};

    @Provide
    Arbitrary<List<Integer>> ops() {
        return Arbitraries.integers().between(0, Integer.MAX_VALUE).list().ofMinSize(1).ofMaxSize(120);
    }

    @Property(tries = 150)
    void onTheDefaultMachine(@ForAll("ops") List<Integer> ops) {
        run(new Kernel(), ops, false);
    }

    @Property(tries = 150)
    void onATinyMachine(@ForAll("ops") List<Integer> ops) {
        Kernel k = new Kernel();
        Syscalls.apply(k, new Op.Memory(96, 4, 8));
        run(k, ops, true);
    }

    private void run(Kernel k, List<Integer> ops, boolean checkpointEveryStep) {
        Syscalls.apply(k, new Op.CreateFile("f1", 20 * PAGE, null, null, null));
        Syscalls.apply(k, new Op.CreateFile("f2", 3 * PAGE + 2048, null, null, null));
        Syscalls.apply(k, new Op.CreateFile("lib", 16 * PAGE, null, null, null));
        int[] names = {0};
        Syscalls.apply(k, new Op.Exec("p" + names[0]++, "empty"));
        int step = 0;
        for (int x : ops) {
            Op op = decode(k, x, names);
            if (op == null) continue;
            boolean checkpoint = checkpointEveryStep || step++ % 5 == 0;
            if (checkpoint) {
                long free = free(k);
                Kernel copy = k.copy();
                Syscalls.apply(copy, op);
                assertEquals(free, free(k), "a checkpoint's operation changed the original");
                Syscalls.apply(k, op);
                check(k, op);
                assertEquals(free(k), free(copy), "replaying " + op + " on a checkpoint differs");
                for (Mm mm : k.mms()) {
                    Mm other = copy.mms().stream().filter(c -> c.id() == mm.id()).findFirst().orElseThrow();
                    assertEquals(mem(k).rss(mm), mem(copy).rss(other));
                }
            } else {
                Syscalls.apply(k, op);
                check(k, op);
            }
        }
        // everything exits: only the page cache keeps frames
        for (Task t : new ArrayList<>(k.tasks())) Syscalls.apply(k, new Op.InTask(Integer.toString(t.pid()), new Op.Exit()));
        check(k, new Op.Exit());
        long cached = mem(k).pageCache().size();
        long kernelPages = 0;
        for (int pfn = 0; pfn < mem(k).frames(); pfn++) {
            FrameKind kind = mem(k).frameKind(pfn);
            if (kind == FrameKind.KERNEL) kernelPages++;
            else if (kind != FrameKind.FREE) assertEquals(FrameKind.FILE, kind, "frame " + pfn + " left behind");
        }
        assertEquals(mem(k).frames(), mem(k).freeFrames() + cached + kernelPages);
    }

    private static PhysicalMemory mem(Kernel k) {
        return (PhysicalMemory) k.pages();
    }

    private static long free(Kernel k) {
        return mem(k).freeFrames();
    }

    private static void check(Kernel k, Op op) {
        PhysicalMemory mem = mem(k);
        String bad = mem.checkInvariants(k.mms());
        assertNull(bad, () -> "after " + op + ": " + bad);
        for (Mm mm : k.mms()) {
            assertNull(mm.checkInvariants());
            long file = 0;
            long anon = 0;
            long shmem = 0;
            for (Vma v : mm.vmas()) {
                for (PageInfo p : mem.pages(mm, v)) {
                    if (!p.pte().mapped() || p.pte().special()) continue;
                    switch (p.kind()) {
                        case ANON -> anon++;
                        case SHMEM -> shmem++;
                        default -> file++;
                    }
                }
            }
            assertEquals(new Rss(file, anon, shmem), mem.rss(mm), () -> "RSS of mm " + mm.id() + " after " + op);
        }
    }

    /** One operation from one number, chosen among what the kernel holds now; null when none fits. */
    private static Op decode(Kernel k, int x, int[] names) {
        Random r = new Random(x);
        List<Task> tasks = new ArrayList<>(k.tasks());
        if (tasks.isEmpty()) return new Op.Exec("p" + names[0]++, PROFILES[r.nextInt(PROFILES.length)]);
        Task t = tasks.get(r.nextInt(tasks.size()));
        String in = Integer.toString(t.pid());
        Mm mm = t.mm();
        List<Vma> vmas = mm.vmas();
        Vma v = vmas.isEmpty() ? null : vmas.get(r.nextInt(vmas.size()));
        int kind = x % 17;
        switch (kind) {
            case 0:
                return tasks.size() >= 5 ? null : new Op.Exec("p" + names[0]++, PROFILES[r.nextInt(PROFILES.length)]);
            case 1:
                return tasks.size() >= 6 ? null : new Op.InTask(in, new Op.Fork("p" + names[0]++));
            case 2:
                return tasks.size() >= 6 ? null : new Op.InTask(in, new Op.Thread("p" + names[0]++));
            case 3:
            case 4:
                return new Op.InTask(in, new Op.Mmap(0, (1 + r.nextInt(40)) * PAGE,
                    r.nextInt(4) == 0 ? Prot.READ : Prot.READ | Prot.WRITE, kind == 4, null, 0, false, false, false,
                    false, r.nextInt(6) == 0));
            case 5:
            case 6:
                return new Op.InTask(in, new Op.Mmap(0, (1 + r.nextInt(24)) * PAGE,
                    r.nextBoolean() ? Prot.READ : Prot.READ | Prot.WRITE, kind == 6, FILES[r.nextInt(FILES.length)],
                    r.nextInt(8) * PAGE, false, false, false, false, false));
            case 7:
            case 8:
            case 9:
            case 16: {
                if (v == null) return null;
                long start = v.start() + r.nextInt((int) Math.min(v.pages(), 64)) * PAGE;
                char access = "rrwwx".charAt(r.nextInt(5));
                return new Op.InTask(in, new Op.Touch(start, (1 + r.nextInt(20)) * PAGE - r.nextInt(2), access));
            }
            case 10:
                if (v == null) return null;
                return new Op.InTask(in, new Op.Madvise(pageIn(v, r), (1 + r.nextInt(8)) * PAGE, Advice.DONTNEED));
            case 11:
                if (v == null || "[vvar]".equals(v.name()) || "[vdso]".equals(v.name())) return null;
                return new Op.InTask(in, new Op.Munmap(pageIn(v, r), (1 + r.nextInt(8)) * PAGE));
            case 12:
                return new Op.InTask(in, new Op.Brk((r.nextInt(17) - 6) * PAGE, false));
            case 13:
                if (v == null || v.name() != null) return null;
                return new Op.InTask(in, new Op.Mremap(v.start(), v.length(), v.length() + r.nextInt(6) * PAGE,
                    true));
            case 14:
                return new Op.InTask(in, new Op.Exit());
            default:
                if (v == null) return null;
                return new Op.InTask(in, new Op.Mprotect(pageIn(v, r), (1 + r.nextInt(4)) * PAGE,
                    r.nextInt(8) & (Prot.READ | Prot.WRITE | Prot.EXEC)));
        }
    }

    private static long pageIn(Vma v, Random r) {
        return v.start() + r.nextInt((int) Math.min(v.pages(), 64)) * PAGE;
    }
}
