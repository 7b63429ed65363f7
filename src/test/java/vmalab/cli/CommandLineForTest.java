package vmalab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** Building only the subcommand asked for gives the same command as the whole command line has. */
class CommandLineForTest {
    @Test
    void eachSubcommandAloneHasTheSameUsageAsInTheWholeCommandLine() {
        CommandLine all = Main.commandLine();
        assertEquals(java.util.List.of("run", "import", "capture", "lessons"),
            java.util.List.copyOf(all.getSubcommands().keySet()));
        for (String name : all.getSubcommands().keySet()) {
            assertTrue(Main.isSubcommand(name));
            CommandLine one = Main.commandLineFor(new String[] {name, "--help"});
            assertEquals(java.util.Set.of(name), one.getSubcommands().keySet());
            assertEquals(all.getSubcommands().get(name).getUsageMessage(CommandLine.Help.Ansi.OFF),
                one.getSubcommands().get(name).getUsageMessage(CommandLine.Help.Ansi.OFF), name);
        }
    }

    @Test
    void anythingElseGetsTheWholeCommandLine() {
        assertEquals(4, Main.commandLineFor(new String[] {"imprt"}).getSubcommands().size());
        assertEquals(4, Main.commandLineFor(new String[0]).getSubcommands().size());
    }
}
