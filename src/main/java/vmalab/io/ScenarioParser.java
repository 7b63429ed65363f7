package vmalab.io;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import vmalab.io.lesson.LessonHeader;
import vmalab.io.lesson.StepNotes;
import vmalab.model.mm.Prot;
import vmalab.model.op.Advice;
import vmalab.model.op.Op;

/**
 * The scenario language: one operation a line, {@code #} comments, numbers in hex, decimal or with K/M/G
 * suffixes. A bad line is reported as {@code FILE:LINE: message}. The operations, their arguments and the usage
 * errors quote come from {@link ScenarioSyntax}; the README lists the same table.
 */
public final class ScenarioParser {
    /** One parsed line: an operation, nothing (blank or comment), or an error. */
    public record Line(Op op, String error) {
        public boolean isEmpty() {
            return op == null && error == null;
        }
    }

    /**
     * One operation of a scenario with its 1-based line number, its text and what a lesson says around it
     * ({@code say} and {@code ask} before it, {@code expect} after it).
     */
    public record Step(int line, String text, Op op, StepNotes notes) {
        public Step(int line, String text, Op op) {
            this(line, text, op, StepNotes.NONE);
        }
    }

    /** A whole scenario: its steps and lesson header, or the first error. */
    public record Result(List<Step> steps, LessonHeader header, String error) {
        public Result(List<Step> steps, String error) {
            this(steps, LessonHeader.NONE, error);
        }

        public boolean ok() {
            return error == null;
        }
    }

    private ScenarioParser() {
    }

    /** The operation keywords, for completion. */
    public static List<String> keywords() {
        return ScenarioSyntax.keywords();
    }

    /** Parses a whole scenario; stops at the first bad line. */
    public static Result parse(String text, String fileName) {
        LessonLines lesson = new LessonLines(fileName);
        String[] lines = Text.withoutBom(text).split("\r?\n", -1);
        int steps = 0;
        for (int i = 0; i < lines.length; i++) {
            String bad = unreadable(lines[i]);
            if (bad != null) return new Result(List.of(), fileName + ":" + (i + 1) + ": " + bad);
            String err = lesson.accept(lines[i], i + 1);
            if (err != null) return new Result(List.of(), err);
            if (lesson.tookLine()) continue;
            Line l = parseLine(lines[i], fileName, i + 1);
            if (l.error() != null) return new Result(List.of(), l.error());
            if (l.op() != null) {
                if (++steps > Limits.STEPS) {
                    return new Result(List.of(), fileName + ":" + (i + 1) + ": more than " + Limits.STEPS
                        + " operations (the most a scenario may have)");
                }
                lesson.step(i + 1, stripComment(lines[i]).trim(), l.op());
            }
        }
        String err = lesson.finish();
        if (err != null) return new Result(List.of(), err);
        return new Result(lesson.steps(), lesson.header(), null);
    }

    /** Why a line cannot be read at all (too long, a control character), before it is split; null when it can. */
    static String unreadable(String line) {
        if (line.length() > Limits.LINE_CHARS) {
            return "line is " + line.length() + " characters long (the most is " + Limits.LINE_CHARS + ")";
        }
        String control = Text.controlIn(line);
        return control == null ? null : "a character that does not print: " + control;
    }

    static String stripComment(String s) {
        int hash = s.indexOf('#');
        return hash >= 0 ? s.substring(0, hash) : s;
    }

    /** Parses one line; {@code fileName} and {@code lineNo} only name the place in an error. */
    public static Line parseLine(String text, String fileName, int lineNo) {
        String bad = unreadable(Text.withoutBom(text));
        if (bad != null) return new Line(null, fileName + ":" + lineNo + ": " + bad);
        String body = stripComment(Text.withoutBom(text)).trim();
        if (body.isEmpty()) return new Line(null, null);
        try {
            return new Line(parseOp(body), null);
        } catch (BadLine e) {
            return new Line(null, fileName + ":" + lineNo + ": " + e.getMessage());
        }
    }

    private static final class BadLine extends Exception {
        BadLine(String m) {
            super(m);
        }
    }

