package vmalab.view.tree;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import vmalab.model.mm.Mm;
import vmalab.model.mm.Vma;
import vmalab.model.rbtree.RbColor;
import vmalab.model.rbtree.RbStep;
import vmalab.viewmodel.fold.TreeShape;
import vmalab.viewmodel.fold.TreeStep;

/**
 * The caption of one tree step, naming each node as its box on screen shows it: vm_start–vm_end in hex with
 * 0x, after the mapping's name when it has one ({@code rotate left at [heap] 0x555555559000–0x55555557a000}).
 */
final class TreeCaption {
    private static final Pattern FIND_ADDR = Pattern.compile("^find_vma\\(([0-9a-fA-F]+)\\)");

    private TreeCaption() {
    }

    /** {@code before}/{@code after}: the tree before and after the step (a node is looked up in either). */
    static String of(TreeStep st, TreeShape before, TreeShape after, Mm mm) {
        RbStep s = st.step();
        if (s instanceof RbStep.Compare c) {
            return "find_vma_links: new " + VmaText.hex(c.newKey()) + (c.wentLeft() ? " < " : " > ")
                + key(c.nodeKey(), before, after, mm) + ", go " + (c.wentLeft() ? "left" : "right");
        }
        if (s instanceof RbStep.Recolor r) {
            return "rb_insert_color / rb_erase_color fix-up: paint " + key(r.key(), before, after, mm)
                + (r.color() == RbColor.RED ? " red" : " black");
        }
        if (s instanceof RbStep.Rotate r) {
            return "__rb_rotate_set_parents: rotate " + (r.left() ? "left" : "right") + " at "
                + key(r.key(), before, after, mm);
        }
        if (s instanceof RbStep.SuccessorSwap w) {
            return "rb_erase: successor " + key(w.successorKey(), before, after, mm) + " takes the place of "
                + key(w.erasedKey(), before, after, mm);
        }
        if (s instanceof RbStep.Unlink u) {
            return "rb_erase: " + key(u.key(), before, after, mm) + " leaves the tree";
        }
        if (s instanceof RbStep.Link l) {
            String where = l.parentKey() == null ? " as the root"
                : " as the " + (l.asLeft() ? "left" : "right") + " child of " + key(l.parentKey(), before, after, mm);
            return "rb_link_node: " + key(l.key(), after, before, mm) + " linked red" + where;
        }
        if (!st.path().isEmpty()) {
            Matcher m = FIND_ADDR.matcher(st.caption());
            String addr = m.find() ? VmaText.hex(Long.parseUnsignedLong(m.group(1), 16)) + "" : "addr";
            int i = st.subject() < 0 ? -1 : after.indexOfId(st.subject());
            String found = i < 0 ? "NULL" : VmaText.node(mm, after.vma(i), after.key(i));
            return "find_vma(" + addr + "): " + st.path().size() + " nodes visited, returns " + found;
        }
        if (st.subject() >= 0) {
            int a = before.indexOfId(st.subject());
            int b = after.indexOfId(st.subject());
            if (a >= 0 && b >= 0) {
                return "vma_adjust: " + VmaText.node(mm, before.vma(a), before.key(a)) + " becomes "
                    + VmaText.range(after.vma(b));
            }
        }
        return st.caption();
    }

    private static String key(long key, TreeShape first, TreeShape second, Mm mm) {
        int i = first.indexOfKey(key);
        if (i >= 0) return VmaText.node(mm, first.vma(i), key);
        int j = second.indexOfKey(key);
        if (j >= 0) return VmaText.node(mm, second.vma(j), key);
        return VmaText.hex(key);
    }

    /** The VMA's name on screen, for tests: what the caption calls the node of {@code v}. */
    static String nodeName(Mm mm, Vma v) {
        return VmaText.node(mm, v, v.start());
    }
}
