package vmalab.model.event;

import vmalab.model.buddy.BuddyEvent;
import vmalab.model.fault.FaultEvent;
import vmalab.model.paging.PagingEvent;

/** The counters behind a {@link BulkSummary}, filled while an operation runs in summary mode. */
public final class BulkCounts {
    /** Orders counted one by one; larger orders share the last slot. */
    public static final int ORDERS = 21;

    final long[] faults = new long[FaultEvent.Kind.values().length];
    final long[] taken = new long[ORDERS];
    final long[] freed = new long[ORDERS];
    long ptesSet;
    long ptesCleared;
    long tablesAllocated;
    long tablesFreed;
    long splits;
    long merges;
    long vmasCopied;
    long vmasRemoved;
    long other;

    public void fault(FaultEvent.Kind kind) { faults[kind.ordinal()]++; }
    public void taken(int order) { taken[Math.min(order, ORDERS - 1)]++; }
    public void freed(int order) { freed[Math.min(order, ORDERS - 1)]++; }
    public void pteSet() { ptesSet++; }
    public void pteCleared() { ptesCleared++; }
    public void tableAllocated() { tablesAllocated++; }
    public void tableFreed() { tablesFreed++; }
    public void split() { splits++; }
    public void merge() { merges++; }
    public void vmaCopied() { vmasCopied++; }
    /** An event of no kind above (as {@link #add} counts an {@link RbStepped}), counted instead of built. */
    public void other() { other++; }
    /** {@code n} events of no kind above (a tree's steps, counted without building them). */
    public void others(int n) { other += n; }

    /** Counts an event that was built but is not kept (work past an {@link EventDetail#upTo(int)} cap). */
    public void add(SimEvent e) {
        if (e instanceof FaultEvent.PageFault f) {
            fault(f.kind());
        } else if (e instanceof PagingEvent.PteSet) {
            ptesSet++;
        } else if (e instanceof PagingEvent.PteCleared) {
            ptesCleared++;
        } else if (e instanceof PagingEvent.TableAllocated) {
            tablesAllocated++;
        } else if (e instanceof PagingEvent.TableFreed) {
            tablesFreed++;
        } else if (e instanceof BuddyStepped b) {
            addBuddy(b.step());
        } else if (e instanceof MmEvent.VmaInserted) {
            vmasCopied++;
        } else if (e instanceof MmEvent.VmaRemoved) {
            vmasRemoved++;
        } else {
            other++;
        }
    }

    private void addBuddy(BuddyEvent s) {
        if (s instanceof BuddyEvent.Allocated a) taken(a.order());
        else if (s instanceof BuddyEvent.Freed f) freed(f.order());
        else if (s instanceof BuddyEvent.Split) splits++;
        else if (s instanceof BuddyEvent.Merge) merges++;
        else other++;
    }

    boolean isEmpty() {
        return total() == 0;
    }

    long total() {
        long n = ptesSet + ptesCleared + tablesAllocated + tablesFreed + splits + merges + vmasCopied + vmasRemoved
            + other;
        for (long f : faults) n += f;
        for (long t : taken) n += t;
        for (long f : freed) n += f;
        return n;
    }

    BulkSummary snapshot() {
        return new BulkSummary(faults.clone(), taken.clone(), freed.clone(), ptesSet, ptesCleared, tablesAllocated,
            tablesFreed, splits, merges, vmasCopied, vmasRemoved, other);
    }
}