    private static Op parseOp(String body) throws BadLine {
        int colon = body.indexOf(':');
        String first = body.split("\\s+")[0];
        if (colon > 0 && first.endsWith(":")) {
            String name = body.substring(0, colon).trim();
            String rest = body.substring(colon + 1).trim();
            if (rest.isEmpty()) throw new BadLine("nothing to run in process " + Text.shown(name, Limits.QUOTED_CHARS));
            name(name);
            Op inner = parseOp(rest);
            if (inner instanceof Op.InTask) throw new BadLine("only one process name per line");
            return new Op.InTask(name, inner);
        }
        String[] t = body.split("\\s+");
        ScenarioSyntax syntax = ScenarioSyntax.of(t[0]);
        if (syntax == null) {
            throw new BadLine("unknown operation " + Text.quote(t[0]) + " (one of "
                + String.join(", ", ScenarioSyntax.keywords()) + ")");
        }
        String[] a = Arrays.copyOfRange(t, 1, t.length);
        return switch (syntax) {
            case EXEC -> {
                need(a, 2, 3, syntax);
                if (a.length == 3 && !a[2].equals("maple") && !a[2].equals("rbtree")) {
                    throw new BadLine("unknown VMA index " + Text.quote(a[2]) + " (maple or rbtree)");
                }
                yield new Op.Exec(name(a[0]), a[1], a.length == 3 ? a[2] : null);
            }
            case IMPORT -> {
                need(a, 1, 1, syntax);
                // import PID reads a running process (the window's File ▸ Open process… writes this line);
                // anything else is a capture folder
                Parsed<Capture> c = ProcessList.isPid(a[0]) && !java.nio.file.Files.exists(java.nio.file.Path.of(a[0]))
                    ? Capture.live(Long.parseLong(a[0]), true) : CaptureFiles.load(java.nio.file.Path.of(a[0]));
                if (c.failed()) throw new BadLine(c.error());
                yield new Op.Import(a[0], CaptureModel.of(c.value()));
            }
            case FILE -> file(a);
            case MMAP -> mmap(a);
            case MUNMAP -> {
                need(a, 2, 2, syntax);
                yield new Op.Munmap(unsigned(a[0], "address"), unsigned(a[1], "length"));
            }
            case MPROTECT -> {
                need(a, 3, 3, syntax);
                yield new Op.Mprotect(unsigned(a[0], "address"), unsigned(a[1], "length"), prot(a[2]));
            }
            case MADVISE -> {
                need(a, 3, 3, syntax);
                Advice adv = Advice.parse(a[2]);
                if (adv == null) {
                    throw new BadLine("unknown advice " + Text.quote(a[2]) + " (" + String.join(", ", syntax.words()) + ")");
                }
                yield new Op.Madvise(unsigned(a[0], "address"), unsigned(a[1], "length"), adv);
            }
            case MREMAP -> {
                need(a, 3, 4, syntax);
                boolean may = false;
                if (a.length == 4) {
                    if (!a[3].equalsIgnoreCase("maymove")) throw new BadLine("expected maymove, not " + Text.quote(a[3]));
                    may = true;
                }
                yield new Op.Mremap(unsigned(a[0], "address"), unsigned(a[1], "old length"), unsigned(a[2], "new length"),
                    may);
            }
            case BRK -> brk(a);
            case TOUCH -> touch(a);
            case FORK -> {
                need(a, 1, 1, syntax);
                yield new Op.Fork(name(a[0]));
            }
            case THREAD -> {
                need(a, 1, 1, syntax);
                yield new Op.Thread(name(a[0]));
            }
            case EXIT -> {
                need(a, 0, 0, syntax);
                yield new Op.Exit();
            }
            case MEMORY -> memory(a);
            case ALLOC_PAGES -> {
                need(a, 1, 2, syntax);
                yield new Op.AllocPages(order(a[0]), a.length > 1 ? name(a[1]) : null);
            }
            case FREE_PAGES -> {
                need(a, 2, 2, syntax);
                yield new Op.FreePages(a[0], order(a[1]));
            }
        };
    }

    private static void need(String[] a, int min, int max, ScenarioSyntax syntax) throws BadLine {
        if (a.length < min || a.length > max) {
            throw new BadLine((a.length < min ? "too few" : "too many") + " arguments: " + syntax.usage());
        }
    }

    /** A process name as the prefix can address it: printing characters, no spaces or ":", not too long. */
    private static String name(String s) throws BadLine {
        String bad = Text.badName(s);
        if (bad != null) throw new BadLine(bad);
        return s;
    }

