package vmalab.model.rbtree;

/** A node's colour in a red-black tree. */
public enum RbColor {
    RED, BLACK;

    public char letter() {
        return this == RED ? 'R' : 'B';
    }
}
