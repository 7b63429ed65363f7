package vmalab.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The process list of File → Open process…, against this machine's /proc and a made-up one. */
class ProcessListTest {
    @TempDir
    Path tmp;

    @Test
    void thisJvmIsListedWithItsVmasAndRss() throws IOException {
        long me = ProcessHandle.current().pid();
        List<ProcessList.Entry> all = ProcessList.read(Path.of("/proc"));
        ProcessList.Entry self = all.stream().filter(e -> e.pid() == me).findFirst().orElse(null);
        assertNotNull(self, "this JVM is in the list");
        long lines = Files.readAllLines(Path.of("/proc/self/maps")).size();
        assertTrue(Math.abs(self.vmas() - lines) < lines / 4 + 10, self.vmas() + " VMAs, maps has " + lines);
        assertTrue(self.rssKiB() > 1024, "a JVM holds more than a MiB: " + self.rssKiB());
        assertTrue(self.importable());
        for (int i = 1; i < all.size(); i++) assertTrue(all.get(i - 1).pid() < all.get(i).pid(), "by pid");
    }

    @Test
    void aCommWithSpacesAndParenthesesAKernelThreadAndAZombie() throws IOException {
        proc(100, "100 (my (odd) prog) S 1 100 100 0", "Name:\tx\nVmRSS:\t    2048 kB\n", "a.out\0-v\0",
            "00400000-00401000 r-xp 00000000 08:01 12 /a.out\n7ffd0000-7ffd1000 rw-p 00000000 00:00 0 [stack]\n");
        proc(2, "2 (kthreadd) S 0 0 0 0", "Name:\tkthreadd\n", "", "");
        proc(300, "300 (gone) Z 1 300 300 0", "Name:\tgone\n", "", "");
        Files.createDirectories(tmp.resolve("self")); // not a pid: left out

        List<ProcessList.Entry> all = ProcessList.read(tmp);

        assertEquals(List.of(2, 100, 300), all.stream().map(ProcessList.Entry::pid).toList());
        ProcessList.Entry odd = all.get(1);
        assertEquals("my (odd) prog", odd.comm());
        assertEquals('S', odd.state());
        assertEquals(2, odd.vmas());
        assertEquals(2048, odd.rssKiB());
        assertEquals("a.out -v", odd.cmdline());
        ProcessList.Entry kthread = all.get(0);
        assertEquals("[kthreadd]", kthread.cmdline());
        assertEquals(-1, kthread.rssKiB());
        assertFalse(kthread.importable(), "a kernel thread has no address space");
        assertFalse(all.get(2).importable(), "a zombie has no address space");
    }

    private void proc(int pid, String stat, String status, String cmdline, String maps) throws IOException {
        Path d = Files.createDirectories(tmp.resolve(Integer.toString(pid)));
        Files.writeString(d.resolve("stat"), stat);
        Files.writeString(d.resolve("status"), status);
        Files.writeString(d.resolve("cmdline"), cmdline);
        Files.writeString(d.resolve("maps"), maps);
    }
}
