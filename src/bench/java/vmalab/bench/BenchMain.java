package vmalab.bench;

import java.nio.file.Path;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.VerboseMode;

/**
 * Runs every benchmark of BENCHMARKS.md and prints each figure beside its anchor, measured in this run:
 * {@code ./mvnw -Pbench verify} (see the profile in pom.xml). System properties: {@code bench.pages} (fault
 * loops, default 1,000,000), {@code bench.only} (a comma list of sections: kernel, faults, heap, findvma,
 * stepback, frame, scale, xmx; empty for all), {@code bench.forkHeap} (the fault benchmarks' JVM, default -Xmx6g),
 * {@code bench.kernel.pages} (the C anchor's pages, default {@code bench.pages}), {@code bench.kernel.runs}
 * (default 3), {@code bench.jmh.verbose} (true: JMH's own progress output).
 */
public final class BenchMain {
    private static final List<String> SECTIONS = List.of("kernel", "faults", "heap", "findvma", "stepback", "frame",
        "scale", "xmx");

    private BenchMain() {
    }

    public static void main(String[] args) throws Exception {
        Locale.setDefault(Locale.ROOT);
        long pages = FaultCase.pages();
        Set<String> only = sections(System.getProperty("bench.only", ""));
        Path tools = Path.of(System.getProperty("bench.tools", "tools"));
        Path work = Path.of(System.getProperty("bench.work", "target/bench"));
        Path jar = Path.of(System.getProperty("bench.jar", "target/vmalab.jar"));
        Report out = new Report();
        out.line("vmalab benchmarks: " + Runtime.getRuntime().availableProcessors() + " CPUs, JDK "
            + System.getProperty("java.version") + ", " + String.format("%,d", pages) + " pages for the fault loops");
        if (!BenchOps.DETAIL_WIRED) {
            out.line("note: BenchOps does not pass an EventDetail yet, so FULL and SUMMARY run the same model");
        }
        KernelAnchor anchor = null;
        if (only.contains("kernel") || only.contains("faults")) {
            long kp = Long.getLong("bench.kernel.pages", pages);
            int runs = Integer.getInteger("bench.kernel.runs", 3);
            anchor = KernelAnchor.run(tools, work, kp, runs);
            out.section("kernel anchor: tools/fault-rate/fault_rate.c, " + String.format("%,d", kp) + " pages, "
                + runs + " runs (the median of each phase is the anchor)");
            if (anchor.skipped != null) out.line("skipped: " + anchor.skipped);
            else out.raw(anchor.output.strip());
        }
        if (only.contains("faults")) faults(out, anchor, pages, tools, work);
        if (only.contains("heap")) heap(out, pages);
        if (only.contains("findvma")) findVma(out);
        if (only.contains("stepback")) stepBack(out);
        if (only.contains("frame")) frames(out);
        if (only.contains("scale")) ScaleReport.print(out);
        if (only.contains("xmx")) xmx(out, jar, work);
        out.section("summary");
        out.raw(out.summary.toString().strip());
        // the FX toolkit's threads would keep the JVM up
        System.exit(0);
    }

    static Set<String> sections(String list) {
        if (list == null || list.isBlank()) return Set.copyOf(SECTIONS);
        Set<String> s = Set.of(list.split("\\s*,\\s*"));
        for (String x : s) {
            if (!SECTIONS.contains(x)) throw new IllegalArgumentException("unknown section " + x + ": " + SECTIONS);
        }
        return s;
    }

    static Collection<RunResult> jmh(Class<?> bench, String... jvmArgs) throws RunnerException {
        OptionsBuilder b = new OptionsBuilder();
        b.include(bench.getName() + "\\.").shouldFailOnError(true)
            .verbosity(Boolean.getBoolean("bench.jmh.verbose") ? VerboseMode.NORMAL : VerboseMode.SILENT);
        if (jvmArgs.length > 0) b.jvmArgsAppend(jvmArgs);
        Options o = b.build();
        return new Runner(o).run();
    }

    private static void faults(Report out, KernelAnchor anchor, long pages, Path tools, Path work)
        throws RunnerException {
        out.section("fault rates over " + String.format("%,d", pages) + " pages (JMH, single shot, 1 warm-up + 3)");
        Collection<RunResult> rs = jmh(FaultRateBench.class, "-Dbench.pages=" + pages,
            System.getProperty("bench.forkHeap", "-Xmx6g"));
        if (anchor != null && anchor.skipped == null) {
            // the anchor again after the model: its medians bracket the model's shots
            int before = anchor.output.length();
            anchor.more(tools, work, Long.getLong("bench.kernel.pages", pages), Integer.getInteger(
                "bench.kernel.runs", 3));
            out.line("kernel anchor again, after the model (the anchor is the median of all runs):");
            out.raw(anchor.output.substring(before).strip());
        }
        Map<String, Double> ms = new HashMap<>();
        for (RunResult r : rs) {
            String key = r.getParams().getParam("kind") + "/" + r.getParams().getParam("detail");
            ms.put(key, r.getPrimaryResult().getScore());
        }
        out.line(String.format("%-11s %16s %16s %9s %16s %9s   goal", "loop", "kernel pages/s", "FULL pages/s",
            "ratio", "SUMMARY pages/s", "ratio"));
        for (FaultCase c : FaultCase.values()) {
            KernelAnchor.Phase k = anchor == null ? null : anchor.phases.get(c.anchor);
            double kernel = k == null ? Double.NaN : k.pagesPerSecond();
            double full = pages / (ms.get(c.name() + "/FULL") / 1e3);
            double summary = pages / (ms.get(c.name() + "/SUMMARY") / 1e3);
            out.line(String.format("%-11s %16s %16s %9s %16s %9s   >= 5x", c.anchor, rate(kernel), rate(full),
                ratio(full, kernel), rate(summary), ratio(summary, kernel)));
            for (String mode : List.of("FULL", "SUMMARY")) {
                double m = mode.equals("FULL") ? full : summary;
                out.summary(c.anchor + " " + mode + ": model " + rate(m) + "/s, kernel " + rate(kernel) + "/s, ratio "
                    + ratio(m, kernel) + " (goal >= 5x)");
            }
        }
        if (anchor != null && anchor.skipped != null) out.line("(no kernel anchor: " + anchor.skipped + ")");
    }

