package vmalab.model.syscall;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import vmalab.model.Kernel;
import vmalab.model.event.EventSink;
import vmalab.model.event.Narration;
import vmalab.model.event.Sentence;
import vmalab.model.event.SimEvent;
import vmalab.model.event.TaskEvent;
import vmalab.model.mm.Mm;
import vmalab.model.mm.Task;
import vmalab.model.mm.Vma;

/**
 * kernel/exit.c: do_group_exit(): every thread of the process exits (zap_other_threads()), each drops its
 * reference on the mm (exit_mm() → mmput()), and the last user runs exit_mmap(). The exit system call of a
 * program (glibc's exit() is exit_group) and the OOM killer's SIGKILL both end here.
 */
final class ExitGroup {
    private ExitGroup() {
    }

    /** Ends the thread group of {@code any}; the threads go first, the group leader last. */
    static void exitGroup(Kernel kernel, Task any, Consumer<SimEvent> ev) {
        List<Task> group = new ArrayList<>();
        for (Task t : kernel.tasks()) if (t.tgid() == any.tgid() && t.isThread()) group.add(t);
        for (Task t : kernel.tasks()) if (t.tgid() == any.tgid() && !t.isThread()) group.add(t);
        if (group.isEmpty()) group.add(any);
        for (Task t : group) exitTask(kernel, t, ev);
    }

    /** do_exit() of one task: exit_mm(), then the task is gone. */
    private static void exitTask(Kernel kernel, Task t, Consumer<SimEvent> ev) {
        Mm mm = t.mm();
        mm.setUsers(mm.users() - 1);
        if (mm.users() == 0) {
            // exit_mmap(): unmap every VMA, then free the page tables
            ev.accept(new Narration(Sentence.EXIT_MMAP));
            VmaEdit edit = new VmaEdit(mm, kernel.pages(), EventSink.bulk(ev));
            while (mm.index().first() != null) {
                Vma v = mm.index().first().vma();
                edit.unmap(v.start(), v.end());
            }
            kernel.pages().dropMm(mm, ev);
            kernel.forgetMm(mm);
        }
        t.markExited();
        kernel.removeTask(t);
        ev.accept(new TaskEvent.TaskExited(t.pid()));
    }
}
