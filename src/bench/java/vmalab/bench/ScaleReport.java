package vmalab.bench;

/** Prints {@link ScaleBench}'s figures beside their anchors (BENCHMARKS.md, "Scale"). */
final class ScaleReport {
    private static final double MIB = 1024.0 * 1024;

    private ScaleReport() {
    }

    static void print(BenchMain.Report out) throws Exception {
        out.section("scale: a " + ScaleBench.WIDTH + "x" + ScaleBench.HEIGHT + " window (Monocle, sw), pan and zoom; "
            + "snapshot frames = gesture + redraw, layout, Canvas.snapshot; real frames (\"real\") = gesture until "
            + "Quantum rendered and presented the pulse");
        double[] bare = {Double.NaN};
        double[] bareReal = {Double.NaN, Double.NaN};
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
                out.summary(String.format("scale %s (snapshot): p50 %.1f ms, p99 %.1f ms (bare canvas p50 %.1f ms; goal "
                    + "p99 <= 16.7 ms)", s.what(), s.p(0.5), s.p(0.99), bare[0]));
            }

            @Override
            public void pulses(PulseClock.Frames f) {
                if (f.ms().length == 0) {
                    out.line(String.format("  real %-29s no frame rendered: the gesture changed nothing (%d dropped)",
                        f.what(), f.dropped()));
                    return;
                }
                if (Double.isNaN(bareReal[0])) {
                    bareReal[0] = f.p(f.workMs(), 0.5);
                    bareReal[1] = f.p(f.workMs(), 0.99);
                }
                out.line(String.format("  real %-29s work %5.1f / %-6.1f (%4.1fx bare) whole %5.1f / %-6.1f  gesture+redraw "
                    + "%4.1f / %-5.1f  wait for pulse %4.1f / %-5.1f  pulse css+layout+sync %4.1f / %-5.1f  render+present "
                    + "%4.1f / %-5.1f  (p50 / p99 ms; %d frames, %d stray renders, %d of the frames rendered by a pulse mid-gesture, %d dropped: nothing rendered)",
                    f.what(), f.p(f.workMs(), 0.5), f.p(f.workMs(), 0.99), f.p(f.workMs(), 0.5) / bareReal[0],
                    f.p(f.ms(), 0.5), f.p(f.ms(), 0.99), f.p(f.gestureMs(), 0.5), f.p(f.gestureMs(), 0.99),
                    f.p(f.waitMs(), 0.5), f.p(f.waitMs(), 0.99), f.p(f.pulseMs(), 0.5), f.p(f.pulseMs(), 0.99),
                    f.p(f.renderMs(), 0.5), f.p(f.renderMs(), 0.99), f.ms().length, f.strays(), f.renderedMidGesture(),
                    f.dropped()));
                out.summary(String.format("scale %s (real frames): work p50 %.1f ms, p99 %.1f ms; gesture to presented "
                    + "p50 %.1f, p99 %.1f ms (bare canvas work p50 %.1f, p99 %.1f ms; goal p99 <= 16.7 ms)", f.what(),
                    f.p(f.workMs(), 0.5), f.p(f.workMs(), 0.99), f.p(f.ms(), 0.5), f.p(f.ms(), 0.99), bareReal[0],
                    bareReal[1]));
            }
        });
    }
}
