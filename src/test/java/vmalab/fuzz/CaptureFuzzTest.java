package vmalab.fuzz;

import static org.junit.jupiter.api.Assertions.assertNull;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import vmalab.io.Capture;
import vmalab.io.CaptureFiles;
import vmalab.io.CaptureModel;
import vmalab.io.Parsed;
import vmalab.model.Kernel;
import vmalab.model.OpResult;
import vmalab.model.op.Op;
import vmalab.model.syscall.Syscalls;

/**
 * A capture folder as {@code import DIR} reads it, its files made of fuzzed bytes, then imported into a kernel:
 * the capture loads or says which file is wrong, and an imported process keeps every model invariant.
 */
class CaptureFuzzTest {
    /** The files of a capture, in the order the input holds them, separated by the byte 0x1e. */
    static final List<String> FILES = List.of("maps", "smaps", "stat", "status", "cmdline", "pagemap");
    static final byte SEPARATOR = 0x1e;

    @FuzzTest(maxDuration = "5m")
    void captureFolder(byte[] input) throws IOException {
        Path dir = Files.createTempDirectory("vmalab-fuzz-capture");
        try {
            List<byte[]> parts = split(ParserFuzzTest.bounded(input));
            for (int i = 0; i < Math.min(parts.size(), FILES.size()); i++) {
                // maps is always there (a kernel thread's is empty); another file is left out when its part is empty
                if (i == 0 || parts.get(i).length > 0) Files.write(dir.resolve(FILES.get(i)), parts.get(i));
            }
            Parsed<Capture> c = CaptureFiles.load(dir);
            FuzzChecks.clearAnswer(c, dir.toString());
            if (c.failed()) return;
            Kernel k = new Kernel();
            OpResult r = Syscalls.apply(k, new Op.Import("fuzz", CaptureModel.of(c.value())));
            if (r.failed()) {
                FuzzChecks.clearMessage("fuzz:" + r.error(), "fuzz");
                return;
            }
            String bad = FuzzChecks.modelProblem(k);
            assertNull(bad, () -> "after importing the capture: " + bad);
        } finally {
            CaptureFiles.deleteQuietly(dir);
        }
    }

    static List<byte[]> split(byte[] b) {
        List<byte[]> out = new ArrayList<>();
        int from = 0;
        for (int i = 0; i <= b.length; i++) {
            if (i == b.length || b[i] == SEPARATOR) {
                out.add(Arrays.copyOfRange(b, from, i));
                from = i + 1;
            }
        }
        return out;
    }
}
