package vmalab.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import javafx.geometry.Point2D;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;
import vmalab.model.mm.Mm;
import vmalab.model.mm.Vma;
import vmalab.view.VmaTreeView;

/** Real processes in the window: a capture opened and drawn, a bad one refused, a running one read again. */
@ExtendWith(ApplicationExtension.class)
class RealProcessWindowTest {
    private static final Path HELLO = Path.of("src/test/resources/real/capture/hello");
    private Workbench wb;

    @TempDir
    Path tmp;

    @Start
    void start(Stage stage) {
        wb = WindowFixture.show(stage);
    }

    private String await(FxRobot robot, java.util.function.Consumer<java.util.function.Consumer<String>> work) {
        AtomicReference<String> result = new AtomicReference<>();
        AtomicReference<Boolean> done = new AtomicReference<>(false);
        robot.interact(() -> work.accept(err -> {
            result.set(err);
            done.set(true);
        }));
        try {
            WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, done::get);
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError("no answer in 60 s");
        }
        WaitForAsyncUtils.waitForFxEvents();
        robot.interact(wb::layoutNow);
        return result.get();
    }

    private Mm mm() {
        return wb.session().selectedMm();
    }

    @Test
    void aCaptureIsDrawnByTheTreeAndTheLayout(FxRobot robot) throws IOException {
        String err = await(robot, done -> wb.live().openCapture(HELLO, done));

        assertNull(err, err);
        List<String> maps = Files.readAllLines(HELLO.resolve("maps"));
        // [vsyscall] is the gate area maps prints after the mm's VMAs (fs/proc/task_mmu.c: get_gate_vma()),
        // not one of them: map_count leaves it out
        long vmas = maps.stream().filter(l -> !l.endsWith("[vsyscall]")).count();
        assertEquals(vmas, mm().mapCount(), "one VMA per maps line");
        assertEquals(1, wb.timeline().position());
        Vma heap = mm().vmas().stream().filter(v -> "[heap]".equals(vmalab.io.ProcNames.name(mm(), v)))
            .findFirst().orElseThrow();
        String heapLine = maps.stream().filter(l -> l.endsWith("[heap]")).findFirst().orElseThrow();
        assertEquals(heapLine.substring(0, heapLine.indexOf('-')), Long.toHexString(heap.start()));

        robot.interact(() -> wb.window().selectView(ViewKind.TREE.id()));
        WaitForAsyncUtils.waitForFxEvents();
        robot.interact(wb::layoutNow);
        AtomicReference<Point2D> node = new AtomicReference<>();
        robot.interact(() -> node.set(((VmaTreeView) wb.window().view(ViewKind.TREE.id())).nodeCentre(heap.start())));
        assertNotNull(node.get(), "the heap is a node of the tree");

        robot.interact(() -> wb.window().selectView(MainWindow.LAYOUT));
        WaitForAsyncUtils.waitForFxEvents();
        robot.interact(wb::layoutNow);
        AtomicReference<Point2D> band = new AtomicReference<>();
        robot.interact(() -> band.set(wb.window().layoutView().pointOf(heap.start())));
        assertNotNull(band.get(), "the heap is on the layout");
        assertTrue(wb.controller().statusProperty().get().startsWith("Opened "), wb.controller().statusProperty().get());

        // a simulation goes on from it: brk grows its real heap
        AtomicReference<String> brk = new AtomicReference<>();
        robot.interact(() -> brk.set(wb.controller().runLine("brk +8K")));
        assertNull(brk.get(), brk.get());
        Vma grown = mm().vmas().stream().filter(v -> "[heap]".equals(vmalab.io.ProcNames.name(mm(), v)))
            .findFirst().orElseThrow();
        assertEquals(heap.start(), grown.start());
        assertEquals(heap.end() + 0x2000, grown.end());
    }

    @Test
    void withoutPagemapTheViewsSaySoPlainly(FxRobot robot) throws IOException {
        Path dir = Files.createDirectories(tmp.resolve("nopages"));
        for (String f : List.of("maps", "smaps", "cmdline", "stat", "status")) {
            if (Files.exists(HELLO.resolve(f))) Files.copy(HELLO.resolve(f), dir.resolve(f));
        }
        Files.writeString(dir.resolve("pagemap"), vmalab.io.PagemapDump.unreadable("permission denied"));

        assertNull(await(robot, done -> wb.live().openCapture(dir, done)));

        var pane = (org.controlsfx.control.NotificationPane) wb.window().root().lookup("#check-notification");
        assertTrue(pane.isShowing(), "a notice over the views");
        assertTrue(pane.getText().contains("pagemap could not be read (permission denied)"), pane.getText());
        assertEquals(0, wb.session().stepState().counters(mm()).rss().pages(), "no page is shown present");
        assertTrue(wb.controller().statusProperty().get().contains("Present bits unknown"));
    }

    @Test
    void aBadCaptureSaysWhyAndChangesNothing(FxRobot robot) throws IOException {
        WindowFixture.load(robot, wb, "exec cat x86_64", -1);
        int vmas = mm().mapCount();
        Path bad = Files.createDirectories(tmp.resolve("bad"));
        Files.writeString(bad.resolve("maps"), "00400000-00401000 r-xp 00000000 08:01 12 /a\nnot a maps line\n");

        String err = await(robot, done -> wb.live().openCapture(bad, done));

        assertNotNull(err);
        assertTrue(err.contains("maps:2"), err);
        assertTrue(wb.controller().statusIsErrorProperty().get());
        assertEquals(vmas, mm().mapCount(), "the scenario on show stays");
        assertEquals("exec cat x86_64", wb.timeline().entries().get(0).text());
    }

    @Test
    void aRunningProcessReadAgainShowsWhatItMappedAndUnmapped(FxRobot robot) throws Exception {
        Path file = tmp.resolve("vmalab-mapper.bin");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process p = new ProcessBuilder(java, "-Xmx32m", "-XX:TieredStopAtLevel=1", "-cp",
            System.getProperty("java.class.path"), MapperMain.class.getName(), file.toString())
            .redirectErrorStream(true).start();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
             Writer in = new java.io.OutputStreamWriter(p.getOutputStream(), StandardCharsets.UTF_8)) {
            assertEquals("ready", out.readLine());
            int pid = (int) p.pid();
            assertNull(await(robot, done -> wb.live().openProcess(pid, done)));
            assertTrue(mm().mapCount() > 10);
            assertEquals(pid, wb.session().kernel().current().pid(), "the model's process has the real pid");
            // a JVM's resident pages (tens of MiB) fit: the machine's memory was sized for them
            long rss = wb.session().stepState().counters(mm()).rss().pages();
            long model = LiveImport.reads(wb.controller()).stream().mapToLong(r -> r.resident()).sum();
            assertTrue(rss > 2000, "its resident pages are present in the model: " + rss + " (model " + model + ")");
            assertTrue(mm().vmas().stream().noneMatch(v -> isFile(v, file)));

            in.write("map\n");
            in.flush();
            assertEquals("ok", out.readLine());
            assertNull(await(robot, done -> wb.live().refresh(done)));

            Vma mapped = mm().vmas().stream().filter(v -> isFile(v, file)).findFirst().orElseThrow();
            assertEquals(64 * 1024, mapped.length());
            assertEquals("new", wb.session().changes().tags().get(mapped.start()));
            assertTrue(wb.session().changes().came() >= 16, "its 16 written pages are resident: "
                + wb.session().changes().came());

            in.write("unmap\n");
            in.flush();
            assertEquals("ok", out.readLine());
            assertNull(await(robot, done -> wb.live().refresh(done)));

            assertTrue(mm().vmas().stream().noneMatch(v -> isFile(v, file)));
            long start = mapped.start();
            assertTrue(wb.session().changes().removed().stream().anyMatch(r -> r[0] == start),
                "the unmapped file is gone");
            in.write("quit\n");
            in.flush();
        } finally {
            p.destroy();
            p.waitFor(10, TimeUnit.SECONDS);
        }
        String err = await(robot, done -> wb.live().refresh(done));
        assertNotNull(err, "the process has exited");
        assertTrue(wb.controller().statusIsErrorProperty().get());
    }

    private static boolean isFile(Vma v, Path file) {
        return v.file() != null && v.file().path().equals(file.toString());
    }
}
