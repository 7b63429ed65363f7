package vmalab.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A capture folder with {@code vmas} VMAs and their pagemap, written by the benchmark itself (no C compiler, no
 * running process): the small hello capture of the tests with a block of one-page anonymous mappings put in
 * below its libraries, every other page {@code ---p}, as tools/many-vmas makes them (neighbours differ in
 * protection, so mm/vma.c: vma_merge() would not merge them); the {@code rw-p} pages are present, the
 * {@code ---p} ones not, like many-vmas after it touches its readable pages. One more VMA sits just below the
 * block: {@link #BIG} bytes of anonymous {@code rw-p} memory (a malloc arena, a JVM's heap), half its pages
 * present in runs of 4,096, so that the page-table view has a strip too long to show, which its wheel scrolls.
 */
final class ScaleCapture {
    static final Path HELLO = Path.of("src/test/resources/real/capture/hello");
    /** Where the block starts: below the hello capture's libraries (0x7fa4…), above its heap. */
    static final long BLOCK = 0x7f00_0000_0000L;

    /** The big anonymous VMA: 64 MiB, 16,384 pages, ending a page below the block (not merged with it). */
    static final long BIG = 64L << 20;

    private ScaleCapture() {
    }

    /** Writes the capture into {@code dir} (replaced) so that it holds {@code vmas} VMAs; returns dir. */
    static Path write(Path dir, int vmas) throws IOException {
        List<String> maps = Files.readAllLines(HELLO.resolve("maps"));
        List<String> pagemap = Files.readAllLines(HELLO.resolve("pagemap"));
        long own = maps.stream().filter(l -> !l.endsWith("[vsyscall]")).count();
        int block = (int) (vmas - own - 1);
        if (block < 0) throw new IllegalArgumentException("fewer VMAs than the hello capture's " + own + " and 1");
        List<String> outMaps = new ArrayList<>();
        List<String> outPages = new ArrayList<>();
        outPages.add(pagemap.get(0));
        boolean placed = false;
        for (int i = 0; i < maps.size(); i++) {
            long start = Long.parseUnsignedLong(maps.get(i).substring(0, maps.get(i).indexOf('-')), 16);
            if (!placed && Long.compareUnsigned(start, BLOCK) > 0) {
                long b = BLOCK - 4096 - BIG;
                String big = Long.toHexString(b) + "-" + Long.toHexString(b + BIG);
                outMaps.add(big + " rw-p 00000000 00:00 0");
                StringBuilder runs = new StringBuilder(big);
                for (long p = 0; p < BIG / 4096; p += 4096) runs.append(p / 4096 % 2 == 0 ? " 4096P" : " 4096.");
                outPages.add(runs.toString());
                for (int k = 0; k < block; k++) {
                    long s = BLOCK + (long) k * 4096;
                    String range = Long.toHexString(s) + "-" + Long.toHexString(s + 4096);
                    boolean rw = k % 2 == 0;
                    outMaps.add(range + (rw ? " rw-p" : " ---p") + " 00000000 00:00 0");
                    outPages.add(range + (rw ? " 1P" : " 1."));
                }
                placed = true;
            }
            outMaps.add(maps.get(i));
            outPages.add(pagemap.get(i + 1));
        }
        if (Files.exists(dir)) vmalab.io.CaptureFiles.deleteQuietly(dir);
        Files.createDirectories(dir);
        Files.write(dir.resolve("maps"), outMaps, StandardCharsets.UTF_8);
        Files.write(dir.resolve("pagemap"), outPages, StandardCharsets.UTF_8);
        for (String f : List.of("cmdline", "stat", "status")) {
            Files.copy(HELLO.resolve(f), dir.resolve(f));
        }
        return dir;
    }
}
