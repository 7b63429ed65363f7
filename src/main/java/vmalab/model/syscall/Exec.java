package vmalab.model.syscall;

import java.util.List;
import java.util.function.Consumer;
import vmalab.model.Kernel;
import vmalab.model.event.Narration;
import vmalab.model.event.Sentence;
import vmalab.model.event.SimEvent;
import vmalab.model.event.TaskEvent;
import vmalab.model.fs.SimFile;
import vmalab.model.mm.Mm;
import vmalab.model.mm.Profile;
import vmalab.model.mm.Prot;
import vmalab.model.mm.Vma;
import vmalab.model.mm.VmaRef;
import vmalab.model.mm.VmFlags;
import vmalab.model.op.Op;

/**
 * execve() as each profile lays a program out: the stack (setup_arg_pages()), the ELF segments
 * (load_elf_binary(): elf_map() of each PT_LOAD, the bss by vm_brk_flags()), the interpreter
 * (load_elf_interp()), the vDSO (map_vdso()); then what ld.so maps in user space for libc. Every mapping goes
 * through the same mmap path as a scenario's, so merges and placement are the model's own.
 */
final class Exec {
    /**
     * A PT_LOAD segment: file offset, length, protection. A RELRO part is mapped writable with the data and
     * made read-only by ld.so's mprotect() once relocated (_dl_protect_relro()), which is why it stays a VMA of
     * its own: it keeps VM_ACCOUNT from its writable days.
     */
    record Segment(long offset, long len, int prot, boolean relro) {
        Segment(long offset, long len, int prot) {
            this(offset, len, prot, false);
        }
    }

    static final List<Segment> LD_SO_64 = List.of(
        new Segment(0x0, 0x1000, Prot.READ), new Segment(0x1000, 0x26000, Prot.READ | Prot.EXEC),
        new Segment(0x27000, 0xa000, Prot.READ), new Segment(0x31000, 0x2000, Prot.READ | Prot.WRITE, true),
        new Segment(0x33000, 0x2000, Prot.READ | Prot.WRITE));
    static final List<Segment> LIBC_64 = List.of(
        new Segment(0x0, 0x26000, Prot.READ), new Segment(0x26000, 0x156000, Prot.READ | Prot.EXEC),
        new Segment(0x17c000, 0x53000, Prot.READ), new Segment(0x1cf000, 0x4000, Prot.READ | Prot.WRITE, true),
        new Segment(0x1d3000, 0x2000, Prot.READ | Prot.WRITE));
    static final long LIBC_64_BSS = 0xd000;
    static final String LD_SO_64_PATH = "/usr/lib/x86_64-linux-gnu/ld-linux-x86-64.so.2";
    static final String LIBC_64_PATH = "/usr/lib/x86_64-linux-gnu/libc.so.6";
    static final String LIBC_26_PATH = "/lib/tls/libc-2.3.2.so";
    static final String LD_SO_26_PATH = "/lib/ld-2.3.2.so";

    private final Kernel kernel;
    private final Mm mm;
    private final Consumer<SimEvent> ev;
    private final int pid;
    private final MmapCalls calls;

    Exec(Kernel kernel, Mm mm, int pid, Consumer<SimEvent> ev) {
        this.kernel = kernel;
        this.mm = mm;
        this.pid = pid;
        this.ev = ev;
        this.calls = new MmapCalls(kernel, mm, ev);
    }

    /** Files a profile's programs need, made once with the device numbers the seeds show. */
    static SimFile systemFile(Kernel k, String path, long size, int major, int minor, long inode) {
        SimFile f = k.fs().lookup(path);
        return f != null && f.path().equals(path) ? f : k.fs().add(new SimFile(path, size, major, minor, inode));
    }

    /** The program's file: an existing one by path or name, else a new one (/usr/bin/NAME). */
    static SimFile programFile(Kernel k, String name, Profile p) {
        SimFile f = k.fs().lookup(name);
        if (f != null) return f;
        String path = name.startsWith("/") ? name : (p.classic() ? "/bin/" : "/usr/bin/") + name;
        f = k.fs().lookup(path);
        return f != null ? f : k.fs().create(path, p.classic() ? 0x2000 : 0x6000);
    }

    void load(SimFile program) {
        switch (mm.profile()) {
            case X86_64 -> loadX86_64(program);
            case I386_26 -> loadClassic(program);
            case EMPTY -> {
                mm.initBrk(0x555555559000L);
                mm.setStartStack(mm.profile().stackTop() - 0x1000);
            }
        }
    }

