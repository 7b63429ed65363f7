package vmalab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import vmalab.io.JsonTrace;
import vmalab.io.ScenarioParser;
import vmalab.model.Kernel;
import vmalab.model.OpResult;
import vmalab.model.event.BuddyStepped;
import vmalab.model.event.BulkSummary;
import vmalab.model.event.EventDetail;
import vmalab.model.event.SimEvent;
import vmalab.model.fault.FaultEvent;
import vmalab.model.buddy.BuddyEvent;
import vmalab.model.paging.PagingEvent;
import vmalab.model.syscall.Syscalls;

/**
 * Every lesson leaves the same state, step by step, whatever detail its events are reported in; summary mode
 * builds no per-page events and its counts equal what full mode reports one by one.
 */
class EventDetailModesTest {
    record Run(List<String> trace, String finalState, List<OpResult> results) { }

    static Stream<Path> lessons() throws IOException {
        try (Stream<Path> s = Files.list(Path.of("src/main/resources/vmalab/lessons"))) {
            return s.filter(p -> p.toString().endsWith(".vlab")).sorted().toList().stream();
        }
    }

    static Run run(Path lesson, EventDetail detail) throws IOException {
        ScenarioParser.Result parsed = ScenarioParser.parse(Files.readString(lesson, StandardCharsets.UTF_8),
            lesson.toString());
        assertTrue(parsed.ok(), parsed.error());
        Kernel k = new Kernel();
        JsonTrace trace = StateFormats.jsonTrace();
        List<String> lines = new ArrayList<>();
        List<OpResult> results = new ArrayList<>();
        int step = 0;
        for (ScenarioParser.Step s : parsed.steps()) {
            OpResult r = Syscalls.apply(k, s.op(), detail);
            results.add(r);
            lines.add(trace.line(++step, s.line(), s.text(), k, r));
            if (r.failed()) break;
        }
        StringWriter out = new StringWriter();
        StateFormats.print(new PrintWriter(out), k, List.of("maps", "pmap-x", "buddyinfo"));
        return new Run(lines, out.toString(), results);
    }

    static long count(List<SimEvent> events, Class<?> type) {
        return events.stream().filter(type::isInstance).count();
    }

    static BulkSummary summary(OpResult r) {
        for (SimEvent e : r.events()) if (e instanceof BulkSummary b) return b;
        return null;
    }

    @ParameterizedTest
    @MethodSource("lessons")
    void theStateAndMinorFaultsAgreeInEveryMode(Path lesson) throws IOException {
        Run full = run(lesson, EventDetail.FULL);
        Run summary = run(lesson, EventDetail.SUMMARY);
        Run capped = run(lesson, EventDetail.upTo(25));
        assertEquals(full.trace(), summary.trace(), "json trace (state and minflt after every step)");
        assertEquals(full.trace(), capped.trace());
        assertEquals(full.finalState(), summary.finalState());
        assertEquals(full.finalState(), capped.finalState());
        for (int i = 0; i < full.results().size(); i++) {
            assertEquals(full.results().get(i).minorFaults(), summary.results().get(i).minorFaults());
        }
    }

    @ParameterizedTest
    @MethodSource("lessons")
    void summaryModeCountsWhatFullModeReports(Path lesson) throws IOException {
        Run full = run(lesson, EventDetail.FULL);
        Run summary = run(lesson, EventDetail.SUMMARY);
        for (int i = 0; i < full.results().size(); i++) {
            List<SimEvent> f = full.results().get(i).events();
            List<SimEvent> s = summary.results().get(i).events();
            assertEquals(0, count(s, FaultEvent.PageFault.class) + count(s, PagingEvent.PteSet.class)
                + count(s, PagingEvent.PteCleared.class) + count(s, BuddyStepped.class), "no per-page events");
            BulkSummary b = summary(summary.results().get(i));
            long faults = count(f, FaultEvent.PageFault.class);
            long ptes = count(f, PagingEvent.PteSet.class);
            long taken = f.stream().filter(e -> e instanceof BuddyStepped bs && bs.step() instanceof BuddyEvent.Allocated)
                .count();
            if (b == null) {
                assertEquals(0, faults + ptes + taken, "step " + (i + 1));
                continue;
            }
            assertEquals(faults, b.faults(), "step " + (i + 1));
            for (FaultEvent.Kind k : FaultEvent.Kind.values()) {
                long n = f.stream().filter(e -> e instanceof FaultEvent.PageFault pf && pf.kind() == k).count();
                assertEquals(n, b.faults(k), k + " at step " + (i + 1));
            }
            assertEquals(ptes, b.ptesSet());
            assertEquals(count(f, PagingEvent.PteCleared.class), b.ptesCleared());
            assertEquals(count(f, PagingEvent.TableAllocated.class), b.tablesAllocated());
            assertEquals(taken, b.framesTaken());
            assertFalse(s.size() > f.size(), "summary has no more events than full");
        }
    }
}
