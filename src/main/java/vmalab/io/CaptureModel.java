package vmalab.io;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import vmalab.model.mm.VmFlag;
import vmalab.model.mm.VmFlags;
import vmalab.model.op.ImportedProcess;

/**
 * A capture as the model's {@link ImportedProcess}: each maps line a VMA whose flags come from smaps' VmFlags
 * line where there is one, else from the permissions as do_mmap() would set them; names kept as Linux printed
 * them; page states from the pagemap dump.
 */
public final class CaptureModel {
    private static final Map<String, Long> BY_MNEMONIC = new HashMap<>();

    /** BY_MNEMONIC's two-letter entries by {@link #slot}, as show_smap_vma_flags() prints every one; 0 for none. */
    private static final long[] BY_PAIR = new long[36 * 36];

    static {
        for (VmFlag f : VmFlag.values()) {
            if (!f.mnemonic().isEmpty() && !f.historical()) BY_MNEMONIC.putIfAbsent(f.mnemonic(), f.bit());
        }
        for (Map.Entry<String, Long> e : BY_MNEMONIC.entrySet()) {
            String m = e.getKey();
            if (m.length() == 2 && slot(m.charAt(0)) >= 0 && slot(m.charAt(1)) >= 0) {
                BY_PAIR[slot(m.charAt(0)) * 36 + slot(m.charAt(1))] = e.getValue();
            }
        }
    }

    private static int slot(char c) {
        return c >= 'a' && c <= 'z' ? c - 'a' : c >= '0' && c <= '9' ? 26 + c - '0' : -1;
    }

    private CaptureModel() {
    }

    public static ImportedProcess of(Capture c) {
        List<ImportedProcess.Mapping> out = new ArrayList<>(c.maps().size());
        for (int i = 0; i < c.maps().size(); i++) {
            MapEntry m = c.maps().get(i);
            SmapsEntry s = c.smapsOf(i);
            long flags = s != null && s.vmFlags() != null ? fromMnemonics(s.vmFlags()) : fromPerms(m);
            boolean file = m.inode() != 0 || (m.name() != null && m.name().startsWith("/"));
            String path = file ? m.name() : null;
            String name = file ? null : m.name();
            long pgoff = file ? m.offset() >>> 12 : name != null && !name.startsWith("[anon") && !name.equals("[heap]")
                && !name.equals("[stack]") ? 0 : m.start() >>> 12;
            byte[] pages = c.pages() == null ? null : c.pages().states().get(i);
            out.add(new ImportedProcess.Mapping(m.start(), m.end(), flags, pgoff, path, m.devMajor(), m.devMinor(),
                m.inode(), name, pages));
        }
        String comm = c.comm().isEmpty() ? "imported" : c.comm();
        String cmdline = c.cmdline().isEmpty() ? comm : c.cmdline();
        return new ImportedProcess(c.pid(), comm, cmdline, c.startStack(), out, c.pages() != null, c.pagesNote());
    }

    /** show_smap_vma_flags()' mnemonics back to flags; a mnemonic the model has no flag for is dropped. */
    static long fromMnemonics(String mnemonics) {
        long f = 0;
        if (mnemonics.isEmpty()) return f;
        // the words between single spaces, as split(" ") gives them, without a String for the two-letter ones
        int n = mnemonics.length();
        for (int from = 0; from < n; ) {
            int to = mnemonics.indexOf(' ', from);
            if (to < 0) to = n;
            int a = to - from == 2 ? slot(mnemonics.charAt(from)) : -1;
            int b = a >= 0 ? slot(mnemonics.charAt(from + 1)) : -1;
            if (b >= 0) {
                f |= BY_PAIR[a * 36 + b];
            } else if (to > from) {
                Long bit = BY_MNEMONIC.get(mnemonics.substring(from, to));
                if (bit != null) f |= bit;
            }
            from = to + 1;
        }
        return f;
    }

    /**
     * The flags a maps line implies (no smaps): calc_vm_prot_bits() of its permissions, VM_MAYREAD|MAYWRITE|
     * MAYEXEC as do_mmap() adds them, VM_SHARED|VM_MAYSHARE for 's', VM_GROWSDOWN for the stack, and VM_ACCOUNT
     * for private writable memory (accountable_mapping()).
     */
    static long fromPerms(MapEntry m) {
        long f = VmFlags.MAY_RWX;
        if (m.readable()) f |= VmFlags.READ;
        if (m.writable()) f |= VmFlags.WRITE;
        if (m.executable()) f |= VmFlags.EXEC;
        if (m.shared()) f |= VmFlags.SHARED | VmFlags.MAYSHARE;
        if ("[stack]".equals(m.name())) f |= VmFlags.GROWSDOWN;
        if (m.writable() && !m.shared()) f |= VmFlags.ACCOUNT;
        return f;
    }
}
