package vmalab.model.event;

/**
 * Something the simulated kernel did, in order. Every operation reports an ordered list of these; the
 * viewmodel folds them into properties and the animation director plays one animation per event.
 */
public sealed interface SimEvent permits MmEvent, TaskEvent, PhysEvent, RbStepped, MapleStepped, BuddyStepped, Narration,
    BulkSummary {
}