    private long map(long addr, long len, int prot, boolean fixed, SimFile file, long offset, String name) {
        long r = calls.mmap(new MmapCalls.Request(addr, len, prot, false, file, offset, fixed, false, false, false,
            false, name));
        if (r < 0 && r > -4096) throw new IllegalStateException("exec could not map " + name + ": " + r);
        return r;
    }

    private void syscall(Op call, SimFile file, boolean denyWrite, long result) {
        ev.accept(new TaskEvent.SyscallDone(pid, call, file, denyWrite, result));
    }

    /** execve(path, [name], envp) as the profile's strace shows it. */
    private void execve(SimFile prog) {
        syscall(new Op.Exec(prog.path(), mm.profile().id()), prog, false, 0);
    }

    /** elf_map() of each segment at base + offset, after reserving the whole image (total_mapping_size()). */
    private long mapImage(SimFile f, List<Segment> segs, long base, long bss, boolean announce) {
        Segment last = segs.get(segs.size() - 1);
        long total = last.offset() + last.len() + bss;
        if (base == 0) base = calls.getUnmappedArea(0, total, false);
        for (Segment s : segs) {
            map(base + s.offset(), s.len(), s.prot(), true, f, s.offset(), null);
            if (announce) {
                syscall(new Op.Mmap(base + s.offset(), s.len(), s.prot(), false, f.path(), s.offset(), true, false,
                    false, false, false), f, true, base + s.offset());
            }
        }
        for (Segment s : segs) {
            if (!s.relro()) continue;
            long r = new FlagCalls(kernel, mm, ev, null).mprotect(base + s.offset(), s.len(), Prot.READ);
            if (announce) syscall(new Op.Mprotect(base + s.offset(), s.len(), Prot.READ), null, false, r);
        }
        return base;
    }

    /** setup_arg_pages(): the stack VMA below stackTop, VM_STACK_FLAGS (rw-, +x on pre-NX i386). */
    private void mapStack(long top, long size, boolean exec) {
        long flags = VmFlags.READ | VmFlags.WRITE | VmFlags.MAY_RWX | VmFlags.GROWSDOWN | VmFlags.ACCOUNT;
        if (exec) flags |= VmFlags.EXEC;
        long start = top - size;
        long pgoff = mm.profile().classic() ? 0 : start >>> Vma.PAGE_SHIFT;
        mm.link(new Vma(start, top, flags, pgoff, null, 0, null), ev);
        ev.accept(new Narration(Sentence.SETUP_ARG_PAGES, start, top));
    }

    /** A Linux 6.x x86-64 PIE with ASLR off (setarch -R): the layout /proc/PID/maps shows for /usr/bin/cat. */
    private void loadX86_64(SimFile prog) {
        ev.accept(new Narration(Sentence.LOAD_ELF_BINARY_PIE));
        long base = mm.profile().textBase();
        long filePages = Math.max(5, prog.pages());
        long textPages = filePages - 4;
        List<Segment> segs = List.of(
            new Segment(0, 0x1000, Prot.READ),
            new Segment(0x1000, textPages << 12, Prot.READ | Prot.EXEC),
            new Segment((1 + textPages) << 12, 0x1000, Prot.READ),
            new Segment((2 + textPages) << 12, 0x1000, Prot.READ | Prot.WRITE, true),
            new Segment((3 + textPages) << 12, 0x1000, Prot.READ | Prot.WRITE));
        mapImage(prog, segs, base, 0, false);
        long dataEnd = base + ((4 + textPages) << 12);
        // the bss beyond the file: vm_brk_flags() gives it an anonymous page
        long bssEnd = dataEnd + 0x1000;
        mm.link(new Vma(dataEnd, bssEnd, VmFlags.READ | VmFlags.WRITE | VmFlags.MAY_RWX | VmFlags.ACCOUNT,
            dataEnd >>> Vma.PAGE_SHIFT, null, 0, null), ev);
        mm.setCode(base + 0x1000, base + ((1 + textPages) << 12));
        mm.setData(base + ((3 + textPages) << 12), dataEnd);
        mm.initBrk(bssEnd);
        mapStack(mm.profile().stackTop(), 0x21000, false);
        mm.setStartStack(mm.profile().stackTop() - 0x1c50);
        ev.accept(new Narration(Sentence.LOAD_ELF_INTERP_64));
        SimFile ld = systemFile(kernel, LD_SO_64_PATH, 0x35000, 0xfe, 0, 338944);
        mapImage(ld, LD_SO_64, 0, 0, false);
        ev.accept(new Narration(Sentence.MAP_VDSO));
        long vdsoBase = calls.getUnmappedArea(0, 0x6000, false);
        mm.link(new Vma(vdsoBase, vdsoBase + 0x4000, VmFlags.READ | VmFlags.MAYREAD | VmFlags.IO
            | VmFlags.DONTEXPAND | VmFlags.PFNMAP | VmFlags.DONTDUMP, 0, null, 0, "[vvar]"), ev);
        mm.link(new Vma(vdsoBase + 0x4000, vdsoBase + 0x6000, VmFlags.READ | VmFlags.EXEC | VmFlags.MAY_RWX
            | VmFlags.DONTEXPAND, 0, null, 0, "[vdso]"), ev);
        execve(prog);
        ev.accept(new Narration(Sentence.DL_MAP_LIBC_64));
        SimFile libc = systemFile(kernel, LIBC_64_PATH, 0x1d5000, 0xfe, 0, 339380);
        long libcBase = mapImage(libc, LIBC_64, 0, LIBC_64_BSS, true);
        long bss = libcBase + 0x1d5000;
        long r = calls.mmap(new MmapCalls.Request(bss, LIBC_64_BSS, Prot.READ | Prot.WRITE, false, null, 0, true,
            false, false, false, false, null));
        syscall(new Op.Mmap(bss, LIBC_64_BSS, Prot.READ | Prot.WRITE, false, null, 0, true, false, false, false,
            false), null, false, r);
    }

