package vmalab.model.syscall;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import vmalab.model.Kernel;
import vmalab.model.event.EventSink;
import vmalab.model.event.SimEvent;
import vmalab.model.fault.PageBackend.FaultOutcome;
import vmalab.model.fs.SimFile;
import vmalab.model.mm.Mm;
import vmalab.model.mm.Task;
import vmalab.model.mm.Vma;
import vmalab.model.mm.VmFlags;
import vmalab.model.op.ImportedProcess;
import vmalab.model.op.ImportedProcess.Mapping;

/**
 * Builds a real process's address space in a new mm. The VMAs go into the tree in the order execve() and
 * ld.so would have made them, so the red-black tree takes the shape exec gives it: the stack first
 * (bprm_mm_init() → __bprm_mm_init()), then the program's segments and its bss/heap (load_elf_binary()), the
 * interpreter (load_elf_interp()), [vvar]/[vdso] (map_vdso()), then everything else (what ld.so and the
 * program mapped since) in address order. Then the pages pagemap found present are faulted in: anonymous
 * writable pages by a write (a page of their own), the zero page and file pages by a read.
 */
final class ImportLoad {
    /** What the load did besides the VMAs: pages faulted in, and pages the model could not hold. */
    record Outcome(long faulted, long swapped, long notLoaded) { }

    private final Kernel kernel;
    private final Task task;
    private final Mm mm;
    private final Consumer<SimEvent> ev;

    ImportLoad(Kernel kernel, Task task, Consumer<SimEvent> ev) {
        this.kernel = kernel;
        this.task = task;
        this.mm = task.mm();
        this.ev = ev;
    }

    Outcome load(ImportedProcess p) {
        List<Mapping> user = new ArrayList<>();
        for (Mapping m : p.mappings()) {
            // the gate VMA above TASK_SIZE ([vsyscall]) is not in the mm: the profile shows it itself
            if (Long.compareUnsigned(m.start(), mm.profile().taskSize()) < 0) user.add(m);
        }
        List<Vma> vmas = new ArrayList<>(user.size());
        for (Mapping m : user) vmas.add(vma(m));
        // like fork's copies: the links are bulk work, kept up to the detail cap and counted after it
        Consumer<SimEvent> links = EventSink.bulk(ev);
        for (int i : execOrder(user)) mm.link(vmas.get(i), links);
        setLayout(user);
        mm.setStartStack(p.startStack());
        return p.pagesKnown() ? faultIn(user, vmas) : new Outcome(0, 0, 0);
    }

    private Vma vma(Mapping m) {
        SimFile f = null;
        if (m.path() != null) {
            SimFile known = kernel.fs().lookup(m.path());
            long size = m.pgoff() * Vma.PAGE_SIZE + (m.end() - m.start());
            if (known != null && known.path().equals(m.path()) && known.inode() == m.inode()
                && known.size() >= size) {
                f = known;
            } else {
                f = kernel.fs().add(new SimFile(m.path(), Math.max(size, known != null && known.path()
                    .equals(m.path()) ? known.size() : 0), m.devMajor(), m.devMinor(), m.inode()));
            }
        }
        // [heap] and [stack] are not names the VMA holds: get_vma_name() derives them from brk and start_stack,
        // and a named VMA would not merge with what brk() adds (is_mergeable_vma() compares anon_vma_name)
        String name = m.path() != null || "[heap]".equals(m.name()) || "[stack]".equals(m.name()) ? null : m.name();
        return new Vma(m.start(), m.end(), m.flags(), m.pgoff(), f, 0, name);
    }

    /**
     * The frames a machine needs to hold a real process: a frame for each page pagemap found in memory, a
     * quarter more for its page tables and for room to go on, a page table per eight VMAs, and the default
     * machine's 8,192 frames of headroom besides.
     */
    static long framesNeeded(ImportedProcess p) {
        if (!p.pagesKnown()) return 0;
        long resident = 0;
        for (Mapping m : p.mappings()) {
            byte[] pages = m.pages();
            if (pages == null) continue;
            for (byte b : pages) if (b == ImportedProcess.PAGE_PRESENT || b == ImportedProcess.PAGE_ZERO) resident++;
        }
        return resident + resident / 4 + p.mappings().size() / 8 + 8192;
    }

