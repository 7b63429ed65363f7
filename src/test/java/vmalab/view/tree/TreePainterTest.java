package vmalab.view.tree;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.util.stream.IntStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import vmalab.model.mm.Mm;
import vmalab.model.mm.Vma;
import vmalab.model.mm.Profile;
import vmalab.viewmodel.fold.TreeShape;

class TreePainterTest {
    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3, 4, 7, 100, 4097})
    void the_top_two_rows_are_found_without_a_pass_over_every_node(int n) {
        Mm mm = new Mm(1, Profile.EMPTY);
        for (int i = 0; i < n; i++) {
            long s = 0x10000000L + (long) i * 2 * Vma.PAGE_SIZE;
            mm.link(new Vma(s, s + Vma.PAGE_SIZE, 0, 0, null, 0, null), e -> { });
        }
        TreeShape shape = TreeShape.layout(mm.index());
        int[] scanned = IntStream.range(0, shape.size()).filter(i -> shape.depth(i) <= 1).toArray();
        assertArrayEquals(scanned, TreePainter.topTwoRows(shape));
    }
}
