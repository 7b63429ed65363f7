package vmalab.view.buddy;

import java.util.ArrayList;
import java.util.List;
import javafx.scene.layout.Pane;
import javafx.scene.paint.Color;
import vmalab.model.paging.FrameKind;
import vmalab.view.tree.Swatch;

/**
 * The buddy view's colours: one per kind of frame owner, one hue per process (by the order the mms were made,
 * {@code buddy-process-0} … {@code buddy-process-7}, then generated hues), and the view's own marks. CSS rules
 * on these classes, under {@code .buddy-view}, override the defaults.
 */
public final class BuddyPalette {
    public static final String BACKGROUND = "buddy-background";
    public static final String FREE = "frame-free";
    public static final String KERNEL = "frame-kernel";
    public static final String PAGE_TABLE = "frame-page-table";
    public static final String PAGE_CACHE = "frame-page-cache";
    public static final String SHMEM = "frame-shmem";
    public static final String ALLOC_PAGES = "frame-alloc-pages";
    public static final String PROCESS_PREFIX = "buddy-process-";
    public static final String TEXT = "buddy-text";
    public static final String FAINT = "buddy-faint";
    public static final String SELECTED = "buddy-selected";
    public static final String STEP = "buddy-step";
    public static final String BLOCK = "buddy-block";
    /** The zero page and COW-shared frames: the page-table and layout views' looked-up colours. */
    public static final String ZERO_PAGE = "pte-zero-page";
    public static final String COW = "pte-cow";

    final Swatch background = new Swatch(BACKGROUND);
    final Swatch free = new Swatch(FREE);
    final Swatch kernel = new Swatch(KERNEL);
    final Swatch pageTable = new Swatch(PAGE_TABLE);
    final Swatch pageCache = new Swatch(PAGE_CACHE);
    final Swatch shmem = new Swatch(SHMEM);
    final Swatch allocPages = new Swatch(ALLOC_PAGES);
    final Swatch text = new Swatch(TEXT);
    final Swatch faint = new Swatch(FAINT);
    final Swatch selected = new Swatch(SELECTED);
    final Swatch step = new Swatch(STEP);
    final Swatch block = new Swatch(BLOCK);
    final Swatch zeroPage = new Swatch(ZERO_PAGE);
    final Swatch cow = new Swatch(COW);
    final Swatch[] processes = {
        new Swatch(PROCESS_PREFIX + 0),
        new Swatch(PROCESS_PREFIX + 1),
        new Swatch(PROCESS_PREFIX + 2),
        new Swatch(PROCESS_PREFIX + 3),
        new Swatch(PROCESS_PREFIX + 4),
        new Swatch(PROCESS_PREFIX + 5),
        new Swatch(PROCESS_PREFIX + 6),
        new Swatch(PROCESS_PREFIX + 7)};

    /** The colour of a frame of this kind; anonymous frames take their process's hue ({@code slot}, or -1). */
    Color frame(FrameKind kind, int slot) {
        return switch (kind) {
            case FREE -> free.color();
            case KERNEL -> kernel.color();
            case PAGE_TABLE -> pageTable.color();
            case FILE -> pageCache.color();
            case SHMEM -> shmem.color();
            case ALLOC_PAGES -> allocPages.color();
            case ANON -> slot < 0 ? processes[0].color() : process(slot);
        };
    }

    /** The hue of the slot-th process: a swatch for the first eight, then hues spread by the golden angle. */
    Color process(int slot) {
        if (slot < processes.length) return processes[slot].color();
        return Color.hsb((slot * 137.508) % 360, 0.75, 0.75);
    }

    Swatch processSwatch(int slot) {
        return processes[slot % processes.length];
    }

    public void attachHidden(Pane holder, Runnable onChange) {
        List<Swatch> all = new ArrayList<>(List.of(background, free, kernel, pageTable, pageCache, shmem, allocPages,
            text, faint, selected, step, block, zeroPage, cow));
        all.addAll(List.of(processes));
        Swatch.attachHidden(holder, onChange, all);
    }

    public Color freeColor() { return free.color(); }
    public Color backgroundColor() { return background.color(); }
    public Color textColor() { return text.color(); }
    public Color zeroPageColor() { return zeroPage.color(); }
    public Color cowColor() { return cow.color(); }
    public Color kernelColor() { return kernel.color(); }
    public Color pageTableColor() { return pageTable.color(); }
    public Color processColor(int slot) { return process(slot); }
}
