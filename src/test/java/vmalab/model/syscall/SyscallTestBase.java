package vmalab.model.syscall;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import java.util.stream.Collectors;
import vmalab.io.ScenarioParser;
import vmalab.model.Kernel;
import vmalab.model.OpResult;
import vmalab.model.fault.PageBackend;
import vmalab.model.mm.Mm;
import vmalab.model.mm.Vma;

/** Helpers: run scenario lines against a kernel and describe its VMAs compactly. */
abstract class SyscallTestBase {
    Kernel kernel = new Kernel(new PageBackend.None());

    OpResult run(String line) {
        ScenarioParser.Line l = ScenarioParser.parseLine(line, "test", 1);
        assertNull(l.error(), l.error());
        OpResult r = Syscalls.apply(kernel, l.op());
        assertFalse(r.failed(), () -> line + ": " + r.error());
        for (Mm m : kernel.mms()) assertNull(m.checkInvariants(), () -> "after " + line + ": " + m.checkInvariants());
        return r;
    }

    long ret(String line) {
        return run(line).result();
    }

    Mm mm() {
        return kernel.current().mm();
    }

    /** "start-end perms" for every VMA in [lo, hi). */
    String vmas(long lo, long hi) {
        return mm().vmas().stream()
            .filter(v -> Long.compareUnsigned(v.start(), lo) >= 0 && Long.compareUnsigned(v.end(), hi) <= 0)
            .map(v -> String.format("%x-%x %s", v.start(), v.end(), v.perms()))
            .collect(Collectors.joining(", "));
    }

    List<Vma> all() {
        return mm().vmas();
    }
}
