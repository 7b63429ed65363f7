package vmalab.bench;

import javafx.application.Application;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import vmalab.app.StartupReport;

/**
 * The start-up benchmark's yardstick: a bare JavaFX window (one label) started the way the app starts, from the
 * same fat jar, reporting its first painted frame with {@code -Dvmalab.startup.report} like the app does.
 * {@code java -Dvmalab.startup.report -cp target/vmalab.jar:target/bench-classes vmalab.bench.BareWindow}
 */
public final class BareWindow extends Application {
    @Override
    public void start(Stage stage) {
        Scene scene = new Scene(new StackPane(new Label("bare JavaFX window")), 1280, 720);
        stage.setScene(scene);
        StartupReport.arm(scene);
        stage.show();
    }

    public static void main(String[] args) {
        // like vmalab.app.Launcher: a main class that does not extend Application launches one
        Main.main(args);
    }

    /** The launching main, apart from the Application (as the fat jar needs). */
    public static final class Main {
        private Main() {
        }

        public static void main(String[] args) {
            Application.launch(BareWindow.class, args);
        }
    }
}
