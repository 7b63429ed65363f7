package vmalab.view.story;

import java.util.LinkedHashSet;
import java.util.Set;
import vmalab.model.mm.Mm;
import vmalab.model.mm.Vma;
import vmalab.viewmodel.fold.Change;
import vmalab.viewmodel.fold.StepState;
import vmalab.viewmodel.fold.TreeShape;

/**
 * What the step on show works on, read from the folded state at every cursor up to the one shown: the VMA the
 * camera goes to (the last one a change of the step named: a VMA inserted or changed, brk moved, a fault, a PTE
 * set), the VMA as it was before the step, the address faulted on, and the pages whose PTE the step has set so
 * far. The highlights it gives stay until the next step; they do not fade with the event's animation.
 *
 * @param vma        the VMA to show at the cursor, or null (nothing mapped there: {@code start}/{@code end} say
 *                   where)
 * @param before     the same VMA before the step (null when the step created it)
 * @param start      the range the camera frames
 * @param end        its end
 * @param addr       the address the step touched (a fault's, a PTE's), or -1
 * @param pages      pages whose PTE the step set or cleared so far
 * @param kind       the change that decided the focus (OTHER: none, a fallback)
 */
public record StoryFocus(Vma vma, Vma before, long start, long end, long addr, Set<Long> pages, Change.Kind kind) {
    public static final StoryFocus NONE = new StoryFocus(null, null, 0, 0, -1, Set.of(), Change.Kind.OTHER);

    /** Whether the camera has something to frame. */
    public boolean framed() {
        return end > start;
    }

    /**
     * The focus of {@code state} for {@code mm}; without a change, {@code selectedVma}/{@code selectedAddr} (or
     * -1), then the heap.
     */
    public static StoryFocus of(StepState state, Mm mm, long selectedVma, long selectedAddr) {
        if (mm == null || state == null || state.kernel() == null) return NONE;
        TreeShape now = state.tree(mm).shape();
        TreeShape first = state.step().at(0).tree(mm).shape();
        Set<Long> pages = new LinkedHashSet<>();
        Change decided = null;
        long touched = -1;
        for (int c = state.cursor(); c >= 1; c--) {
            Change ch = state.step().at(c).change();
            if (ch.mmId() >= 0 && !ch.in(mm.id())) continue;
            switch (ch.kind()) {
                case PTE_SET, PTE_CLEARED, PAGE_MAPPED -> {
                    pages.add(ch.addr() & -Vma.PAGE_SIZE);
                    if (touched < 0) touched = ch.addr();
                }
                case PAGE_FAULT, FIND_VMA, SIGNAL -> {
                    if (touched < 0 && ch.addr() >= 0) touched = ch.addr();
                }
                default -> { }
            }
            if (decided == null && ch.kind() != Change.Kind.OTHER && ch.kind() != Change.Kind.TASK_CREATED) {
                decided = ch;
            }
        }
        long walk = state.ptes(mm).lastWalkAddr();
        if (walk >= 0 && (decided == null || decided.addr() >= 0)) touched = walk;
        long at = decided == null ? -1 : anchor(decided);
        if (decided != null && decided.kind() == Change.Kind.VMA_REMOVED && decided.vma() != null) {
            Vma gone = decided.vma();
            return new StoryFocus(null, gone, gone.start(), gone.end(), touched, pages, decided.kind());
        }
        if (at < 0 && touched >= 0) at = touched;
        if (at < 0) at = selectedVma >= 0 ? selectedVma : selectedAddr;
        if (at < 0 && mm.brk() > mm.startBrk()) at = mm.brk() - 1;
        Vma v = vmaIn(now, at);
        if (v == null && at >= 0) v = mm.vmaAt(at);
        Change.Kind kind = decided == null ? Change.Kind.OTHER : decided.kind();
        if (v == null) {
            if (at < 0) return NONE;
            long page = at & -Vma.PAGE_SIZE;
            return new StoryFocus(null, null, page, page + Vma.PAGE_SIZE, touched, pages, kind);
        }
        Vma was = state.hasStep() ? vmaIn(first, v.start()) : v;
        if (was == null && state.hasStep()) was = vmaIn(first, v.end() - 1);
        return new StoryFocus(v, was, v.start(), v.end(), touched, pages, kind);
    }

    /** The address a change is about: its page, its VMA, or the top of the heap brk moved. */
    private static long anchor(Change ch) {
        return switch (ch.kind()) {
            case BRK_MOVED -> Math.max(ch.from(), ch.to()) - 1;
            case VMA_INSERTED, VMA_CHANGED, VMA_MERGED -> ch.vma() == null ? ch.addr() : ch.vma().start();
            case VMA_SPLIT -> ch.addr();
            default -> ch.addr();
        };
    }

    private static Vma vmaIn(TreeShape shape, long addr) {
        if (addr < 0) return null;
        int i = shape.indexContaining(addr);
        return i < 0 ? null : shape.vma(i);
    }
}
