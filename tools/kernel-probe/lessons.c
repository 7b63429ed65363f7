/* Checks the built-in lessons' claims against the running kernel: one "key value" line each.
 * Build: cc -O1 -pthread -o lessons lessons.c && ./lessons > ../../src/test/resources/kernel/lessons.txt
 * Run as root for the page-frame numbers (/proc/self/pagemap, /proc/kpagecount); otherwise PFNs read 0. */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <setjmp.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/resource.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

#define PG 4096L
static char out[1 << 16];
static size_t outn;
static void say(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
#include <stdarg.h>
static void say(const char *fmt, ...) {
    va_list ap;
    va_start(ap, fmt);
    outn += vsnprintf(out + outn, sizeof out - outn, fmt, ap);
    va_end(ap);
}

static long minflt(void) {
    struct rusage ru;
    getrusage(RUSAGE_SELF, &ru);
    return ru.ru_minflt;
}

/* one smaps field (kB) of the VMA holding addr, in pid's smaps ("self" for 0) */
static long smaps_field(int pid, void *addr, const char *field) {
    char path[64], line[512];
    if (pid) snprintf(path, sizeof path, "/proc/%d/smaps", pid);
    else strcpy(path, "/proc/self/smaps");
    FILE *f = fopen(path, "r");
    unsigned long s, e;
    int in = 0;
    long v = -1;
    size_t fl = strlen(field);
    while (fgets(line, sizeof line, f)) {
        if (sscanf(line, "%lx-%lx ", &s, &e) == 2 && strchr(line, '-') < strchr(line, ' ')) {
            in = (unsigned long)addr >= s && (unsigned long)addr < e;
            continue;
        }
        if (in && !strncmp(line, field, fl) && line[fl] == ':') { v = strtol(line + fl + 1, NULL, 10); break; }
    }
    fclose(f);
    return v;
}

/* the VmFlags line of the VMA holding addr */
static void vmflags(void *addr, char *buf, size_t n) {
    char line[512];
    FILE *f = fopen("/proc/self/smaps", "r");
    unsigned long s, e;
    int in = 0;
    buf[0] = 0;
    while (fgets(line, sizeof line, f)) {
        if (sscanf(line, "%lx-%lx ", &s, &e) == 2 && strchr(line, '-') < strchr(line, ' ')) {
            in = (unsigned long)addr >= s && (unsigned long)addr < e;
            continue;
        }
        if (in && !strncmp(line, "VmFlags:", 8)) {
            snprintf(buf, n, "%s", line + 9);
            buf[strcspn(buf, "\n")] = 0;
            break;
        }
    }
    fclose(f);
}

static int vmas_in(char *lo, char *hi) {
    FILE *f = fopen("/proc/self/maps", "r");
    unsigned long s, e;
    int n = 0;
    while (fscanf(f, "%lx-%lx %*[^\n]", &s, &e) == 2) if (s >= (unsigned long)lo && e <= (unsigned long)hi) n++;
    fclose(f);
    return n;
}

/* the pagemap entry of addr in pid ("self" for 0): bit 63 present, bits 0-54 the PFN */
static uint64_t pagemap(int pid, void *addr) {
    char path[64];
    if (pid) snprintf(path, sizeof path, "/proc/%d/pagemap", pid);
    else strcpy(path, "/proc/self/pagemap");
    int fd = open(path, O_RDONLY);
    uint64_t e = 0;
    if (pread(fd, &e, 8, ((uintptr_t)addr / PG) * 8) != 8) e = 0;
    close(fd);
    return e;
}
static int present(void *a) { return (int)(pagemap(0, a) >> 63); }
static uint64_t pfn(int pid, void *a) { return pagemap(pid, a) & ((1ULL << 55) - 1); }
static long kpagecount(uint64_t p) {
    int fd = open("/proc/kpagecount", O_RDONLY);
    uint64_t c = 0;
    if (fd < 0 || pread(fd, &c, 8, p * 8) != 8) c = (uint64_t)-1;
    if (fd >= 0) close(fd);
    return (long)c;
}

static long status_kb(const char *field) {
    char line[256];
    FILE *f = fopen("/proc/self/status", "r");
    long v = -1;
    size_t fl = strlen(field);
    while (fgets(line, sizeof line, f)) if (!strncmp(line, field, fl)) { v = strtol(line + fl + 1, NULL, 10); break; }
    fclose(f);
    return v;
}

static sigjmp_buf jb;
static volatile int sig_code;
static void on_segv(int s, siginfo_t *si, void *u) { (void)s; (void)u; sig_code = si->si_code; siglongjmp(jb, 1); }
/* writes (w) or reads one byte at addr; returns 0 or the SIGSEGV's si_code name */
static const char *try_access(volatile char *addr, int w) {
    sig_code = 0;
    if (sigsetjmp(jb, 1) == 0) {
        if (w) *addr = 1; else (void)*addr;
        return "ok";
    }
    return sig_code == SEGV_MAPERR ? "SEGV_MAPERR" : sig_code == SEGV_ACCERR ? "SEGV_ACCERR" : "SEGV_other";
}

static void stack_range(unsigned long *s, unsigned long *e) {
    char line[512];
    FILE *f = fopen("/proc/self/maps", "r");
    while (fgets(line, sizeof line, f)) if (strstr(line, "[stack]")) sscanf(line, "%lx-%lx", s, e);
    fclose(f);
}

static void *thread_touch(void *arg) {
    char *p = mmap((void *)0x72000000, 4 * PG, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED_NOREPLACE, -1, 0);
    for (int i = 0; i < 4; i++) p[i * PG] = 1;
    *(char **)arg = p;
    return NULL;
}

int main(void) {
    long f0;
    /* rss-vsz: five pages, three written */
    char *a = mmap((void *)0x10000000, 5 * PG, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED_NOREPLACE, -1, 0);
    f0 = minflt(); a[0] = 1; say("rssvsz_first_write_minflt %ld\n", minflt() - f0);
    a[PG] = 1; a[3 * PG] = 1;
    say("rssvsz_size_kb %ld rss_kb %ld present %d%d%d%d%d\n", smaps_field(0, a, "Size"), smaps_field(0, a, "Rss"),
        present(a), present(a + PG), present(a + 2 * PG), present(a + 3 * PG), present(a + 4 * PG));
    munmap(a, 5 * PG);

    /* heap-fault: brk grows the heap; the new page faults on first write */
    char *b0 = (char *)syscall(SYS_brk, 0);
    char *b1 = (char *)syscall(SYS_brk, b0 + 8 * PG);  /* a fresh, page-aligned stretch of heap */
    char *h = (char *)(((uintptr_t)b0 + PG - 1) & ~(PG - 1));
    h[0] = 1; h[PG] = 1;
    long rss_before = smaps_field(0, h, "Rss"), size_before = smaps_field(0, h, "Size");
    char *top = (char *)syscall(SYS_brk, b1 + 2 * PG);
    long size_after = smaps_field(0, h, "Size"), rss_after = smaps_field(0, h, "Rss");
    char *np = (char *)(((uintptr_t)b1 + PG - 1) & ~(PG - 1));
    int np_before = present(np);
    f0 = minflt(); np[0] = 1; long fl = minflt() - f0;
    say("heap_brk_grow_size_kb %ld rss_kb_unchanged %d new_page_present_before %d write_minflt %ld present_after %d "
        "rss_kb_grew %ld\n", size_after - size_before, rss_after == rss_before, np_before, fl, present(np),
        smaps_field(0, h, "Rss") - rss_after);
    (void)top;

    /* zero-page: reads map the zero page (no RSS), a write gets a frame, dontneed drops it */
    char *z = mmap((void *)0x70000000, 4 * PG, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED_NOREPLACE, -1, 0);
    volatile char sink = 0;
    f0 = minflt();
    for (int i = 0; i < 4; i++) sink += z[i * PG];
    say("zero_read4_minflt %ld rss_kb %ld present %d%d%d%d same_pfn %d\n", minflt() - f0, smaps_field(0, z, "Rss"),
        present(z), present(z + PG), present(z + 2 * PG), present(z + 3 * PG),
        pfn(0, z) == pfn(0, z + 3 * PG) && pfn(0, z) != 0);
    uint64_t zpfn = pfn(0, z + PG);
    f0 = minflt(); z[PG] = 1;
    say("zero_write_minflt %ld rss_kb %ld new_pfn %d\n", minflt() - f0, smaps_field(0, z, "Rss"), pfn(0, z + PG) != zpfn);
    madvise(z + PG, PG, MADV_DONTNEED);
    say("zero_dontneed rss_kb %ld present %d\n", smaps_field(0, z, "Rss"), present(z + PG));
    f0 = minflt(); sink += z[PG];
    say("zero_reread minflt %ld value %d zero_pfn_again %d rss_kb %ld\n", minflt() - f0, z[PG], pfn(0, z + PG) == zpfn,
        smaps_field(0, z, "Rss"));

    /* fork-cow: four written pages shared after fork, copied on the first write */
    char *c = mmap((void *)0x71000000, 4 * PG, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED_NOREPLACE, -1, 0);
    for (int i = 0; i < 4; i++) c[i * PG] = 1;
    uint64_t p0 = pfn(0, c), p2 = pfn(0, c + 2 * PG);
    int up[2], down[2];
    if (pipe(up) || pipe(down)) return 1;
    pid_t kid = fork();
    if (kid == 0) {
        char rep[256];
        int same = pfn(0, c) == p0;
        long cnt = kpagecount(p0);
        long g = minflt(); c[0] = 2; long cf = minflt() - g;
        int n = snprintf(rep, sizeof rep, "forkcow_child_shares %d mapcount_after_fork %ld child_write_minflt %ld "
            "child_new_pfn %d child_rss_kb %ld\n", same, cnt, cf, pfn(0, c) != p0, smaps_field(0, c, "Rss"));
        if (write(up[1], rep, n) != n) _exit(1);
        char x;
        if (read(down[0], &x, 1) != 1) _exit(1);
        _exit(0);
    }
    char rep[256];
    ssize_t rn = read(up[0], rep, sizeof rep - 1);
    rep[rn > 0 ? rn : 0] = 0;
    say("%s", rep);
    say("forkcow_parent_mapcount_after_child_copy %ld\n", kpagecount(p0));
    f0 = minflt(); sink += c[PG];
    say("forkcow_parent_read_minflt %ld\n", minflt() - f0);
    f0 = minflt(); c[2 * PG] = 3;
    say("forkcow_parent_write_shared_minflt %ld parent_new_pfn %d child_keeps_old %d\n", minflt() - f0,
        pfn(0, c + 2 * PG) != p2, pfn(kid, c + 2 * PG) == p2);
    f0 = minflt(); c[0] = 3;
    say("forkcow_parent_write_exclusive_minflt %ld reused_pfn %d\n", minflt() - f0, pfn(0, c) == p0);
    if (write(down[1], "x", 1) != 1) return 1;
    waitpid(kid, NULL, 0);

    /* shared-libc: a text page of libc is one frame in two processes */
    pid_t sl = fork();
    if (sl == 0) { execlp("sleep", "sleep", "1", (char *)NULL); _exit(127); }
    usleep(300000);
    void *fn = (void *)&nanosleep;
    char line[512], path[64];
    unsigned long s, e, off, mys = 0, myoff = 0, ks = 0, koff = 0;
    char perms[5], name[256];
    FILE *mf = fopen("/proc/self/maps", "r");
    while (fgets(line, sizeof line, mf)) {
        name[0] = 0;
        if (sscanf(line, "%lx-%lx %4s %lx %*s %*s %255s", &s, &e, perms, &off, name) >= 4 && strstr(name, "libc.so")
            && (uintptr_t)fn >= s && (uintptr_t)fn < e) { mys = s; myoff = off; }
    }
    fclose(mf);
    snprintf(path, sizeof path, "/proc/%d/maps", sl);
    mf = fopen(path, "r");
    while (fgets(line, sizeof line, mf)) {
        name[0] = 0;
        if (sscanf(line, "%lx-%lx %4s %lx %*s %*s %255s", &s, &e, perms, &off, name) >= 4 && strstr(name, "libc.so")
            && off == myoff && !strcmp(perms, "r-xp")) { ks = s; koff = off; }
    }
    fclose(mf);
    uint64_t mine = pfn(0, fn), theirs = ks ? pfn(sl, (char *)ks + ((uintptr_t)fn - mys)) : 0;
    say("sharedlibc_same_pfn %d nonzero %d mapcount_ge2 %d\n", mine == theirs, mine != 0, kpagecount(mine) >= 2);
    (void)koff;
    waitpid(sl, NULL, 0);

    /* stack-segv */
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_sigaction = on_segv;
    sa.sa_flags = SA_SIGINFO | SA_ONSTACK;
    static char altstack[1 << 16];
    stack_t ss = {.ss_sp = altstack, .ss_size = sizeof altstack};
    sigaltstack(&ss, NULL);
    sigaction(SIGSEGV, &sa, NULL);
    unsigned long st, en;
    stack_range(&st, &en);
    const char *g1 = try_access((char *)st - PG, 1);
    unsigned long st2, en2;
    stack_range(&st2, &en2);
    const char *g2 = try_access((char *)st2 - 0xe000, 1);
    unsigned long st3;
    stack_range(&st3, &en2);
    say("stack_below_by_one_page %s grew_kb %lu further %s grew_kb %lu\n", g1, (st - st2) / 1024, g2, (st2 - st3) / 1024);
    say("stack_wild_read %s\n", try_access((char *)0xdeadb000, 0));
    /* the executable's first mapping is the r--p ELF header segment, the r-xp text follows */
    char hdrp[5] = "", txtp[5] = "";
    unsigned long hs = 0, ts = 0;
    mf = fopen("/proc/self/maps", "r");
    char self[256] = "";
    if (readlink("/proc/self/exe", self, sizeof self - 1) < 0) self[0] = 0;
    while (fgets(line, sizeof line, mf)) {
        name[0] = 0;
        if (sscanf(line, "%lx-%lx %4s %lx %*s %*s %255s", &s, &e, perms, &off, name) >= 4 && !strcmp(name, self)) {
            if (!hs) { hs = s; strcpy(hdrp, perms); }
            else if (!ts && !strcmp(perms, "r-xp")) { ts = s; strcpy(txtp, perms); }
        }
    }
    fclose(mf);
    say("exe_first_mapping %s offset0 then %s\n", hdrp, txtp);
    say("stack_write_header %s write_text %s\n", try_access((char *)hs, 1), try_access((char *)ts, 1));
    /* the guard gap: a mapping less than stack_guard_gap (1 MiB) below the stack stops its growth */
    stack_range(&st, &en);
    char *g = mmap((char *)st - 0xde000 - PG, PG, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED_NOREPLACE, -1, 0);
    say("stack_guard_gap_mapping %d below_stack %s\n", g != MAP_FAILED, try_access((char *)st - PG, 1));
    munmap(g, PG);
    say("stack_after_gap_unmapped %s\n", try_access((char *)st - PG, 1));

    /* madvise: read-ahead hints set VmFlags and split the VMA; dontneed drops the PTEs, the cache stays */
    char tmpl[] = "/tmp/vmalab-lessons-XXXXXX";
    int fd = mkstemp(tmpl);
    static char chunk[256 * 1024];
    memset(chunk, 'x', sizeof chunk);
    if (write(fd, chunk, sizeof chunk) != (ssize_t)sizeof chunk) return 1;
    fsync(fd);
    char *m = mmap(NULL, sizeof chunk, PROT_READ, MAP_PRIVATE, fd, 0);
    char fb[128];
    madvise(m, 16 * PG, MADV_SEQUENTIAL);
    vmflags(m, fb, sizeof fb);
    say("madvise_sequential_vmas %d flags %s\n", vmas_in(m, m + sizeof chunk), fb);
    madvise(m, 16 * PG, MADV_RANDOM);
    vmflags(m, fb, sizeof fb);
    say("madvise_random_vmas %d flags %s\n", vmas_in(m, m + sizeof chunk), fb);
    madvise(m, 16 * PG, MADV_NORMAL);
    say("madvise_normal_vmas %d\n", vmas_in(m, m + sizeof chunk));
    /* read-ahead: drop the file's cache, then count cached pages (mincore) after one read fault */
    unsigned char vec[64];
    const char *modes[] = {"random", "normal", "sequential"};
    int advs[] = {MADV_RANDOM, MADV_NORMAL, MADV_SEQUENTIAL};
    for (int k = 0; k < 3; k++) {
        munmap(m, sizeof chunk);
        posix_fadvise(fd, 0, 0, POSIX_FADV_DONTNEED);
        m = mmap(NULL, sizeof chunk, PROT_READ, MAP_PRIVATE, fd, 0);
        madvise(m, sizeof chunk, advs[k]);
        f0 = minflt();
        struct rusage r0, r1;
        getrusage(RUSAGE_SELF, &r0);
        sink += m[8 * PG];
        getrusage(RUSAGE_SELF, &r1);
        mincore(m, sizeof chunk, vec);
        int cached = 0;
        for (int i = 0; i < 64; i++) cached += vec[i] & 1;
        say("readahead_%s cached_pages %d rss_kb %ld majflt %ld\n", modes[k], cached, smaps_field(0, m, "Rss"),
            r1.ru_majflt - r0.ru_majflt);
        /* a second read, next page: fault-around maps what is cached */
        sink += m[9 * PG];
        say("readahead_%s_second_read rss_kb %ld\n", modes[k], smaps_field(0, m, "Rss"));
    }
    madvise(m, sizeof chunk, MADV_DONTNEED);
    mincore(m, sizeof chunk, vec);
    int still = 0;
    for (int i = 0; i < 64; i++) still += vec[i] & 1;
    long rss_dropped = smaps_field(0, m, "Rss");
    struct rusage q0, q1;
    getrusage(RUSAGE_SELF, &q0);
    sink += m[8 * PG];
    getrusage(RUSAGE_SELF, &q1);
    say("madvise_dontneed_file rss_kb %ld cache_kept_pages %d reread_minflt %ld majflt %ld rss_kb_after %ld\n",
        rss_dropped, still, q1.ru_minflt - q0.ru_minflt, q1.ru_majflt - q0.ru_majflt, smaps_field(0, m, "Rss"));
    munmap(m, sizeof chunk);
    close(fd);
    unlink(tmpl);

    /* threads: one mm_struct; a forked child has its own */
    long rss0 = status_kb("VmRSS:");
    pthread_t th;
    char *tp = NULL;
    pthread_create(&th, NULL, thread_touch, &tp);
    pthread_join(th, NULL);
    long rss1 = status_kb("VmRSS:");
    say("threads_mapping_visible_to_main %d main_vmrss_grew_kb_ge16 %d\n", smaps_field(0, tp, "Rss") == 16,
        rss1 - rss0 >= 16);
    int pp[2];
    if (pipe(pp)) return 1;
    rss0 = status_kb("VmRSS:");
    pid_t fk = fork();
    if (fk == 0) {
        char *q = mmap((void *)0x50000000, 4 * PG, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED_NOREPLACE, -1, 0);
        for (int i = 0; i < 4; i++) q[i * PG] = 1;
        if (write(pp[1], "x", 1) != 1) _exit(1);
        pause();
        _exit(0);
    }
    char x;
    if (read(pp[0], &x, 1) != 1) return 1;
    say("process_mapping_visible_to_parent %d parent_vmrss_grew_kb %ld child_has_it %d\n",
        smaps_field(0, (void *)0x50000000, "Rss") >= 0, status_kb("VmRSS:") - rss0 > 0 ? 1L : 0L,
        smaps_field(fk, (void *)0x50000000, "Rss") == 16);
    kill(fk, SIGKILL);
    waitpid(fk, NULL, 0);

    /* mprotect-merge: munmap in the middle splits; a dontfork madvise on part splits too */
    char *v = mmap((void *)0x60000000, 16 * PG, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED_NOREPLACE, -1, 0);
    mprotect(v + 4 * PG, 4 * PG, PROT_READ);
    say("mprotect_middle_vmas %d\n", vmas_in(v, v + 16 * PG));
    mprotect(v + 4 * PG, 4 * PG, PROT_READ | PROT_WRITE);
    say("mprotect_restore_vmas %d\n", vmas_in(v, v + 16 * PG));
    munmap(v + 8 * PG, 2 * PG);
    say("munmap_middle_vmas %d\n", vmas_in(v, v + 16 * PG));
    madvise(v, 4 * PG, MADV_DONTFORK);
    vmflags(v, fb, sizeof fb);
    say("dontfork_vmas %d flags %s\n", vmas_in(v, v + 16 * PG), fb);

    /* buddy: /proc/buddyinfo's first line */
    FILE *bf = fopen("/proc/buddyinfo", "r");
    if (bf && fgets(line, sizeof line, bf)) say("buddyinfo_line %s", line);
    if (bf) fclose(bf);
    (void)sink;
    fwrite(out, 1, outn, stdout);
    return 0;
}
