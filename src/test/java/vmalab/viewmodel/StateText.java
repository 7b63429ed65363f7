package vmalab.viewmodel;

import vmalab.io.ProcMaps;
import vmalab.model.Kernel;
import vmalab.model.mm.Mm;
import vmalab.model.mm.Task;
import vmalab.model.paging.PhysicalMemory;

/** A kernel's observable state as text, to compare two states exactly. */
public final class StateText {
    private StateText() {
    }

    public static String of(Kernel k) {
        StringBuilder sb = new StringBuilder();
        for (Task t : k.tasks()) {
            sb.append("task ").append(t.pid()).append(' ').append(t.comm()).append(" tgid ").append(t.tgid())
                .append(" signals ").append(t.signals().size()).append('\n');
        }
        for (Mm mm : k.mms()) {
            sb.append("mm ").append(mm.id()).append(String.format(
                " code %x-%x data %x-%x brk %x-%x stack %x mmap_base %x total_vm %d map_count %d users %d%n",
                mm.startCode(), mm.endCode(), mm.startData(), mm.endData(), mm.startBrk(), mm.brk(),
                mm.startStack(), mm.mmapBase(), mm.totalVm(), mm.mapCount(), mm.users()));
            sb.append(ProcMaps.format(mm));
            if (k.pages() instanceof PhysicalMemory pm) sb.append("rss ").append(pm.rss(mm)).append('\n');
        }
        if (k.pages() instanceof PhysicalMemory pm) sb.append(pm.buddy().buddyinfoText(0, "Normal"));
        return sb.toString();
    }
}
