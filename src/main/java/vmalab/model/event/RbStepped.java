package vmalab.model.event;

import vmalab.model.rbtree.RbStep;

/** One step of an insert or erase in an mm's VMA tree (mm_rb). */
public record RbStepped(long mmId, RbStep step) implements SimEvent {
}
