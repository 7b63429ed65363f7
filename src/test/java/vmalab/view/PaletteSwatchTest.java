package vmalab.view;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every colour a view asks the palette for by name has its swatch in vmalab.css: a name without one comes out
 * the palette's grey fallback (the Layout's band labels were #808080 instead of -vm-band-ink).
 */
class PaletteSwatchTest {
    @Test
    void everyNamedColourHasASwatch() throws IOException {
        Set<String> used = new TreeSet<>();
        Pattern call = Pattern.compile("(?:color|tint)\\(\"([a-z0-9-]+)\"");
        try (Stream<Path> files = Files.walk(Path.of("src/main/java/vmalab/view"))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                Matcher m = call.matcher(Files.readString(f));
                while (m.find()) used.add(m.group(1));
            }
        }
        Set<String> have = new TreeSet<>();
        Matcher m = Pattern.compile("\\.swatch-([a-z0-9-]+)").matcher(
            Files.readString(Path.of("src/main/resources/vmalab/vmalab.css")));
        while (m.find()) have.add(m.group(1));
        used.removeAll(have);
        assertEquals(Set.of(), used, "colours asked for by name with no .swatch-NAME in vmalab.css");
    }
}
