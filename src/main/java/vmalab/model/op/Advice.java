package vmalab.model.op;

/** madvise() advice values (include/uapi/asm-generic/mman-common.h). */
public enum Advice {
    NORMAL(0), RANDOM(1), SEQUENTIAL(2), WILLNEED(3), DONTNEED(4), FREE(8), REMOVE(9), DONTFORK(10), DOFORK(11),
    MERGEABLE(12), UNMERGEABLE(13), HUGEPAGE(14), NOHUGEPAGE(15), DONTDUMP(16), DODUMP(17), WIPEONFORK(18),
    KEEPONFORK(19), COLD(20), PAGEOUT(21), POPULATE_READ(22), POPULATE_WRITE(23);

    private final int value;

    Advice(int value) {
        this.value = value;
    }

    public int value() {
        return value;
    }

    /** MADV_DONTNEED, as strace prints it. */
    public String constant() {
        return "MADV_" + name();
    }

    public static Advice parse(String s) {
        for (Advice a : values()) {
            if (a.name().equalsIgnoreCase(s.replace('-', '_'))) return a;
        }
        return null;
    }
}
