package vmalab.model.buddy;

import java.util.Arrays;
import vmalab.model.cow.CowBytes;
import vmalab.model.cow.CowInts;

/**
 * include/linux/mmzone.h: {@code zone->free_area[NR_PAGE_ORDERS]} (one migratetype), with the parts of
 * {@code struct page} the buddy allocator keeps in the frame itself: {@code page->buddy_list} (here the
 * {@code next}/{@code prev} arrays) and PageBuddy + {@code page_private} = order (here {@code buddyOrder}).
 * Every list operation is O(1); the per-frame arrays are copy-on-write in chunks, so a copy clones only the
 * chunk tables and later writes clone the chunks they change.
 */
final class FreeArea {
    static final int NIL = -1;

    private final int[] head;
    private final int[] tail;
    private final int[] nrFree;
    private final CowInts next;
    private final CowInts prev;
    /** Order of the free block whose first frame this is, or -1: PageBuddy() and buddy_order(). */
    private final CowBytes buddyOrder;

    FreeArea(int frames, int maxOrder) {
        head = new int[maxOrder + 1];
        tail = new int[maxOrder + 1];
        nrFree = new int[maxOrder + 1];
        next = new CowInts(frames, NIL);
        prev = new CowInts(frames, NIL);
        buddyOrder = new CowBytes(frames, (byte) -1);
        Arrays.fill(head, NIL);
        Arrays.fill(tail, NIL);
    }

    private FreeArea(FreeArea other) {
        head = other.head.clone();
        tail = other.tail.clone();
        nrFree = other.nrFree.clone();
        next = other.next.copy();
        prev = other.prev.copy();
        buddyOrder = other.buddyOrder.copy();
    }

    FreeArea copy() {
        return new FreeArea(this);
    }

    // mm/page_alloc.c: __add_to_free_list() + set_buddy_order(); list_add() or list_add_tail()
    void add(int pfn, int order, boolean atTail) {
        if (atTail) {
            prev.set(pfn, tail[order]);
            next.set(pfn, NIL);
            if (tail[order] != NIL) {
                next.set(tail[order], pfn);
            } else {
                head[order] = pfn;
            }
            tail[order] = pfn;
        } else {
            next.set(pfn, head[order]);
            prev.set(pfn, NIL);
            if (head[order] != NIL) {
                prev.set(head[order], pfn);
            } else {
                tail[order] = pfn;
            }
            head[order] = pfn;
        }
        buddyOrder.set(pfn, (byte) order);
        nrFree[order]++;
    }

    // mm/page_alloc.c: __del_page_from_free_list(): list_del(), __ClearPageBuddy(), nr_free--
    void del(int pfn) {
        int order = buddyOrder.get(pfn);
        int p = prev.get(pfn);
        int n = next.get(pfn);
        if (p != NIL) {
            next.set(p, n);
        } else {
            head[order] = n;
        }
        if (n != NIL) {
            prev.set(n, p);
        } else {
            tail[order] = p;
        }
        next.set(pfn, NIL);
        prev.set(pfn, NIL);
        buddyOrder.set(pfn, (byte) -1);
        nrFree[order]--;
    }

    /** get_page_from_free_area(): the head of list {@code order}, or {@link #NIL}. */
    int first(int order) {
        return head[order];
    }

    int last(int order) {
        return tail[order];
    }

    int next(int pfn) {
        return next.get(pfn);
    }

    int prev(int pfn) {
        return prev.get(pfn);
    }

    /** The order of the free block that starts at {@code pfn}, or -1. */
    int orderAt(int pfn) {
        return buddyOrder.get(pfn);
    }

    /** {@code free_area[order].nr_free}: blocks on list {@code order}. */
    int count(int order) {
        return nrFree[order];
    }

    int orders() {
        return head.length;
    }

    int frames() {
        return buddyOrder.length();
    }
}
