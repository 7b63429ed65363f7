package vmalab.fuzz;

import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import vmalab.io.Parsed;
import vmalab.io.Text;
import vmalab.model.Kernel;
import vmalab.model.mm.Mm;
import vmalab.model.mm.Task;
import vmalab.model.paging.PhysicalMemory;

/** The one rule every fuzz target holds its input path to: a value, or one short, placed, printable message. */
final class FuzzChecks {
    /** Longer than any message a parser should give: a quoted word is cut at 60 characters. */
    static final int MESSAGE_CHARS = 600;

    private FuzzChecks() {
    }

    /** A parser's answer: when it failed, the message names {@code file} (or a file in it) first, is short and prints. */
    static <T> void clearAnswer(Parsed<T> p, String file) {
        if (p.failed()) clearMessage(p.error(), file);
    }

    static void clearMessage(String error, String file) {
        // a folder's message names the file in it that is wrong: DIR/maps:3: …
        assertTrue(error.startsWith(file + ":") || error.startsWith(file + "/"),
            () -> "message does not name the file: " + error);
        assertTrue(error.length() <= MESSAGE_CHARS, () -> "message of " + error.length() + " characters");
        assertNull(Text.controlIn(error), () -> "message with a control character: " + Text.shown(error, 200));
    }

    /** Null when every mm and the physical memory are consistent, else the first problem. */
    static String modelProblem(Kernel k) {
        for (Mm m : k.mms()) {
            String bad = m.checkInvariants();
            if (bad != null) return "mm " + m.id() + ": " + bad;
        }
        if (k.pages() instanceof PhysicalMemory pm) return pm.checkInvariants(k.mms());
        return null;
    }

    /** What a failed operation must leave as it was: the tasks and every mm's VMAs. */
    static List<Object> fingerprint(Kernel k) {
        List<Object> out = new ArrayList<>();
        for (Task t : k.tasks()) {
            out.add(t.pid());
            out.add(t.comm());
            out.add(t.mm() == null ? null : List.copyOf(t.mm().vmas()));
        }
        return out;
    }
}
