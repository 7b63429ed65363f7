package vmalab.model.event;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Where one operation's events go. Bulk work asks {@link #counts(Consumer)} before it builds a per-page event:
 * null means "report it" ({@link #accept}), otherwise it only bumps a counter, so summary mode allocates no
 * per-page events. Events accepted past an {@link EventDetail#upTo(int)} cap that a bulk path did build are
 * counted too. Any other consumer (a test's list, a lambda) gets every event.
 */
public final class EventSink implements Consumer<SimEvent> {
    private final List<SimEvent> events = new ArrayList<>();
    private final int max;
    private final BulkCounts counts = new BulkCounts();
    private final Bulk bulk = new Bulk(this);

    /** The sink as bulk work sees it: events kept while detailed, counted after. */
    private record Bulk(EventSink owner) implements Consumer<SimEvent> {
        @Override
        public void accept(SimEvent e) {
            owner.acceptBulk(e);
        }
    }

    public EventSink(EventDetail detail) {
        this.max = detail.maxEvents();
    }

    /** Whether bulk work should still report event by event. */
    public boolean detailed() {
        return events.size() < max;
    }

    /** The counters to bump instead of building a per-page event, or null when the event is wanted. */
    public BulkCounts counts() {
        return events.size() < max ? null : counts;
    }

    /** {@link #counts()} of {@code ev} when it is a sink; null (report everything) for any other consumer. */
    public static BulkCounts counts(Consumer<SimEvent> ev) {
        if (ev instanceof EventSink s) return s.counts();
        return ev instanceof Bulk b ? b.owner.counts() : null;
    }

    /** Whether {@code ev} wants per-page events. */
    public static boolean detailed(Consumer<SimEvent> ev) {
        if (ev instanceof EventSink s) return s.detailed();
        return !(ev instanceof Bulk b) || b.owner.detailed();
    }

    /**
     * A consumer for bulk work whose events are built anyway (fork's VMA links through the tree): kept while
     * detailed, counted after.
     */
    public static Consumer<SimEvent> bulk(Consumer<SimEvent> ev) {
        return ev instanceof EventSink s ? s.bulk : ev;
    }

    /**
     * The counters when {@code ev} is a {@link #bulk} consumer past its cap (what it is given is only counted),
     * else null: bulk work that would build an event only to have it counted can count it straight away.
     */
    public static BulkCounts bulkCounts(Consumer<SimEvent> ev) {
        return ev instanceof Bulk b ? b.owner.counts() : null;
    }

    private void acceptBulk(SimEvent e) {
        if (events.size() < max) events.add(e);
        else counts.add(e);
    }

    @Override
    public void accept(SimEvent e) {
        events.add(e);
    }

    /** The events so far, without the summary. */
    public List<SimEvent> events() {
        return events;
    }

    /** The events in order, ending with a {@link BulkSummary} when anything was counted. */
    public List<SimEvent> finish() {
        if (counts.isEmpty()) return List.copyOf(events);
        List<SimEvent> out = new ArrayList<>(events.size() + 1);
        out.addAll(events);
        out.add(counts.snapshot());
        return List.copyOf(out);
    }
}
