package vmalab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every line of {@code --show json} carries every live process (issue 11 item 13). */
class JsonProcessesTest {
    private static final String SCENARIO = """
        exec main x86_64
        mmap 0x100000000000 8K rw- private anon fixed
        touch 0x100000000000 w
        fork child
        child: touch 0x100000000000 w
        child: exit
        """;

    private static List<JsonNode> run(Path dir) throws IOException {
        Path f = dir.resolve("fork.vlab");
        Files.writeString(f, SCENARIO);
        CliTest.Run r = CliTest.cli("run", f.toString(), "--show", "json");
        assertEquals(0, r.code(), r.err());
        List<JsonNode> out = new ArrayList<>();
        ObjectMapper m = new ObjectMapper();
        for (String l : r.out().lines().toList()) if (l.startsWith("{")) out.add(m.readTree(l));
        return out;
    }

    @Test
    void afterForkTheLineShowsTheChildBesideTheParent(@TempDir Path dir) throws IOException {
        List<JsonNode> lines = run(dir);
        JsonNode fork = lines.get(3);
        assertEquals("fork child", fork.get("op").asText());
        assertEquals("main", fork.get("process").asText(), "the top-level fields stay the parent's");
        JsonNode procs = fork.get("processes");
        assertEquals(2, procs.size());
        assertEquals("main", procs.get(0).get("name").asText());
        assertEquals("child", procs.get(1).get("name").asText());
        assertTrue(procs.get(0).get("pid").asInt() < procs.get(1).get("pid").asInt());
        assertEquals(fork.get("vmas"), procs.get(0).get("vmas"));
        assertEquals(procs.get(0).get("vmas"), procs.get(1).get("vmas"), "dup_mmap() copied every VMA");
        for (String field : List.of("mm", "rbtree", "pages")) {
            assertTrue(procs.get(1).has(field), field);
        }
    }

    @Test
    void theChildsOwnWriteShowsInItsPagesAndExitRemovesIt(@TempDir Path dir) throws IOException {
        List<JsonNode> lines = run(dir);
        JsonNode write = lines.get(4);
        assertEquals("child", write.get("process").asText());
        long parentFrame = frameAt(write.get("processes").get(0), "0x100000000000");
        long childFrame = frameAt(write.get("processes").get(1), "0x100000000000");
        assertTrue(parentFrame != childFrame, "the child's write copied the page");
        JsonNode exit = lines.get(5);
        assertEquals(1, exit.get("processes").size());
        assertEquals("main", exit.get("processes").get(0).get("name").asText());
    }

    private static long frameAt(JsonNode process, String addr) {
        for (JsonNode p : process.get("pages")) if (p.get("addr").asText().equals(addr)) return p.get("frame").asLong();
        throw new AssertionError("no page " + addr + " in " + process.get("name"));
    }
}
