package vmalab.app;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import org.junit.jupiter.api.Test;
import vmalab.io.lesson.LessonViews;

/** The ids a lesson's {@code view} line accepts (io, which sees nothing of the app) are the window's tabs. */
class ViewKindIdsTest {
    @Test
    void theLessonViewIdsAreTheTabsInOrder() {
        assertEquals(Arrays.stream(ViewKind.values()).filter(ViewKind::isTab).map(ViewKind::id).toList(),
            LessonViews.TABS);
        assertEquals(LessonViews.COMPARE, LessonViews.IDS.get(LessonViews.IDS.size() - 1));
        assertEquals(LessonViews.TABS, LessonViews.IDS.subList(0, LessonViews.TABS.size()));
    }
}