    /** The indexes of the mappings in the order exec would link them. */
    static List<Integer> execOrder(List<Mapping> ms) {
        List<Integer> order = new ArrayList<>(ms.size());
        boolean[] done = new boolean[ms.size()];
        // the stack: made before the binary is read
        for (int i = 0; i < ms.size(); i++) if ("[stack]".equals(ms.get(i).name())) take(order, done, i);
        // the program: the lowest file mapping's file, its anonymous bss right after it, and [heap]
        String program = null;
        for (Mapping m : ms) {
            if (m.path() != null) {
                program = m.path();
                break;
            }
        }
        int lastOfProgram = -1;
        for (int i = 0; i < ms.size(); i++) {
            if (program != null && program.equals(ms.get(i).path())) {
                take(order, done, i);
                lastOfProgram = i;
            }
        }
        if (lastOfProgram >= 0 && lastOfProgram + 1 < ms.size()) {
            Mapping next = ms.get(lastOfProgram + 1);
            if (next.path() == null && next.name() == null && next.start() == ms.get(lastOfProgram).end()) {
                take(order, done, lastOfProgram + 1);
            }
        }
        for (int i = 0; i < ms.size(); i++) if ("[heap]".equals(ms.get(i).name())) take(order, done, i);
        // the interpreter, then the vDSO's data and text
        for (int i = 0; i < ms.size(); i++) {
            String path = ms.get(i).path();
            if (path != null && !path.equals(program) && path.substring(path.lastIndexOf('/') + 1).startsWith("ld-")) {
                take(order, done, i);
            }
        }
        for (int i = 0; i < ms.size(); i++) {
            String n = ms.get(i).name();
            if (n != null && (n.equals("[vvar]") || n.equals("[vvar_vclock]") || n.equals("[vdso]"))) {
                take(order, done, i);
            }
        }
        for (int i = 0; i < ms.size(); i++) take(order, done, i);
        return order;
    }

    private static void take(List<Integer> order, boolean[] done, int i) {
        if (done[i]) return;
        done[i] = true;
        order.add(i);
    }

    /** start_code/end_code, start_data/end_data and the break from the program's mappings and [heap]. */
    private void setLayout(List<Mapping> ms) {
        String program = null;
        long brkStart = 0, brk = 0, codeStart = 0, codeEnd = 0, dataStart = 0, dataEnd = 0, programEnd = 0;
        for (Mapping m : ms) {
            if (program == null && m.path() != null) program = m.path();
            if (program != null && program.equals(m.path())) {
                if (VmFlags.has(m.flags(), VmFlags.EXEC) && codeStart == 0) {
                    codeStart = m.start();
                    codeEnd = m.end();
                }
                if (VmFlags.has(m.flags(), VmFlags.WRITE)) {
                    if (dataStart == 0) dataStart = m.start();
                    dataEnd = m.end();
                }
                programEnd = m.end();
            }
            if ("[heap]".equals(m.name())) {
                brkStart = m.start();
                brk = m.end();
            }
        }
        mm.setCode(codeStart, codeEnd);
        mm.setData(dataStart, dataEnd);
        if (brkStart != 0) {
            mm.initBrk(brkStart);
            mm.setBrk(brk, e -> { });
        } else if (programEnd != 0) {
            mm.initBrk(programEnd);
        }
    }

    private Outcome faultIn(List<Mapping> ms, List<Vma> vmas) {
        long faulted = 0, swapped = 0, notLoaded = 0;
        boolean full = false;
        for (int i = 0; i < ms.size(); i++) {
            byte[] pages = ms.get(i).pages();
            if (pages == null) continue;
            Vma v = vmas.get(i);
            if (!v.has(VmFlags.ACCESS)) continue;
            boolean written = false;
            for (int k = 0; k < pages.length; k++) {
                byte s = pages[k];
                if (s == ImportedProcess.PAGE_SWAPPED) swapped++;
                if (s != ImportedProcess.PAGE_PRESENT && s != ImportedProcess.PAGE_ZERO) continue;
                if (full) {
                    notLoaded++;
                    continue;
                }
                // a present anonymous page that is not the zero page was written: a page of its own, with the
                // VMA's anon_vma (so fork's copy_page_range() copies it, vma_needs_copy()), also where the VMA is
                // read-only now (written, then mprotect()ed, as ld.so does to RELRO)
                boolean write = s == ImportedProcess.PAGE_PRESENT && v.isAnonymous();
                long addr = v.start() + ((long) k << Vma.PAGE_SHIFT);
                FaultOutcome out = kernel.pages().handleFault(task, mm.vmaAt(addr), addr, write ? 'w' : 'r', ev);
                if (out == FaultOutcome.OOM) {
                    full = true;
                    notLoaded++;
                } else {
                    faulted++;
                    if (write) written = true;
                }
            }
            // the mprotect() that made it read-only: change_protection() takes RW off the written pages' PTEs
            if (written && !v.has(VmFlags.WRITE)) {
                kernel.pages().changeProtection(mm, mm.vmaAt(v.start()), v.start(), v.end(), ev);
            }
        }
        return new Outcome(faulted, swapped, notLoaded);
    }
}
