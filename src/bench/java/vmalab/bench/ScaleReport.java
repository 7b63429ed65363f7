package vmalab.bench;

/** Prints {@link ScaleBench}'s figures beside their anchors (BENCHMARKS.md, "Scale"). */
final class ScaleReport {
    private static final double MIB = 1024.0 * 1024;

    private ScaleReport() {
    }

    static void print(BenchMain.Report out) throws Exception {
        out.section("scale: a " + ScaleBench.WIDTH + "x" + ScaleBench.HEIGHT + " window (Monocle, sw), pan and zoom "
            + "frames = gesture + redraw, layout, canvas render");
        double[] bare = {Double.NaN};
        out.line(String.format("%-34s %7s %7s %7s  %-22s %-22s %-22s", "frames", "p50 ms", "p99 ms", "x bare",
            "gesture+redraw p50/p99", "layout p50/p99", "render p50/p99"));
        ScaleBench.run(new ScaleBench.Sink() {
            @Override
            public void imported(ScaleBench.Import i) {
                String s = String.format("import of %,d VMAs: %.0f ms; first frame after it %.0f ms (goal <= 1000 "
                    + "ms); heap after GC %.1f MiB (before the import %.1f MiB; goal <= 512 MiB)%s", i.vmas(),
                    i.importMs(), i.firstFrameMs(), i.heapAfter() / MIB, i.heapBefore() / MIB, i.error() == null
                    ? "" : "; ERROR " + i.error());
                out.line(s);
                out.summary("scale " + s);
            }

            @Override
            public void series(ScaleBench.Series s) {
                if (Double.isNaN(bare[0])) bare[0] = s.p(0.5);
                out.line(String.format("%-34s %7.1f %7.1f %6.1fx  %9.1f / %-10.1f %9.1f / %-10.1f %9.1f / %-10.1f",
                    s.what(), s.p(0.5), s.p(0.99), s.p(0.5) / bare[0], ScaleBench.Series.p(s.gestureMs(), 0.5),
                    ScaleBench.Series.p(s.gestureMs(), 0.99), ScaleBench.Series.p(s.layoutMs(), 0.5),
                    ScaleBench.Series.p(s.layoutMs(), 0.99), ScaleBench.Series.p(s.renderMs(), 0.5),
                    ScaleBench.Series.p(s.renderMs(), 0.99)));
                out.summary(String.format("scale %s: p50 %.1f ms, p99 %.1f ms (bare canvas p50 %.1f ms; goal p99 <= "
                    + "16.7 ms)", s.what(), s.p(0.5), s.p(0.99), bare[0]));
            }
        });
    }
}
