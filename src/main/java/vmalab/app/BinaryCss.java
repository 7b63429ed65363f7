package vmalab.app;

import java.io.File;
import java.io.IOException;
import javafx.css.Stylesheet;

/**
 * The build's step after compiling (pom.xml, {@code process-classes}): writes {@code NAME.bss} beside each
 * {@code NAME.css} given. JavaFX loads a binary stylesheet in place of a text one of the same name and place,
 * so the window's stylesheets are read, not parsed, at start-up. Edit the {@code .css}; the build rewrites the
 * {@code .bss} (BinaryCssTest fails on a stale one).
 */
final class BinaryCss {
    private BinaryCss() {
    }

    public static void main(String[] args) throws IOException {
        for (String css : args) {
            if (!css.endsWith(".css")) throw new IllegalArgumentException(css + ": not a .css file");
            File source = new File(css);
            File binary = new File(css.substring(0, css.length() - 4) + ".bss");
            File temp = new File(binary.getParentFile(), binary.getName() + ".tmp");
            Stylesheet.convertToBinary(source, temp);
            if (!temp.renameTo(binary)) {
                java.nio.file.Files.move(temp.toPath(), binary.toPath(),
                    java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            }
        }
    }
}
