package vmalab.io.session;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import vmalab.io.JsonTrace;
import vmalab.io.Parsed;
import vmalab.io.ScenarioParser;

/**
 * The session file ({@code .vsession}): pretty-printed JSON, one scenario line per line of the file, so it reads
 * and diffs like the scenario it holds.
 *
 * <pre>{@code
 * { "format" : "vmalab-session", "version" : 1, "saved" : "2026-12-02T05:40:12Z",
 *   "scenario" : { "name" : "heap-fault.vlab", "lines" : [ "…", "…" ],
 *                  "typed" : [ { "at" : 3, "line" : "…" } ] },
 *   "step" : 4,
 *   "window" : { "view" : "layout", "texts" : "maps", "dividers" : [ 0.5 ], "theme" : "light",
 *                "reduceMotion" : false, "speed" : 1.0, "fontScale" : 1.0 },
 *   "selection" : { "pid" : 1, "vma" : "0x555555559000", "address" : null },
 *   "layout" : { "fit" : false, "trueScale" : false, "zoom" : 3.5, "offset" : 120.0 } }
 * }</pre>
 *
 * Reading checks everything, the scenario's lines included, and reports the first problem as
 * {@code FILE:LINE: problem} with LINE a line of the session file; it never gives half a session.
 */
public final class SessionFormat {
    public static final String FORMAT = "vmalab-session";
    public static final int VERSION = 1;
    public static final String EXTENSION = ".vsession";

    private static final ObjectMapper MAPPER = new ObjectMapper()
        .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
        .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private SessionFormat() {
    }

    // ---- writing ----

