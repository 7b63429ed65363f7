package vmalab.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import vmalab.io.EventLines;
import vmalab.io.JsonTrace;
import vmalab.io.ScenarioParser;
import vmalab.io.ScenarioRunner;
import vmalab.io.lesson.Lessons;
import vmalab.model.Kernel;
import vmalab.model.OpResult;
import vmalab.model.event.EventDetail;

/** {@code vmalab run SCENARIO}: runs a scenario, prints the strace-like log, then the final state. */
@Command(name = "run", mixinStandardHelpOptions = true,
    description = "Run a scenario: print a strace-like log, then each process's final state.")
public final class RunCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "SCENARIO", description = "a scenario file, or a built-in lesson's NAME "
        + "(vmalab lessons lists them; a path that exists wins)")
    String scenario;

    @Option(names = "--show", split = ",", paramLabel = "FORMAT",
        description = "maps, smaps, pmap, pmap-d, pmap-x, buddyinfo, json, events (repeatable; default maps)")
    List<String> show = new ArrayList<>();

    @Option(names = "--each", description = "print the text formats after every operation, not only at the end")
    boolean each;

    @Override
    public Integer call() {
        PrintWriter out = Output.over(System.out);
        PrintWriter err = new PrintWriter(System.err, true, StandardCharsets.UTF_8);
        for (String f : show) {
            if (!StateFormats.NAMES.contains(f) && !f.equals("json") && !f.equals("events")) {
                err.println("vmalab run: unknown format \"" + f + "\" (" + String.join(", ", StateFormats.NAMES)
                    + ", json, events)");
                return 2;
            }
        }
        Lessons.Source source;
        try {
            source = Lessons.resolve(scenario).orElse(null);
        } catch (IOException e) {
            err.println(e.getMessage());
            return 1;
        }
        if (source == null) {
            err.println("vmalab run: " + Lessons.notFound(scenario));
            return 2;
        }
        String text = source.text();
        String name = source.fileName();
        ScenarioParser.Result parsed = ScenarioParser.parse(text, name);
        if (!parsed.ok()) {
            err.println(parsed.error());
            return 1;
        }
        boolean json = show.contains("json");
        boolean events = show.contains("events");
        List<String> texts = new ArrayList<>(show);
        texts.remove("json");
        texts.remove("events");
        if (texts.isEmpty() && !json && !events) texts.add("maps");
        // only --show events looks at per-page events: everything else gets the bulk work summarised
        EventDetail detail = events ? EventDetail.FULL : EventDetail.SUMMARY;
        Kernel kernel = new Kernel();
        ScenarioRunner runner = new ScenarioRunner(kernel, name);
        JsonTrace trace = StateFormats.jsonTrace();
        int step = 0;
        for (ScenarioParser.Step s : parsed.steps()) {
            ScenarioRunner.Ran ran = runner.run(s, detail);
            OpResult r = ran.result();
            String error = runner.errorOf(ran);
            if (error != null && r.failed()) {
                out.flush();
                err.println(error);
                return 1;
            }
            step++;
            if (events) {
                for (String l : EventLines.lines(step, r)) out.println(l);
                if (json) out.println(trace.line(step, s.line(), s.text(), kernel, r));
            } else if (json) {
                out.println(trace.line(step, s.line(), s.text(), kernel, r));
            } else {
                for (String l : ScenarioRunner.straceLines(r)) out.println(l);
                String faults = ScenarioRunner.faultsLine(r);
                if (faults != null) out.println(faults);
                String ask = ScenarioRunner.askLine(ran);
                if (ask != null) out.println(ask);
                if (each) StateFormats.print(out, kernel, texts);
            }
            if (json || events) {
                if (each) StateFormats.print(out, kernel, texts);
            }
            if (Output.failed(out)) return outputFailed(err, step);
            if (error != null) {
                // a failed expect or ask: the step ran (its log is above), the lesson is wrong about it
                out.flush();
                err.println(error);
                return 1;
            }
        }
        if (!each && (!texts.isEmpty())) StateFormats.print(out, kernel, texts);
        if (Output.failed(out)) return outputFailed(err, step);
        return 0;
    }

    private static int outputFailed(PrintWriter err, int step) {
        err.println("vmalab run: " + Output.FAILED + " after step " + step);
        return 1;
    }
}
