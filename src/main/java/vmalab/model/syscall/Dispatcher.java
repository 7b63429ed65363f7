package vmalab.model.syscall;

import java.util.List;
import java.util.function.Consumer;
import vmalab.model.Kernel;
import vmalab.model.OpResult;
import vmalab.model.event.EventDetail;
import vmalab.model.event.EventSink;
import vmalab.model.event.Narration;
import vmalab.model.event.Sentence;
import vmalab.model.event.SimEvent;
import vmalab.model.event.TaskEvent;
import vmalab.model.fault.MemoryControl;
import vmalab.model.fs.SimFile;
import vmalab.model.mm.Mm;
import vmalab.model.mm.Profile;
import vmalab.model.mm.Task;
import vmalab.model.mm.Vma;
import vmalab.model.mm.VmFlags;
import vmalab.model.op.Op;

/**
 * Runs one {@link Op} against the kernel and gathers its events (as much detail as asked), result and system
 * call. Reached through {@link Syscalls#apply}.
 */
final class Dispatcher {
    private final Kernel kernel;
    private final EventSink sink;
    private long minorFaults;
    private long majorFaults;

    Dispatcher(Kernel kernel, EventDetail detail) {
        this.kernel = kernel;
        this.sink = new EventSink(detail);
    }

    private void ev(SimEvent e) {
        sink.accept(e);
    }

    private OpResult error(Op op, String message) {
        return new OpResult(op, 0, 0, null, List.of(), message, 0);
    }

    private OpResult done(Op op, Task t, long result, Op call) {
        return done(op, t, result, call, null);
    }

    private OpResult done(Op op, Task t, long result, Op call, SimFile file) {
        TaskEvent.SyscallDone sys = call == null ? null : new TaskEvent.SyscallDone(t.pid(), call, file, false, result);
        if (sys != null) sink.accept(sys);
        return new OpResult(op, t == null ? 0 : t.pid(), result, sys, sink.finish(), null, minorFaults,
            majorFaults);
    }

    OpResult apply(Op op) {
        Task target = kernel.current();
        Op inner = op;
        if (op instanceof Op.InTask in) {
            target = kernel.taskNamed(in.task());
            if (target == null) return error(op, "no process called " + in.task());
            java.util.List<Task> called = kernel.tasksCalled(in.task());
            if (called.size() > 1 && kernel.task(parsePid(in.task())) == null) {
                // two runs of one program share its name, as in Linux; the prefix must not guess which is meant
                StringBuilder pids = new StringBuilder();
                for (Task t : called) pids.append(pids.length() == 0 ? "" : ", ").append(t.pid());
                return error(op, called.size() + " processes are called " + in.task() + " (pids " + pids
                    + "): name one by its pid");
            }
            inner = in.op();
        }
        boolean newTask = inner instanceof Op.Exec || inner instanceof Op.Import || inner instanceof Op.Fork
            || inner instanceof Op.Thread;
        if (newTask && kernel.tasks().size() >= Kernel.MAX_TASKS) {
            return error(op, "too many processes: the lab holds at most " + Kernel.MAX_TASKS);
        }
        if (inner instanceof Op.Exec e) return exec(op, e);
        if (inner instanceof Op.Import im) return importProcess(op, im);
        if (inner instanceof Op.CreateFile f) return createFile(op, f);
        if (inner instanceof Op.Memory m) return memory(op, m);
        if (inner instanceof Op.AllocPages a) return allocPages(op, a);
        if (inner instanceof Op.FreePages f) return freePages(op, f);
        if (target == null) return error(op, "no process yet: start one with exec NAME PROFILE");
        return inTask(op, inner, target);
    }

    private OpResult inTask(Op op, Op inner, Task t) {
        Mm mm = t.mm();
        MmapCalls calls = new MmapCalls(kernel, mm, sink);
        FaultPath faults = new FaultPath(kernel, t, sink);
        if (inner instanceof Op.Mmap m) return mmap(op, t, calls, faults, m);
        if (inner instanceof Op.Munmap m) {
            return done(op, t, calls.munmap(m.addr(), m.len()), m);
        }
        if (inner instanceof Op.Mprotect m) {
            long r = new FlagCalls(kernel, mm, sink, faults).mprotect(m.addr(), m.len(), m.prot());
            return done(op, t, r, m);
        }
        if (inner instanceof Op.Madvise m) {
            long r = new FlagCalls(kernel, mm, sink, faults).madvise(m.addr(), m.len(), m.advice());
            count(faults);
            // a process the OOM killer took never returns from the call
            return done(op, t, r, faults.killed() ? null : m);
        }
        if (inner instanceof Op.Mremap m) {
            return done(op, t, calls.mremap(m.addr(), m.oldLen(), m.newLen(), m.mayMove()), m);
        }
        if (inner instanceof Op.Brk b) return brk(op, t, calls, b);
        if (inner instanceof Op.Touch tc) {
            faults.touch(tc.addr(), tc.len(), tc.access());
            count(faults);
            return done(op, t, faults.signal() == null ? 0 : -1, null);
        }
        if (inner instanceof Op.Fork f) return fork(op, t, f);
        if (inner instanceof Op.Thread th) return thread(op, t, th);
        if (inner instanceof Op.Exit) return exit(op, t);
        return error(op, "cannot run " + inner + " in a process");
    }

