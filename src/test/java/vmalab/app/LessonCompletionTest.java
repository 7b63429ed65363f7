package vmalab.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import org.junit.jupiter.api.Test;
import vmalab.io.LessonSyntax;
import vmalab.io.lesson.LessonKey;

/** The command bar completes and hints the lesson words and the expect keys from their tables. */
class LessonCompletionTest {
    @Test
    void expectCompletesItsKeysAndThenAKeysValues() {
        assertEquals(List.of("expect rss "), CommandBar.argumentWords("", "expect rs"));
        assertEquals(List.of("child: expect present ", "child: expect processes "),
            CommandBar.argumentWords("child: ", "expect pr"));
        assertEquals(List.of("expect present 0x1000 yes "), CommandBar.argumentWords("", "expect present 0x1000 y"));
        assertEquals(List.of("expect signal SIGSEGV "), CommandBar.argumentWords("", "expect signal sigs"));
        assertEquals(List.of("ask \"Q?\" yes no answer cow "),
            CommandBar.argumentWords("", "ask \"Q?\" yes no answer c"));
        assertEquals(List.of(), CommandBar.argumentWords("", "expect rss 1"), "a size has no fixed words");
    }

    @Test
    void lessonWordsHintTheirUsageAndAKeyHintsWhatItReads() {
        assertEquals(LessonSyntax.EXPECT.hint(), CommandBar.hint(CommandBar.keyword("child: expect")));
        assertEquals(LessonSyntax.SAY.hint(), CommandBar.hint("say"));
        assertEquals("expect " + LessonKey.COW.usage() + "  " + LessonKey.COW.summary(),
            CommandBar.keyHint("expect cow 0x1000"));
        assertNull(CommandBar.keyHint("touch 0x1000 w"));
    }
}
