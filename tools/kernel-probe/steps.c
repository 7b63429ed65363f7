/* The per-step differential probe: runs a scenario written in vmalab's own scenario language on this kernel and
 * records, after every operation, what the kernel shows: the return value, the faults the operation alone took
 * (ru_minflt/ru_majflt), any SIGSEGV/SIGBUS, the VMAs the scenario made (/proc/self/smaps with VmFlags) and the
 * state of each of their pages (/proc/self/pagemap: present, the shared zero page by its PFN, swapped).
 *
 * Build: cc -O1 -Wl,-z,now -o steps steps.c state.c    (bind now: lazy PLT binding would write the GOT mid-step)
 * Run:   ./steps SCENARIO.scn > SCENARIO.rec      (as root, for the PFNs that tell the zero page apart)
 *
 * Supported: exec (ignored), file NAME SIZE [cold], mmap, munmap, mprotect, madvise, mremap, brk, touch r|w,
 * fork NAME, NAME: OP (run in that child), exit. Files live in a scratch directory on disk; "cold" drops the
 * file's pages from the page cache. The probe calls no malloc after start: brk belongs to the scenario.
 * Output, one block per step:
 *   step N line L proc NAME op TEXT
 *   ret VALUE | ret -ERRNO NAME
 *   faults MIN MAJ
 *   signal - | signal SIGSEGV ADDR
 *   brk START CUR                                  (the process's heap, for brk scenarios)
 *   vma START END PERMS OFFSET NAME VMFLAGS…       (every VMA meeting a region the scenario mapped)
 *   pages START LETTERS                            (. not present, P present, Z zero page, S swapped;
 *                                                   the zero page by /proc/kpageflags KPF_ZERO_PAGE as root, else
 *                                                   by the PFN a read of untouched private memory maps)
 *   end
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <setjmp.h>
#include <signal.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

#include "steps.h"


char outbuf[1 << 20];
size_t outlen;
char smaps[1 << 20];
uint64_t pm[4096];
char letters[4097];
char altstack[64 * 1024];
sigjmp_buf jb;
volatile sig_atomic_t sig_no;
volatile uintptr_t sig_addr;
unsigned long zero_pfn;
unsigned long start_brk, max_brk;
struct region regions[MAX_REGIONS];
int nregions;
char dir[256];
int pagemap_fd = -1;
int kpageflags_fd = -1;

/* children: the command pipe we write to, the result pipe we read from */
struct proc procs[MAX_PROCS];
int nprocs;
const char *self_name = "main";
char file_names[64][128];
int nfiles;

static void on_signal(int sig, siginfo_t *si, void *uc) {
    (void)uc;
    sig_no = sig;
    sig_addr = (uintptr_t)si->si_addr;
    siglongjmp(jb, 1);
}

/* Writes every page the probe itself will touch during an operation, so that only the operation faults:
 * after a fork these pages are shared copy-on-write with the parent. */
static void __attribute__((noinline)) prefault(void) {
    volatile char deep[96 * 1024];
    for (size_t i = 0; i < sizeof deep; i += PAGE) deep[i] = 0;
    for (size_t i = 0; i < sizeof altstack; i += PAGE) altstack[i] = 0;
    for (size_t i = 0; i < sizeof jb; i += 64) ((volatile char *)&jb)[i] = 0;
    sig_no = 0;
    errno = 0;
}

static unsigned long num(const char *s) {
    char *end;
    unsigned long v = strtoul(s, &end, 0);
    switch (*end) {
    case 'K': case 'k': v <<= 10; break;
    case 'M': case 'm': v <<= 20; break;
    case 'G': case 'g': v <<= 30; break;
    case 'T': case 't': v <<= 40; break;
    }
    return v;
}

static int prot_of(const char *s) {
    int p = 0;
    if (s[0] == 'r') p |= PROT_READ;
    if (s[1] == 'w') p |= PROT_WRITE;
    if (s[2] == 'x') p |= PROT_EXEC;
    return p;
}

static const char *advice_names[] = {"normal", "random", "sequential", "willneed", "dontneed", "", "", "", "free",
    "remove", "dontfork", "dofork", "mergeable", "unmergeable", "hugepage", "nohugepage", "dontdump", "dodump",
    "wipeonfork", "keeponfork", "cold", "pageout", "populate_read", "populate_write", NULL};

static int advice_of(const char *s) {
    for (int i = 0; advice_names[i]; i++) if (advice_names[i][0] && strcasecmp(s, advice_names[i]) == 0) return i;
    return -1;
}