    /** The session as the file's text. */
    public static String write(SessionData d) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("format", FORMAT);
        root.put("version", VERSION);
        if (d.saved() != null) root.put("saved", d.saved().toString());
        ObjectNode sc = root.putObject("scenario");
        sc.put("name", d.name());
        ArrayNode lines = sc.putArray("lines");
        if (!d.text().isEmpty()) for (String l : d.text().split("\r?\n", -1)) lines.add(l);
        ArrayNode typed = sc.putArray("typed");
        for (SessionData.Typed t : d.typed()) typed.addObject().put("at", t.at()).put("line", t.text());
        root.put("step", d.step());
        ObjectNode w = root.putObject("window");
        w.put("view", d.view());
        w.put("texts", d.texts());
        ArrayNode div = w.putArray("dividers");
        for (double x : d.dividers()) div.add(x);
        w.put("theme", d.theme());
        w.put("reduceMotion", d.reduceMotion());
        w.put("speed", d.speed());
        w.put("fontScale", d.fontScale());
        ObjectNode sel = root.putObject("selection");
        if (d.pid() == null) sel.putNull("pid");
        else sel.put("pid", d.pid());
        putAddress(sel, "vma", d.vma());
        putAddress(sel, "address", d.address());
        ObjectNode lay = root.putObject("layout");
        lay.put("fit", d.layout().fit());
        lay.put("trueScale", d.layout().trueScale());
        lay.put("zoom", d.layout().zoom());
        lay.put("offset", d.layout().offset());
        DefaultIndenter nl = new DefaultIndenter("  ", "\n");
        DefaultPrettyPrinter pp = new DefaultPrettyPrinter().withObjectIndenter(nl).withArrayIndenter(nl);
        try {
            return MAPPER.writer(pp).writeValueAsString(root) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a tree of strings and numbers always writes", e);
        }
    }

    private static void putAddress(ObjectNode o, String key, long a) {
        if (a == -1) o.putNull(key);
        else o.put(key, JsonTrace.hex(a));
    }

    // ---- reading ----

    /** Reads a session file's text; {@code fileName} names it in the error. */
    public static Parsed<SessionData> read(String json, String fileName) {
        JsonNode root;
        try {
            root = MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            int line = e.getLocation() == null ? 1 : Math.max(1, e.getLocation().getLineNr());
            return Parsed.failed(fileName, line, "not a session file: broken JSON ("
                + vmalab.io.Text.shown(e.getOriginalMessage(), vmalab.io.Limits.QUOTED_CHARS) + ")");
        }
        try {
            return Parsed.ok(new Reader(root).session());
        } catch (Bad b) {
            return Parsed.failed(fileName, lineOf(json, b.at), b.getMessage());
        }
    }

    /** A value of the file as a message quotes it: cut with "…" like any offending word. */
    static String shown(Object value) {
        return vmalab.io.Text.shown(String.valueOf(value), vmalab.io.Limits.QUOTED_CHARS);
    }

    /** The line of the file where the value at {@code at} is (or its nearest enclosing value that is there). */
    static int lineOf(String json, JsonPointer at) {
        for (JsonPointer p = at; p != null; p = p.head()) {
            int line = lineOfExactly(json, p);
            if (line > 0) return line;
        }
        return 1;
    }

    private static int lineOfExactly(String json, JsonPointer at) {
        if (at.matches()) return 1;
        try (JsonParser p = MAPPER.getFactory().createParser(json)) {
            for (JsonToken t = p.nextToken(); t != null; t = p.nextToken()) {
                if (p.getParsingContext().pathAsPointer().equals(at)) return p.currentTokenLocation().getLineNr();
            }
        } catch (IOException e) {
            // the text read as a tree a moment ago; nothing to find past a problem
        }
        return -1;
    }

    /** A problem with the value at {@code at}. */
    private static final class Bad extends Exception {
        final JsonPointer at;

        Bad(JsonPointer at, String message) {
            super(message, null, false, false);
            this.at = at;
        }
    }

    /** Takes a checked tree apart. */
    private static final class Reader {
        private final JsonNode root;

        Reader(JsonNode root) {
            this.root = root;
        }

        SessionData session() throws Bad {
            JsonPointer top = JsonPointer.empty();
            if (!root.isObject()) throw new Bad(top, "not a session file: expected a JSON object");
            JsonNode format = root.get("format");
            if (format == null || !FORMAT.equals(format.asText(null))) {
                throw new Bad(format == null ? top : ptr("/format"), "not a vmalab session: \"format\" is "
                    + (format == null ? "missing" : shown(format)) + ", expected \"" + FORMAT + "\"");
            }
            int version = integer("/version", null);
            if (version < 1 || version > VERSION) {
                throw new Bad(ptr("/version"), "session version " + version + " is not one this vmalab reads ("
                    + VERSION + (version > VERSION ? "; it was written by a newer vmalab)" : ")"));
            }
            Instant saved = null;
            String s = text("/saved", null, true);
            if (s != null) {
                try {
                    saved = Instant.parse(s);
                } catch (java.time.format.DateTimeParseException e) {
                    throw new Bad(ptr("/saved"), "bad time " + vmalab.io.Text.quote(s)
                        + ": expected like 2026-12-02T05:40:12Z");
                }
            }
            String name = text("/scenario/name", null, false);
            // the name stands first in every message about the scenario's lines, so it must print and be short
            // (a file's name: NAME_MAX is 255 as well)
            String badName = name == null ? null : vmalab.io.Text.controlIn(name);
            if (badName != null) {
                throw new Bad(ptr("/scenario/name"), "the scenario's name has a character that does not print: "
                    + badName);
            }
            if (name != null && name.length() > vmalab.io.Limits.NAME_CHARS) {
                throw new Bad(ptr("/scenario/name"), "the scenario's name is " + name.length()
                    + " characters long (the most is " + vmalab.io.Limits.NAME_CHARS + ")");
            }
            String text = scenarioText();
            List<SessionData.Typed> typed = typed();
            int steps = checkScenario(name, text, typed);
            int step = integer("/step", 0);
            if (step < 0 || step > steps) {
                throw new Bad(ptr("/step"), "step " + step + " is outside the scenario (0 to " + steps + ")");
            }
            String view = text("/window/view", "layout", false);
            String texts = text("/window/texts", "maps", false);
            List<Double> dividers = new ArrayList<>();
            JsonNode div = array("/window/dividers", true);
            for (int i = 0; div != null && i < div.size(); i++) {
                double x = number("/window/dividers/" + i, 0);
                if (x < 0 || x > 1) throw new Bad(ptr("/window/dividers/" + i), "a divider lies between 0 and 1");
                dividers.add(x);
            }
            String theme = text("/window/theme", "light", false);
            boolean reduce = bool("/window/reduceMotion", false);
            double speed = number("/window/speed", 1);
            if (!(speed > 0)) throw new Bad(ptr("/window/speed"), "the speed must be above 0");
            double fontScale = number("/window/fontScale", 1);
            if (!(fontScale > 0)) throw new Bad(ptr("/window/fontScale"), "the font scale must be above 0");
            JsonNode pidNode = root.at("/selection/pid");
            Integer pid = pidNode.isMissingNode() || pidNode.isNull() ? null : integer("/selection/pid", null);
            long vma = address("/selection/vma");
            long address = address("/selection/address");
            Viewport layout = new Viewport(bool("/layout/fit", true), bool("/layout/trueScale", false),
                number("/layout/zoom", 1), number("/layout/offset", 0));
            if (!(layout.zoom() > 0)) throw new Bad(ptr("/layout/zoom"), "the zoom must be above 0");
            return new SessionData(name, text, typed, step, view, texts, dividers, pid, vma, address, layout, reduce,
                speed, theme, saved, fontScale);
        }

        private String scenarioText() throws Bad {
            JsonNode lines = array("/scenario/lines", false);
            List<String> out = new ArrayList<>();
            for (int i = 0; i < lines.size(); i++) out.add(text("/scenario/lines/" + i, null, false));
            return String.join("\n", out);
        }

        private List<SessionData.Typed> typed() throws Bad {
            JsonNode typed = array("/scenario/typed", true);
            List<SessionData.Typed> out = new ArrayList<>();
            for (int i = 0; typed != null && i < typed.size(); i++) {
                String at = "/scenario/typed/" + i;
                out.add(new SessionData.Typed(integer(at + "/at", null), text(at + "/line", null, false)));
            }
            return out;
        }

        /** Parses the scenario and the typed lines as the timeline will; the number of steps. */
        private int checkScenario(String name, String text, List<SessionData.Typed> typed) throws Bad {
            ScenarioParser.Result r = ScenarioParser.parse(text, name);
            if (!r.ok()) {
                int n = scenarioLine(r.error(), name);
                throw new Bad(n > 0 ? ptr("/scenario/lines/" + (n - 1)) : ptr("/scenario/lines"),
                    "the scenario no longer reads: " + r.error());
            }
            int steps = r.steps().size();
            int last = -1;
            for (int i = 0; i < typed.size(); i++) {
                SessionData.Typed t = typed.get(i);
                JsonPointer at = ptr("/scenario/typed/" + i);
                if (t.at() <= last || t.at() > steps) {
                    throw new Bad(ptr("/scenario/typed/" + i + "/at"), "a typed line at step " + t.at()
                        + " is out of order or past the end (after " + last + ", at most " + steps + ")");
                }
                ScenarioParser.Line l = ScenarioParser.parseLine(t.text(), "command", t.at() + 1);
                if (l.error() != null) throw new Bad(ptr(at + "/line"), "a typed line no longer reads: " + l.error());
                if (l.op() == null) throw new Bad(ptr(at + "/line"), "a typed line holds no operation");
                last = t.at();
                steps++;
            }
            return steps;
        }

        /** N of a parser error {@code NAME:N: …}, or 0. */
        private static int scenarioLine(String error, String name) {
            if (!error.startsWith(name + ":")) return 0;
            int from = name.length() + 1;
            int to = from;
            while (to < error.length() && Character.isDigit(error.charAt(to))) to++;
            return to > from ? Integer.parseInt(error.substring(from, to)) : 0;
        }

        private static JsonPointer ptr(String p) {
            return JsonPointer.compile(p);
        }

        private JsonNode node(String p, boolean optional) throws Bad {
            JsonNode n = root.at(p);
            if (n.isMissingNode() || n.isNull() && !optional) {
                if (optional) return null;
                throw new Bad(ptr(p), "missing \"" + p.substring(p.lastIndexOf('/') + 1) + "\" (at " + p + ")");
            }
            return n.isNull() ? null : n;
        }

        private String text(String p, String dflt, boolean nullable) throws Bad {
            JsonNode n = node(p, dflt != null || nullable);
            if (n == null) return dflt;
            if (!n.isTextual()) throw new Bad(ptr(p), p + " should be a string, not " + shown(n));
            return n.asText();
        }

        private int integer(String p, Integer dflt) throws Bad {
            JsonNode n = node(p, dflt != null);
            if (n == null) return dflt;
            if (!n.isInt()) throw new Bad(ptr(p), p + " should be a whole number, not " + shown(n));
            return n.asInt();
        }

        private double number(String p, double dflt) throws Bad {
            JsonNode n = node(p, true);
            if (n == null) return dflt;
            if (!n.isNumber()) throw new Bad(ptr(p), p + " should be a number, not " + shown(n));
            return n.asDouble();
        }

        private boolean bool(String p, boolean dflt) throws Bad {
            JsonNode n = node(p, true);
            if (n == null) return dflt;
            if (!n.isBoolean()) throw new Bad(ptr(p), p + " should be true or false, not " + shown(n));
            return n.asBoolean();
        }

        private JsonNode array(String p, boolean optional) throws Bad {
            JsonNode n = node(p, optional);
            if (n == null) return null;
            if (!n.isArray()) throw new Bad(ptr(p), p + " should be a list [ … ], not " + shown(n));
            return n;
        }

        /** An address "0x…" (unsigned), or -1 for null or absent. */
        private long address(String p) throws Bad {
            JsonNode n = node(p, true);
            if (n == null) return -1;
            Long v = n.isTextual() && n.asText().startsWith("0x") ? vmalab.io.Numbers.parse(n.asText()) : null;
            if (v == null) {
                throw new Bad(ptr(p), p + " should be an address like \"0x7ffc0000\" or null, not " + shown(n));
            }
            return v;
        }
    }
}
