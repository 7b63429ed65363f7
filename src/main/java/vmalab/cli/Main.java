package vmalab.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code java -jar vmalab.jar run|import|capture|export|lessons …}: the headless side of vmalab. */
@Command(name = "vmalab", mixinStandardHelpOptions = true, version = "vmalab 0.1",
    description = "A lab for Linux process memory: VMAs, the VMA red-black tree, page tables, faults, the buddy "
        + "allocator.",
    subcommands = {RunCommand.class, ImportCommand.class, CaptureCommand.class, LessonsCommand.class})
public final class Main implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }

    /** The command line with every subcommand; the app adds {@code export} to it. */
    public static CommandLine commandLine() {
        return new CommandLine(new Main());
    }

    public static void main(String[] args) {
        System.exit(execute(commandLine(), args));
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
