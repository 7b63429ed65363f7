package vmalab.model.maple;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Differential test against the kernel: every NAME.ops in src/test/resources/kernel/maple is a sequence of stores
 * and erases; NAME.rec is the node layout that Linux 6.18's lib/maple_tree.c built for it (userspace build of
 * the kernel file, tree flags MT_FLAGS_ALLOC_RANGE | MT_FLAGS_LOCK_EXTERN | MT_FLAGS_USE_RCU as mm_mt has them,
 * each store through mas_store_gfp(), each erase through mas_erase()), printed at every {@code dump} line of the
 * .ops. The replay puts the same operations through {@link MapleTree} and holds its layout to the recording node
 * for node: type, min, max, end, metadata end, pivots, gaps, meta gap and leaf entries.
 *
 * <p>.ops lines: {@code store FIRST LAST VALUE|null} (hex, inclusive), {@code erase INDEX} (the entry's whole
 * range becomes NULL, nothing when INDEX is in a NULL range), {@code dump}; {@code #} starts a comment.
 * .rec: {@code dump after N} (N ops done), {@code height H}, then {@code empty} or one {@code node} line per node,
 * depth first: {@code node PATH TYPE MIN MAX end E [meta_end M] pivots P,.. [gaps G,.. meta_gap S] [slots V|null,..]}
 * with PATH {@code r}, {@code r.0}, {@code r.0.3}...
 */
class MapleKernelReplayTest {
    /** Recordings the model is known not to match yet, with the reason; empty when the model matches them all. */
    static final Map<String, String> PENDING = Map.of();

    // --- the recordings

    record Node(String path, String type, long min, long max, int end, Integer metaEnd, List<Long> pivots,
                List<Long> gaps, Integer metaGap, List<Long> slots) {
        String describe() {
            return "node " + path + " " + type + " " + hex(min) + ".." + hex(max) + " end " + end;
        }
    }

    record Dump(int afterOp, int height, List<Node> nodes) { }

    record Op(int line, String text, boolean erase, long first, long last, Long value) { }

    static Path dir() {
        try {
            return Path.of(MapleKernelReplayTest.class.getResource("/kernel/maple").toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static List<String> names() throws IOException {
        try (Stream<Path> files = Files.list(dir())) {
            return files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".rec"))
                .map(n -> n.substring(0, n.length() - 4)).sorted().toList();
        }
    }

    static long hex(String s) {
        return Long.parseUnsignedLong(s.startsWith("0x") ? s.substring(2) : s, 16);
    }

    static String hex(long v) {
        return "0x" + Long.toHexString(v);
    }

    static List<Op> readOps(String name, List<String> lines) {
        List<Op> ops = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String l = lines.get(i).strip();
            if (l.isEmpty() || l.startsWith("#") || l.equals("dump")) continue;
            String[] w = l.split(" ");
            if (w[0].equals("store") && w.length == 4) {
                ops.add(new Op(i + 1, l, false, hex(w[1]), hex(w[2]), w[3].equals("null") ? null : hex(w[3])));
            } else if (w[0].equals("erase") && w.length == 2) {
                ops.add(new Op(i + 1, l, true, hex(w[1]), hex(w[1]), null));
            } else {
                throw new IllegalArgumentException(name + ".ops:" + (i + 1) + ": not an op: " + l);
            }
        }
        return ops;
    }

    static List<Dump> readRec(String name, List<String> lines) {
        List<Dump> dumps = new ArrayList<>();
        int after = -1, height = -1;
        List<Node> nodes = null;
        for (int i = 0; i < lines.size(); i++) {
            String l = lines.get(i).strip();
            String where = name + ".rec:" + (i + 1) + ": ";
            if (l.isEmpty() || l.startsWith("#")) continue;
            String[] w = l.split(" ");
            switch (w[0]) {
                case "dump" -> {
                    if (nodes != null) dumps.add(new Dump(after, height, nodes));
                    after = Integer.parseInt(w[2]);
                    height = -1;
                    nodes = new ArrayList<>();
                }
                case "height" -> height = Integer.parseInt(w[1]);
                case "empty" -> { }
                case "node" -> {
                    if (nodes == null) throw new IllegalArgumentException(where + "node before any dump line");
                    nodes.add(parseNode(where, w));
                }
                default -> throw new IllegalArgumentException(where + "unknown line: " + l);
            }
        }
        if (nodes != null) dumps.add(new Dump(after, height, nodes));
        return dumps;
    }

    private static Node parseNode(String where, String[] w) {
        String path = w[1], type = w[2];
        long min = hex(w[3]), max = hex(w[4]);
        Integer end = null, metaEnd = null, metaGap = null;
        List<Long> pivots = null, gaps = null, slots = null;
        int i = 5;
        while (i < w.length) {
            String key = w[i++];
            switch (key) {
                case "end" -> end = Integer.parseInt(w[i++]);
                case "meta_end" -> metaEnd = Integer.parseInt(w[i++]);
                case "meta_gap" -> metaGap = Integer.parseInt(w[i++]);
                case "pivots", "gaps", "slots" -> {
                    List<Long> vals = new ArrayList<>();
                    if (i < w.length && (w[i].startsWith("0x") || w[i].startsWith("null"))) {
                        for (String v : w[i++].split(",")) vals.add(v.equals("null") ? null : hex(v));
                    }
                    if (key.equals("pivots")) pivots = vals;
                    else if (key.equals("gaps")) gaps = vals;
                    else slots = vals;
                }
                default -> throw new IllegalArgumentException(where + "unknown field " + key);
            }
        }
        if (end == null || pivots == null) throw new IllegalArgumentException(where + "node without end or pivots");
        return new Node(path, type, min, max, end, metaEnd, pivots, gaps, metaGap, slots);
    }

    // --- the model's side

    static List<Node> layout(MapleTree<Long> t) {
        List<Node> out = new ArrayList<>();
        MapleTree.NodeInfo r = t.rootInfo();
        if (r != null) walk(r, "r", out);
        return out;
    }

    private static void walk(MapleTree.NodeInfo n, String path, List<Node> out) {
        List<Long> pivots = new ArrayList<>();
        for (int i = 0; i < n.end(); i++) pivots.add(n.pivot(i));
        List<Long> gaps = null, slots = null;
        Integer metaGap = null;
        if (n.type().hasGaps()) {
            gaps = new ArrayList<>();
            for (int i = 0; i <= n.end(); i++) gaps.add(n.gap(i));
            metaGap = n.metaGap();
        }
        if (n.isLeaf()) {
            slots = new ArrayList<>();
            for (int i = 0; i <= n.end(); i++) slots.add((Long) n.entry(i));
        }
        out.add(new Node(path, n.type().kernelName(), n.min(), n.max(), n.end(), n.hasMeta() ? n.end() : null,
            pivots, gaps, metaGap, slots));
        if (!n.isLeaf()) for (int i = 0; i <= n.end(); i++) walk(n.child(i), path + "." + i, out);
    }

    static void apply(MapleTree<Long> t, Op op) {
        if (!op.erase()) {
            t.store(op.first(), op.last(), op.value());
        } else if (t.load(op.first()) != null) { // mas_erase(): the whole range of the entry at index
            long[] r = t.rangeOf(op.first());
            t.store(r[0], r[1], null);
        }
    }

    /** The first difference between the kernel's dump and the model's layout, or null. */
    static String compare(Dump k, int modelHeight, List<Node> m) {
        if (k.height() != modelHeight) return "height: kernel " + k.height() + ", model " + modelHeight;
        for (int i = 0; i < Math.max(k.nodes().size(), m.size()); i++) {
            if (i >= k.nodes().size()) return "model has an extra " + m.get(i).describe();
            if (i >= m.size()) return "model lacks " + k.nodes().get(i).describe();
            Node a = k.nodes().get(i), b = m.get(i);
            String d = field("path", a.path(), b.path());
            if (d == null) d = field("type", a.type(), b.type());
            if (d == null) d = field("min", hex(a.min()), hex(b.min()));
            if (d == null) d = field("max", hex(a.max()), hex(b.max()));
            if (d == null) d = field("end", a.end(), b.end());
            if (d == null) d = field("meta_end", a.metaEnd(), b.metaEnd());
            if (d == null) d = field("pivots", hexes(a.pivots()), hexes(b.pivots()));
            if (d == null) d = field("gaps", hexes(a.gaps()), hexes(b.gaps()));
            if (d == null) d = field("meta_gap", a.metaGap(), b.metaGap());
            if (d == null) d = field("slots", hexes(a.slots()), hexes(b.slots()));
            if (d != null) return "node " + a.path() + " (" + a.type() + " " + hex(a.min()) + ".." + hex(a.max()) + "): " + d;
        }
        return null;
    }

    private static String field(String name, Object kernel, Object model) {
        return Objects.equals(kernel, model) ? null : name + ": kernel " + kernel + ", model " + model;
    }

    private static String hexes(List<Long> v) {
        if (v == null) return null;
        List<String> s = new ArrayList<>();
        for (Long x : v) s.add(x == null ? "null" : hex(x));
        return String.join(",", s);
    }

    /** Replays NAME and returns the first difference ("op N (line): ...") or null when every dump matches. */
    static String replay(String name, List<String> opsLines, List<String> recLines) {
        List<Op> ops = readOps(name, opsLines);
        List<Dump> dumps = readRec(name, recLines);
        if (dumps.isEmpty()) return name + ".rec has no dump";
        MapleTree<Long> t = new MapleTree<>(true);
        int done = 0;
        for (Dump d : dumps) {
            if (d.afterOp() > ops.size()) return name + ".rec dumps after op " + d.afterOp() + " of " + ops.size();
            while (done < d.afterOp()) apply(t, ops.get(done++));
            String diff = compare(d, t.height(), layout(t));
            if (diff != null) {
                String last = done == 0 ? "before any op" : "op " + done + " (" + name + ".ops:" + ops.get(done - 1).line()
                    + " " + ops.get(done - 1).text() + ")";
                return name + ": after " + last + ": " + diff;
            }
            String inv = MapleInvariants.check(t);
            if (inv != null) return name + ": after op " + done + " the model breaks an invariant: " + inv;
        }
        return null;
    }

    static List<String> read(String file) throws IOException {
        return Files.readAllLines(dir().resolve(file), StandardCharsets.UTF_8);
    }

    // --- the tests

    @ParameterizedTest(name = "{0}")
    @MethodSource("names")
    void theModelBuildsTheKernelsLayout(String name) throws IOException {
        String diff = replay(name, read(name + ".ops"), read(name + ".rec"));
        if (PENDING.containsKey(name)) {
            assertNotNull(diff, name + " is listed as pending (" + PENDING.get(name) + ") but now matches: take it off");
            return;
        }
        assertNull(diff);
    }

    @Test
    void everyRecordingHasItsOpsAndAHeaderAndAllAreReplayed() throws IOException {
        List<String> recs = names();
        Set<String> ops = new TreeSet<>();
        try (Stream<Path> files = Files.list(dir())) {
            files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".ops"))
                .forEach(n -> ops.add(n.substring(0, n.length() - 4)));
        }
        assertEquals(ops, new TreeSet<>(recs), ".ops and .rec files must come in pairs");
        assertTrue(recs.size() >= 10, "the recordings are there: " + recs);
        for (String n : recs) {
            String head = read(n + ".rec").get(0);
            assertTrue(head.startsWith("# recorded from Linux 6.18") && head.contains("lib/maple_tree.c"),
                n + ".rec: the first line names the kernel it was recorded from: " + head);
            assertFalse(readRec(n, read(n + ".rec")).isEmpty(), n + ".rec has dumps");
        }
        for (String p : PENDING.keySet()) assertTrue(recs.contains(p), "pending " + p + " is not a recording");
    }

    @Test
    void anAlteredRecordingIsReportedWithOpNodeAndField() throws IOException {
        String name = "root-split-gaps";
        List<String> rec = new ArrayList<>(read(name + ".rec"));
        assertNull(replay(name, read(name + ".ops"), rec), "the unaltered recording matches");
        // change the last pivot of the last leaf of the last dump by one
        int at = -1;
        for (int i = rec.size() - 1; i >= 0 && at < 0; i--) if (rec.get(i).contains("maple_leaf_64")) at = i;
        String line = rec.get(at);
        int p = line.indexOf(" pivots ") + " pivots ".length();
        int q = line.indexOf(' ', p);
        String[] piv = line.substring(p, q).split(",");
        String was = piv[piv.length - 1];
        piv[piv.length - 1] = hex(hex(was) + 1);
        rec.set(at, line.substring(0, p) + String.join(",", piv) + line.substring(q));
        String diff = replay(name, read(name + ".ops"), rec);
        assertNotNull(diff, "an altered pivot is a difference");
        String path = line.split(" ")[1];
        assertTrue(diff.contains("op ") && diff.contains("node " + path) && diff.contains("pivots: kernel"), diff);
        assertTrue(diff.contains(hex(hex(was) + 1)) && diff.contains(was), diff);

        // and a node the kernel has that the model lacks
        List<String> more = new ArrayList<>(read(name + ".rec"));
        more.add(more.get(at).replace("node " + path + " ", "node " + path + "9 "));
        String extra = replay(name, read(name + ".ops"), more);
        assertNotNull(extra);
        assertTrue(extra.contains("model lacks node " + path + "9"), extra);
    }

    @Test
    void aBrokenRecordingLineIsNamedByFileAndLine() {
        try {
            readRec("x", List.of("# h", "dump after 0", "height 1", "leaf r"));
            fail("an unknown line is refused");
        } catch (IllegalArgumentException e) {
            assertEquals("x.rec:4: unknown line: leaf r", e.getMessage());
        }
    }
}
