package vmalab.app;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import org.junit.jupiter.api.Test;
import vmalab.io.ScenarioSyntax;

/** The command bar's argument completion and hints come from the syntax table; no toolkit needed. */
class CommandBarCompletionTest {
    @Test
    void anArgumentWordCompletesFromTheOperationsWords() {
        assertEquals(List.of("exec p x86_64 "), CommandBar.argumentWords("", "exec p x8"));
        assertEquals(List.of("child: madvise 0x1000 4K dontneed ", "child: madvise 0x1000 4K dontfork ",
            "child: madvise 0x1000 4K dofork ", "child: madvise 0x1000 4K dontdump ",
            "child: madvise 0x1000 4K dodump "), CommandBar.argumentWords("child: ", "madvise 0x1000 4K d"));
        assertEquals(List.of("mmap 4K r-- private file:"), CommandBar.argumentWords("", "mmap 4K r-- private fil"));
    }

    @Test
    void nothingCompletesWithoutAWordOrForAnUnknownOperation() {
        assertEquals(List.of(), CommandBar.argumentWords("", "mmap 4K "));
        assertEquals(List.of(), CommandBar.argumentWords("", "mmmap 4K r-- pr"));
        assertEquals(List.of(), CommandBar.argumentWords("", "mremap 0x1000 4K 8K maymove"), "already complete");
    }

    @Test
    void theHintIsTheTablesAndThePrefixIsSplitOff() {
        assertEquals(ScenarioSyntax.BRK.hint(), CommandBar.hint(CommandBar.keyword("child: brk +8K")));
        assertNull(CommandBar.hint("bogus"));
        assertArrayEquals(new String[] {"child: ", "touch 0x1000 w"}, CommandBar.splitPrefix("  child:touch 0x1000 w"));
        assertArrayEquals(new String[] {"", "mmap 4K r-- private file:/x"},
            CommandBar.splitPrefix("mmap 4K r-- private file:/x"));
    }
}