    private OpResult mmap(Op op, Task t, MmapCalls calls, FaultPath faults, Op.Mmap m) {
        SimFile file = null;
        if (m.fileName() != null) {
            file = kernel.fs().lookup(m.fileName());
            if (file == null) return error(op, "no file called " + m.fileName() + " (make it with: file NAME SIZE)");
        }
        long r = calls.mmap(new MmapCalls.Request(m.addr(), m.len(), m.prot(), m.shared(), file, m.offset(),
            m.fixed(), m.noReplace(), m.growsDown(), m.noReserve(), m.populate(), null));
        if (r >= 0 && m.populate()) {
            new Populate(t.mm(), faults).mmPopulate(r, VmaEdit.pageAlign(m.len()));
            count(faults);
        }
        return done(op, t, r, faults.killed() ? null : m, file);
    }

    private void count(FaultPath faults) {
        minorFaults += faults.minorFaults();
        majorFaults += faults.majorFaults();
    }

    /** {@code name} as a pid when it is one (ASCII digits), else -1. */
    private static int parsePid(String name) {
        if (name.isEmpty() || name.length() > 9) return -1;
        for (int i = 0; i < name.length(); i++) if (name.charAt(i) < '0' || name.charAt(i) > '9') return -1;
        return Integer.parseInt(name);
    }

    private OpResult brk(Op op, Task t, MmapCalls calls, Op.Brk b) {
        Mm mm = t.mm();
        long want = b.absolute() ? b.value() : mm.brk() + b.value();
        if (!b.absolute()) {
            // what sbrk() does: ask for the current break, then for the new one
            sink.accept(new TaskEvent.SyscallDone(t.pid(), new Op.Brk(0, true), mm.brk()));
        }
        long r = calls.brk(want);
        return done(op, t, r, new Op.Brk(want, true));
    }

    private OpResult exec(Op op, Op.Exec e) {
        Profile p = Profile.byId(e.profile());
        if (p == null) return error(op, "unknown profile " + e.profile() + " (x86_64, i386-2.6, empty)");
        SimFile prog = Exec.programFile(kernel, e.name(), p);
        int pid = kernel.allocPid();
        Mm mm = kernel.newMm(p, e.maple(), sink);
        String comm = prog.baseName().length() > 15 ? prog.baseName().substring(0, 15) : prog.baseName();
        Task t = new Task(pid, pid, comm, e.name(), 0, mm);
        kernel.addTask(t);
        kernel.setCurrent(t);
        ev(new TaskEvent.TaskCreated(pid, pid, comm, mm.id(), TaskEvent.How.EXEC));
        new Exec(kernel, mm, pid, sink).load(prog);
        return done(op, t, 0, null);
    }

    /** import DIR: a new x86-64 process holding a real one's VMAs and present pages (ImportLoad). */
    private OpResult importProcess(Op op, Op.Import im) {
        vmalab.model.op.ImportedProcess p = im.process();
        // the real pid where the simulation has no task by it, so the views and /proc/PID/maps name the process
        // as the student's machine does
        int pid = p.pid() > 0 && kernel.task(p.pid()) == null ? p.pid() : kernel.allocPid();
        MemoryControl mc = control();
        if (mc != null && kernel.tasks().isEmpty()) mc.growForImport(ImportLoad.framesNeeded(p));
        Mm mm = kernel.newMm(Profile.X86_64, sink);
        String comm = p.comm().length() > 15 ? p.comm().substring(0, 15) : p.comm();
        Task t = new Task(pid, pid, comm, p.cmdline(), 0, mm);
        kernel.addTask(t);
        kernel.setCurrent(t);
        ev(new TaskEvent.TaskCreated(pid, pid, comm, mm.id(), TaskEvent.How.EXEC));
        ImportLoad.Outcome out = new ImportLoad(kernel, t, sink).load(p);
        minorFaults += out.faulted();
        // present pages past the model's memory stay out (an OOM of the load, not of the process): the result
        // says how many. The first process of a machine left at its default size is given room above (memory
        // SIZE chosen by hand, or processes already running, keep the machine as it is)
        return done(op, t, out.notLoaded(), null);
    }

    private OpResult createFile(Op op, Op.CreateFile f) {
        if (f.devMajor() != null || f.inode() != null) {
            SimFile old = kernel.fs().lookup(f.name());
            long inode = f.inode() != null ? f.inode() : old != null ? old.inode() : 1000 + kernel.fs().files().size();
            kernel.fs().add(new SimFile(f.name(), f.size(), f.devMajor() == null ? 0xfe : f.devMajor(),
                f.devMinor() == null ? 0 : f.devMinor(), inode));
        } else {
            kernel.fs().create(f.name(), f.size());
        }
        kernel.pages().fileWritten(kernel.fs().lookup(f.name()), f.cold());
        return new OpResult(op, 0, 0, null, List.of(new Narration(Sentence.FILE_CREATED, 0, 0, 0, 0, f)), null, 0);
    }

