package vmalab.io;

import vmalab.model.mm.Mm;
import vmalab.model.mm.Vma;

/**
 * Where smaps and {@code pmap -x} get their page counts for a model VMA: the paging model walks its page
 * tables (smaps_pte_range()) and answers. Until paging is wired in, {@link #NONE} says nothing is resident.
 */
@FunctionalInterface
public interface PageCounter {
    PageCounter NONE = (mm, vma) -> PageCounts.ZERO;

    PageCounts count(Mm mm, Vma vma);
}
