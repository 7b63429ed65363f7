package vmalab.model;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import vmalab.model.event.SimEvent;
import vmalab.model.fault.PageBackend;
import vmalab.model.fs.SimFs;
import vmalab.model.mm.Mm;
import vmalab.model.mm.Profile;
import vmalab.model.mm.Task;
import vmalab.model.paging.PhysicalMemory;

/**
 * The whole simulated machine: its tasks and their address spaces, the filesystem, and the physical side.
 * Operations run through {@code vmalab.model.syscall.Syscalls.apply(kernel, op)}, which returns the ordered
 * events of what the kernel did. The model is deterministic: the same operations from the same start give the
 * same state, so a {@link #copy()} is a checkpoint to step back to.
 */
public final class Kernel {
    /** /proc/sys/vm/max_map_count's default (include/linux/mm.h: DEFAULT_MAX_MAP_COUNT). */
    public static final int DEFAULT_MAX_MAP_COUNT = 65530;
    /** The most live tasks a simulation holds (the lab's bound, far under pid_max): exec, fork, thread refuse more. */
    public static final int MAX_TASKS = 4096;

    final SimFs fs;
    final Map<Integer, Task> tasks = new LinkedHashMap<>();
    final Map<Long, Mm> mms = new LinkedHashMap<>();
    int nextPid = 1000;
    long nextMmId = 1;
    Task current;
    int maxMapCount = DEFAULT_MAX_MAP_COUNT;
    PageBackend pages;

    public Kernel() {
        this(new SimFs(), new PhysicalMemory());
    }

    public Kernel(PageBackend pages) {
        this(new SimFs(), pages);
    }

    private Kernel(SimFs fs, PageBackend pages) {
        this.fs = fs;
        this.pages = pages;
    }

    public SimFs fs() { return fs; }
    public PageBackend pages() { return pages; }
    public void setPages(PageBackend p) { pages = p; }
    public Collection<Task> tasks() { return tasks.values(); }
    public Task task(int pid) { return tasks.get(pid); }
    public Task current() { return current; }
    public int maxMapCount() { return maxMapCount; }
    public void setMaxMapCount(int n) { maxMapCount = n; }

    /** The live tasks whose comm or cmdline is {@code name} (not its pid), in pid order of creation. */
    public List<Task> tasksCalled(String name) {
        List<Task> out = new ArrayList<>();
        for (Task t : tasks.values()) if (t.comm().equals(name) || t.cmdline().equals(name)) out.add(t);
        return out;
    }

    /** The live task named {@code name} (its comm, its cmdline, or its pid), or null. */
    public Task taskNamed(String name) {
        Task found = null;
        for (Task t : tasks.values()) {
            if (t.comm().equals(name) || t.cmdline().equals(name) || Integer.toString(t.pid()).equals(name)) {
                found = t;
            }
        }
        return found;
    }

    /** The live tasks using {@code mm}. */
    public List<Task> tasksOf(Mm mm) {
        List<Task> out = new ArrayList<>();
        for (Task t : tasks.values()) if (t.mm() == mm) out.add(t);
        return out;
    }

    /** The distinct address spaces of live tasks, in creation order. */
    public List<Mm> mms() {
        return new ArrayList<>(mms.values());
    }

    // --- used by the syscall package ---
    /** The next free pid (alloc_pid(): one no task holds, an imported process may hold a real pid). */
    public int allocPid() {
        while (tasks.containsKey(nextPid)) nextPid++;
        return nextPid++;
    }
    public Mm newMm(Profile p, java.util.function.Consumer<SimEvent> ev) {
        return newMm(p, false, ev);
    }
    /** A new mm whose VMAs live in the maple tree (mm_mt) when {@code maple}, else in mm_rb. */
    public Mm newMm(Profile p, boolean maple, java.util.function.Consumer<SimEvent> ev) {
        Mm mm = new Mm(nextMmId++, p, maple);
        mms.put(mm.id(), mm);
        pages.newMm(mm, ev);
        return mm;
    }
    public Mm registerMmCopy(Mm parent) {
        Mm mm = parent.copy(nextMmId++);
        mms.put(mm.id(), mm);
        return mm;
    }
    public void forgetMm(Mm mm) { mms.remove(mm.id()); }
    public void addTask(Task t) { tasks.put(t.pid(), t); }
    public void removeTask(Task t) {
        tasks.remove(t.pid());
        if (current == t) current = tasks.isEmpty() ? null : lastLeader();
    }
    public void setCurrent(Task t) { current = t; }

    private Task lastLeader() {
        Task last = null;
        for (Task t : tasks.values()) if (!t.isThread()) last = t;
        return last;
    }

    /** A deep copy: a checkpoint. Tasks sharing an mm still share one copy. */
    public Kernel copy() {
        Kernel k = new Kernel(fs.copy(), pages.copy());
        Map<Long, Mm> copies = new LinkedHashMap<>();
        for (Mm mm : mms.values()) copies.put(mm.id(), mm.copy(mm.id()));
        k.mms.putAll(copies);
        for (Task t : tasks.values()) {
            Task c = t.copyWith(t.mm() == null ? null : copies.get(t.mm().id()));
            k.tasks.put(c.pid(), c);
            if (t == current) k.current = c;
        }
        k.nextPid = nextPid;
        k.nextMmId = nextMmId;
        k.maxMapCount = maxMapCount;
        return k;
    }
}
