package vmalab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vmalab.cli.CliTest.Run;

/** `capture` then `import PID --diff DIR` against tools/many-vmas, which maps and unmaps on command. */
class ImportDiffLiveTest {
    @Test
    void theDiffSeesAnUnmapAndAGrowth(@TempDir Path tmp) throws Exception {
        // given the helper with 40 VMAs in its region, built here
        Path bin = tmp.resolve("many-vmas");
        Process cc = new ProcessBuilder("gcc", "-O2", "-o", bin.toString(), "tools/many-vmas/many-vmas.c")
            .redirectErrorStream(true).start();
        assumeTrue(cc.waitFor(60, TimeUnit.SECONDS) && cc.exitValue() == 0, "no C compiler");
        Process p = new ProcessBuilder(bin.toString(), "60").start();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
             PrintWriter in = new PrintWriter(p.getOutputStream(), true, StandardCharsets.UTF_8)) {
            String ready = out.readLine();
            assertTrue(ready.startsWith("ready "), ready);
            String pid = ready.split(" ")[1];
            Path dir = tmp.resolve("before");
            Run cap = CliTest.cli("capture", pid, dir.toString());
            assertEquals(0, cap.code(), cap.err());

            // when page 3 (a PROT_NONE one) is unmapped and 16 pages are mapped next to the region
            in.println("unmap 3");
            out.readLine();
            in.println("grow");
            out.readLine();
            Run diff = CliTest.cli("import", pid, "--diff", dir.toString());

            // then
            assertEquals(0, diff.code(), diff.err());
            assertEquals(1, diff.out().lines().filter(l -> l.startsWith("removed ")).count(), diff.out());
            assertEquals(1, diff.out().lines().filter(l -> l.startsWith("grown ") && l.contains("+64K")).count(),
                diff.out());
            // and nothing else changed in the VMAs (libc's text may have faulted pages in: "pages …" lines)
            assertEquals(2, diff.out().lines().filter(l -> !l.startsWith("pages ")).count(), diff.out());
        } finally {
            p.destroy();
            p.waitFor(5, TimeUnit.SECONDS);
        }
    }
}
