package vmalab.bench;

import vmalab.model.Kernel;
import vmalab.model.OpResult;
import vmalab.model.op.Op;

/** Address spaces with many VMAs: one-page mappings two pages apart, alternating r-- and rw- (no merging). */
final class VmaFill {
    static final long BASE = 0x300000000000L;

    private VmaFill() {
    }

    /** The mmap of the i-th one-page VMA. */
    static Op mmap(int i) {
        int prot = (i & 1) == 0 ? 3 : 1;
        return new Op.Mmap(BASE + i * 0x2000L, 0x1000, prot, false, null, 0, true, false, false, false, false);
    }

    /** A kernel whose current process ("bench", empty profile) has {@code n} VMAs. */
    static Kernel kernelWithVmas(int n) {
        Kernel k = new Kernel();
        BenchOps.applyAll(k, java.util.List.of(new Op.Exec("bench", "empty")));
        int base = k.current().mm().mapCount();
        for (int i = 0; base + i < n; i++) {
            OpResult r = BenchOps.apply(k, mmap(i), false);
            if (r.failed() || r.result() < 0) throw new IllegalStateException("mmap " + i + ": " + r.result());
        }
        return k;
    }
}
