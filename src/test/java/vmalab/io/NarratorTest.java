package vmalab.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import vmalab.model.Kernel;
import vmalab.model.OpResult;
import vmalab.model.event.Narration;
import vmalab.model.event.Sentence;
import vmalab.model.event.SimEvent;
import vmalab.model.event.TaskEvent;
import vmalab.model.fs.SimFile;
import vmalab.model.mm.Prot;
import vmalab.model.mm.Vma;
import vmalab.model.mm.VmFlags;
import vmalab.model.op.Advice;
import vmalab.model.op.Op;
import vmalab.model.paging.FileKey;
import vmalab.model.paging.FrameOwner;
import vmalab.model.paging.Rss;
import vmalab.model.paging.TableFormat;
import vmalab.model.syscall.Syscalls;

/** The narrator puts every event of the model into the words the lab has always used. */
class NarratorTest {
    static final SimFile FILE = new SimFile("/data/f", 8192, 8, 1, 77);
    static final FileKey KEY = new FileKey(8, 1, 77, "/data/f");
    static final Vma VMA = new Vma(0x1000, 0x3000, VmFlags.READ | VmFlags.WRITE | VmFlags.MAYREAD
        | VmFlags.MAYWRITE, 0, null, 0, null);
    static final TaskEvent.SignalRaised SEGV = new TaskEvent.SignalRaised(1000, TaskEvent.Cause.NO_VMA,
        0x10, null, 'r');

    /** A narration of each sentence with numbers 1, 2, 3, 4 (the letter a…d) and the reference it needs. */
    static Narration sample(Sentence s) {
        Object ref = switch (s) {
            case MADVISE -> Advice.DONTNEED;
            case FILE_CREATED -> new Op.CreateFile("f", 4096, null, null, null);
            case FORCE_SIG_FAULT -> SEGV;
            case ALLOC_OOM, RMQUEUE_SMALLEST -> new FrameOwner(FrameOwner.Role.ANON_PAGE, 1, 0x7000, null);
            case WRITEPAGE, FILEMAP_READ_FOLIO, SHMEM_EVICT_INODE, FINISH_FAULT, COPY_USER_HIGHPAGE,
                TRUNCATE_PAGECACHE_RANGE, SYNC_MMAP_READAHEAD -> KEY;
            case OOM_KILL_PROCESS -> "p";
            case FILEMAP_PAST_EOF, SHMEM_PAST_EOF -> FILE;
            case HANDLE_MM_FAULT, CHANGE_PTE_RANGE -> VMA;
            case ZAP_PTE_RANGE -> new Rss(0, 1, 0);
            default -> null;
        };
        long a = s == Sentence.HANDLE_MM_FAULT ? 'w' : s == Sentence.GET_UNMAPPED_AREA ? 8192 : 1;
        return new Narration(s, a, 2, 3, 4, ref);
    }

    @Test
    void everySentenceRendersWithItsNumbers() {
        for (Sentence s : Sentence.values()) {
            Narration n = sample(s);
            String text = Narrator.text(n);
            assertNotNull(text, s.name());
            assertFalse(text.isBlank(), s.name());
            assertFalse(text.contains("null"), s + ": " + text);
            assertEquals(s.function(), Narrator.function(n));
            assertFalse(s.function().contains("("), s.name());
        }
    }

    @Test
    void sentencesKeepTheirWording() {
        // frames, PFNs and single addresses in hex with 0x, as the page tables, buddy and story views write them
        // (a /proc-style range stays bare, as maps prints it)
        assertEquals("a write to untouched memory: frame 0x1, zeroed, mapped writable and dirty",
            Narrator.text(sample(Sentence.DO_ANONYMOUS_PAGE_WRITE)));
        assertEquals("write fault at 0x2 in 1000-3000 rw-p", Narrator.text(sample(Sentence.HANDLE_MM_FAULT)));
        assertEquals("placing 8 KiB at 0x2", Narrator.text(sample(Sentence.GET_UNMAPPED_AREA)));
        assertEquals("anonymous page at 7000: an order-1 block, taken from free list 2 (pfn 0x3)",
            Narrator.text(sample(Sentence.RMQUEUE_SMALLEST)));
        assertEquals("pfn 0x1 (order 2) goes back to the buddy allocator, merging with 3 free buddy blocks",
            Narrator.text(sample(Sentence.FREE_ONE_PAGE)));
        assertEquals("pfn 0x5 (order 0) goes back to the buddy allocator",
            Narrator.text(new Narration(Sentence.FREE_ONE_PAGE, 5, 0, 0)));
        assertEquals("1-2: 3 PTEs cleared, RSS 16 → 4 KiB", Narrator.text(sample(Sentence.ZAP_PTE_RANGE)));
        assertEquals("1-2: 3 PTEs copied, write-protected in parent and child: the frames are shared until one "
            + "writes", Narrator.text(sample(Sentence.COPY_PTE_RANGE)));
        assertEquals("1-2: 1 PTE copied", Narrator.text(new Narration(Sentence.COPY_PTE_RANGE, 1, 2, 1, 0, null)));
        assertEquals("map page 1 of /data/f (frame 0x2) writable", Narrator.text(sample(Sentence.FINISH_FAULT)));
        assertEquals("the stack grows down by 1 page to 0x2", Narrator.text(sample(Sentence.EXPAND_STACK_FAULT)));
        assertEquals("SIGSEGV at 0x1: SEGV_MAPERR: no VMA at or above the address",
            Narrator.text(sample(Sentence.FORCE_SIG_FAULT)));
        assertEquals("MADV_DONTNEED on 1-2", Narrator.text(sample(Sentence.MADVISE)));
        assertEquals("file f created", Narrator.text(sample(Sentence.FILE_CREATED)));
    }

