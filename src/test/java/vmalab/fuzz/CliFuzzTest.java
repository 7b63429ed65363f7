package vmalab.fuzz;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import vmalab.cli.Main;

/**
 * The command line (picocli) run in-process with fuzzed arguments, its output thrown away: whatever the words,
 * it exits with a status, never with an internal error (70) or a stack trace. Arguments that write files or
 * draw ({@code capture}, {@code --export}, {@code -o}) or read an argument file ({@code @FILE}) are left out, so
 * a run changes nothing outside the JVM.
 */
class CliFuzzTest {
    /** Words the fuzzer picks from, so it reaches past the option parsing into the commands. */
    static final List<String> WORDS = List.of("run", "import", "lessons", "--show", "--each", "--help", "-h",
        "--version", "-V", "maps", "smaps", "pmap", "pmap-d", "pmap-x", "buddyinfo", "json", "events", "maps,json",
        "--maps", "--smaps", "--pid", "--cmdline", "--as-pid", "--diff", "example", "fork-cow", "buddy",
        "src/test/resources/real/sleep.maps", "src/test/resources/real/sleep.smaps",
        "src/test/resources/real/capture/hello", "src/test/resources/real/capture/zombie",
        "src/main/resources/vmalab/lessons/example.vlab", "src/test/resources/golden/example.maps", "--", "-", "0");
    static final int MAX_ARGS = 8;
    static final java.util.regex.Pattern STACK_FRAME =
        java.util.regex.Pattern.compile("(?m)^\\s+at [\\w.$]+\\([\\w$]+\\.java:\\d+\\)");

    @FuzzTest(maxDuration = "5m")
    void commandLine(FuzzedDataProvider data) {
        List<String> args = new ArrayList<>();
        int n = data.consumeInt(0, MAX_ARGS);
        for (int i = 0; i < n; i++) {
            args.add(data.consumeBoolean() ? data.pickValue(WORDS) : data.consumeString(64));
        }
        for (String a : args) {
            String l = a.toLowerCase(Locale.ROOT);
            if (l.equals("capture") || l.startsWith("--export") || l.startsWith("-o") || l.startsWith("--o")
                || l.startsWith("@")) {
                return;
            }
        }
        PrintStream oldOut = System.out;
        PrintStream oldErr = System.err;
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code;
        try {
            System.setOut(new PrintStream(OutputStream.nullOutputStream(), false, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
            code = Main.execute(Main.commandLine(), args.toArray(String[]::new));
        } finally {
            System.setOut(oldOut);
            System.setErr(oldErr);
        }
        String e = err.toString(StandardCharsets.UTF_8);
        assertNotEquals(70, code, () -> args + ": " + e);
        // a stack frame or an uncaught exception's header, in what is left once the echoed arguments are taken out
        String own = e;
        for (String a : args) if (!a.isEmpty()) own = own.replace(a, "");
        String left = own;
        assertFalse(STACK_FRAME.matcher(left).find() || left.contains("Exception in thread"), () -> args + ": " + e);
    }
}
