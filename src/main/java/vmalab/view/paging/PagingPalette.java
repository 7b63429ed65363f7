package vmalab.view.paging;

import javafx.scene.layout.Pane;
import javafx.scene.paint.Color;
import vmalab.view.tree.Swatch;

/**
 * The page-table view's colours: style classes and their defaults. CSS rules on these classes, under
 * {@code .page-table-view}, override the defaults.
 */
public final class PagingPalette {
    public static final String BACKGROUND = "paging-background";
    public static final String NOT_PRESENT = "pte-not-present";
    public static final String READ_ONLY = "pte-present-ro";
    public static final String WRITABLE = "pte-present-rw";
    public static final String ZERO = "pte-zero-page";
    public static final String COW = "pte-cow";
    public static final String DIRTY = "pte-dirty";
    public static final String TEXT = "paging-text";
    public static final String FAINT = "paging-faint";
    public static final String SELECTED = "paging-selected";
    public static final String STEP = "paging-step";
    public static final String WALK = "walk-path";
    public static final String ENTRY = "walk-entry";
    public static final String FAULT = "walk-fault";
    public static final String LEVEL_PREFIX = "walk-level-";
    public static final String ON_DARK = "paging-text-on-dark";

    final Swatch background = new Swatch(BACKGROUND);
    final Swatch notPresent = new Swatch(NOT_PRESENT);
    final Swatch readOnly = new Swatch(READ_ONLY);
    final Swatch writable = new Swatch(WRITABLE);
    final Swatch zero = new Swatch(ZERO);
    final Swatch cow = new Swatch(COW);
    final Swatch dirty = new Swatch(DIRTY);
    final Swatch text = new Swatch(TEXT);
    final Swatch faint = new Swatch(FAINT);
    final Swatch selected = new Swatch(SELECTED);
    final Swatch step = new Swatch(STEP);
    final Swatch walk = new Swatch(WALK);
    final Swatch entry = new Swatch(ENTRY);
    final Swatch fault = new Swatch(FAULT);
    final Swatch onDark = new Swatch(ON_DARK);
    /** PGD, PUD, PMD, PTE: the address bits and the table of each level share a colour. */
    final Swatch[] levels = {
        new Swatch(LEVEL_PREFIX + "pgd"),
        new Swatch(LEVEL_PREFIX + "pud"),
        new Swatch(LEVEL_PREFIX + "pmd"),
        new Swatch(LEVEL_PREFIX + "pte"),
        new Swatch(LEVEL_PREFIX + "offset")};

    Color nodeTextOn() {
        return onDark.color();
    }

    Color level(String name) {
        return switch (name) {
            case "PGD" -> levels[0].color();
            case "PUD" -> levels[1].color();
            case "PMD" -> levels[2].color();
            case "PTE" -> levels[3].color();
            default -> levels[4].color();
        };
    }

    /** Puts swatches not shown in a legend into the scene (hidden) so CSS reaches them. */
    public void attachHidden(Pane holder, Runnable onChange) {
        java.util.List<Swatch> all = new java.util.ArrayList<>(java.util.List.of(background, notPresent, readOnly,
            writable, zero, cow, dirty, text, faint, selected, step, walk, entry, fault, onDark));
        all.addAll(java.util.List.of(levels));
        Swatch.attachHidden(holder, onChange, all);
    }

    public Color backgroundColor() { return background.color(); }
    public Color textColor() { return text.color(); }
    public Color faintColor() { return faint.color(); }
    public Color notPresentColor() { return notPresent.color(); }
    public Color writableColor() { return writable.color(); }
    public Color readOnlyColor() { return readOnly.color(); }
    public Color zeroColor() { return zero.color(); }
    public Color cowColor() { return cow.color(); }
}
