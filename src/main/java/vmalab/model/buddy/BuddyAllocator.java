package vmalab.model.buddy;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import vmalab.model.cow.CowBytes;

/**
 * The buddy allocator of one zone, after mm/page_alloc.c (Linux 6.x), for teaching: free lists per order
 * ({@code zone->free_area[]}), allocation by {@code __rmqueue_smallest()} + {@code expand()}, freeing by
 * {@code __free_one_page()} with {@code buddy_merge_likely()} choosing head or tail.
 *
 * <p>Left out on purpose: migratetypes and pageblocks (one free list per order), the per-CPU page lists
 * (every free goes straight to the buddy lists, as {@code __free_pages_ok()} does), watermarks, compaction
 * capture, page shuffling ({@code CONFIG_SHUFFLE_PAGE_ALLOCATOR} off) and {@code split_large_buddy()} (it
 * frees a block above pageblock_order in pageblocks that merge straight back, same end state).
 *
 * <p>Frames {@code 0..reservedFrames-1} hold the kernel image: memblock keeps them, the buddy allocator never
 * sees them. Every mutating method reports its steps, in order, to a {@code Consumer<BuddyEvent>}; a
 * {@code null} consumer means "nobody is listening".
 */
public final class BuddyAllocator {
    /** 64 MiB of 4 KiB pages. */
    public static final int DEFAULT_FRAMES = 16384;
    /** MAX_PAGE_ORDER in 6.x: orders 0..10, the largest block 4 MiB. */
    public static final int DEFAULT_MAX_ORDER = 10;

    private static final int MAX_SUPPORTED_ORDER = 30;
    private static final Consumer<BuddyEvent> NO_EVENTS = e -> { };

    private final int frames;
    private final int maxOrder;
    private final int reservedFrames;
    private final FreeArea area;
    /** Order of the allocated block whose first frame this is, or -1 (the simulation's page owner record). */
    private final CowBytes allocOrder;
    private long nrFree;

    /**
     * Boots a zone of {@code frames} page frames: the first {@code reservedFrames} stay reserved, the rest is
     * handed to the buddy allocator as {@code memblock_free_all()} does.
     *
     * @param maxOrder the largest order (MAX_PAGE_ORDER), lists 0..maxOrder inclusive
     * @throws IllegalArgumentException on sizes that make no zone
     */
    public BuddyAllocator(int frames, int maxOrder, int reservedFrames) {
        if (frames < 1) {
            throw new IllegalArgumentException("frames must be positive: " + frames);
        }
        if (maxOrder < 0 || maxOrder > MAX_SUPPORTED_ORDER) {
            throw new IllegalArgumentException("maxOrder must be in 0.." + MAX_SUPPORTED_ORDER + ": " + maxOrder);
        }
        if (reservedFrames < 0 || reservedFrames > frames) {
            throw new IllegalArgumentException("reservedFrames must be in 0.." + frames + ": " + reservedFrames);
        }
        this.frames = frames;
        this.maxOrder = maxOrder;
        this.reservedFrames = reservedFrames;
        this.area = new FreeArea(frames, maxOrder);
        this.allocOrder = new CowBytes(frames, (byte) -1);
        freePagesMemory(reservedFrames, frames);
    }

    /** The default zone: 16384 frames, MAX_PAGE_ORDER 10. */
    public BuddyAllocator(int reservedFrames) {
        this(DEFAULT_FRAMES, DEFAULT_MAX_ORDER, reservedFrames);
    }

    private BuddyAllocator(BuddyAllocator other) {
        frames = other.frames;
        maxOrder = other.maxOrder;
        reservedFrames = other.reservedFrames;
        area = other.area.copy();
        allocOrder = other.allocOrder.copy();
        nrFree = other.nrFree;
    }

    /** A deep copy: changing one never changes the other. */
    public BuddyAllocator copy() {
        return new BuddyAllocator(this);
    }

    // mm/memblock.c: __free_pages_memory(): the largest block aligned at start that still fits, ascending
    private void freePagesMemory(int start, int end) {
        while (start < end) {
            int order = start == 0 ? maxOrder : Math.min(maxOrder, Integer.numberOfTrailingZeros(start));
            while ((long) start + (1L << order) > end) {
                order--;
            }
            freePagesCore(start, order);
            start += 1 << order;
        }
    }

    // mm/page_alloc.c: __free_pages_core(): "place fresh pages right to the tail" with FPI_TO_TAIL
    private void freePagesCore(int pfn, int order) {
        freeOnePage(pfn, order, true, NO_EVENTS);
    }

