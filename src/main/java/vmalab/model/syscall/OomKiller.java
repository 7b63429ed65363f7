package vmalab.model.syscall;

import java.util.function.Consumer;
import vmalab.model.Kernel;
import vmalab.model.event.Narration;
import vmalab.model.event.Sentence;
import vmalab.model.event.SimEvent;
import vmalab.model.mm.Task;

/**
 * mm/oom_kill.c: out_of_memory() when a fault finds no frame even after reclaim: select_bad_process() takes
 * the process with the highest oom_badness() (RSS plus page tables; a later process wins a tie, as
 * oom_evaluate_task() replaces the chosen one on equal points) and oom_kill_process() sends it SIGKILL. The
 * oom reaper and the victim's exit give its memory back; the fault that asked is retried, unless its own
 * process was the victim.
 */
final class OomKiller {
    private OomKiller() {
    }

    /** select_bad_process(): the process to kill, or null when there is none. */
    static Task select(Kernel kernel) {
        Task victim = null;
        long chosen = Long.MIN_VALUE;
        for (Task t : kernel.tasks()) {
            if (t.isThread() || t.mm() == null) continue;
            long points = kernel.pages().oomBadness(t.mm());
            if (points >= chosen) {
                victim = t;
                chosen = points;
            }
        }
        return victim;
    }

    /** oom_kill_process(): the dmesg line ("Out of memory: Killed process …"), then the victim's exit_group. */
    static void kill(Kernel kernel, Task victim, Consumer<SimEvent> ev) {
        ev.accept(new Narration(Sentence.OOM_KILL_PROCESS, victim.pid(), victim.mm().totalVm(),
            kernel.pages().oomBadness(victim.mm()), 0, victim.comm()));
        ExitGroup.exitGroup(kernel, victim, ev);
    }
}