    @Test
    void frameOwnersRenderAsTheLabelsTheyReplace() {
        assertEquals("anonymous page at 7ffff000", Narrator.owner(new FrameOwner(FrameOwner.Role.ANON_PAGE, 1,
            0x7ffff000L, null)));
        assertEquals("page cache /data/f #3", Narrator.owner(new FrameOwner(FrameOwner.Role.PAGE_CACHE, 0, 3, KEY)));
        assertEquals("PTE table of mm 2", Narrator.owner(new FrameOwner(FrameOwner.Role.PAGE_TABLE, 2, 0,
            TableFormat.X86_64.leaf())));
        assertEquals("alloc_pages dma", Narrator.owner(new FrameOwner(FrameOwner.Role.ALLOC_PAGES, 0, 0, "dma")));
        assertEquals("free", Narrator.owner(FrameOwner.FREE));
    }

    @Test
    void systemCallsRenderAsStraceDoes() {
        assertEquals("mmap(NULL, 4096, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0) = 0x7ffff7ffb000",
            Narrator.text(new TaskEvent.SyscallDone(1000, new Op.Mmap(0, 4096, Prot.READ | Prot.WRITE, false, null,
                0, false, false, false, false, false), 0x7ffff7ffb000L)));
        assertEquals("mmap(0x1000, 8192, PROT_READ, MAP_PRIVATE|MAP_FIXED|MAP_DENYWRITE, 3</data/f>, 0x1000) = 0x1000",
            Narrator.text(new TaskEvent.SyscallDone(1000, new Op.Mmap(0x1000, 8192, Prot.READ, false, "/data/f",
                0x1000, true, false, false, false, false), FILE, true, 0x1000)));
        assertEquals("brk(NULL) = 0x555555559000",
            Narrator.text(new TaskEvent.SyscallDone(1000, new Op.Brk(0, true), 0x555555559000L)));
        assertEquals("munmap(0x1000, 4096) = -1 EINVAL (Invalid argument)",
            Narrator.text(new TaskEvent.SyscallDone(1000, new Op.Munmap(0x1000, 4096), -22)));
        assertEquals("fork() = 1001", Narrator.text(new TaskEvent.SyscallDone(1000, new Op.Fork("c"), 1001)));
    }

    /** Every narration the lessons make renders; together they use most of the sentences. */
    @Test
    void theLessonsNarrationsAllRender() throws IOException {
        Set<Sentence> seen = EnumSet.noneOf(Sentence.class);
        List<Path> lessons;
        try (Stream<Path> s = Files.list(Path.of("src/main/resources/vmalab/lessons"))) {
            lessons = s.filter(p -> p.toString().endsWith(".vlab")).sorted().toList();
        }
        for (Path lesson : lessons) {
            ScenarioParser.Result parsed = ScenarioParser.parse(Files.readString(lesson, StandardCharsets.UTF_8),
                lesson.toString());
            Kernel k = new Kernel();
            for (ScenarioParser.Step step : parsed.steps()) {
                OpResult r = Syscalls.apply(k, step.op());
                for (SimEvent e : r.events()) {
                    if (!(e instanceof Narration n)) continue;
                    seen.add(n.sentence());
                    String text = Narrator.text(n);
                    assertFalse(text.isBlank() || text.contains("null"), lesson + ": " + text);
                }
            }
        }
        assertTrue(seen.size() >= 30, "sentences the lessons use: " + seen);
    }
}
