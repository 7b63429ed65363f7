package vmalab.io.lesson;

import vmalab.io.Narrator;
import vmalab.io.Text;
import vmalab.model.Kernel;
import vmalab.model.OpResult;
import vmalab.model.event.SimEvent;
import vmalab.model.event.TaskEvent;
import vmalab.model.mm.Mm;
import vmalab.model.mm.Task;
import vmalab.model.mm.Vma;
import vmalab.model.mm.VmFlags;
import vmalab.model.op.Op;
import vmalab.model.paging.PhysicalMemory;
import vmalab.model.paging.Pte;
import vmalab.model.syscall.Errno;

/** The model's value of one {@link Query}: read-only, from the kernel and the result of the last operation. */
final class Readings {
    /**
     * One value: {@code canonical} to compare ({@link LessonValues#canonical}), {@code shown} as a lesson writes
     * it; or, when it cannot be read, only the problem.
     */
    record Reading(String canonical, String shown, String problem) {
        static Reading of(String canonical, String shown) {
            return new Reading(canonical, shown, null);
        }

        static Reading count(long n) {
            return of(Long.toString(n), Long.toString(n));
        }

        static Reading bytes(long b) {
            return of(Long.toString(b), LessonValues.size(b));
        }

        static Reading yesNo(boolean b) {
            return of(b ? "yes" : "no", b ? "yes" : "no");
        }

        static Reading problem(String p) {
            return new Reading(null, null, p);
        }
    }

    private Readings() {
    }

    static Reading read(Kernel k, OpResult last, String process, Query q) {
        LessonKey key = LessonKey.of(q.key());
        if (key == null) return Reading.problem("unknown key " + Text.quote(q.key()));
        String bad = LessonValues.argProblem(key, q.arg());
        if (bad != null) return Reading.problem(bad);
        Task named = null;
        if (process != null) {
            // the NAME: OP prefix's lookup (Dispatcher: Kernel.taskNamed): comm, command line or pid
            named = k.taskNamed(process);
            if (named == null) return Reading.problem("no process called " + process);
        }
        try {
            return switch (key) {
                case RESULT, ERRNO, MINFLT, MAJFLT -> operation(key, last);
                case SIGNAL -> signal(last, named);
                case FREE, FRAMES_FREE -> physical(key, k, q);
                case PROCESSES -> Reading.count(Checks.processes(k));
                default -> {
                    Task t = named != null ? named : stepTask(k, last);
                    if (t == null) yield Reading.problem(last != null && last.pid() != 0
                        ? "process " + last.pid() + " has exited" : "no process yet");
                    yield process(key, k, t.mm(), q);
                }
            };
        } catch (LessonValues.BadValue e) {
            return Reading.problem(e.getMessage());
        }
    }

    /** The process the operation ran in, else (memory, file, alloc_pages, none yet) the current one. */
    private static Task stepTask(Kernel k, OpResult last) {
        if (last != null && last.pid() != 0) return k.task(last.pid());
        return k.current();
    }

    private static Reading operation(LessonKey key, OpResult last) {
        if (last == null) return Reading.problem("no operation has run yet");
        long r = last.result();
        Op call = last.syscall() == null ? null : last.syscall().call();
        Errno e = failedSyscall(call) && r < 0 ? Errno.of(r) : null;
        return switch (key) {
            case MINFLT -> Reading.count(last.minorFaults());
            case MAJFLT -> Reading.count(last.majorFaults());
            case ERRNO -> e == null ? Reading.of("none", "none") : Reading.of(e.name(), e.name());
            default -> {
                String shown = e != null ? "-" + e.name()
                    : r >= 0 && (call instanceof Op.AllocPages || call != null && Narrator.returnsPointer(call))
                    ? "0x" + Long.toHexString(r) : Long.toString(r);
                yield Reading.of(Long.toString(r), shown);
            }
        };
    }

    /** A system call that returns -errno: not alloc_pages/free_pages (the lab's own), nor touch or exec. */
    private static boolean failedSyscall(Op call) {
        return call != null && !(call instanceof Op.AllocPages) && !(call instanceof Op.FreePages);
    }

    /** The last signal the operation raised (at {@code named}, when given): force_sig_fault()'s signal. */
    private static Reading signal(OpResult last, Task named) {
        if (last == null) return Reading.problem("no operation has run yet");
        TaskEvent.SignalRaised found = null;
        for (SimEvent ev : last.events()) {
            if (ev instanceof TaskEvent.SignalRaised s && (named == null || s.pid() == named.pid())) found = s;
        }
        if (found == null) return Reading.of("none", "none");
        String code = found.cause().code();
        String v = found.signal() + (code == null ? "" : "/" + code);
        return Reading.of(v, v);
    }

    private static Reading physical(LessonKey key, Kernel k, Query q) throws LessonValues.BadValue {
        if (!(k.pages() instanceof PhysicalMemory pm)) return Reading.problem("this kernel has no physical memory");
        if (key == LessonKey.FRAMES_FREE) return Reading.count(pm.freeFrames());
        int order = LessonValues.order(q.arg());
        int[] info = pm.buddy().buddyinfo();
        if (order >= info.length) {
            return Reading.problem("order " + order + " is above the allocator's MAX_ORDER " + (info.length - 1));
        }
        return Reading.count(info[order]);
    }

    private static Reading process(LessonKey key, Kernel k, Mm mm, Query q) throws LessonValues.BadValue {
        PhysicalMemory pm = k.pages() instanceof PhysicalMemory p ? p : null;
        switch (key) {
            case RSS:
                // get_mm_rss(): MM_FILEPAGES + MM_ANONPAGES + MM_SHMEMPAGES, the zero page in none of them
                return Reading.bytes(pm == null ? 0 : pm.rss(mm).pages() * Vma.PAGE_SIZE);
            case VSZ:
            case TOTAL_VM:
                return Reading.bytes(mm.totalVm() * Vma.PAGE_SIZE);
            case MAP_COUNT:
                return Reading.count(mm.mapCount());
            default:
                break;
        }
        long addr = LessonValues.address(q.arg());
        Vma vma = mm.vmaAt(addr);
        if (key == LessonKey.VMA) {
            return vma == null ? Reading.of("none", "none") : Reading.of(vma.perms(), vma.perms());
        }
        if (pm == null) return Reading.yesNo(key == LessonKey.PRESENT && k.pages().isPresent(mm, addr));
        Pte pte = pm.pte(mm, addr);
        return switch (key) {
            case PRESENT -> Reading.yesNo(pte.present());
            // is_zero_pfn(): the PTE maps the one shared zero frame
            case ZERO -> Reading.yesNo(pte.mapped() && pm.zeroPfn() >= 0 && pte.frame() == pm.zeroPfn());
            // mm/memory.c: handle_pte_fault() sends a write to a present, write-protected PTE to do_wp_page(),
            // which copies (wp_page_copy()) or reuses the page in a writable private VMA
            case COW -> Reading.yesNo(pte.present() && !pte.write() && vma != null && vma.has(VmFlags.WRITE)
                && !vma.isShared());
            default -> throw new IllegalStateException(key.name());
        };
    }
}
