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

    final Swatch background = new Swatch(BACKGROUND, Color.WHITE);
    final Swatch notPresent = new Swatch(NOT_PRESENT, Color.web("#f5f5f5"));
    final Swatch readOnly = new Swatch(READ_ONLY, Color.web("#a5d6a7"));
    final Swatch writable = new Swatch(WRITABLE, Color.web("#43a047"));
    final Swatch zero = new Swatch(ZERO, Color.web("#81d4fa"));
    final Swatch cow = new Swatch(COW, Color.web("#ffb74d"));
    final Swatch dirty = new Swatch(DIRTY, Color.web("#b71c1c"));
    final Swatch text = new Swatch(TEXT, Color.web("#212121"));
    final Swatch faint = new Swatch(FAINT, Color.web("#9e9e9e"));
    final Swatch selected = new Swatch(SELECTED, Color.web("#1565c0"));
    final Swatch step = new Swatch(STEP, Color.web("#ff8f00"));
    final Swatch walk = new Swatch(WALK, Color.web("#1565c0"));
    final Swatch entry = new Swatch(ENTRY, Color.web("#fff59d"));
    final Swatch fault = new Swatch(FAULT, Color.web("#c62828"));
    final Swatch onDark = new Swatch(ON_DARK, Color.WHITE);
    /** PGD, PUD, PMD, PTE: the address bits and the table of each level share a colour. */
    final Swatch[] levels = {
        new Swatch(LEVEL_PREFIX + "pgd", Color.web("#6a1b9a")),
        new Swatch(LEVEL_PREFIX + "pud", Color.web("#283593")),
        new Swatch(LEVEL_PREFIX + "pmd", Color.web("#00695c")),
        new Swatch(LEVEL_PREFIX + "pte", Color.web("#ad1457")),
        new Swatch(LEVEL_PREFIX + "offset", Color.web("#546e7a"))};

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

    public Color notPresentColor() { return notPresent.color(); }
    public Color writableColor() { return writable.color(); }
    public Color readOnlyColor() { return readOnly.color(); }
    public Color zeroColor() { return zero.color(); }
    public Color cowColor() { return cow.color(); }
}