    private static void heap(Report out, long pages) {
        out.section("heap");
        double perPage = HeapCost.perPage(pages);
        double perVma = HeapCost.perVma(65_530);
        out.line(String.format("%.1f B per resident page (%,d pages write-touched; goal <= 64 B)", perPage, pages));
        out.line(String.format("%.1f B per VMA (65,530 VMAs)", perVma));
        out.summary(String.format("heap: %.1f B/page (goal <= 64), %.1f B/VMA", perPage, perVma));
    }

    private static void findVma(Report out) throws RunnerException {
        out.section("find_vma over 65,530 VMAs vs TreeMap.floorEntry (JMH, same 4,096 random addresses)");
        double fv = Double.NaN;
        double tm = Double.NaN;
        for (RunResult r : jmh(FindVmaBench.class)) {
            String m = r.getParams().getBenchmark();
            if (m.endsWith(".findVma")) fv = r.getPrimaryResult().getScore();
            else tm = r.getPrimaryResult().getScore();
        }
        out.line(String.format("find_vma %.1f ns, TreeMap.floorEntry %.1f ns, ratio %.2fx the TreeMap's time "
            + "(goal <= 1x)", fv, tm, fv / tm));
        out.summary(String.format("find_vma: %.1f ns vs TreeMap.floorEntry %.1f ns, %.2fx (goal <= 1x)", fv, tm,
            fv / tm));
    }

    private static void stepBack(Report out) throws RunnerException {
        long p = StepBackBench.pages();
        out.section("step back at 65,530 VMAs and " + String.format("%,d", p) + " present pages (JMH, Timeline)");
        double[] back = {Double.NaN, Double.NaN};
        double[] copy = {Double.NaN, Double.NaN};
        for (RunResult r : jmh(StepBackBench.class, "-Xmx6g", "-Dbench.stepback.pages=" + p)) {
            String m = r.getParams().getBenchmark();
            double[] into = m.endsWith(".stepBack") ? back : copy;
            into[0] = r.getPrimaryResult().getStatistics().getPercentile(50);
            into[1] = r.getPrimaryResult().getScore();
        }
        String s = String.format("step back median %.1f ms, mean %.1f ms (goal < 100 ms); one Kernel.copy() "
            + "median %.1f ms, mean %.1f ms", back[0], back[1], copy[0], copy[1]);
        out.line(s);
        out.summary(s);
    }

    private static void frames(Report out) throws Exception {
        out.section("a one-page fault animated in the window: fold + paint + render per frame (Monocle, sw, "
            + FrameBench.WIDTH + "x" + FrameBench.HEIGHT + ")");
        List<FrameBench.Frames> fs = FrameBench.run();
        double bare = fs.get(0).percentile(0.5);
        for (FrameBench.Frames f : fs) {
            out.line(String.format("%-19s %4d frames  p50 %6.1f ms  p99 %6.1f ms  (%5.1fx the bare window; fold + "
                + "repaint p50 %5.1f ms, p99 %5.1f ms; budget 16.7 ms)", f.what(), f.ms().length, f.percentile(0.5),
                f.percentile(0.99), f.percentile(0.5) / bare, f.paintPercentile(0.5), f.paintPercentile(0.99)));
            out.summary(String.format("frame %s: p50 %.1f ms, p99 %.1f ms, of which fold + repaint p50 %.1f ms, p99 "
                + "%.1f ms (bare window p50 %.1f ms; budget 16.7 ms)", f.what(), f.percentile(0.5), f.percentile(0.99),
                f.paintPercentile(0.5), f.paintPercentile(0.99), bare));
        }
    }

    private static void xmx(Report out, Path jar, Path work) throws Exception {
        long p = Long.getLong("bench.xmx.pages", 1_000_000L);
        out.section("a " + String.format("%,d", p) + "-page touch in `java -Xmx1g -jar vmalab.jar run`");
        XmxCheck.Outcome o = XmxCheck.run(jar, work, p);
        String s = String.format("xmx1g %s in %.1f s%s", o.pass() ? "PASS" : "FAIL", o.seconds(),
            o.note().isEmpty() ? "" : " (" + o.note() + ")");
        out.line(s);
        out.summary(s);
    }

    static String rate(double perSecond) {
        return Double.isNaN(perSecond) ? "-" : String.format("%,.0f", perSecond);
    }

    static String ratio(double model, double kernel) {
        return Double.isNaN(kernel) ? "-" : String.format("%.2fx", model / kernel);
    }

    /** Prints as it goes and keeps the one-line figures for the summary at the end. */
    static final class Report {
        final StringBuilder summary = new StringBuilder();

        void section(String title) {
            System.out.println();
            System.out.println("== " + title);
            System.out.flush();
        }

        void line(String s) {
            System.out.println(s);
            System.out.flush();
        }

        void raw(String s) {
            if (!s.isEmpty()) line(s);
        }

        void summary(String s) {
            summary.append(s).append('\n');
        }
    }
}
