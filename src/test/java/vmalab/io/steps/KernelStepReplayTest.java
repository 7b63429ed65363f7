package vmalab.io.steps;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Replays every scenario of src/test/resources/kernel/steps through the model and holds it, step by step, to
 * what tools/kernel-probe/steps.c recorded on Linux 6.18 (x86-64) for the same scenario: return values, VMAs
 * (relative to each mapping's start), Present and zero-page pages, minflt, majflt and signals.
 */
class KernelStepReplayTest {
    /** The recordings the model matches on every step. */
    static final List<String> PASSING = List.of(
        "alternating-protections",
        "anon-touch",
        "anon-vma-reuse",
        "brk-cycles",
        "eoverflow-mremap",
        "file-private-shared",
        "fork-child-merge",
        "high-addresses",
        "madv-free",
        "madv-remove",
        "madvise-cold-pageout",
        "madvise-matrix",
        "madvise-matrix-kinds",
        "madvise-pages",
        "madvise-remove-populate-kinds",
        "majflt-cold",
        "merge-three-way-anon",
        "merge-three-way-shared-anon-vma",
        "mremap-moves",
        "overcommit",
        "populate",
        "prot-none-present",
        "several-forks",
        "shmem",
        "sigbus-past-eof");

    /**
     * Recordings the model does not match yet, with the field that differs first. A recording
     * that starts to match fails here until it is moved to {@link #PASSING}.
     */
    static final Map<String, String> PENDING = Map.of();

    static Stream<String> passing() {
        return PASSING.stream();
    }

    static Stream<String> pending() {
        return PENDING.keySet().stream().sorted();
    }

    private static String resource(String name) throws IOException {
        try (InputStream in = KernelStepReplayTest.class.getResourceAsStream("/kernel/steps/" + name)) {
            if (in == null) throw new IOException("no fixture " + name);
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    static List<StepReplay.Difference> replay(String name) throws IOException {
        KernelRecording rec = KernelRecording.parse(resource(name + ".rec"));
        assertFalse(rec.steps().isEmpty(), name + ".rec holds no step");
        return StepReplay.compare(resource(name + ".scn"), name + ".scn", rec);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("passing")
    void modelMatchesTheKernelOnEveryStep(String name) throws IOException {
        List<StepReplay.Difference> d = replay(name);
        assertTrue(d.isEmpty(), () -> name + ":\n" + d.stream().limit(3).map(Object::toString)
            .collect(Collectors.joining("\n")));
    }

    @Test
    void pendingRecordingsStillDifferWhereTheirNoteSays() throws IOException {
        for (String name : pending().toList()) {
            List<StepReplay.Difference> d = replay(name);
            assertFalse(d.isEmpty(), name + " now matches the kernel: move it from PENDING to PASSING");
            assertEquals(PENDING.get(name), d.get(0).field() + " at step " + d.get(0).step(),
                () -> name + " differs elsewhere now: " + d.get(0));
        }
    }

    @Test
    void everyRecordingIsReplayed() throws IOException {
        try (Stream<java.nio.file.Path> files = java.nio.file.Files.list(java.nio.file.Path.of(
                "src/test/resources/kernel/steps"))) {
            List<String> recorded = files.map(f -> f.getFileName().toString()).filter(f -> f.endsWith(".rec"))
                .map(f -> f.substring(0, f.length() - 4)).sorted().toList();
            List<String> known = Stream.concat(passing(), pending()).sorted().toList();
            assertEquals(recorded, known, "each recording is in PASSING or PENDING");
        }
    }

    @Test
    void aChangedPageFaultCountOrSignalIsADifference() throws IOException {
        String rec = resource("anon-touch.rec");
        String scn = resource("anon-touch.scn");
        // step 2 read the first page: the zero page, one minor fault
        String page = rec.replaceFirst("pages 0x100000000000 Z\\.\\.\\.", "pages 0x100000000000 P...");
        String fault = rec.replaceFirst("faults 1 0", "faults 2 0");
        String signal = rec.replaceFirst("signal SIGSEGV 0x100000001000", "signal -");
        for (String changed : List.of(page, fault, signal)) {
            assertFalse(changed.equals(rec), "the mutation applies");
            assertFalse(StepReplay.compare(scn, "anon-touch.scn", KernelRecording.parse(changed)).isEmpty());
        }
    }

    @Test
    void everyRecordingIsListed() throws IOException, URISyntaxException {
        Path dir = Path.of(KernelStepReplayTest.class.getResource("/kernel/steps").toURI());
        TreeSet<String> found = new TreeSet<>();
        try (Stream<Path> files = Files.list(dir)) {
            files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".rec"))
                .forEach(n -> found.add(n.substring(0, n.length() - 4)));
        }
        TreeSet<String> listed = new TreeSet<>(PASSING);
        listed.addAll(PENDING.keySet());
        assertEquals(found, listed);
        for (String n : found) assertTrue(Files.exists(dir.resolve(n + ".scn")), n + ".rec has no " + n + ".scn");
    }
}
