package vmalab.fuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import vmalab.io.ScenarioParser;
import vmalab.io.ScenarioSyntax;
import vmalab.model.Kernel;
import vmalab.model.OpResult;
import vmalab.model.event.EventDetail;
import vmalab.model.mm.Task;
import vmalab.model.mm.Vma;
import vmalab.model.syscall.Syscalls;

/**
 * Coverage-guided sequences of scenario operations over several processes: each line is built from the fuzzer's
 * bytes in the scenario language (addresses mostly inside or beside the current process's VMAs), run through
 * the model, and after every one each mm's invariants and the physical memory's must hold; a failed operation
 * must leave the processes and their VMAs as they were. Complements the jqwik random-operation test: here the
 * fuzzer steers towards new branches of the model.
 */
class OperationsFuzzTest {
    static final int MAX_OPS = 48;
    static final long PAGE = 4096;
    static final List<String> PROCESSES = List.of("a", "b", "c", "d");
    static final List<String> PROFILES = List.of("x86_64", "i386-2.6", "empty");
    static final List<String> PROTS = List.of("---", "r--", "rw-", "r-x", "rwx", "-w-", "--x");

    @FuzzTest(maxDuration = "5m")
    void operations(FuzzedDataProvider data) {
        Kernel k = new Kernel();
        List<String> done = new ArrayList<>();
        if (data.consumeBoolean()) {
            done.add(run(k, "memory " + data.consumeInt(64, 4096) + " maxorder " + data.consumeInt(0, 10), done));
        }
        done.add(run(k, "exec a " + data.pickValue(PROFILES) + (data.consumeBoolean() ? " maple" : ""), done));
        int n = data.consumeInt(0, MAX_OPS);
        for (int i = 0; i < n && data.remainingBytes() > 0; i++) {
            String line = line(k, data);
            if (line != null) done.add(run(k, line, done));
        }
    }

    /** Runs one line; checks the invariants (or, when it failed, that nothing changed). */
    private static String run(Kernel k, String line, List<String> before) {
        ScenarioParser.Line l = ScenarioParser.parseLine(line, "ops", before.size() + 1);
        assertNull(l.error(), () -> "the generator wrote a bad line: " + l.error());
        List<Object> was = FuzzChecks.fingerprint(k);
        OpResult r = Syscalls.apply(k, l.op(), EventDetail.SUMMARY);
        if (r.failed()) {
            assertEquals(was, FuzzChecks.fingerprint(k), () -> "failed, yet changed the model: " + trail(before, line));
        } else {
            String bad = FuzzChecks.modelProblem(k);
            assertNull(bad, () -> bad + "\n" + trail(before, line));
        }
        return line;
    }

    private static String trail(List<String> before, String line) {
        return String.join("\n", before) + "\n" + line;
    }

    private static String line(Kernel k, FuzzedDataProvider d) {
        String prefix = d.consumeInt(0, 5) == 0 ? d.pickValue(PROCESSES) + ": " : "";
        ScenarioSyntax op = d.pickValue(ScenarioSyntax.values());
        String body = switch (op) {
            case EXEC -> "exec " + d.pickValue(PROCESSES) + " " + d.pickValue(PROFILES)
                + (d.consumeBoolean() ? " maple" : "");
            case IMPORT, MEMORY -> null;
            case FILE -> "file f" + d.consumeInt(0, 2) + " " + d.consumeInt(1, 64) * PAGE / (d.consumeBoolean() ? 1 : 3)
                + (d.consumeBoolean() ? " cold" : "");
            case MMAP -> mmap(k, d);
            case MUNMAP -> "munmap " + addr(k, d) + " " + len(d);
            case MPROTECT -> "mprotect " + addr(k, d) + " " + len(d) + " " + d.pickValue(PROTS);
            case MADVISE -> "madvise " + addr(k, d) + " " + len(d) + " "
                + d.pickValue(ScenarioSyntax.MADVISE.words());
            case MREMAP -> "mremap " + addr(k, d) + " " + len(d) + " " + len(d) + (d.consumeBoolean() ? " maymove" : "");
            case BRK -> switch (d.consumeInt(0, 2)) {
                case 0 -> "brk +" + d.consumeInt(0, 64) * PAGE / (d.consumeBoolean() ? 1 : 5);
                case 1 -> "brk -" + d.consumeInt(0, 64) * PAGE;
                default -> "brk =" + addr(k, d);
            };
            case TOUCH -> "touch " + addr(k, d) + " " + d.consumeInt(1, 16) * PAGE + " " + d.pickValue(List.of("r", "w", "x"));
            case FORK -> "fork " + d.pickValue(PROCESSES);
            case THREAD -> "thread " + d.pickValue(PROCESSES) + "t";
            case EXIT -> "exit";
            case ALLOC_PAGES -> "alloc_pages " + d.consumeInt(0, 6) + (d.consumeBoolean() ? " blk" + d.consumeInt(0, 3) : "");
            case FREE_PAGES -> "free_pages " + (d.consumeBoolean() ? "blk" + d.consumeInt(0, 3)
                : Integer.toString(d.consumeInt(0, 4096))) + " " + d.consumeInt(0, 6);
        };
        return body == null ? null : prefix + body;
    }

    private static String mmap(Kernel k, FuzzedDataProvider d) {
        StringBuilder s = new StringBuilder("mmap ");
        boolean fixed = d.consumeBoolean();
        if (fixed || d.consumeBoolean()) s.append(addr(k, d)).append(' ');
        s.append(len(d)).append(' ').append(d.pickValue(PROTS)).append(d.consumeBoolean() ? " private" : " shared");
        s.append(d.consumeBoolean() ? " anon" : " file:f" + d.consumeInt(0, 2) + "@" + d.consumeInt(0, 8) * PAGE);
        if (fixed) s.append(d.consumeBoolean() ? " fixed" : " noreplace");
        if (d.consumeInt(0, 7) == 0) s.append(" growsdown");
        if (d.consumeInt(0, 3) == 0) s.append(" noreserve");
        if (d.consumeInt(0, 3) == 0) s.append(" populate");
        return s.toString();
    }

    private static String len(FuzzedDataProvider d) {
        return Long.toString(d.consumeInt(1, 32) * PAGE - (d.consumeInt(0, 7) == 0 ? 1 : 0));
    }

    /** Mostly a page inside or just beside one of the current process's VMAs; sometimes anywhere. */
    private static String addr(Kernel k, FuzzedDataProvider d) {
        Task t = k.current();
        List<Vma> vmas = t == null || t.mm() == null ? List.of() : t.mm().vmas();
        long a;
        if (vmas.isEmpty() || d.consumeInt(0, 7) == 0) {
            a = d.consumeLong(0, 0x7ffffffff000L / PAGE) * PAGE;
        } else {
            Vma v = vmas.get(d.consumeInt(0, vmas.size() - 1));
            long pages = (v.end() - v.start()) / PAGE;
            a = v.start() + (d.consumeLong(-2, pages + 1)) * PAGE;
        }
        return String.format(Locale.ROOT, "0x%x", a);
    }
}
