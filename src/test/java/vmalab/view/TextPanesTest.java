package vmalab.view;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import vmalab.io.ScenarioParser;
import vmalab.io.TextLines;
import vmalab.model.Kernel;
import vmalab.model.OpResult;
import vmalab.viewmodel.Kernels;
import vmalab.viewmodel.Timeline;
import vmalab.model.syscall.Syscalls;

/** The text panes' formatting, without the toolkit. */
class TextPanesTest {
    @Test
    void theStraceLogNamesEachStepThenItsCalls() {
        Kernel k = Kernels.fresh();
        var steps = ScenarioParser.parse("exec cat x86_64\nbrk +8K\nghost: exit", "t").steps();
        List<OpResult> results = steps.stream().map(s -> Syscalls.apply(k, s.op())).toList();
        List<Timeline.Entry> entries = steps.stream().map(s -> new Timeline.Entry(s.text(), s.op(), s.line())).toList();

        String log = TextPanes.straceLog(results, entries);

        assertTrue(log.startsWith("# 1: exec cat x86_64\n1000  execve(\"/usr/bin/cat\""), log);
        assertTrue(log.contains("# 2: brk +8K\n1000  brk(NULL) = 0x55555555b000\n1000  brk(0x55555555d000) = "
            + "0x55555555d000\n"), log);
        assertTrue(log.endsWith("# 3: ghost: exit\n#   error: no process called ghost\n"), log);
    }

    /** Lines "line 0" … of a text, counting those written. */
    private static final class Numbered implements TextLines {
        final int n;
        int written;

        Numbered(int n) {
            this.n = n;
        }

        @Override
        public int count() {
            return n;
        }

        @Override
        public void append(StringBuilder sb, int i) {
            written++;
            sb.append("line ").append(i).append('\n');
        }
    }

    @Test
    void longTextKeepsItsEndsAndSaysWhatIsLeftOut() {
        Numbered text = new Numbered(5000);

        String shown = TextPanes.capLines(text);

        String[] lines = shown.split("\n");
        assertEquals(TextPanes.MAX_LINES + 1, lines.length);
        assertEquals("line 0", lines[0]);
        assertEquals("… 3000 lines not shown …", lines[TextPanes.MAX_LINES / 2]);
        assertEquals("line 4999", lines[lines.length - 1]);
        assertEquals(TextPanes.MAX_LINES, text.written, "the lines left out are never written");
        assertEquals("line 0\nline 1\n", TextPanes.capLines(new Numbered(2)));
    }
}