    private OpResult fork(Op op, Task parent, Op.Fork f) {
        if (kernel.taskNamed(f.childName()) != null) return error(op, "a process called " + f.childName()
            + " exists already");
        Mm pm = parent.mm();
        int pid = kernel.allocPid();
        Mm child = kernel.newMm(pm.profile(), pm.index().isMaple(), sink);
        child.setCode(pm.startCode(), pm.endCode());
        child.setData(pm.startData(), pm.endData());
        child.initBrk(pm.startBrk());
        child.setBrk(pm.brk(), e -> { });
        child.setStartStack(pm.startStack());
        child.setMmapBase(pm.mmapBase());
        Task c = new Task(pid, pid, f.childName(), f.childName(), parent.pid(), child);
        kernel.addTask(c);
        ev(new TaskEvent.TaskCreated(pid, pid, f.childName(), child.id(), TaskEvent.How.FORK));
        ev(new Narration(Sentence.DUP_MMAP));
        // dup_mmap(): each VMA not VM_DONTCOPY, VM_LOCKED dropped; copy_page_range() unless VM_WIPEONFORK
        Consumer<SimEvent> bulk = EventSink.bulk(sink);
        for (Vma v : pm.vmas()) {
            if (v.has(VmFlags.DONTCOPY)) continue;
            Vma cv = v.withFlags(v.flags() & ~(VmFlags.LOCKED | VmFlags.LOCKONFAULT));
            // anon_vma_fork(): the child's VMA gets an anon_vma of its own, chained to the parent's (so its chain
            // is not singular: vma_is_fork_child()); VM_WIPEONFORK starts the child without one
            if (v.has(VmFlags.WIPEONFORK)) cv = cv.withAnonVma(0);
            else if (v.anonVma() != 0 && !pm.profile().classic()) cv = cv.withAnonVma(child.newForkAnonVmaId());
            child.link(cv, bulk);
            if (!v.has(VmFlags.WIPEONFORK)) kernel.pages().forkCopy(pm, child, cv, sink);
        }
        return done(op, parent, pid, f);
    }

    private OpResult thread(Op op, Task leader, Op.Thread th) {
        if (kernel.taskNamed(th.threadName()) != null) return error(op, "a process called " + th.threadName()
            + " exists already");
        int pid = kernel.allocPid();
        Task t = new Task(pid, leader.tgid(), th.threadName(), th.threadName(), leader.pid(), leader.mm());
        leader.mm().setUsers(leader.mm().users() + 1);
        kernel.addTask(t);
        ev(new TaskEvent.TaskCreated(pid, leader.tgid(), th.threadName(), leader.mm().id(), TaskEvent.How.THREAD));
        ev(new Narration(Sentence.COPY_MM_THREAD, leader.mm().id()));
        return done(op, leader, pid, th);
    }

    /** exit is exit_group(): every thread of the process is gone after it (ExitGroup). */
    private OpResult exit(Op op, Task t) {
        TaskEvent.SyscallDone sys = new TaskEvent.SyscallDone(t.pid(), new Op.Exit(), 0);
        sink.accept(sys);
        ExitGroup.exitGroup(kernel, t, sink);
        return new OpResult(op, t.pid(), 0, sys, sink.finish(), null, 0);
    }

    private MemoryControl control() {
        return kernel.pages() instanceof MemoryControl mc ? mc : null;
    }

    private OpResult memory(Op op, Op.Memory m) {
        MemoryControl mc = control();
        if (mc == null) return error(op, "this kernel has no physical memory model");
        if (!kernel.tasks().isEmpty()) return error(op, "memory must come before the first exec");
        String err = mc.configure(m.frames(), m.maxOrder(), m.reserve());
        return err != null ? error(op, err) : new OpResult(op, 0, 0, null, sink.finish(), null, 0);
    }

    private OpResult allocPages(Op op, Op.AllocPages a) {
        MemoryControl mc = control();
        if (mc == null) return error(op, "this kernel has no physical memory model");
        long pfn = mc.allocPages(a.order(), a.name(), sink);
        sink.accept(pfn < 0 ? new Narration(Sentence.ALLOC_PAGES_OOM) : new Narration(Sentence.ALLOC_PAGES_BLOCK,
            a.order(), pfn));
        // no task makes this call: the strace line is kept on the result, not reported as an event
        return new OpResult(op, 0, pfn, new TaskEvent.SyscallDone(0, a, pfn), sink.finish(), null, 0);
    }

    private OpResult freePages(Op op, Op.FreePages f) {
        MemoryControl mc = control();
        if (mc == null) return error(op, "this kernel has no physical memory model");
        String err = mc.freePages(f.nameOrPfn(), f.order(), sink);
        if (err != null) return error(op, err);
        return new OpResult(op, 0, 0, new TaskEvent.SyscallDone(0, f, 0), sink.finish(), null, 0);
    }
}
