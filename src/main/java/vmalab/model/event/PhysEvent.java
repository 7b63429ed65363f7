package vmalab.model.event;

/**
 * The physical side: page-table walks and entries, page faults, frames, the page cache. Records are added by
 * the paging and fault packages.
 */
public non-sealed interface PhysEvent extends SimEvent {
}
