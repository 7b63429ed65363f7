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
        System.exit(commandLine().execute(args));
    }
}