    /**
     * alloc_pages(order): takes the head of the smallest non-empty free list at or above {@code order} and
     * splits it down. Reports ListDel, then Split + ListAdd per halving, then Allocated.
     *
     * @return the first pfn of the block, or -1 when no list can serve it (out of memory; nothing changes,
     *         nothing is reported)
     * @throws IllegalArgumentException if {@code order} is outside 0..maxOrder (a caller bug)
     */
    public long allocPages(int order, Consumer<BuddyEvent> ev) {
        if (order < 0 || order > maxOrder) {
            throw new IllegalArgumentException("order must be in 0.." + maxOrder + ": " + order);
        }
        Consumer<BuddyEvent> out = ev == null ? NO_EVENTS : ev;
        int pfn = rmqueueSmallest(order, out);
        if (pfn == FreeArea.NIL) {
            return -1;
        }
        allocOrder.set(pfn, (byte) order);
        out.accept(new BuddyEvent.Allocated(pfn, order));
        return pfn;
    }

    // mm/page_alloc.c: __rmqueue_smallest()
    private int rmqueueSmallest(int order, Consumer<BuddyEvent> ev) {
        for (int currentOrder = order; currentOrder <= maxOrder; currentOrder++) {
            int pfn = area.first(currentOrder);
            if (pfn == FreeArea.NIL) {
                continue;
            }
            pageDelAndExpand(pfn, order, currentOrder, ev);
            return pfn;
        }
        return FreeArea.NIL;
    }

    // mm/page_alloc.c: page_del_and_expand()
    private void pageDelAndExpand(int pfn, int low, int high, Consumer<BuddyEvent> ev) {
        area.del(pfn);
        ev.accept(new BuddyEvent.ListDel(pfn, high));
        expand(pfn, low, high, ev);
        nrFree -= 1L << low;
    }

    // mm/page_alloc.c: expand(): keep the lower half, the upper half goes to the head of the list below
    private void expand(int pfn, int low, int high, Consumer<BuddyEvent> ev) {
        while (high > low) {
            ev.accept(new BuddyEvent.Split(pfn, high));
            high--;
            int upper = pfn + (1 << high);
            area.add(upper, high, false);
            ev.accept(new BuddyEvent.ListAdd(upper, high, false));
        }
    }

    /**
     * __free_pages(page, order): gives back a block that {@link #allocPages} returned. Reports Freed, then
     * ListDel + Merge per buddy absorbed, then ListAdd.
     *
     * <p>Errors are values: a block that is not allocated as given (out of the zone, reserved, already free,
     * another order, not the first frame of its block) is refused and nothing changes, nothing is reported.
     * The real kernel would print "BUG: Bad page state" and corrupt its lists; the lab explains instead.
     *
     * @return {@code null} on success, otherwise a one-line message saying what is wrong
     */
    public String freePages(long pfn, int order, Consumer<BuddyEvent> ev) {
        String problem = checkFree(pfn, order);
        if (problem != null) {
            return problem;
        }
        Consumer<BuddyEvent> out = ev == null ? NO_EVENTS : ev;
        int p = (int) pfn;
        allocOrder.set(p, (byte) -1);
        out.accept(new BuddyEvent.Freed(p, order));
        freeOnePage(p, order, false, out);
        return null;
    }

    private String checkFree(long pfn, int order) {
        if (pfn < 0 || pfn >= frames) {
            return String.format(Locale.ROOT, "free_pages: pfn %d is outside the zone (0..%d)", pfn, frames - 1);
        }
        if (order < 0 || order > maxOrder) {
            return String.format(Locale.ROOT, "free_pages: order %d is outside 0..%d", order, maxOrder);
        }
        int p = (int) pfn;
        if (p < reservedFrames) {
            return String.format(Locale.ROOT,
                    "free_pages: pfn %d is reserved (kernel image), the buddy allocator never gave it out", pfn);
        }
        int allocated = allocOrder.get(p);
        if (allocated == order) {
            return null;
        }
        if (allocated >= 0) {
            return String.format(Locale.ROOT,
                    "free_pages: pfn %d was allocated with order %d, not order %d", pfn, allocated, order);
        }
        if (isFree(p)) {
            return String.format(Locale.ROOT, "free_pages: pfn %d is already free (double free)", pfn);
        }
        return String.format(Locale.ROOT,
                "free_pages: pfn %d is inside an allocated block but not its first frame", pfn);
    }

    // mm/page_alloc.c: __free_one_page()
    private void freeOnePage(int pfn, int order, boolean fpiToTail, Consumer<BuddyEvent> ev) {
        nrFree += 1L << order;
        int buddyPfn = 0;
        while (order < maxOrder) {
            buddyPfn = pfn ^ (1 << order);
            if (!pageIsBuddy(buddyPfn, order)) {
                break;
            }
            area.del(buddyPfn);
            ev.accept(new BuddyEvent.ListDel(buddyPfn, order));
            ev.accept(new BuddyEvent.Merge(pfn, buddyPfn, order));
            pfn &= buddyPfn;
            order++;
        }
        boolean toTail = fpiToTail || buddyMergeLikely(pfn, buddyPfn, order);
        area.add(pfn, order, toTail);
        ev.accept(new BuddyEvent.ListAdd(pfn, order, toTail));
    }

