package vmalab.viewmodel.fold;

import java.util.List;
import vmalab.model.rbtree.RbStep;

/**
 * One step of the tree animation: what happened (an {@link RbStep}, a find_vma walk or a VMA changed in place),
 * the index of its event in the operation's event list, and what to light up, by shadow id.
 *
 * @param eventIndex  index in {@code OpResult.events()}
 * @param step        the rb-tree step, or null for a find_vma walk or a rekey
 * @param subject     the node the step is about (compared, linked, painted, rotated at, unlinked), or -1
 * @param other       the successor of a swap, -1 otherwise
 * @param path        find_vma's visited nodes in order (empty for other steps)
 * @param caption     one line naming the kernel function and what it did
 * @param structural  whether the tree changed (a new layout is needed)
 */
public record TreeStep(int eventIndex, RbStep step, int subject, int other, List<Integer> path, String caption,
                boolean structural) {
}
