package vmalab.model.mm;

import java.util.ArrayList;
import java.util.List;

/** Helpers on a vm_flags mask made of {@link VmFlag#bit()}s. */
public final class VmFlags {
    public static final long READ = VmFlag.READ.bit();
    public static final long WRITE = VmFlag.WRITE.bit();
    public static final long EXEC = VmFlag.EXEC.bit();
    public static final long SHARED = VmFlag.SHARED.bit();
    public static final long MAYREAD = VmFlag.MAYREAD.bit();
    public static final long MAYWRITE = VmFlag.MAYWRITE.bit();
    public static final long MAYEXEC = VmFlag.MAYEXEC.bit();
    public static final long MAYSHARE = VmFlag.MAYSHARE.bit();
    public static final long GROWSDOWN = VmFlag.GROWSDOWN.bit();
    public static final long LOCKED = VmFlag.LOCKED.bit();
    public static final long IO = VmFlag.IO.bit();
    public static final long SEQ_READ = VmFlag.SEQ_READ.bit();
    public static final long RAND_READ = VmFlag.RAND_READ.bit();
    public static final long DONTCOPY = VmFlag.DONTCOPY.bit();
    public static final long DONTEXPAND = VmFlag.DONTEXPAND.bit();
    public static final long ACCOUNT = VmFlag.ACCOUNT.bit();
    public static final long NORESERVE = VmFlag.NORESERVE.bit();
    public static final long HUGETLB = VmFlag.HUGETLB.bit();
    public static final long PFNMAP = VmFlag.PFNMAP.bit();
    public static final long WIPEONFORK = VmFlag.WIPEONFORK.bit();
    public static final long DONTDUMP = VmFlag.DONTDUMP.bit();
    public static final long SOFTDIRTY = VmFlag.SOFTDIRTY.bit();
    public static final long HUGEPAGE = VmFlag.HUGEPAGE.bit();
    public static final long NOHUGEPAGE = VmFlag.NOHUGEPAGE.bit();
    public static final long MERGEABLE = VmFlag.MERGEABLE.bit();
    public static final long MIXEDMAP = VmFlag.MIXEDMAP.bit();
    public static final long LOCKONFAULT = VmFlag.LOCKONFAULT.bit();
    public static final long DENYWRITE = VmFlag.DENYWRITE.bit();
    public static final long EXECUTABLE = VmFlag.EXECUTABLE.bit();

    /** VM_READ | VM_WRITE | VM_EXEC. */
    public static final long ACCESS = READ | WRITE | EXEC;
    /** VM_MAYREAD | VM_MAYWRITE | VM_MAYEXEC. */
    public static final long MAY_RWX = MAYREAD | MAYWRITE | MAYEXEC;
    /**
     * Flags that do not stop two VMAs merging (include/linux/mm.h: VM_SOFTDIRTY is ignored by is_mergeable_vma()).
     */
    public static final long MERGE_IGNORED = SOFTDIRTY;

    private VmFlags() {
    }

    public static boolean has(long flags, long bit) {
        return (flags & bit) != 0;
    }

    /** calc_vm_prot_bits(): PROT_READ/WRITE/EXEC to VM_READ/WRITE/EXEC. */
    public static long fromProt(int prot) {
        long f = 0;
        if ((prot & Prot.READ) != 0) f |= READ;
        if ((prot & Prot.WRITE) != 0) f |= WRITE;
        if ((prot & Prot.EXEC) != 0) f |= EXEC;
        return f;
    }

    /** The four permission characters of /proc/PID/maps: {@code rw-p}. */
    public static String perms(long flags) {
        return new String(new char[] {
            has(flags, READ) ? 'r' : '-',
            has(flags, WRITE) ? 'w' : '-',
            has(flags, EXEC) ? 'x' : '-',
            has(flags, MAYSHARE) ? 's' : 'p'});
    }

    /** The smaps VmFlags line: {@code rd wr mr mw me ac}. */
    public static String mnemonics(long flags) {
        StringBuilder sb = new StringBuilder();
        for (VmFlag f : VmFlag.values()) {
            if ((flags & f.bit()) != 0 && !f.mnemonic().isEmpty()) {
                sb.append(f.mnemonic()).append(' ');
            }
        }
        return sb.toString().trim();
    }

    /** {@code VM_READ|VM_WRITE|…} in bit order. */
    public static List<VmFlag> list(long flags) {
        List<VmFlag> out = new ArrayList<>();
        for (VmFlag f : VmFlag.values()) {
            if ((flags & f.bit()) != 0) out.add(f);
        }
        return out;
    }

    public static String names(long flags) {
        StringBuilder sb = new StringBuilder();
        for (VmFlag f : list(flags)) {
            if (sb.length() > 0) sb.append('|');
            sb.append(f.kernelName());
        }
        return sb.length() == 0 ? "0" : sb.toString();
    }

    /** The flags' value as the kernel would hold it (historical aliases OR in their 2.6 value). */
    public static long kernelValue(long flags) {
        long v = 0;
        for (VmFlag f : list(flags)) v |= f.kernelValue();
        return v;
    }
}
