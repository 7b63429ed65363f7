package vmalab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import vmalab.io.JsonTrace;
import vmalab.io.ScenarioParser;
import vmalab.model.Kernel;
import vmalab.model.OpResult;
import vmalab.model.event.EventDetail;
import vmalab.model.syscall.Syscalls;

/** The trace's "mt" object for a maple process, node for node; "rbtree" for a red-black one as before. */
class JsonTraceMapleTest {
    private static List<JsonNode> run(String scenario) throws Exception {
        ScenarioParser.Result parsed = ScenarioParser.parse(scenario, "t.vlab");
        assertTrue(parsed.ok(), parsed.error());
        Kernel k = new Kernel();
        JsonTrace trace = StateFormats.jsonTrace();
        List<JsonNode> out = new ArrayList<>();
        int step = 0;
        for (ScenarioParser.Step s : parsed.steps()) {
            OpResult r = Syscalls.apply(k, s.op(), EventDetail.FULL);
            out.add(new ObjectMapper().readTree(trace.line(++step, s.line(), s.text(), k, r)));
        }
        return out;
    }

    @Test
    void aMapleProcessCarriesItsTreeNodeForNode() throws Exception {
        JsonNode line = run("exec a empty maple\nmmap 0x10000 0x2000 rw- private anon fixed\n").get(1);
        assertFalse(line.has("rbtree"));
        JsonNode mt = line.get("mt");
        assertEquals(1, mt.get("height").asInt());
        JsonNode root = mt.get("root");
        // mas_root_expand(): NULL below, the VMA at [0x10000, 0x11fff], NULL up to ULONG_MAX
        assertEquals("maple_leaf_64", root.get("type").asText());
        assertEquals("0x0", root.get("min").asText());
        assertEquals("0xffffffffffffffff", root.get("max").asText());
        assertEquals(2, root.get("end").asInt());
        assertEquals(2, root.get("meta_end").asInt());
        assertEquals("[\"0xffff\",\"0x11fff\"]", root.get("pivots").toString());
        assertEquals("[null,\"0x10000\",null]", root.get("slots").toString());
        assertFalse(root.has("gaps"), "leaves have no gap array");
    }

    @Test
    void theMapleProcessAgreesWithTheVmaList() throws Exception {
        StringBuilder sc = new StringBuilder("exec a empty maple\n");
        for (int i = 0; i < 40; i++) sc.append(String.format("mmap 0x%x 0x1000 r-- private anon fixed%n", 0x100000 + 0x2000L * i));
        JsonNode line = run(sc.toString()).get(40);
        JsonNode mt = line.get("mt");
        assertEquals(2, mt.get("height").asInt());
        JsonNode root = mt.get("root");
        assertEquals("maple_arange_64", root.get("type").asText());
        assertEquals(root.get("end").asInt() + 1, root.get("gaps").size());
        List<String> starts = new ArrayList<>();
        for (JsonNode leaf : root.get("slots")) {
            assertEquals("maple_leaf_64", leaf.get("type").asText());
            for (JsonNode s : leaf.get("slots")) if (!s.isNull()) starts.add(s.asText());
        }
        List<String> expected = new ArrayList<>();
        for (JsonNode v : line.get("vmas")) expected.add(v.get("start").asText());
        assertEquals(expected, starts);
    }

    @Test
    void aRedBlackProcessKeepsItsRbtree() throws Exception {
        JsonNode line = run("exec a empty rbtree\nmmap 0x10000 0x2000 rw- private anon fixed\n").get(1);
        assertFalse(line.has("mt"));
        assertEquals("[\"0x10000\",\"B\",null,null]", line.get("rbtree").toString());
        assertEquals(line.get("rbtree"), run("exec a empty\nmmap 0x10000 0x2000 rw- private anon fixed\n").get(1).get("rbtree"));
    }

    @Test
    void anUnknownIndexIsABadLine() {
        ScenarioParser.Result r = ScenarioParser.parse("exec a x86_64 btree\n", "t.vlab");
        assertFalse(r.ok());
        assertEquals("t.vlab:1: unknown VMA index \"btree\" (maple or rbtree)", r.error());
    }
}
