package vmalab.viewmodel;

import vmalab.io.ProcNames;
import vmalab.model.mm.Mm;
import vmalab.model.mm.Vma;
import vmalab.model.mm.VmFlags;

/**
 * What a VMA is for, as a teacher names it: the colour it gets in every view. Each kind has a looked-up CSS
 * colour ({@code -vm-heap}) and a swatch style class ({@code swatch-heap}) that resolves it.
 */
public enum VmaKind {
    TEXT("text", "program text (r-x file)"),
    DATA("data", "data (rw- file)"),
    RODATA("file", "read-only file data"),
    BSS("bss", "bss (anonymous)"),
    HEAP("heap", "[heap]"),
    FILE_MAP("file", "mmap of a file"),
    ANON_MAP("anon", "anonymous mmap"),
    STACK("stack", "[stack]"),
    SPECIAL("kernel", "[vdso] / [vvar]");

    private final String colour;
    private final String legend;

    VmaKind(String colour, String legend) {
        this.colour = colour;
        this.legend = legend;
    }

    /** The colour's name: {@code heap} for {@code -vm-heap}. */
    public String colour() {
        return colour;
    }

    /** The style class whose background is this kind's colour. */
    public String swatchClass() {
        return "swatch-" + colour;
    }

    public String legend() {
        return legend;
    }

    public static VmaKind of(Mm mm, Vma v) {
        String name = ProcNames.name(mm, v);
        if (v.name() != null && (v.name().equals("[vdso]") || v.name().equals("[vvar]"))) return SPECIAL;
        if (v.has(VmFlags.GROWSDOWN) || "[stack]".equals(name)) return STACK;
        if ("[heap]".equals(name)) return HEAP;
        if (v.file() != null) {
            if (v.has(VmFlags.EXEC)) return TEXT;
            if (v.has(VmFlags.WRITE) && !v.isShared()) return DATA;
            return sameFileAsCode(mm, v) ? RODATA : FILE_MAP;
        }
        // anonymous: the bss sits between the end of the data and start_brk
        if (mm.endData() != 0 && Long.compareUnsigned(v.start(), mm.endData()) >= 0
                && Long.compareUnsigned(v.end(), mm.startBrk()) <= 0) {
            return BSS;
        }
        return ANON_MAP;
    }

    private static boolean sameFileAsCode(Mm mm, Vma v) {
        Vma code = mm.vmaAt(mm.startCode());
        return code != null && code.file() != null && code.file().equals(v.file());
    }
}
