package vmalab.app;

import javafx.application.Application;
import picocli.CommandLine;

/**
 * The fat jar's main class (it must not extend Application, or the JVM refuses to start without the JavaFX
 * modules on the module path). With no arguments it opens the window; with arguments it is the command line
 * ({@link vmalab.cli.Main}) with this package's {@code export} added.
 */
public final class Launcher {
    private Launcher() {
    }

    public static void main(String[] args) {
        if (args.length == 0) {
            Application.launch(VmaLabApp.class, args);
            return;
        }
        CommandLine cli = vmalab.cli.Main.commandLine();
        cli.addSubcommand("export", new ExportCommand());
        System.exit(cli.execute(args));
    }
}