static long sys_brk(unsigned long a) {
    return syscall(SYS_brk, a);
}

/* Runs one operation; returns the raw result (or -errno); *is_addr says whether to print it in hex. */
static long run_op(char **t, int n, int *is_addr, unsigned long *new_len) {
    *is_addr = 0;
    if (strcmp(t[0], "mmap") == 0) {
        int i = 0;
        unsigned long addr = 0;
        if (n > 2 && (t[2][0] >= '0' && t[2][0] <= '9')) { addr = num(t[1]); i = 1; }
        unsigned long len = num(t[1 + i]);
        int prot = prot_of(t[2 + i]);
        int flags = strcmp(t[3 + i], "shared") == 0 ? MAP_SHARED : MAP_PRIVATE;
        const char *src = t[4 + i];
        int fd = -1;
        off_t off = 0;
        if (strncmp(src, "file:", 5) == 0) {
            char name[128], p[512];
            snprintf(name, sizeof name, "%s", src + 5);
            char *at = strrchr(name, '@');
            if (at) { *at = 0; off = (off_t)num(at + 1); }
            file_path(name, p, sizeof p);
            /* read-write, as the model opens every file: a read-only open would clear VM_MAYWRITE and VM_SHARED */
            fd = open(p, O_RDWR);
            if (fd < 0) return -errno;
        } else {
            flags |= MAP_ANONYMOUS;
        }
        for (int j = 5 + i; j < n; j++) {
            if (strcmp(t[j], "fixed") == 0) flags |= MAP_FIXED;
            else if (strcmp(t[j], "noreplace") == 0) flags |= MAP_FIXED_NOREPLACE;
            else if (strcmp(t[j], "growsdown") == 0) flags |= MAP_GROWSDOWN;
            else if (strcmp(t[j], "noreserve") == 0) flags |= MAP_NORESERVE;
            else if (strcmp(t[j], "populate") == 0) flags |= MAP_POPULATE;
        }
        void *r = mmap((void *)addr, len, prot, flags, fd, off);
        int e = errno;
        if (fd >= 0) close(fd);
        if (r == MAP_FAILED) return -e;
        *new_len = len;
        *is_addr = 1;
        return (long)r;
    }
    if (strcmp(t[0], "munmap") == 0) return munmap((void *)num(t[1]), num(t[2])) ? -errno : 0;
    if (strcmp(t[0], "mprotect") == 0) return mprotect((void *)num(t[1]), num(t[2]), prot_of(t[3])) ? -errno : 0;
    if (strcmp(t[0], "madvise") == 0) {
        int a = advice_of(t[3]);
        return madvise((void *)num(t[1]), num(t[2]), a) ? -errno : 0;
    }
    if (strcmp(t[0], "mremap") == 0) {
        int may = n > 4 && strcmp(t[4], "maymove") == 0;
        void *r = mremap((void *)num(t[1]), num(t[2]), num(t[3]), may ? MREMAP_MAYMOVE : 0);
        if (r == MAP_FAILED) return -errno;
        *new_len = num(t[3]);
        *is_addr = 1;
        return (long)r;
    }
    if (strcmp(t[0], "brk") == 0) {
        unsigned long cur = (unsigned long)sys_brk(0), want;
        if (t[1][0] == '=') want = num(t[1] + 1);
        else if (t[1][0] == '-') want = cur - num(t[1] + 1);
        else want = cur + num(t[1] + 1);
        unsigned long r = (unsigned long)sys_brk(want);
        *is_addr = 1;
        return (long)r;
    }
    if (strcmp(t[0], "touch") == 0) {
        unsigned long addr = num(t[1]);
        unsigned long len = n > 3 ? num(t[2]) : 1;
        char acc = t[n - 1][0];
        unsigned long first = addr & ~(PAGE - 1), last = (addr + len - 1) & ~(PAGE - 1);
        for (unsigned long p = first;; p += PAGE) {
            volatile char *c = (volatile char *)(p == first ? addr : p);
            if (acc == 'w') *c = 0x5a;
            else (void)*c;
            if (p == last) break;
        }
        return 0;
    }
    return -ENOSYS;
}

static int split(char *line, char **t, int max) {
    int n = 0;
    char *hash = strchr(line, '#');
    if (hash) *hash = 0;
    for (char *s = strtok(line, " \t\r\n"); s && n < max; s = strtok(NULL, " \t\r\n")) t[n++] = s;
    return n;
}

