package vmalab.model.paging;

/**
 * One level of a page-table walk: the table's level name and frame, the index the address selects in it, and
 * the entry found there (for the upper levels a pointer to the next table, for the last level the PTE).
 *
 * @param tablePfn the frame holding this table, or -1 when the walk stopped above it (no table yet)
 */
public record WalkStep(String level, long tablePfn, int index, Pte entry) {
    public boolean present() {
        return entry.present();
    }
}
