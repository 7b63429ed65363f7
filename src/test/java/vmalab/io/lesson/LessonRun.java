package vmalab.io.lesson;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import vmalab.io.ScenarioParser;
import vmalab.io.ScenarioRunner;
import vmalab.model.Kernel;

/** A lesson text run as {@code vmalab run} runs it: every step, its ask and checks, up to the first error. */
record LessonRun(Kernel kernel, List<ScenarioRunner.Ran> ran, String error) {
    static final String FILE = "t.vlab";

    static LessonRun of(String text) {
        ScenarioParser.Result parsed = ScenarioParser.parse(text, FILE);
        assertTrue(parsed.ok(), parsed.error());
        Kernel k = new Kernel();
        ScenarioRunner runner = new ScenarioRunner(k, FILE);
        List<ScenarioRunner.Ran> out = new ArrayList<>();
        for (ScenarioParser.Step s : parsed.steps()) {
            ScenarioRunner.Ran r = runner.run(s);
            out.add(r);
            String err = runner.errorOf(r);
            if (err != null) return new LessonRun(k, out, err);
        }
        return new LessonRun(k, out, null);
    }

    /** The lines joined, one a line: line N of the text is the N-th argument. */
    static String lines(String... lines) {
        return String.join("\n", lines) + "\n";
    }

    ScenarioRunner.Ran last() {
        return ran.get(ran.size() - 1);
    }
}
