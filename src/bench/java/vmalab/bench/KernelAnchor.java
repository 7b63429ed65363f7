package vmalab.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The real kernel's rates on the same loops: compiles tools/fault-rate/fault_rate.c with {@code cc -O2} and
 * runs it a few times (the machine is noisy; the median run of each phase is the anchor). Skipped, with the
 * reason, when there is no C compiler or the program fails.
 */
final class KernelAnchor {
    /** One line of fault_rate's output. */
    record Phase(String name, long pages, long faults, double seconds) {
        double pagesPerSecond() {
            return pages / seconds;
        }
    }

    /** The phases by name (each the median run), or empty with {@link #skipped} saying why. */
    final Map<String, Phase> phases = new LinkedHashMap<>();
    /** Every run of every phase. */
    final Map<String, List<Phase>> all = new LinkedHashMap<>();
    String skipped;
    String output = "";

    /** Runs fault_rate {@code runs} times; each phase's figure is its median run. */
    static KernelAnchor run(Path tools, Path work, long pages, int runs) {
        return new KernelAnchor().more(tools, work, pages, runs);
    }

    /**
     * Runs fault_rate {@code runs} more times and takes each phase's median over all runs so far: run before
     * and after the model's benchmarks, the anchor brackets them.
     */
    KernelAnchor more(Path tools, Path work, long pages, int runs) {
        KernelAnchor a = this;
        if (a.skipped != null) return a;
        try {
            Files.createDirectories(work);
            Path src = tools.resolve("fault-rate/fault_rate.c");
            Path exe = work.resolve("fault_rate");
            String cc = System.getenv().getOrDefault("CC", "cc");
            Proc c = Proc.run(120, cc, "-O2", "-o", exe.toString(), src.toString());
            if (c.exit != 0) {
                a.skipped = "no C compiler (" + cc + " -O2 failed: " + c.text.strip() + ")";
                return a;
            }
            StringBuilder text = new StringBuilder(a.output);
            for (int i = 0; i < runs; i++) {
                Proc r = Proc.run(600, exe.toString(), Long.toString(pages));
                text.append(r.text);
                if (r.exit != 0) {
                    a.skipped = "fault_rate exited " + r.exit + ": " + r.text.strip();
                    return a;
                }
                for (String line : r.text.split("\n")) {
                    Phase p = parse(line);
                    if (p != null) a.all.computeIfAbsent(p.name(), n -> new ArrayList<>()).add(p);
                }
            }
            a.output = text.toString();
            for (Map.Entry<String, List<Phase>> e : a.all.entrySet()) {
                List<Phase> ps = new ArrayList<>(e.getValue());
                ps.sort(Comparator.comparingDouble(Phase::seconds));
                a.phases.put(e.getKey(), ps.get(ps.size() / 2));
            }
        } catch (IOException e) {
            a.skipped = "cannot run the C anchor: " + e.getMessage();
        }
        return a;
    }

    static Phase parse(String line) {
        String[] w = line.trim().split("\\s+");
        if (w.length < 4) return null;
        Map<String, String> kv = new LinkedHashMap<>();
        for (int i = 1; i < w.length; i++) {
            int eq = w[i].indexOf('=');
            if (eq > 0) kv.put(w[i].substring(0, eq), w[i].substring(eq + 1));
        }
        if (!kv.containsKey("pages") || !kv.containsKey("seconds")) return null;
        return new Phase(w[0], Long.parseLong(kv.get("pages")), Long.parseLong(kv.getOrDefault("faults", "0")),
            Double.parseDouble(kv.get("seconds")));
    }

    /** A finished child process: exit status and merged output. */
    record Proc(int exit, String text, double seconds) {
        static Proc run(int timeoutSeconds, String... cmd) throws IOException {
            ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
            long t0 = System.nanoTime();
            Process p;
            try {
                p = pb.start();
            } catch (IOException e) {
                return new Proc(127, e.getMessage(), 0);
            }
            Path out = Files.createTempFile("bench", ".out");
            try {
                Thread drain = new Thread(() -> {
                    try {
                        Files.copy(p.getInputStream(), out, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                    } catch (IOException ignored) {
                        // the process died; its exit status says so
                    }
                });
                drain.start();
                if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                    p.destroyForcibly();
                    drain.join();
                    return new Proc(124, "timed out after " + timeoutSeconds + " s", timeoutSeconds);
                }
                drain.join();
                double s = (System.nanoTime() - t0) / 1e9;
                return new Proc(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8), s);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                p.destroyForcibly();
                return new Proc(130, "interrupted", 0);
            } finally {
                Files.deleteIfExists(out);
            }
        }
    }
}
