package vmalab.model.event;

/**
 * How many events a consumer wants from one operation. {@link #FULL}: every event. {@link #SUMMARY}: bulk work
 * (the pages of a touch, a populate, fork's page copies, munmap/exit/MADV_DONTNEED zaps, buddy splits and
 * merges) is counted into one {@link BulkSummary} instead of one event per page. {@link #upTo(int)}: every
 * event until {@code maxEvents} are recorded, then the rest of the bulk work is counted. The model state an
 * operation leaves is the same in every mode.
 */
public record EventDetail(int maxEvents) {
    public static final EventDetail FULL = new EventDetail(Integer.MAX_VALUE);
    public static final EventDetail SUMMARY = new EventDetail(0);

    public EventDetail {
        if (maxEvents < 0) throw new IllegalArgumentException("maxEvents < 0: " + maxEvents);
    }

    /** Full detail for the first {@code maxEvents} events, then a summary. */
    public static EventDetail upTo(int maxEvents) {
        return new EventDetail(maxEvents);
    }
}
