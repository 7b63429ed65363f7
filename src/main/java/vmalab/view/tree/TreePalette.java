package vmalab.view.tree;

import javafx.scene.layout.Pane;
import javafx.scene.paint.Color;

/**
 * The tree view's colours: style classes and their defaults (projector contrast on a light background). CSS
 * rules on these classes, under {@code .vma-tree-view}, override the defaults.
 */
public final class TreePalette {
    public static final String BACKGROUND = "tree-background";
    public static final String RED = "rb-red";
    public static final String BLACK = "rb-black";
    public static final String NODE_TEXT = "rb-node-text";
    public static final String EDGE = "tree-edge";
    public static final String SELECTED = "tree-selected";
    public static final String STEP = "tree-step";
    public static final String PATH = "tree-find-path";
    public static final String CHAIN = "vm-next-chain";
    public static final String CHAIN_BOX = "vm-next-box";
    public static final String TEXT = "tree-text";

    final Swatch background = new Swatch(BACKGROUND);
    final Swatch red = new Swatch(RED);
    final Swatch black = new Swatch(BLACK);
    final Swatch nodeText = new Swatch(NODE_TEXT);
    final Swatch edge = new Swatch(EDGE);
    final Swatch selected = new Swatch(SELECTED);
    final Swatch step = new Swatch(STEP);
    final Swatch path = new Swatch(PATH);
    final Swatch chain = new Swatch(CHAIN);
    final Swatch chainBox = new Swatch(CHAIN_BOX);
    final Swatch text = new Swatch(TEXT);

    /** Swatches not shown in the legend still need to be in the scene graph for CSS to reach them. */
    public void attachHidden(Pane holder, Runnable onChange) {
        Swatch.attachHidden(holder, onChange, java.util.List.of(background, red, black, nodeText, edge, selected,
            step, path, chain, chainBox, text));
    }

    public Color redColor() { return red.color(); }
    public Color blackColor() { return black.color(); }
    public Color backgroundColor() { return background.color(); }
}
