package vmalab.model.paging;

import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.ArrayList;
import java.util.List;
import vmalab.model.Kernel;
import vmalab.model.OpResult;
import vmalab.model.event.SimEvent;
import vmalab.model.mm.Mm;
import vmalab.model.mm.Prot;
import vmalab.model.mm.Vma;
import vmalab.model.op.Advice;
import vmalab.model.op.Op;
import vmalab.model.syscall.Syscalls;

/** A kernel with physical memory, driven by Ops the way a scenario drives it, for the paging and fault tests. */
public final class PhysLab {
    public final Kernel k;
    public OpResult last;

    public PhysLab() {
        this(new Kernel());
    }

    public PhysLab(Kernel k) {
        this.k = k;
    }

    public PhysicalMemory mem() {
        return (PhysicalMemory) k.pages();
    }

    /** Runs op (in process {@code task} when not null); the op must not fail; invariants must hold after it. */
    public OpResult run(String task, Op op) {
        last = Syscalls.apply(k, task == null ? op : new Op.InTask(task, op));
        assertNull(last.error(), () -> "op failed: " + last.error());
        String bad = mem().checkInvariants(k.mms());
        assertNull(bad, () -> "after " + op + ": " + bad);
        return last;
    }

    public OpResult run(Op op) {
        return run(null, op);
    }

    public OpResult exec(String name, String profile) {
        return run(new Op.Exec(name, profile));
    }

    public long mmapAnon(String task, long len, int prot, boolean shared) {
        return run(task, new Op.Mmap(0, len, prot, shared, null, 0, false, false, false, false, false)).result();
    }

    public long mmapFile(String task, String file, long len, int prot, boolean shared, long offset) {
        return run(task, new Op.Mmap(0, len, prot, shared, file, offset, false, false, false, false, false)).result();
    }

    public void file(String name, long size) {
        run(new Op.CreateFile(name, size, null, null, null));
    }

    /** Touches [addr, addr+len) and returns the minor faults it took. */
    public long touch(String task, long addr, long len, char access) {
        return run(task, new Op.Touch(addr, len, access)).minorFaults();
    }

    public long touch(long addr, long len, char access) {
        return touch(null, addr, len, access);
    }

    public void madvise(String task, long addr, long len, Advice a) {
        run(task, new Op.Madvise(addr, len, a));
    }

    public Mm mm(String task) {
        return k.taskNamed(task).mm();
    }

    public Pte pte(String task, long addr) {
        return mem().pte(mm(task), addr);
    }

    public Rss rss(String task) {
        return mem().rss(mm(task));
    }

    public Vma vma(String task, long addr) {
        return mm(task).vmaAt(addr);
    }

    public List<SimEvent> events() {
        return last.events();
    }

    public <T> List<T> events(Class<T> type) {
        List<T> out = new ArrayList<>();
        for (SimEvent e : last.events()) if (type.isInstance(e)) out.add(type.cast(e));
        return out;
    }

    public static final int RW = Prot.READ | Prot.WRITE;
    public static final long PAGE = Vma.PAGE_SIZE;
}
