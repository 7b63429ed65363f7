package vmalab.viewmodel.fold;

import vmalab.model.event.MmEvent;
import vmalab.model.event.SimEvent;
import vmalab.model.event.TaskEvent;
import vmalab.model.fault.FaultEvent;
import vmalab.model.mm.Vma;
import vmalab.model.paging.PagingEvent;

/**
 * What the event at the cursor (the last one shown) is about, for the views that light it up while it plays:
 * a VMA entering, changing or leaving, find_vma's lookup, a fault, a PTE being set or cleared, brk moving, a task
 * created, a signal. {@code mmId}/{@code pid} say whose; {@code vma} is the VMA concerned (or null), {@code addr}
 * the address (or -1), {@code from}/{@code to} the old and new brk.
 */
public record Change(Kind kind, long mmId, int pid, Vma vma, long addr, long from, long to, char access) {
    public enum Kind { VMA_INSERTED, VMA_CHANGED, VMA_MERGED, VMA_REMOVED, VMA_SPLIT, FIND_VMA, BRK_MOVED, PAGE_FAULT,
        PTE_SET, PTE_CLEARED, PAGE_MAPPED, TASK_CREATED, SIGNAL, OTHER }

    static final Change NONE = new Change(Kind.OTHER, -1, 0, null, -1, 0, 0, ' ');

    static Change of(SimEvent e) {
        if (e instanceof MmEvent.VmaInserted x) return vma(Kind.VMA_INSERTED, x.mmId(), x.vma());
        if (e instanceof MmEvent.VmaChanged x) return vma(Kind.VMA_CHANGED, x.mmId(), x.after());
        if (e instanceof MmEvent.VmaMerged x) return vma(Kind.VMA_MERGED, x.mmId(), x.result());
        if (e instanceof MmEvent.VmaRemoved x) return vma(Kind.VMA_REMOVED, x.mmId(), x.vma());
        if (e instanceof MmEvent.VmaSplit x) return new Change(Kind.VMA_SPLIT, x.mmId(), 0, x.original(), x.at(), 0, 0, ' ');
        if (e instanceof MmEvent.FindVma x) return new Change(Kind.FIND_VMA, x.mmId(), 0, x.found(), x.addr(), 0, 0, ' ');
        if (e instanceof MmEvent.BrkMoved x) {
            return new Change(Kind.BRK_MOVED, x.mmId(), 0, null, -1, x.oldBrk(), x.newBrk(), ' ');
        }
        if (e instanceof FaultEvent.PageFault x) {
            return new Change(Kind.PAGE_FAULT, x.mmId(), x.pid(), null, x.addr(), 0, 0, x.access());
        }
        if (e instanceof PagingEvent.PteSet x) return page(Kind.PTE_SET, x.mmId(), x.addr());
        if (e instanceof PagingEvent.PteCleared x) return page(Kind.PTE_CLEARED, x.mmId(), x.addr());
        if (e instanceof FaultEvent.CowCopied x) return page(Kind.PAGE_MAPPED, x.mmId(), x.addr());
        if (e instanceof FaultEvent.ZeroPageMapped x) return page(Kind.PAGE_MAPPED, x.mmId(), x.addr());
        if (e instanceof FaultEvent.PageReused x) return page(Kind.PAGE_MAPPED, x.mmId(), x.addr());
        if (e instanceof TaskEvent.TaskCreated x) return new Change(Kind.TASK_CREATED, x.mmId(), x.pid(), null, -1, 0, 0, ' ');
        if (e instanceof TaskEvent.SignalRaised x) return new Change(Kind.SIGNAL, -1, x.pid(), null, x.addr(), 0, 0, ' ');
        return NONE;
    }

    private static Change vma(Kind k, long mmId, Vma v) {
        return new Change(k, mmId, 0, v, -1, 0, 0, ' ');
    }

    private static Change page(Kind k, long mmId, long addr) {
        return new Change(k, mmId, 0, null, addr, 0, 0, ' ');
    }

    /** Whether this change is about the mm {@code id}. */
    public boolean in(long id) {
        return mmId == id;
    }

    /** Whether it changes an mm (a VMA, find_vma, brk). */
    public boolean isMmChange() {
        return kind.ordinal() <= Kind.BRK_MOVED.ordinal();
    }
}