static void make_file(char **t, int n) {
    char p[512];
    file_path(t[1], p, sizeof p);
    unsigned long size = num(t[2]);
    if (nfiles < 64) snprintf(file_names[nfiles++], sizeof file_names[0], "%s", t[1]);
    int fd = open(p, O_RDWR | O_CREAT | O_TRUNC, 0644);
    static char block[PAGE];
    for (unsigned long off = 0; off < size; off += PAGE) {
        memset(block, 'a' + (int)((off / PAGE) % 26), PAGE);
        size_t len = size - off < PAGE ? size - off : PAGE;
        if (write(fd, block, len) < 0) break;
    }
    if (n > 3 && strcmp(t[3], "cold") == 0) {
        fdatasync(fd);
        posix_fadvise(fd, 0, 0, POSIX_FADV_DONTNEED);
    }
    close(fd);
}

/* One operation in this process, with its record; the text is the scenario's line without the process. */
static void step_here(char **t, int n, const char *hdr) {
    out("%s", hdr);
    struct rusage a, b;
    long r = 0;
    int is_addr = 0;
    unsigned long new_len = 0;
    memset(&a, 0, sizeof a);
    memset(&b, 0, sizeof b);
    prefault();
    if (sigsetjmp(jb, 1) == 0) {
        getrusage(RUSAGE_SELF, &a);
        r = run_op(t, n, &is_addr, &new_len);
        getrusage(RUSAGE_SELF, &b);
    } else {
        getrusage(RUSAGE_SELF, &b);
    }
    if (new_len && !(r < 0 && r > -4096)) add_region((unsigned long)r, new_len);
    if (sig_no) out("ret 0\n");
    else if (r < 0 && r > -4096) out("ret %ld %s\n", r, strerrorname_np((int)-r));
    else if (is_addr) out("ret 0x%lx\n", (unsigned long)r);
    else out("ret %ld\n", r);
    out("faults %ld %ld\n", b.ru_minflt - a.ru_minflt, b.ru_majflt - a.ru_majflt);
    if (sig_no) out("signal %s 0x%lx\n", sig_no == SIGSEGV ? "SIGSEGV" : "SIGBUS", (unsigned long)sig_addr);
    else out("signal -\n");
    state();
    out("end\n");
}

static void child_loop(int cmd, int res) {
    static char line[1024];
    static char hdr[1100];
    /* the inherited descriptor reads the parent's pagemap: /proc/self was the parent when it was opened */
    close(pagemap_fd);
    pagemap_fd = open("/proc/self/pagemap", O_RDONLY);
    populate_self();
    for (;;) {
        size_t len = 0;
        char c;
        while (read(cmd, &c, 1) == 1 && c != '\n' && len < sizeof line - 1) line[len++] = c;
        if (len == 0) _exit(0);
        line[len] = 0;
        /* first the header line, then the op */
        char *nl = strchr(line, '\t');
        *nl = 0;
        snprintf(hdr, sizeof hdr, "%s\n", line);
        char *t[32];
        int n = split(nl + 1, t, 32);
        if (strcmp(t[0], "exit") == 0) {
            out("%sret 0\nfaults 0 0\nsignal -\nend\n", hdr);
            flush_to(res);
            _exit(0);
        }
        step_here(t, n, hdr);
        flush_to(res);
    }
}

static void relay(int res) {
    static char buf[1 << 16];
    for (;;) {
        ssize_t r = read(res, buf, sizeof buf);
        if (r <= 0) return;
        flush_to(1);
        write(1, buf, (size_t)r);
        if (r >= 4 && memcmp(buf + r - 4, "end\n", 4) == 0) return;
    }
}

