package vmalab.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Does a 1,000,000-page touch fit in {@code -Xmx1g}? Runs {@code java -Xmx1g -jar target/vmalab.jar run} on a
 * scenario that maps {@code pages} anonymous pages and writes every one (src/test/resources/bench/touch-1m.vlab
 * at 1,000,000 pages).
 */
final class XmxCheck {
    record Outcome(boolean pass, double seconds, String note) { }

    private XmxCheck() {
    }

    static String scenario(long pages) {
        String len = pages * 4 + "K";
        return "memory " + Math.max(4, (pages * 4096 * 65 / 64 + (1L << 30) - 1) >> 30) + "G\n"
            + "exec bench empty\n"
            + "mmap 0x100000000000 " + len + " rw- private anon fixed\n"
            + "touch 0x100000000000 " + len + " w\n";
    }

    static Outcome run(Path jar, Path work, long pages) throws IOException {
        if (!Files.isRegularFile(jar)) return new Outcome(false, 0, "no " + jar + " (run the package phase)");
        Files.createDirectories(work);
        Path sc = work.resolve("touch-" + pages + ".vlab");
        Files.writeString(sc, scenario(pages));
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        KernelAnchor.Proc p = KernelAnchor.Proc.run(1800, java, "-Xmx1g", "-jar", jar.toString(), "run", sc.toString());
        boolean oom = p.text().contains("OutOfMemoryError");
        String note = p.exit() == 0 && !oom ? "" : "exit " + p.exit() + (oom ? ", OutOfMemoryError" : "") + ": "
            + lastLine(p.text());
        return new Outcome(p.exit() == 0 && !oom, p.seconds(), note);
    }

    private static String lastLine(String text) {
        String[] lines = text.strip().split("\n");
        for (String l : lines) if (l.contains("OutOfMemoryError")) return l.strip();
        return lines.length == 0 ? "" : lines[lines.length - 1].strip();
    }
}
