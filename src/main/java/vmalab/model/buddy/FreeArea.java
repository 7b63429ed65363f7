package vmalab.model.buddy;

import java.util.Arrays;

/**
 * include/linux/mmzone.h: {@code zone->free_area[NR_PAGE_ORDERS]} (one migratetype), with the parts of
 * {@code struct page} the buddy allocator keeps in the frame itself: {@code page->buddy_list} (here the
 * {@code next}/{@code prev} arrays) and PageBuddy + {@code page_private} = order (here {@code buddyOrder}).
 * Every list operation is O(1), and a copy is a handful of array clones.
 */
final class FreeArea {
    static final int NIL = -1;

    private final int[] head;
    private final int[] tail;
    private final int[] nrFree;
    private final int[] next;
    private final int[] prev;
    /** Order of the free block whose first frame this is, or -1: PageBuddy() and buddy_order(). */
    private final byte[] buddyOrder;

    FreeArea(int frames, int maxOrder) {
        head = new int[maxOrder + 1];
        tail = new int[maxOrder + 1];
        nrFree = new int[maxOrder + 1];
        next = new int[frames];
        prev = new int[frames];
        buddyOrder = new byte[frames];
        Arrays.fill(head, NIL);
        Arrays.fill(tail, NIL);
        Arrays.fill(next, NIL);
        Arrays.fill(prev, NIL);
        Arrays.fill(buddyOrder, (byte) -1);
    }

    private FreeArea(FreeArea other) {
        head = other.head.clone();
        tail = other.tail.clone();
        nrFree = other.nrFree.clone();
        next = other.next.clone();
        prev = other.prev.clone();
        buddyOrder = other.buddyOrder.clone();
    }

    FreeArea copy() {
        return new FreeArea(this);
    }

    // mm/page_alloc.c: __add_to_free_list() + set_buddy_order(); list_add() or list_add_tail()
    void add(int pfn, int order, boolean atTail) {
        if (atTail) {
            prev[pfn] = tail[order];
            next[pfn] = NIL;
            if (tail[order] != NIL) {
                next[tail[order]] = pfn;
            } else {
                head[order] = pfn;
            }
            tail[order] = pfn;
        } else {
            next[pfn] = head[order];
            prev[pfn] = NIL;
            if (head[order] != NIL) {
                prev[head[order]] = pfn;
            } else {
                tail[order] = pfn;
            }
            head[order] = pfn;
        }
        buddyOrder[pfn] = (byte) order;
        nrFree[order]++;
    }

    // mm/page_alloc.c: __del_page_from_free_list(): list_del(), __ClearPageBuddy(), nr_free--
    void del(int pfn) {
        int order = buddyOrder[pfn];
        int p = prev[pfn];
        int n = next[pfn];
        if (p != NIL) {
            next[p] = n;
        } else {
            head[order] = n;
        }
        if (n != NIL) {
            prev[n] = p;
        } else {
            tail[order] = p;
        }
        next[pfn] = NIL;
        prev[pfn] = NIL;
        buddyOrder[pfn] = -1;
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
        return next[pfn];
    }

    int prev(int pfn) {
        return prev[pfn];
    }

    /** The order of the free block that starts at {@code pfn}, or -1. */
    int orderAt(int pfn) {
        return buddyOrder[pfn];
    }

    /** {@code free_area[order].nr_free}: blocks on list {@code order}. */
    int count(int order) {
        return nrFree[order];
    }

    int orders() {
        return head.length;
    }

    int frames() {
        return buddyOrder.length;
    }
}
