/* Asks the running kernel how it behaves in the cases vmalab models, and prints one "key value" line each.
 * Build: cc -O1 -o probe probe.c && ./probe > ../../src/test/resources/kernel/probe.txt */
#define _GNU_SOURCE
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

static int maps_count(void) {
    FILE *f = fopen("/proc/self/maps", "r");
    int n = 0, c;
    while ((c = fgetc(f)) != EOF) if (c == '\n') n++;
    fclose(f);
    return n;
}

/* the permissions /proc/self/maps shows for the VMA holding addr */
static void perms_at(void *addr, char out[5]) {
    FILE *f = fopen("/proc/self/maps", "r");
    unsigned long s, e;
    char p[5];
    strcpy(out, "none");
    while (fscanf(f, "%lx-%lx %4s %*[^\n]", &s, &e, p) == 3) {
        if ((unsigned long)addr >= s && (unsigned long)addr < e) { strcpy(out, p); break; }
    }
    fclose(f);
}

static int vmas_in(char *lo, char *hi) {
    FILE *f = fopen("/proc/self/maps", "r");
    unsigned long s, e;
    int n = 0;
    while (fscanf(f, "%lx-%lx %*[^\n]", &s, &e) == 2) {
        if (s >= (unsigned long)lo && e <= (unsigned long)hi) n++;
    }
    fclose(f);
    return n;
}

/* the end of the VMA holding addr */
static unsigned long vma_end(void *addr) {
    FILE *f = fopen("/proc/self/maps", "r");
    unsigned long s, e, found = 0;
    while (fscanf(f, "%lx-%lx %*[^\n]", &s, &e) == 2) {
        if ((unsigned long)addr >= s && (unsigned long)addr < e) { found = e; break; }
    }
    fclose(f);
    return found;
}

int main(void) {
    long pg = sysconf(_SC_PAGESIZE);
    char p[5];
    /* 1. mprotect over [A, hole, B): the VMA before the hole changes, the call fails with ENOMEM */
    char *a = mmap((void *)0x10000000, 8 * pg, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED, -1, 0);
    munmap(a + 4 * pg, pg);
    int r = mprotect(a, 8 * pg, PROT_READ);
    const char *err = r ? strerror(errno) : "ok";
    perms_at(a, p);
    printf("mprotect_hole_ret %d %s\n", r, err);
    printf("mprotect_hole_first_vma %s\n", p);
    perms_at(a + 5 * pg, p);
    printf("mprotect_hole_after_vma %s\n", p);
    /* 2. mprotect starting in a hole changes nothing */
    r = mprotect(a + 4 * pg, 2 * pg, PROT_NONE);
    perms_at(a + 5 * pg, p);
    printf("mprotect_start_in_hole_ret %d after_vma %s\n", r, p);
    munmap(a, 8 * pg);
    /* 3. mprotect in the middle splits in three; restoring merges back to one */
    a = mmap((void *)0x10000000, 8 * pg, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED, -1, 0);
    mprotect(a + 2 * pg, 2 * pg, PROT_READ);
    printf("mprotect_middle_vmas %d\n", vmas_in(a, a + 8 * pg));
    mprotect(a + 2 * pg, 2 * pg, PROT_READ | PROT_WRITE);
    printf("mprotect_restore_vmas %d\n", vmas_in(a, a + 8 * pg));
    munmap(a, 8 * pg);
    /* 4. two anonymous mmaps placed top-down merge into one VMA */
    char *x = mmap(NULL, 4 * pg, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    char *y = mmap(NULL, 4 * pg, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    printf("anon_topdown_adjacent %d\n", y + 4 * pg == x);
    printf("anon_same_vma %d\n", vma_end(y) >= (unsigned long)(x + 4 * pg));
    /* 5. shared anonymous mappings never merge */
    char *s1 = mmap((void *)0x20000000, 2 * pg, PROT_READ | PROT_WRITE, MAP_SHARED | MAP_ANONYMOUS | MAP_FIXED, -1, 0);
    mmap(s1 + 2 * pg, 2 * pg, PROT_READ | PROT_WRITE, MAP_SHARED | MAP_ANONYMOUS | MAP_FIXED, -1, 0);
    printf("shared_anon_vmas %d\n", vmas_in(s1, s1 + 4 * pg));
    /* 6. madvise over a hole: ENOMEM */
    a = mmap((void *)0x30000000, 4 * pg, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED, -1, 0);
    munmap(a + 2 * pg, pg);
    r = madvise(a, 4 * pg, MADV_DONTFORK);
    const char *why = r ? strerror(errno) : "ok";
    printf("madvise_hole_ret %d %s\n", r, why);
    printf("madvise_hole_vmas %d\n", vmas_in(a, a + 4 * pg));
    /* 7. how many mappings fit: alternate protections so nothing merges */
    FILE *mc = fopen("/proc/sys/vm/max_map_count", "r");
    int max = 0;
    if (mc) { if (fscanf(mc, "%d", &max) != 1) max = 0; fclose(mc); }
    char *base = (char *)0x100000000000UL;
    long i;
    for (i = 0; i < 70000; i++) {
        void *m = mmap(base + i * 2 * pg, pg, (i & 1) ? PROT_READ : PROT_READ | PROT_WRITE,
                       MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED_NOREPLACE, -1, 0);
        if (m == MAP_FAILED) break;
    }
    int count = maps_count();
    printf("max_map_count %d\n", max);
    printf("mappings_at_enomem_minus_max %d\n", count - 1 /* [vsyscall] is not a VMA */ - max);
    return 0;
}
