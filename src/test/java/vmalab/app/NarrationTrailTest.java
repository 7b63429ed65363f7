package vmalab.app;

import static org.junit.jupiter.api.Assertions.assertEquals;

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
}
