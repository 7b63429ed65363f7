package vmalab.model.event;

import java.util.Arrays;
import vmalab.model.fault.FaultEvent;

/**
 * Bulk work an operation counted instead of reporting page by page ({@link EventDetail#SUMMARY}, or past the
 * cap of {@link EventDetail#upTo(int)}): page faults by handler path, frames taken from and freed to the buddy
 * allocator by order, PTEs set and cleared, page tables allocated and freed, buddy splits and merges, VMAs
 * linked (fork's copies) and removed, and other events not kept.
 */
public record BulkSummary(long[] faultsByKind, long[] framesTakenByOrder, long[] framesFreedByOrder, long ptesSet,
                          long ptesCleared, long tablesAllocated, long tablesFreed, long splits, long merges,
                          long vmasCopied, long vmasRemoved, long otherEvents) implements SimEvent {
    public long faults(FaultEvent.Kind kind) {
        return faultsByKind[kind.ordinal()];
    }

    /** Every counted page fault, of any kind. */
    public long faults() {
        return Arrays.stream(faultsByKind).sum();
    }

    public long framesTaken() {
        return Arrays.stream(framesTakenByOrder).sum();
    }

    public long framesFreed() {
        return Arrays.stream(framesFreedByOrder).sum();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof BulkSummary b && Arrays.equals(faultsByKind, b.faultsByKind)
            && Arrays.equals(framesTakenByOrder, b.framesTakenByOrder)
            && Arrays.equals(framesFreedByOrder, b.framesFreedByOrder) && ptesSet == b.ptesSet
            && ptesCleared == b.ptesCleared && tablesAllocated == b.tablesAllocated && tablesFreed == b.tablesFreed
            && splits == b.splits && merges == b.merges && vmasCopied == b.vmasCopied
            && vmasRemoved == b.vmasRemoved && otherEvents == b.otherEvents;
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(faultsByKind) * 31 + Long.hashCode(ptesSet + ptesCleared * 7 + tablesAllocated * 13);
    }

    @Override
    public String toString() {
        return "BulkSummary[faults=" + Arrays.toString(faultsByKind) + ", taken=" + Arrays.toString(framesTakenByOrder)
            + ", freed=" + Arrays.toString(framesFreedByOrder) + ", ptesSet=" + ptesSet + ", ptesCleared="
            + ptesCleared + ", tables=" + tablesAllocated + "/" + tablesFreed + ", splits=" + splits + ", merges="
            + merges + ", vmasCopied=" + vmasCopied + ", vmasRemoved=" + vmasRemoved + ", other=" + otherEvents + "]";
    }
}
