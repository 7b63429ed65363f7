package vmalab.model.event;

import vmalab.model.buddy.BuddyEvent;

/** One step of the buddy allocator: a split, merge, list move, allocation or free. */
public record BuddyStepped(BuddyEvent step) implements SimEvent {
}
