package vmalab;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.testfx.api.FxToolkit;

/**
 * Starts JavaFX through TestFX before the first test class of the JVM, whatever the order surefire runs them
 * in. A headless export started first (HeadlessExport.startToolkit's Platform.startup) leaves a toolkit that
 * TestFX's robot then cannot drive: with alphabetical order, ExportLessonTest before MainWindowTest made 4 of
 * MainWindowTest's 8 tests fail. Registered for every test class through JUnit's extension auto-detection
 * (src/test/resources/junit-platform.properties and META-INF/services).
 */
public final class FxToolkitFirst implements BeforeAllCallback {
    private static volatile boolean started;

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        if (started) return;
        synchronized (FxToolkitFirst.class) {
            if (started) return;
            FxToolkit.registerPrimaryStage();
            started = true;
        }
    }
}