    /** A number that must fit {@code min..max} (an int field of the model, a limit): never silently cut. */
    private static int intIn(String s, String what, long min, long max) throws BadLine {
        long v = num(s, what);
        if (v < min || v > max) {
            throw new BadLine(what + " " + Text.quote(s) + " is out of range (" + min + " to " + max + ")");
        }
        return (int) v;
    }

    private static long num(String s, String what) throws BadLine {
        Long v = Numbers.parse(s);
        if (v == null) throw new BadLine("bad " + what + " " + Text.quote(s) + ": expected a number (0x1000, 4096, 4K)");
        if (v < 0) throw new BadLine("bad " + what + " " + Text.quote(s) + ": negative");
        return v;
    }

    private static long size(String s, String what) throws BadLine {
        return num(s, what);
    }

    /**
     * An address, a length or a file offset: unsigned 64 bits, as the system calls take them, so that
     * 0xffffffffff600000 (the vsyscall page) reaches the kernel and gets its answer.
     */
    private static long unsigned(String s, String what) throws BadLine {
        if (s.startsWith("-")) throw new BadLine("bad " + what + " " + Text.quote(s) + ": negative");
        Long v = Numbers.parseUnsigned(s);
        if (v == null) {
            throw new BadLine("bad " + what + " " + Text.quote(s) + ": expected a number up to 0xffffffffffffffff "
                + "(0x1000, 4096, 4K)");
        }
        return v;
    }

    private static int order(String s) throws BadLine {
        long v = num(s, "order");
        if (v > Limits.MAX_ORDER) {
            throw new BadLine("bad order " + Text.quote(s) + ": orders run from 0 to the allocator's maximum");
        }
        return (int) v;
    }

    private static int prot(String s) throws BadLine {
        Integer p = Prot.parse(s);
        if (p == null) throw new BadLine("bad protection " + Text.quote(s) + ": expected rwx-style, like rw- or r-x");
        return p;
    }

    private static Op file(String[] a) throws BadLine {
        if (a.length < 2) throw new BadLine("too few arguments: " + ScenarioSyntax.FILE.usage());
        long size = num(a[1], "size");
        Integer maj = null;
        Integer min = null;
        Long inode = null;
        boolean cold = false;
        for (int i = 2; i < a.length; i++) {
            if (a[i].equals("cached") || a[i].equals("cold")) {
                cold = a[i].equals("cold");
            } else if (a[i].equals("dev") && i + 1 < a.length) {
                String[] mm = a[++i].split(":");
                if (mm.length != 2) throw new BadLine("bad device " + Text.quote(a[i]) + ": expected MAJ:MIN in hex, like 03:01");
                // include/linux/kdev_t.h: MINORBITS 20, so a major has 12 bits and a minor 20
                if (!Hex.isHex(mm[0]) || !Hex.isHex(mm[1]) || Hex.parse(mm[0]) > 0xfff || Hex.parse(mm[1]) > 0xfffff) {
                    throw new BadLine("bad device " + Text.quote(a[i]) + ": expected MAJ:MIN in hex, like 03:01 "
                        + "(major up to fff, minor up to fffff)");
                }
                maj = (int) Hex.parse(mm[0]);
                min = (int) Hex.parse(mm[1]);
            } else if (a[i].equals("inode") && i + 1 < a.length) {
                inode = num(a[++i], "inode");
            } else {
                throw new BadLine("unexpected " + Text.quote(a[i]) + ": " + ScenarioSyntax.FILE.usage());
            }
        }
        return new Op.CreateFile(a[0], size, maj, min, inode, cold);
    }

