package vmalab.cli;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code java -jar vmalab.jar run|import|capture|export|lessons …}: the headless side of vmalab. */
@Command(name = "vmalab", mixinStandardHelpOptions = true, version = "vmalab 0.1",
    description = "A lab for Linux process memory: VMAs, the VMA red-black tree, page tables, faults, the buddy "
        + "allocator.")
public final class Main implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }

    /** The subcommands, in the order {@code --help} lists them (the app adds {@code export} after them). */
    private static final Map<String, Supplier<Object>> SUBCOMMANDS = subcommands();

    private static Map<String, Supplier<Object>> subcommands() {
        Map<String, Supplier<Object>> m = new LinkedHashMap<>();
        m.put("run", RunCommand::new);
        m.put("import", ImportCommand::new);
        m.put("capture", CaptureCommand::new);
        m.put("lessons", LessonsCommand::new);
        return Collections.unmodifiableMap(m);
    }

    /** Whether {@code name} is one of this package's subcommands. */
    public static boolean isSubcommand(String name) {
        return SUBCOMMANDS.containsKey(name);
    }

    /** The command line with every subcommand; the app adds {@code export} to it. */
    public static CommandLine commandLine() {
        return commandLineFor(new String[0]);
    }

    /**
     * The command line {@code args} need, with {@code extra} commands (the app's {@code export}) after this
     * package's: when the first argument names one, only that one (picocli works out a command's options by
     * reflection as it is added, a fifth of a whole {@code import --pid} run's main thread for all of them);
     * else every one, for the top level's help and its "did you mean". The same commands, options and messages
     * either way.
     */
    public static CommandLine commandLineFor(String[] args, Map<String, Supplier<Object>> extra) {
        Map<String, Supplier<Object>> all = new LinkedHashMap<>(SUBCOMMANDS);
        all.putAll(extra);
        CommandLine cli = new CommandLine(new Main());
        if (args.length > 0 && all.containsKey(args[0])) {
            cli.addSubcommand(args[0], all.get(args[0]).get());
        } else {
            all.forEach((name, make) -> cli.addSubcommand(name, make.get()));
        }
        return cli;
    }

    /** {@link #commandLineFor(String[], Map)} with this package's commands alone. */
    public static CommandLine commandLineFor(String[] args) {
        return commandLineFor(args, Map.of());
    }

    public static void main(String[] args) {
        System.exit(execute(commandLineFor(args), args));
    }

    /**
     * Runs {@code cli} and returns its exit code; a bug or an exhausted heap is one line on stderr (exit 70, as
     * sysexits' EX_SOFTWARE), never a stack trace.
     */
    public static int execute(CommandLine cli, String[] args) {
        cli.setExecutionExceptionHandler((e, line, parsed) -> {
            line.getErr().println("vmalab: internal error: " + e.getClass().getSimpleName()
                + (e.getMessage() == null ? "" : ": " + vmalab.io.Text.shown(e.getMessage(), 300))
                + " (a bug; please report it with the command line)");
            return 70;
        });
        try {
            return cli.execute(args);
        } catch (OutOfMemoryError e) {
            System.err.println(outOfMemory(Runtime.getRuntime().maxMemory()));
            return 70;
        }
    }

    /** The line for an OutOfMemoryError: the heap's limit and what to make smaller. */
    static String outOfMemory(long maxBytes) {
        return "vmalab: out of memory: the JVM may use " + (maxBytes >> 20) + " MiB (its -Xmx); run a smaller "
            + "scenario (fewer operations, processes, touched pages, or a smaller memory SIZE), leave out "
            + "--show json/events, or give it more: java -Xmx" + Math.max(2, 2 * (maxBytes >> 30)) + "g -jar vmalab.jar …";
    }
}
