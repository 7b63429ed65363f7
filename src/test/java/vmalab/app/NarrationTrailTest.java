package vmalab.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class NarrationTrailTest {
    @Test
    void aRunOfOneFunctionIsToldOnceWithItsCount() {
        assertEquals("dup_mmap › copy_page_range ×3 › __rmqueue_smallest › copy_page_range",
            NarrationBar.trail(List.of("dup_mmap", "copy_page_range", "copy_page_range", "copy_page_range",
                "__rmqueue_smallest", "copy_page_range")));
    }

    @Test
    void functionsThatDoNotRepeatKeepTheirOrder() {
        assertEquals("handle_mm_fault › expand › do_anonymous_page",
            NarrationBar.trail(List.of("handle_mm_fault", "expand", "do_anonymous_page")));
        assertEquals("", NarrationBar.trail(List.of()));
    }

    @Test
    void aStepOfManyFaultsIsToldAsATallyOfItsFunctions() {
        // given 2,000 faults, each through the same cycle of functions, some allocating a split block
        List<String> fs = new java.util.ArrayList<>();
        for (int k = 0; k < 2000; k++) {
            fs.addAll(List.of("handle_mm_fault", "__handle_mm_fault", "do_read_fault", "__rmqueue_smallest"));
            if (k % 2 == 0) fs.add("expand");
            fs.add("finish_fault");
        }
        // then each function is told once, in the order it first ran, with how often
        assertEquals("11,000 calls of 6 functions: handle_mm_fault ×2,000 · __handle_mm_fault ×2,000 · "
            + "do_read_fault ×2,000 · __rmqueue_smallest ×2,000 · expand ×1,000 · finish_fault ×2,000",
            NarrationBar.trail(fs));
    }

    @Test
    void sixteenRunsStillReadInOrderAndNothingPassesThreeHundredCharacters() {
        List<String> fs = new java.util.ArrayList<>();
        for (int k = 0; k < NarrationBar.MAX_RUNS; k++) fs.add(k % 2 == 0 ? "a" : "b");
        assertEquals(String.join(" › ", fs), NarrationBar.trail(fs));
        // many distinct long names: cut with "…" at 300 characters
        List<String> names = new java.util.ArrayList<>();
        for (int k = 0; k < 200; k++) names.add("function_with_a_long_name_" + k);
        String t = NarrationBar.trail(names);
        assertEquals(300, t.length());
        assertTrue(t.endsWith("…") && t.startsWith("200 calls of 200 functions: function_with_a_long_name_0 · "), t);
    }
}
