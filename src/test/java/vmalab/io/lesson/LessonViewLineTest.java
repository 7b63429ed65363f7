package vmalab.io.lesson;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import vmalab.io.ScenarioParser;

/** {@code view ID}: the tab a lesson shows from the next operation on; a bad one is a FILE:LINE error. */
class LessonViewLineTest {
    private static List<ScenarioParser.Step> steps(String text) {
        ScenarioParser.Result r = ScenarioParser.parse(text, "t.vlab");
        assertTrue(r.ok(), r.error());
        return r.steps();
    }

    private static String error(String text) {
        ScenarioParser.Result r = ScenarioParser.parse(text, "t.vlab");
        assertFalse(r.ok(), "should not parse: " + text);
        return r.error();
    }

    private static String at(List<ScenarioParser.Step> s, int position) {
        return LessonViews.at(i -> s.get(i).notes(), s.size(), position);
    }

    @Test
    void aViewLineLandsOnTheNextOperationAndHoldsUntilTheNext() {
        // given a view before the first operation, none before the second, one before the third
        List<ScenarioParser.Step> s = steps("view tree\nexec p empty\nmmap 4K rw- private anon\n"
            + "say \"now the maple tree\"\nVIEW Maple\nmmap 4K r-- private anon\nmunmap 0x1000 4K\n");

        // then each step carries its own line, in lower case, and the say beside it is untouched
        assertEquals("tree", s.get(0).notes().view());
        assertNull(s.get(1).notes().view());
        assertEquals("maple", s.get(2).notes().view());
        assertEquals("now the maple tree", s.get(2).notes().sayText());
        // and the view at each position: the first step's from the start, the last one's at or before it
        assertEquals(List.of("tree", "tree", "tree", "maple", "maple"),
            List.of(at(s, 0), at(s, 1), at(s, 2), at(s, 3), at(s, 4)));
    }

    @Test
    void aViewAfterTheFirstStepLeavesTheStartUnchosen() {
        List<ScenarioParser.Step> s = steps("exec p empty\nview layout\nmmap 4K rw- private anon\n");

        assertNull(at(s, 0));
        assertNull(at(s, 1));
        assertEquals("layout", at(s, 2));
        assertNull(at(steps("exec p empty\n"), 1), "a scenario without view lines names none");
    }

    @Test
    void everyTabIdParses() {
        for (String id : LessonViews.IDS) assertEquals(id, steps("view " + id + "\nexec p empty\n").get(0).notes().view());
    }

    @Test
    void anUnknownViewNamesTheFileTheLineAndTheIds() {
        String ids = String.join(", ", LessonViews.IDS);
        assertEquals("t.vlab:2: unknown view \"pages\" (" + ids + ")", error("exec p empty\nview pages\nexec q empty\n"));
        assertEquals("t.vlab:1: unknown view \"window\" (" + ids + ")", error("view window\nexec p empty\n"),
            "the whole window is no tab");
        assertEquals("t.vlab:1: view ID: which view? (" + ids + ")", error("view\nexec p empty\n"));
        assertEquals("t.vlab:1: view ID: one view, got 2 words (" + ids + ")", error("view tree maple\nexec p empty\n"));
    }

    @Test
    void oneViewPerOperationAndAnOperationAfterIt() {
        assertEquals("t.vlab:3: one view per operation (the last one is on line 2)",
            error("exec p empty\nview tree\nview maple\nexec q empty\n"));
        assertEquals("t.vlab:2: view needs an operation after it (it holds from that step on)",
            error("exec p empty\nview tree\n"));
        assertEquals("t.vlab:2: only expect and ask take a process name", error("exec p empty\np: view tree\nexec q empty\n"));
    }

    @Test
    void aViewIdIsTheWholeWordAndACommentMayFollow() {
        assertEquals("maple", steps("view maple # the mm_mt\nexec p empty\n").get(0).notes().view());
    }
}
