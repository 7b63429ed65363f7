package vmalab.fuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import vmalab.io.LessonLines;
import vmalab.io.MapEntry;
import vmalab.io.MapsParser;
import vmalab.io.PageStates;
import vmalab.io.PagemapDump;
import vmalab.io.Parsed;
import vmalab.io.ScenarioParser;
import vmalab.io.ScenarioRunner;
import vmalab.io.SmapsParser;
import vmalab.io.Text;
import vmalab.io.session.SessionData;
import vmalab.io.session.SessionFormat;
import vmalab.model.Kernel;
import vmalab.model.event.EventDetail;

/**
 * Coverage-guided fuzzing of every text format the program reads (issue 12): whatever the bytes, the parser
 * answers with a value or one clear {@code FILE:LINE: problem}; an exception, a hang or a heap filled is a finding.
 * Without {@code JAZZER_FUZZ} each target replays its committed seeds ({@code ParserFuzzTestInputs/NAME}).
 */
class ParserFuzzTest {
    /** Inputs beyond this are cut: the limits of the formats are tested elsewhere, here speed matters. */
    static final int MAX_BYTES = 8192;
    /** Scenario steps run at most; a fuzzed scenario may be slow per step but not long. */
    static final int MAX_STEPS = 64;

    static byte[] bounded(byte[] in) {
        return in.length <= MAX_BYTES ? in : java.util.Arrays.copyOf(in, MAX_BYTES);
    }

    /** A scenario file as {@code run} reads it: strict UTF-8, parsed whole, then run step by step. */
    @FuzzTest(maxDuration = "5m")
    void scenario(byte[] input) {
        byte[] bytes = bounded(input);
        Parsed<String> text = Text.decode(bytes, "fuzz.vlab");
        FuzzChecks.clearAnswer(text, "fuzz.vlab");
        if (text.failed()) return;
        // import reads a capture folder or a running process: the capture target covers that path hermetically
        if (text.value().toLowerCase(Locale.ROOT).contains("import")) return;
        ScenarioParser.Result r = ScenarioParser.parse(text.value(), "fuzz.vlab");
        if (!r.ok()) {
            FuzzChecks.clearMessage(r.error(), "fuzz.vlab");
            return;
        }
        ScenarioRunner runner = new ScenarioRunner(new Kernel(), "fuzz.vlab");
        List<ScenarioParser.Step> steps = r.steps();
        for (int i = 0; i < Math.min(MAX_STEPS, steps.size()); i++) {
            List<Object> before = FuzzChecks.fingerprint(runner.kernel());
            ScenarioRunner.Ran ran = runner.run(steps.get(i), EventDetail.SUMMARY);
            String error = runner.errorOf(ran);
            if (error != null) FuzzChecks.clearMessage(error, "fuzz.vlab");
            if (ran.result().failed()) {
                assertEquals(before, FuzzChecks.fingerprint(runner.kernel()), () -> "a failed step changed the model: "
                    + ran.step().text());
                return;
            }
            String bad = FuzzChecks.modelProblem(runner.kernel());
            assertNull(bad, () -> "after " + ran.step().text() + ": " + bad);
        }
    }

    /** A line the command bar checks on its own: {@code [NAME:] expect KEY [ARG] VALUE}. */
    @FuzzTest(maxDuration = "5m")
    void lessonLine(byte[] input) {
        String line = new String(bounded(input), StandardCharsets.UTF_8);
        LessonLines.isLessonLine(line);
        FuzzChecks.clearAnswer(LessonLines.check(line, "bar", 1), "bar");
    }

    /** /proc/PID/maps, as {@code import --maps} reads it. */
    @FuzzTest(maxDuration = "5m")
    void maps(byte[] input) {
        FuzzChecks.clearAnswer(MapsParser.parse("maps", bounded(input)), "maps");
    }

    /** /proc/PID/smaps, whole and in pmap's reduced reading. */
    @FuzzTest(maxDuration = "5m")
    void smaps(byte[] input) {
        byte[] bytes = bounded(input);
        FuzzChecks.clearAnswer(SmapsParser.parse("smaps", bytes, false), "smaps");
        FuzzChecks.clearAnswer(SmapsParser.parse("smaps", bytes, true), "smaps");
    }

    /**
     * A capture's pagemap dump against its maps: the input is the maps text, a NUL, then the dump (without a
     * NUL, the dump against a small fixed maps).
     */
    @FuzzTest(maxDuration = "5m")
    void pagemap(byte[] input) {
        byte[] bytes = bounded(input);
        int nul = indexOf(bytes, (byte) 0);
        List<MapEntry> vmas;
        byte[] dump;
        if (nul < 0) {
            vmas = MapsParser.parse("maps", FIXED_MAPS).orElseThrow();
            dump = bytes;
        } else {
            Parsed<List<MapEntry>> m = MapsParser.parse("maps", java.util.Arrays.copyOf(bytes, nul));
            if (m.failed()) return;
            vmas = m.value();
            dump = java.util.Arrays.copyOfRange(bytes, nul + 1, bytes.length);
        }
        String[] note = new String[1];
        Parsed<PageStates> p = PagemapDump.parse("pagemap", dump, vmas, note);
        FuzzChecks.clearAnswer(p, "pagemap");
    }

    /** A saved session (.vsession JSON), and the steps it gives the window. */
    @FuzzTest(maxDuration = "5m")
    void session(byte[] input) {
        String json = new String(bounded(input), StandardCharsets.UTF_8);
        Parsed<SessionData> p = SessionFormat.read(json, "s.vsession");
        FuzzChecks.clearAnswer(p, "s.vsession");
        if (!p.failed()) p.value().steps();
    }

    static final String FIXED_MAPS = String.join("\n",
        "555555554000-555555556000 r--p 00000000 08:01 1234 /usr/bin/cat",
        "555555556000-55555555a000 r-xp 00002000 08:01 1234 /usr/bin/cat",
        "55555555a000-55555557b000 rw-p 00000000 00:00 0 [heap]",
        "7ffffffde000-7ffffffff000 rw-p 00000000 00:00 0 [stack]", "");

    static int indexOf(byte[] b, byte v) {
        for (int i = 0; i < b.length; i++) if (b[i] == v) return i;
        return -1;
    }
}
