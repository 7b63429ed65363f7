package vmalab.app;

import javafx.application.Application;
import picocli.CommandLine;

/**
 * The fat jar's main class (it must not extend Application, or the JVM refuses to start without the JavaFX
 * modules on the module path). With no arguments, or just a scenario file or lesson NAME, it opens the window;
 * else it is the command line ({@link vmalab.cli.Main}) with this package's {@code export} added.
 */
public final class Launcher {
    private Launcher() {
    }

    public static void main(String[] args) {
        StartupReport.mark("main");
        if (args.length == 0 || opensWindow(args)) {
            StartupPreload.start();
            Application.launch(VmaLabApp.class, args);
            return;
        }
        CommandLine cli = vmalab.cli.Main.commandLine();
        cli.addSubcommand("export", new ExportCommand());
        vmalab.cli.ImportCommand.setExporter(new ImportExport());
        System.exit(cli.execute(args));
    }

    /** One argument naming no command but a scenario file or a built-in lesson: the window opens on it. */
    private static boolean opensWindow(String[] args) {
        if (args.length != 1 || args[0].startsWith("-") || args[0].equals("export")
            || vmalab.cli.Main.commandLine().getSubcommands().containsKey(args[0])) return false;
        try {
            return vmalab.io.lesson.Lessons.resolve(args[0]).isPresent();
        } catch (java.io.IOException e) {
            return true; // the window says why it cannot read it
        }
    }
}
