package vmalab.model.event;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import vmalab.model.Kernel;
import vmalab.model.OpResult;
import vmalab.model.fault.FaultEvent;
import vmalab.model.op.Op;
import vmalab.model.syscall.Syscalls;

/** How much of an operation's bulk work is reported event by event, and how the rest is counted. */
class EventDetailTest {
    static final int PAGES = 1000;

    static OpResult touch(EventDetail detail) {
        Kernel k = new Kernel();
        Syscalls.apply(k, new Op.Exec("p", "empty"));
        OpResult m = Syscalls.apply(k, new Op.Mmap(0x10000000L, PAGES * 4096L, 3, false, null, 0, true, false, false,
            false, false));
        assertEquals(0x10000000L, m.result());
        return Syscalls.apply(k, new Op.Touch(0x10000000L, PAGES * 4096L, 'w'), detail);
    }

    static long faultEvents(List<SimEvent> events) {
        return events.stream().filter(e -> e instanceof FaultEvent.PageFault).count();
    }

    static BulkSummary summary(List<SimEvent> events) {
        SimEvent last = events.isEmpty() ? null : events.get(events.size() - 1);
        return last instanceof BulkSummary b ? b : null;
    }

    @Test
    void fullReportsEveryFaultAndNoSummary() {
        OpResult r = touch(EventDetail.FULL);
        assertEquals(PAGES, faultEvents(r.events()));
        assertNull(summary(r.events()));
        assertEquals(PAGES, r.minorFaults());
    }

    @Test
    void summaryCountsEveryFaultAndReportsNone() {
        OpResult r = touch(EventDetail.SUMMARY);
        assertEquals(0, faultEvents(r.events()));
        BulkSummary b = summary(r.events());
        assertNotNull(b);
        assertEquals(PAGES, b.faults(FaultEvent.Kind.ANON_PAGE));
        assertEquals(PAGES, b.ptesSet());
        assertEquals(PAGES + b.tablesAllocated(), b.framesTakenByOrder()[0], "a frame per page and per table");
        assertTrue(b.tablesAllocated() > 0);
        assertEquals(PAGES, r.minorFaults());
        assertTrue(r.events().size() < 10, "a handful of events, not thousands: " + r.events().size());
    }

    @Test
    void aCapReportsTheFirstFaultsInFullAndCountsTheRest() {
        OpResult r = touch(EventDetail.upTo(200));
        long reported = faultEvents(r.events());
        BulkSummary b = summary(r.events());
        assertNotNull(b);
        assertTrue(reported > 0 && reported < PAGES, "some faults in full: " + reported);
        assertEquals(PAGES, reported + b.faults(), "every fault reported or counted");
        assertTrue(r.events().size() <= 200 + 20, "the cap holds: " + r.events().size());
        assertEquals(PAGES, r.minorFaults());
    }

    @Test
    void aSinkWantsDetailUntilItsCap() {
        EventSink sink = new EventSink(EventDetail.upTo(2));
        assertTrue(sink.detailed());
        assertNull(EventSink.counts(sink));
        sink.accept(new MmEvent.BrkMoved(1, 0, 4096));
        sink.accept(new MmEvent.BrkMoved(1, 4096, 8192));
        assertTrue(!sink.detailed() && EventSink.counts(sink) != null);
        EventSink.bulk(sink).accept(new MmEvent.BrkMoved(1, 8192, 0));
        List<SimEvent> out = sink.finish();
        assertEquals(3, out.size());
        assertEquals(1, ((BulkSummary) out.get(2)).otherEvents());
        assertTrue(EventSink.detailed(e -> { }), "any other consumer gets everything");
        assertThrows(IllegalArgumentException.class, () -> EventDetail.upTo(-1));
    }
}
