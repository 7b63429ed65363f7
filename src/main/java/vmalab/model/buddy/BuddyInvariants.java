package vmalab.model.buddy;

import vmalab.model.cow.CowBytes;

import java.util.Locale;

/**
 * The consistency rules of the buddy allocator, checked from scratch: what CONFIG_DEBUG_VM's VM_BUG_ON()s in
 * mm/page_alloc.c assert piecemeal (aligned blocks, PageBuddy order matching the list, nr_free counts), plus
 * what the algorithm promises: no two free buddies of the same order are left unmerged below MAX_PAGE_ORDER.
 */
final class BuddyInvariants {
    private BuddyInvariants() {
    }

    static String check(FreeArea area, CowBytes allocOrder, int reservedFrames, int maxOrder, long nrFree) {
        int frames = area.frames();
        byte[] owner = new byte[frames]; // 0 unclaimed, 1 reserved, 2 free, 3 allocated
        for (int pfn = 0; pfn < reservedFrames; pfn++) {
            owner[pfn] = 1;
        }
        long freeFrames = 0;
        long listed = 0;
        for (int order = 0; order <= maxOrder; order++) {
            int count = 0;
            int prev = FreeArea.NIL;
            for (int pfn = area.first(order); pfn != FreeArea.NIL; pfn = area.next(pfn)) {
                if (++count > frames) {
                    return fmt("free list %d loops", order);
                }
                if (area.prev(pfn) != prev) {
                    return fmt("free list %d: pfn %d has a wrong prev link", order, pfn);
                }
                if (area.orderAt(pfn) != order) {
                    return fmt("pfn %d is on free list %d but marked order %d", pfn, order, area.orderAt(pfn));
                }
                String problem = claim(owner, pfn, order, (byte) 2, "free");
                if (problem != null) {
                    return problem;
                }
                if (order < maxOrder) {
                    int buddy = pfn ^ (1 << order);
                    if (buddy < frames && area.orderAt(buddy) == order) {
                        return fmt("free buddies %d and %d of order %d were not merged", pfn, buddy, order);
                    }
                }
                prev = pfn;
            }
            if (area.last(order) != prev) {
                return fmt("free list %d: tail is %d, last element %d", order, area.last(order), prev);
            }
            if (count != area.count(order)) {
                return fmt("free list %d holds %d blocks but nr_free says %d", order, count, area.count(order));
            }
            listed += count;
            freeFrames += (long) count << order;
        }
        long marked = 0;
        for (int pfn = 0; pfn < frames; pfn++) {
            if (area.orderAt(pfn) >= 0) {
                marked++;
            }
            int order = allocOrder.get(pfn);
            if (order >= 0) {
                if (order > maxOrder) {
                    return fmt("pfn %d is allocated with order %d above %d", pfn, order, maxOrder);
                }
                String problem = claim(owner, pfn, order, (byte) 3, "allocated");
                if (problem != null) {
                    return problem;
                }
            }
        }
        if (marked != listed) {
            return fmt("%d frames are marked free block heads but %d blocks are listed", marked, listed);
        }
        for (int pfn = 0; pfn < frames; pfn++) {
            if (owner[pfn] == 0) {
                return fmt("pfn %d is neither reserved, free nor allocated (leaked)", pfn);
            }
        }
        if (freeFrames != nrFree) {
            return fmt("the free lists hold %d frames but nr_free is %d", freeFrames, nrFree);
        }
        return null;
    }

    private static String claim(byte[] owner, int pfn, int order, byte as, String what) {
        long size = 1L << order;
        if ((pfn & (size - 1)) != 0) {
            return fmt("%s block %d of order %d is not aligned", what, pfn, order);
        }
        if (pfn + size > owner.length) {
            return fmt("%s block %d of order %d runs past the last frame %d", what, pfn, order, owner.length - 1);
        }
        for (int p = pfn; p < pfn + size; p++) {
            if (owner[p] != 0) {
                return fmt("%s block %d of order %d overlaps frame %d, already %s", what, pfn, order, p,
                        ownerName(owner[p]));
            }
            owner[p] = as;
        }
        return null;
    }

    private static String ownerName(byte owner) {
        return switch (owner) {
            case 1 -> "reserved";
            case 2 -> "free";
            default -> "allocated";
        };
    }

    private static String fmt(String format, Object... args) {
        return String.format(Locale.ROOT, format, args);
    }
}