int main(int argc, char **argv) {
    if (argc != 2) {
        fprintf(stderr, "usage: %s SCENARIO\n", argv[0]);
        return 2;
    }
    static char text_all[1 << 16];
    static char *lines[1024];
    int nlines = 0;
    if (read_all(argv[1], text_all, sizeof text_all) < 0) { perror(argv[1]); return 1; }
    for (char *p = text_all; *p && nlines < 1024;) {
        lines[nlines++] = p;
        char *nl = strchr(p, '\n');
        if (!nl) break;
        *nl = 0;
        p = nl + 1;
    }
    snprintf(dir, sizeof dir, "/var/tmp/vmalab-probe-%d", getpid());
    mkdir(dir, 0755);
    pagemap_fd = open("/proc/self/pagemap", O_RDONLY);
    kpageflags_fd = open("/proc/kpageflags", O_RDONLY);
    find_zero_pfn();
    stack_t ss = {.ss_sp = altstack, .ss_size = sizeof altstack};
    sigaltstack(&ss, NULL);
    struct sigaction sa = {.sa_sigaction = on_signal, .sa_flags = SA_SIGINFO | SA_ONSTACK | SA_NODEFER};
    sigaction(SIGSEGV, &sa, NULL);
    sigaction(SIGBUS, &sa, NULL);
    /* no heap of our own: the scenario's brk starts from an empty one */
    start_brk = (unsigned long)sys_brk(0);
    if (read_all("/proc/self/stat", smaps, sizeof smaps) > 0) {
        /* field 47 is start_brk (fs/proc/array.c: do_task_stat()) */
        char *p = strrchr(smaps, ')');
        for (int field = 2; p && field < 47; field++) p = strchr(p + 1, ' ');
        if (p && strtoul(p + 1, NULL, 10) != start_brk) {
            fprintf(stderr, "the heap is in use already (start_brk %lx, brk %lx)\n", strtoul(p + 1, NULL, 10),
                start_brk);
        }
    }
    max_brk = start_brk;
    /* fault in the probe itself (text, data, libc, stack), then drop the lock again */
    prefault();
    mlockall(MCL_CURRENT);
    munlockall();
    out("# vmalab step probe: %s, zero page pfn %s\n", argv[1], zero_pfn ? "found" : "unknown");
    flush_to(1);
    int step = 0;
    for (int i = 0; i < nlines; i++) {
        char copy[256], *t[32];
        snprintf(copy, sizeof copy, "%s", lines[i]);
        int n = split(copy, t, 32);
        if (n == 0 || strcmp(t[0], "exec") == 0 || strcmp(t[0], "memory") == 0) continue;
        if (strcmp(t[0], "file") == 0) { make_file(t, n); continue; }
        const char *proc = "main";
        char **op = t;
        int on = n;
        size_t tl = strlen(t[0]);
        if (t[0][tl - 1] == ':') { t[0][tl - 1] = 0; proc = t[0]; op = t + 1; on = n - 1; }
        step++;
        char hdr[400], text[256];
        text[0] = 0;
        for (int j = 0; j < on; j++) {
            strncat(text, op[j], sizeof text - strlen(text) - 2);
            if (j + 1 < on) strcat(text, " ");
        }
        snprintf(hdr, sizeof hdr, "step %d line %d proc %s op %s\n", step, i + 1, proc, text);
        if (strcmp(proc, "main") != 0 && strcmp(proc, self_name) != 0) {
            int k = 0;
            while (k < nprocs && strcmp(procs[k].name, proc) != 0) k++;
            if (k == nprocs) { fprintf(stderr, "line %d: no process %s\n", i + 1, proc); return 1; }
            char msg[800];
            int len = snprintf(msg, sizeof msg, "step %d line %d proc %s op %s\t%s\n", step, i + 1, proc, text,
                text);
            write(procs[k].cmd, msg, (size_t)len);
            relay(procs[k].res);
            continue;
        }
        if (strcmp(op[0], "fork") == 0) {
            int cmd[2], res[2];
            pipe(cmd);
            pipe(res);
            prefault();
            struct rusage a, b;
            getrusage(RUSAGE_SELF, &a);
            pid_t pid = fork();
            if (pid == 0) {
                close(cmd[1]);
                close(res[0]);
                /* the other children must see their command pipe close when the parent ends */
                for (int k = 0; k < nprocs; k++) { close(procs[k].cmd); close(procs[k].res); }
                nprocs = 0;
                child_loop(cmd[0], res[1]);
            }
            getrusage(RUSAGE_SELF, &b);
            close(cmd[0]);
            close(res[1]);
            snprintf(procs[nprocs].name, sizeof procs[0].name, "%s", op[1]);
            procs[nprocs].pid = pid;
            procs[nprocs].cmd = cmd[1];
            procs[nprocs].res = res[0];
            nprocs++;
            /* the parent's own writes after fork() (its stack, now copy-on-write) fault: not the scenario's */
            (void)a;
            (void)b;
            out("%sret child\nfaults - -\nsignal -\n", hdr);
            state();
            out("end\n");
            flush_to(1);
            continue;
        }
        step_here(op, on, hdr);
        flush_to(1);
    }
    for (int k = 0; k < nprocs; k++) {
        close(procs[k].cmd);
        waitpid(procs[k].pid, NULL, 0);
    }
    char cmdline[600];
    snprintf(cmdline, sizeof cmdline, "rm -rf %s", dir);
    if (system(cmdline) != 0) return 1;
    return 0;
}
