package vmalab.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.io.IOException;
import java.net.URL;
import java.util.List;
import java.util.stream.Collectors;
import javafx.css.CssParser;
import javafx.css.Declaration;
import javafx.css.Rule;
import javafx.css.Stylesheet;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The binary stylesheets the build writes beside vmalab.css and vmalab-dark.css (JavaFX loads them in place of
 * the text at start-up) hold the same rules as the text: a stale or missing one fails here.
 */
class BinaryCssTest {
    @ParameterizedTest
    @ValueSource(strings = {"/vmalab/vmalab", "/vmalab/vmalab-dark"})
    void binaryStylesheetHoldsTheTextsRules(String name) throws IOException {
        URL css = BinaryCssTest.class.getResource(name + ".css");
        URL bss = BinaryCssTest.class.getResource(name + ".bss");
        assertNotNull(css, name + ".css");
        assertNotNull(bss, name + ".bss: written by the build (pom.xml, css-to-bss)");
        List<String> text = rules(new CssParser().parse(css));
        List<String> binary = rules(Stylesheet.loadBinary(bss));
        assertEquals(text.size(), binary.size(), "rule count");
        assertEquals(true, text.size() > 10, "rules read: " + text.size());
        assertEquals(text, binary);
    }

    /** Each rule as its selectors and declarations (a binary rule reads its declarations on first ask). */
    private static List<String> rules(Stylesheet s) {
        return s.getRules().stream().map(BinaryCssTest::rule).collect(Collectors.toList());
    }

    private static String rule(Rule r) {
        StringBuilder sb = new StringBuilder(r.getSelectors().toString());
        for (Declaration d : r.getDeclarations()) {
            sb.append('\n').append(d.getProperty()).append(d.isImportant() ? " !important " : " ").append(d.getParsedValue());
        }
        return sb.toString();
    }
}
