package vmalab.viewmodel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import vmalab.model.mm.Vma;
import vmalab.model.mm.VmFlags;

class AddressAxisTest {
    static final long TOP = 0x7ffffffff000L;

    static Vma vma(long start, long end) {
        return new Vma(start, end, VmFlags.READ | VmFlags.WRITE, 0, null, 0, null);
    }

    @Test
    void aPageStaysVisibleNextTo128TiBOfNothing() {
        List<Vma> vmas = List.of(vma(0x555555554000L, 0x555555555000L), vma(0x7ffffffde000L, TOP));

        AddressAxis axis = AddressAxis.build(vmas, TOP, false);

        AddressAxis.Row page = axis.rowOfVma(0x555555554000L);
        assertTrue(page.height() >= 28, "a 4 KiB VMA is at least 28 px high");
        for (AddressAxis.Row r : axis.rows()) {
            if (r.kind() == AddressAxis.Kind.BREAK) assertEquals(AddressAxis.BREAK_HEIGHT, r.height());
        }
        assertTrue(axis.totalHeight() < 400);
    }

    @Test
    void rowsGoDownFromHighAddressesAndCoverTheUserRange() {
        List<Vma> vmas = List.of(vma(0x1000, 0x3000), vma(0x4000, 0x5000), vma(0x100000, 0x200000));

        AddressAxis axis = AddressAxis.build(vmas, TOP, false);

        long expectEnd = TOP;
        double y = AddressAxis.KERNEL_HEIGHT;
        for (AddressAxis.Row r : axis.rows().subList(1, axis.rows().size())) {
            assertEquals(expectEnd, r.end());
            assertEquals(y, r.top(), 1e-9);
            expectEnd = r.start();
            y = r.bottom();
        }
        assertEquals(0, expectEnd);
        assertEquals(AddressAxis.Kind.GAP, axis.rowOf(0x3000).kind(), "a one-page gap is a thin strip");
        assertEquals(AddressAxis.Kind.BREAK, axis.rowOf(0x10000).kind());
    }

    @Test
    void addressesAndHeightsRoundTrip() {
        List<Vma> vmas = List.of(vma(0x555555554000L, 0x555555564000L));
        AddressAxis axis = AddressAxis.build(vmas, TOP, false);
        for (long a = 0x555555554000L; a < 0x555555564000L; a += Vma.PAGE_SIZE) {
            double y = (axis.yOf(a) + axis.yOf(a + Vma.PAGE_SIZE - 1)) / 2;
            AddressAxis.Row r = axis.rowAt(y);
            assertEquals(a, r.addressAt(y));
        }
        assertEquals(AddressAxis.Kind.KERNEL, axis.rowOf(TOP).kind());
    }

    @Test
    void trueScaleIsProportional() {
        List<Vma> vmas = List.of(vma(0, TOP / 2 & -Vma.PAGE_SIZE));
        AddressAxis axis = AddressAxis.build(vmas, TOP, true);
        AddressAxis.Row r = axis.rowOfVma(0);
        assertEquals(AddressAxis.TRUE_SCALE_HEIGHT / 2, r.height(), 1);
    }

    @Test
    void sixtyFiveThousandVmasLayOutQuickly() {
        List<Vma> vmas = new ArrayList<>();
        long a = 0x10000000L;
        for (int i = 0; i < 65530; i++) {
            vmas.add(vma(a, a + Vma.PAGE_SIZE));
            a += 2 * Vma.PAGE_SIZE;
        }
        AddressAxis.build(vmas, TOP, false); // warm up
        long t0 = System.nanoTime();
        AddressAxis axis = AddressAxis.build(vmas, TOP, false);
        long ms = (System.nanoTime() - t0) / 1_000_000;
        assertTrue(ms < 1000, "took " + ms + " ms");
        assertEquals(vmas.get(30000).start(), axis.rowOf(vmas.get(30000).start() + 5).start());
    }
}