    private static Op mmap(String[] a) throws BadLine {
        String usage = ScenarioSyntax.MMAP.usage();
        if (a.length < 4) throw new BadLine("too few arguments: " + usage);
        int i = 0;
        long addr = 0;
        // mmap ADDR LEN PROT …: the second word is a number; mmap LEN PROT …: it is the protection
        if (Numbers.parse(a[1]) != null || Numbers.parseUnsigned(a[1]) != null) {
            addr = unsigned(a[0], "address");
            i = 1;
        }
        if (a.length < i + 4) throw new BadLine("too few arguments: " + usage);
        long len = unsigned(a[i], "length");
        int prot = prot(a[i + 1]);
        boolean shared;
        switch (a[i + 2].toLowerCase(java.util.Locale.ROOT)) {
            case "private" -> shared = false;
            case "shared" -> shared = true;
            default -> throw new BadLine("expected private or shared, not " + Text.quote(a[i + 2]));
        }
        String src = a[i + 3];
        String fileName = null;
        long offset = 0;
        if (src.startsWith("file:")) {
            String f = src.substring(5);
            int at = f.lastIndexOf('@');
            if (at >= 0) {
                offset = unsigned(f.substring(at + 1), "offset");
                f = f.substring(0, at);
            }
            if (f.isEmpty()) throw new BadLine("file: needs a name, like file:/lib/libc.so@0x1000");
            fileName = f;
        } else if (!src.equalsIgnoreCase("anon")) {
            throw new BadLine("expected anon or file:NAME[@OFFSET], not " + Text.quote(src));
        }
        boolean fixed = false, noReplace = false, growsDown = false, noReserve = false, populate = false;
        for (int j = i + 4; j < a.length; j++) {
            switch (a[j].toLowerCase(java.util.Locale.ROOT)) {
                case "fixed" -> fixed = true;
                case "noreplace" -> noReplace = true;
                case "growsdown" -> growsDown = true;
                case "noreserve" -> noReserve = true;
                case "populate" -> populate = true;
                default -> throw new BadLine("unknown mmap flag " + Text.quote(a[j]) + " (fixed, noreplace, growsdown, "
                    + "noreserve, populate)");
            }
        }
        if (fixed && noReplace) throw new BadLine("fixed and noreplace exclude each other");
        if ((fixed || noReplace) && i == 0) throw new BadLine("fixed needs an address");
        return new Op.Mmap(addr, len, prot, shared, fileName, offset, fixed, noReplace, growsDown, noReserve,
            populate);
    }

    private static Op brk(String[] a) throws BadLine {
        need(a, 1, 1, ScenarioSyntax.BRK);
        String s = a[0];
        if (s.startsWith("=")) return new Op.Brk(unsigned(s.substring(1), "address"), true);
        if (s.startsWith("+") || s.startsWith("-")) {
            Long v = Numbers.parse(s);
            if (v == null) throw new BadLine("bad brk amount " + Text.quote(s) + ": expected +8K, -4096 or =0x555555561000");
            return new Op.Brk(v, false);
        }
        throw new BadLine("brk takes +N, -N (relative to the break) or =ADDR (absolute), not " + Text.quote(s));
    }

    private static Op touch(String[] a) throws BadLine {
        need(a, 2, 3, ScenarioSyntax.TOUCH);
        long addr = unsigned(a[0], "address");
        long len = a.length == 3 ? size(a[1], "length") : 1;
        String acc = a[a.length - 1].toLowerCase(java.util.Locale.ROOT);
        if (!acc.equals("r") && !acc.equals("w") && !acc.equals("x")) {
            throw new BadLine("access must be r, w or x, not " + Text.quote(a[a.length - 1]));
        }
        if (len == 0) throw new BadLine("touch length must be at least 1");
        return new Op.Touch(addr, len, acc.charAt(0));
    }

    private static Op memory(String[] a) throws BadLine {
        if (a.length < 1) throw new BadLine("too few arguments: " + ScenarioSyntax.MEMORY.usage());
        long v = num(a[0], "size");
        long frames = Numbers.hasSuffix(a[0]) ? v >> 12 : v;
        if (frames < 1 || frames > Limits.MEMORY_FRAMES) throw new BadLine("memory must be 1 to 4M frames (16 GiB)");
        int maxOrder = 10;
        int reserve = -1;
        for (int i = 1; i < a.length; i++) {
            if (a[i].equals("maxorder") && i + 1 < a.length) {
                maxOrder = intIn(a[++i], "maxorder", 0, Limits.MAX_ORDER);
            } else if (a[i].equals("reserve") && i + 1 < a.length) {
                reserve = intIn(a[++i], "reserve", 0, frames);
            } else {
                throw new BadLine("unexpected " + Text.quote(a[i]) + ": " + ScenarioSyntax.MEMORY.usage());
            }
        }
        return new Op.Memory(frames, maxOrder, reserve);
    }
}
