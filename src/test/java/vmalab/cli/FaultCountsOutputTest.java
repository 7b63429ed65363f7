package vmalab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** majflt beside minflt in the log and the JSON trace; a PROT_NONE page is present with no access. */
class FaultCountsOutputTest {
    @TempDir
    Path dir;

    private Path scenario() throws Exception {
        Path f = dir.resolve("cold.vlab");
        Files.writeString(f, String.join("\n",
            "file data 256K cold",
            "exec p empty",
            "mmap 0x10000000 256K r-- private file:data",
            "touch 0x10008000 1 r",
            "mmap 0x20000000 4K rw- private anon",
            "touch 0x20000000 1 w",
            "mprotect 0x20000000 4K ---", ""));
        return f;
    }

    @Test
    void theLogShowsMajorFaultsBesideMinorOnes() throws Exception {
        CliTest.Run r = CliTest.cli("run", scenario().toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("(0 minor faults, 1 major fault)"), r.out());
        assertTrue(r.out().contains("(1 minor fault)\n"), r.out());
    }

    @Test
    void theJsonCarriesMajfltAndProtNonePages() throws Exception {
        CliTest.Run r = CliTest.cli("run", scenario().toString(), "--show", "json");
        assertEquals(0, r.code(), r.err());
        String[] lines = r.out().split("\n");
        ObjectMapper json = new ObjectMapper();
        JsonNode read = json.readTree(lines[3]);
        assertEquals(1, read.get("majflt").asInt());
        assertEquals(0, read.get("minflt").asInt());
        JsonNode last = json.readTree(lines[6]);
        JsonNode page = null;
        for (JsonNode p : last.get("pages")) if (p.get("addr").asText().equals("0x20000000")) page = p;
        assertTrue(page.get("present").asBoolean(), "pte_present(): PROT_NONE keeps the frame");
        assertEquals("none", page.get("access").asText());
        assertFalse(page.get("write").asBoolean());
    }
}
