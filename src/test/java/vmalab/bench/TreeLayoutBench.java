package vmalab.bench;

import vmalab.view.ViewScenes;

import java.util.concurrent.CountDownLatch;
import javafx.application.Platform;
import javafx.stage.Stage;
import vmalab.model.Kernel;
import vmalab.model.mm.Mm;
import vmalab.model.mm.Profile;
import vmalab.model.mm.Prot;
import vmalab.model.mm.Vma;
import vmalab.model.op.Op;
import vmalab.view.VmaTreeView;
import vmalab.viewmodel.Session;
import vmalab.model.syscall.Syscalls;
import vmalab.viewmodel.fold.TreeShape;

/**
 * How long the VMA tree takes at max_map_count: the O(n) layout of 65,530 nodes, and whole redraws of the view
 * zoomed out (dots) and zoomed in (labels). Prints milliseconds; not a test.
 * Run: {@code java -cp target/classes:target/test-classes:<deps> vmalab.bench.TreeLayoutBench}.
 */
public final class TreeLayoutBench {
    private TreeLayoutBench() {
    }

    public static void main(String[] args) throws Exception {
        Mm t = new Mm(1, Profile.EMPTY);
        for (int i = 0; i < Kernel.DEFAULT_MAX_MAP_COUNT; i++) {
            long s = 0x10000000L + (long) i * 2 * Vma.PAGE_SIZE;
            t.link(new Vma(s, s + Vma.PAGE_SIZE, 0, 0, null, 0, null), e -> { });
        }
        for (int round = 0; round < 30; round++) {
            long t0 = System.nanoTime();
            TreeShape shape = TreeShape.layout(t.index());
            System.out.printf("layout of %d nodes (height %d): %.1f ms%n", shape.size(), shape.height(),
                (System.nanoTime() - t0) / 1e6);
        }
        redraws();
    }

    private static void redraws() throws Exception {
        System.setProperty("glass.platform", "Monocle");
        System.setProperty("monocle.platform", "Headless");
        System.setProperty("prism.order", "sw");
        CountDownLatch done = new CountDownLatch(1);
        Platform.startup(() -> {
            try {
                Session session = new Session();
                Kernel k = new Kernel();
                Syscalls.apply(k, new Op.Exec("big", "empty"));
                for (int i = 0; i < 65000; i++) {
                    long addr = 0x100000000L + (long) i * 2 * Vma.PAGE_SIZE;
                    Syscalls.apply(k, new Op.Mmap(addr, Vma.PAGE_SIZE, i % 2 == 0 ? Prot.READ : Prot.READ | Prot.WRITE, false,
                        null, 0, true, false, false, false, false));
                }
                VmaTreeView view = new VmaTreeView(session);
                Stage stage = new Stage();
                stage.setScene(ViewScenes.styled(view, 1260, 780));
                stage.show();
                long t0 = System.nanoTime();
                session.publish(k, null);
                view.zoomToFit();
                System.out.printf("publish + first draw of %d VMAs: %.1f ms%n", k.current().mm().mapCount(),
                    (System.nanoTime() - t0) / 1e6);
                session.selectedVmaProperty().set(k.current().mm().index().root().key());
                for (int round = 0; round < 5; round++) {
                    t0 = System.nanoTime();
                    view.zoomToFit();
                    double fit = (System.nanoTime() - t0) / 1e6;
                    t0 = System.nanoTime();
                    view.zoomToSelected();
                    System.out.printf("redraw zoomed out (dots): %.1f ms, zoomed in (labels): %.1f ms%n", fit,
                        (System.nanoTime() - t0) / 1e6);
                }
                stage.close();
            } finally {
                done.countDown();
            }
        });
        done.await();
        Platform.exit();
    }
}