    // mm/page_alloc.c: find_buddy_page_pfn() / page_is_buddy(): free, heading a block of exactly that order
    private boolean pageIsBuddy(int buddyPfn, int order) {
        return buddyPfn < frames && area.orderAt(buddyPfn) == order;
    }

    /*
     * mm/page_alloc.c: buddy_merge_likely(). The block could not merge at this order, but if the buddy of the
     * order+1 block containing it is free, merging is one free away: put it at the tail, where it is least
     * likely to be allocated before its buddy comes back.
     */
    private boolean buddyMergeLikely(int pfn, int buddyPfn, int order) {
        if (order >= maxOrder - 1) {
            return false;
        }
        int higherPagePfn = buddyPfn & pfn;
        int higherBuddyPfn = higherPagePfn ^ (1 << (order + 1));
        return pageIsBuddy(higherBuddyPfn, order + 1);
    }

    /** The free lists, per order, each from head to tail (a snapshot). */
    public List<List<Long>> freeLists() {
        List<List<Long>> lists = new ArrayList<>(maxOrder + 1);
        for (int order = 0; order <= maxOrder; order++) {
            List<Long> list = new ArrayList<>(area.count(order));
            for (int pfn = area.first(order); pfn != FreeArea.NIL; pfn = area.next(pfn)) {
                list.add((long) pfn);
            }
            lists.add(Collections.unmodifiableList(list));
        }
        return Collections.unmodifiableList(lists);
    }

    /** Free blocks per order, as the columns of /proc/buddyinfo ({@code free_area[order].nr_free}). */
    public int[] buddyinfo() {
        int[] counts = new int[maxOrder + 1];
        for (int order = 0; order <= maxOrder; order++) {
            counts[order] = area.count(order);
        }
        return counts;
    }

    /**
     * One line of /proc/buddyinfo, as mm/vmstat.c: frag_show_print() prints it:
     * {@code "Node %d, zone %8s "}, then {@code "%6lu "} per order, then a newline.
     */
    public String buddyinfoText(int node, String zone) {
        return buddyinfoText(Integer.toString(node), zone);
    }

    /** {@link #buddyinfoText(int, String)} with the node number already as text. */
    public String buddyinfoText(String node, String zone) {
        StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "Node %s, zone %8s ", node, zone));
        for (int order = 0; order <= maxOrder; order++) {
            line.append(String.format(Locale.ROOT, "%6d ", area.count(order)));
        }
        return line.append('\n').toString();
    }

    /** Free frames (NR_FREE_PAGES). */
    public long nrFree() {
        return nrFree;
    }

    /** Frames handed out and not yet given back. */
    public long nrAllocated() {
        return frames - reservedFrames - nrFree;
    }

    public int frames() {
        return frames;
    }

    public int maxOrder() {
        return maxOrder;
    }

    public int reservedFrames() {
        return reservedFrames;
    }

    public boolean isReserved(long pfn) {
        return pfn >= 0 && pfn < reservedFrames;
    }

    /** Whether frame {@code pfn} lies in some free block (not only at its start). */
    public boolean isFree(long pfn) {
        return freeBlockAt(pfn) >= 0;
    }

    /** The first frame of the free block containing {@code pfn}, or -1 if the frame is not free. */
    public long freeBlockAt(long pfn) {
        if (pfn < 0 || pfn >= frames) {
            return -1;
        }
        for (int order = 0; order <= maxOrder; order++) {
            int start = (int) (pfn & -(1L << order));
            if (area.orderAt(start) == order) {
                return start;
            }
        }
        return -1;
    }

    /** The order of the free block starting at {@code pfn}, or -1 if no free block starts there. */
    public int freeOrderAt(long pfn) {
        return pfn < 0 || pfn >= frames ? -1 : area.orderAt((int) pfn);
    }

    /** The order of the allocated block starting at {@code pfn}, or -1 if no allocated block starts there. */
    public int allocatedOrderAt(long pfn) {
        return pfn < 0 || pfn >= frames ? -1 : allocOrder.get((int) pfn);
    }

    /**
     * Checks the whole state: list links, alignment, no overlap, buddies merged, accounting.
     *
     * @return {@code null} when consistent, otherwise the first problem found
     */
    public String checkInvariants() {
        return BuddyInvariants.check(area, allocOrder, reservedFrames, maxOrder, nrFree);
    }

    @Override
    public String toString() {
        return "BuddyAllocator[frames=" + frames + ", maxOrder=" + maxOrder + ", reserved=" + reservedFrames
                + ", free=" + nrFree + "]";
    }
}
