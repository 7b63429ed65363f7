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
            String noDisplay = noDisplay(System.getenv(), System.getProperty("os.name", ""),
                System.getProperty("glass.platform"));
            if (noDisplay != null) {
                System.err.println(noDisplay);
                System.exit(2);
            }
            StartupPreload.start();
            try {
                Application.launch(VmaLabApp.class, args);
            } catch (RuntimeException | Error e) {
                // GTK could not open the display after all (a DISPLAY that points nowhere): one line, no trace
                System.err.println("vmalab: the window cannot open (" + CrashDialog.describe(e) + "). " + HEADLESS);
                System.exit(2);
            }
            return;
        }
        CommandLine cli = vmalab.cli.Main.commandLineFor(args, java.util.Map.of("export", ExportCommand::new));
        vmalab.cli.ImportCommand.setExporter(new ImportExport());
        System.exit(vmalab.cli.Main.execute(cli, args));
    }

    static final String HEADLESS = "Without a display, run headless: java -jar vmalab.jar run SCENARIO, or export "
        + "SCENARIO -o FILE.png (see --help).";

    /**
     * Why the window cannot open here, or null when it can: on Linux the toolkit needs an X or Wayland display
     * (GTK dies with "Unable to open DISPLAY" otherwise); Monocle, the headless glass, needs none.
     */
    static String noDisplay(java.util.Map<String, String> env, String osName, String glassPlatform) {
        if (!osName.toLowerCase(java.util.Locale.ROOT).contains("linux")) return null;
        if ("Monocle".equalsIgnoreCase(glassPlatform)) return null;
        boolean x = env.get("DISPLAY") != null && !env.get("DISPLAY").isBlank();
        boolean wayland = env.get("WAYLAND_DISPLAY") != null && !env.get("WAYLAND_DISPLAY").isBlank();
        return x || wayland ? null : "vmalab: no display (DISPLAY is not set). " + HEADLESS;
    }

    /** One argument naming no command but a scenario file or a built-in lesson: the window opens on it. */
    private static boolean opensWindow(String[] args) {
        if (args.length != 1 || args[0].startsWith("-") || args[0].equals("export")
            || vmalab.cli.Main.isSubcommand(args[0])) return false;
        try {
            return vmalab.io.lesson.Lessons.resolve(args[0]).isPresent();
        } catch (java.io.IOException e) {
            return true; // the window says why it cannot read it
        }
    }
}
