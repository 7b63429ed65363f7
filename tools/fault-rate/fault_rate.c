/*
 * fault_rate: the real kernel's minor-fault rates on the loops vmalab's model benchmarks run, the anchor the
 * model's figures are reported beside.
 *
 *   cc -O2 -o fault_rate fault_rate.c && ./fault_rate [PAGES] [DIR]
 *
 * PAGES defaults to 1,000,000 (about 4 GiB of virtual memory a phase; each phase frees its memory before the
 * next, the COW phase holds two copies at once). DIR (default /dev/shm) holds the file of the file phase.
 * One machine-readable line a phase:
 *
 *   anon_write pages=1000000 faults=1000000 seconds=1.820 pages_per_s=549450 faults_per_s=549450
 *
 * faults are getrusage(RUSAGE_SELF).ru_minflt over the loop alone; pages/s is the rate the model is compared
 * with (with fault-around one file fault maps up to 16 pages, so faults < pages there).
 * Transparent huge pages are switched off for the mappings (MADV_NOHUGEPAGE): the model has 4 KiB pages only.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#define PAGE 4096L

static double now(void) {
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return ts.tv_sec + ts.tv_nsec / 1e9;
}

static long minflt(void) {
    struct rusage ru;
    getrusage(RUSAGE_SELF, &ru);
    return ru.ru_minflt;
}

static void report(const char *name, long pages, long faults, double seconds) {
    printf("%s pages=%ld faults=%ld seconds=%.6f pages_per_s=%.0f faults_per_s=%.0f\n", name, pages, faults,
           seconds, pages / seconds, faults / seconds);
    fflush(stdout);
}

static char *anon(long pages) {
    char *p = mmap(NULL, pages * PAGE, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);
    if (p == MAP_FAILED) {
        perror("mmap anon");
        exit(1);
    }
    madvise(p, pages * PAGE, MADV_NOHUGEPAGE);
    return p;
}

/* Reads one byte of every page, timing the loop and counting its minor faults. */
static void read_every_page(const char *name, char *p, long pages) {
    volatile char sink = 0;
    long f0 = minflt();
    double t0 = now();
    for (long i = 0; i < pages; i++) sink += ((volatile char *) p)[i * PAGE];
    double t1 = now();
    (void) sink;
    report(name, pages, minflt() - f0, t1 - t0);
}

/* mm/memory.c: do_anonymous_page() allocates a zeroed frame for each first write. */
static void anon_write(long pages) {
    char *p = anon(pages);
    long f0 = minflt();
    double t0 = now();
    for (long i = 0; i < pages; i++) p[i * PAGE] = 1;
    double t1 = now();
    report("anon_write", pages, minflt() - f0, t1 - t0);
    munmap(p, pages * PAGE);
}

/* do_anonymous_page() maps the shared zero page read-only for a read of a never-written page. */
static void zero_read(long pages) {
    char *p = anon(pages);
    read_every_page("zero_read", p, pages);
    munmap(p, pages * PAGE);
}

/*
 * mm/filemap.c: filemap_map_pages() maps the cached pages around the faulting one (fault_around_bytes, 64 KiB
 * by default), so a read of every page of a cached file faults once per 16 pages.
 */
static void file_read(long pages, const char *dir) {
    char path[4096];
    snprintf(path, sizeof path, "%s/fault_rate.%d", dir, (int) getpid());
    int fd = open(path, O_RDWR | O_CREAT | O_TRUNC, 0600);
    if (fd < 0) {
        perror(path);
        exit(1);
    }
    unlink(path);
    static char buf[1 << 20];
    memset(buf, 'x', sizeof buf);
    for (long left = pages * PAGE; left > 0;) {
        long n = left < (long) sizeof buf ? left : (long) sizeof buf;
        if (write(fd, buf, n) != n) {
            perror("write");
            exit(1);
        }
        left -= n;
    }
    char *p = mmap(NULL, pages * PAGE, PROT_READ, MAP_PRIVATE, fd, 0);
    if (p == MAP_FAILED) {
        perror("mmap file");
        exit(1);
    }
    madvise(p, pages * PAGE, MADV_NOHUGEPAGE);
    read_every_page("file_read", p, pages);
    munmap(p, pages * PAGE);
    close(fd);
}

/* kernel/fork.c: dup_mmap() write-protects the private pages; mm/memory.c: do_wp_page() copies on each write. */
static void cow(long pages) {
    char *p = anon(pages);
    for (long i = 0; i < pages; i++) p[i * PAGE] = 1;
    fflush(stdout);
    pid_t pid = fork();
    if (pid < 0) {
        perror("fork");
        exit(1);
    }
    if (pid == 0) {
        long f0 = minflt();
        double t0 = now();
        for (long i = 0; i < pages; i++) p[i * PAGE] = 2;
        double t1 = now();
        report("cow_write", pages, minflt() - f0, t1 - t0);
        _exit(0);
    }
    int status;
    while (waitpid(pid, &status, 0) < 0 && errno == EINTR) { }
    munmap(p, pages * PAGE);
    if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) {
        fprintf(stderr, "fault_rate: the COW child failed\n");
        exit(1);
    }
}

int main(int argc, char **argv) {
    long pages = argc > 1 ? strtol(argv[1], NULL, 0) : 1000000;
    const char *dir = argc > 2 ? argv[2] : "/dev/shm";
    if (pages <= 0) {
        fprintf(stderr, "usage: fault_rate [PAGES] [DIR]\n");
        return 2;
    }
    anon_write(pages);
    zero_read(pages);
    file_read(pages, dir);
    cow(pages);
    return 0;
}
