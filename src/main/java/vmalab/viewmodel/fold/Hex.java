package vmalab.viewmodel.fold;

import vmalab.model.mm.Vma;

/** Addresses in step captions, as the diagrams write them: short lower-case hex. */
final class Hex {
    private Hex() {
    }

    static String hex(long addr) {
        return Long.toHexString(addr);
    }

    static String range(Vma v) {
        return v == null ? "" : hex(v.start()) + "-" + hex(v.end());
    }
}
