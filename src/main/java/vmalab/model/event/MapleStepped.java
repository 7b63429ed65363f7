package vmalab.model.event;

import vmalab.model.maple.MapleStep;

/** One store into an mm's maple tree (mm_mt): its path and the nodes it touched. */
public record MapleStepped(long mmId, MapleStep step) implements SimEvent {
}