    /**
     * The seeds' 2.6 i386 process: text at 0x08048000, ld.so at TASK_UNMAPPED_BASE (0x40000000, bottom-up),
     * libc in exec-shield's ASCII-armour area at 0x00e80000, and an executable stack ending at 0xc0000000
     * that grew one page while the arguments were pushed (so its vm_pgoff reads fffff000).
     */
    private void loadClassic(SimFile prog) {
        long top = mm.profile().stackTop();
        mapStack(top, 0x1000, true);
        growStackTo(top - 0x2000);
        mm.setStartStack(top - 0x1000 + 0x5c0);
        ev.accept(new Narration(Sentence.LOAD_ELF_BINARY_CLASSIC));
        long base = mm.profile().textBase();
        long filePages = Math.max(2, prog.pages());
        long textPages = filePages - 1;
        map(base, textPages << 12, Prot.READ | Prot.EXEC, true, prog, 0, null);
        long dataStart = base + (textPages << 12);
        map(dataStart, 0x1000, Prot.READ | Prot.WRITE, true, prog, (textPages - 1) << 12, null);
        mm.setCode(base, dataStart);
        mm.setData(dataStart, dataStart + 0x1000);
        mm.initBrk(dataStart + 0x1000);
        ev.accept(new Narration(Sentence.LOAD_ELF_INTERP_CLASSIC));
        SimFile ld = systemFile(kernel, LD_SO_26_PATH, 0x16000, 3, 1, 80276);
        long ldBase = map(0, 0x15000, Prot.READ | Prot.EXEC, false, ld, 0, null);
        map(ldBase + 0x15000, 0x1000, Prot.READ | Prot.WRITE, true, ld, 0x15000, null);
        execve(prog);
        ev.accept(new Narration(Sentence.DL_MAP_LIBC_CLASSIC));
        // ld.so reads /etc/ld.so.cache through a mapping it drops once libc is found
        SimFile cache = systemFile(kernel, "/etc/ld.so.cache", 0x7a3c, 3, 1, 112233);
        long scratch = userMap(0, 0x8000, Prot.READ, cache, 0, false);
        userMap(0, 0x1000, Prot.READ | Prot.WRITE, null, 0, false);
        SimFile libc = systemFile(kernel, LIBC_26_PATH, 0x132000, 3, 1, 208530);
        userMap(0x00e80000L, 0x12f000, Prot.READ | Prot.EXEC, libc, 0, false);
        userMap(0x00faf000L, 0x3000, Prot.READ | Prot.WRITE, libc, 0x12f000, true);
        userMap(0x00fb2000L, 0x2000, Prot.READ | Prot.WRITE, null, 0, true);
        long r = calls.munmap(scratch, 0x8000);
        syscall(new Op.Munmap(scratch, 0x8000), null, false, r);
    }

    private long userMap(long addr, long len, int prot, SimFile f, long off, boolean fixed) {
        long r = map(addr, len, prot, fixed, f, off, null);
        syscall(new Op.Mmap(addr, len, prot, false, f == null ? null : f.path(), off, fixed, false, false, false,
            false), f, false, r);
        return r;
    }

    private void growStackTo(long addr) {
        VmaRef node = mm.findVmaRef(addr);
        Vma s = node.vma();
        long grow = (s.start() - addr) >>> Vma.PAGE_SHIFT;
        ev.accept(new Narration(Sentence.EXPAND_STACK_ARGS, grow));
        mm.adjust(node, new Vma(addr, s.end(), s.flags(), s.pgoff() - grow, null, 0, null), ev);
    }
}
