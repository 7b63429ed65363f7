package vmalab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import vmalab.io.ScenarioParser;
import vmalab.model.Kernel;
import vmalab.model.OpResult;
import vmalab.model.syscall.Syscalls;

/** {@code run --show events}: one line per event of every operation, nothing per state. */
class EventsOutputTest {
    static int eventsOf(String lesson) throws IOException {
        ScenarioParser.Result parsed = ScenarioParser.parse(Files.readString(Path.of(lesson), StandardCharsets.UTF_8),
            lesson);
        Kernel k = new Kernel();
        int n = 0;
        for (ScenarioParser.Step s : parsed.steps()) {
            OpResult r = Syscalls.apply(k, s.op());
            n += r.events().size();
        }
        return n;
    }

    @Test
    void everyEventIsOneTabSeparatedLine() throws IOException {
        CliTest.Run r = CliTest.cli("run", "src/main/resources/vmalab/lessons/heap-fault.vlab", "--show", "events");
        assertEquals(0, r.code(), r.err());
        List<String> lines = r.out().lines().toList();
        assertEquals(eventsOf("src/main/resources/vmalab/lessons/heap-fault.vlab"), lines.size());
        int step = 1;
        for (String l : lines) {
            String[] f = l.split("\t");
            assertTrue(f.length >= 3, l);
            int s = Integer.parseInt(f[0]);
            assertTrue(s == step || s == step + 1, "steps in order: " + l);
            step = s;
            Integer.parseInt(f[1]);
        }
        assertTrue(lines.stream().anyMatch(l -> l.matches("\\d+\t1000\tPageFault\tmmId=1\tpid=1000\taddr=0x[0-9a-f]+"
            + "\taccess=w\tkind=ANON_PAGE")), r.out());
        assertTrue(lines.stream().anyMatch(l -> l.contains("\tNarration\tdo_anonymous_page\ta write to untouched "
            + "memory: frame ")), r.out());
        assertTrue(lines.stream().anyMatch(l -> l.contains("\tSyscallDone\tbrk(NULL) = 0x")), r.out());
    }

    @Test
    void eventsComeWithTheFormatsAskedForAtTheEnd() {
        CliTest.Run events = CliTest.cli("run", "src/main/resources/vmalab/lessons/example.vlab", "--show", "events,maps");
        CliTest.Run maps = CliTest.cli("run", "src/main/resources/vmalab/lessons/example.vlab", "--show", "maps");
        String tail = maps.out().substring(maps.out().indexOf("==\n"));
        assertTrue(events.out().endsWith(tail), events.out());
    }

    @Test
    void runWithoutEventsKeepsItsLog() {
        CliTest.Run r = CliTest.cli("run", "src/main/resources/vmalab/lessons/heap-fault.vlab");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("minor fault"), r.out());
        assertTrue(r.out().lines().noneMatch(l -> l.contains("\t")), r.out());
    }
}
