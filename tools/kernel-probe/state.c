/* The probe's recording of a process's state after a step: its heap, the VMAs meeting the scenario's regions
 * (/proc/self/smaps with VmFlags) and each of their pages (/proc/self/pagemap, /proc/kpageflags). */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/syscall.h>
#include <unistd.h>

#include "steps.h"

void out(const char *fmt, ...) {
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(outbuf + outlen, sizeof outbuf - outlen, fmt, ap);
    va_end(ap);
    if (n > 0) outlen += (size_t)n;
}

void flush_to(int fd) {
    size_t off = 0;
    while (off < outlen) {
        ssize_t w = write(fd, outbuf + off, outlen - off);
        if (w <= 0) break;
        off += (size_t)w;
    }
    outlen = 0;
}

void add_region(unsigned long s, unsigned long len) {
    if (nregions < MAX_REGIONS) {
        regions[nregions].start = s;
        regions[nregions].end = s + ((len + PAGE - 1) & ~(PAGE - 1));
        nregions++;
    }
}

int in_regions(unsigned long s, unsigned long e) {
    for (int i = 0; i < nregions; i++) if (s < regions[i].end && e > regions[i].start) return 1;
    if (start_brk && s < max_brk + PAGE && e > start_brk) return 1;
    return 0;
}

void file_path(const char *name, char *p, size_t n) {
    char flat[128];
    size_t j = 0;
    for (size_t i = 0; name[i] && j < sizeof flat - 1; i++) flat[j++] = name[i] == '/' ? '_' : name[i];
    flat[j] = 0;
    snprintf(p, n, "%s/%s", dir, flat);
}

unsigned long hexfield(const char **p) {
    char *end;
    unsigned long v = strtoul(*p, &end, 16);
    *p = end;
    return v;
}

int read_all(const char *path, char *buf, size_t cap) {
    int fd = open(path, O_RDONLY);
    if (fd < 0) return -1;
    size_t len = 0;
    ssize_t r;
    while (len < cap - 1 && (r = read(fd, buf + len, cap - 1 - len)) > 0) len += (size_t)r;
    buf[len] = 0;
    close(fd);
    return (int)len;
}

void page_letters(unsigned long s, unsigned long e) {
    unsigned long np = (e - s) / PAGE;
    if (np > 4096) np = 4096;
    ssize_t r = pread(pagemap_fd, pm, np * 8, (off_t)(s / PAGE * 8));
    for (unsigned long i = 0; i < np; i++) {
        uint64_t v = r >= (ssize_t)((i + 1) * 8) ? pm[i] : 0;
        unsigned long pfn = v & ((1UL << 55) - 1);
        int zero = zero_pfn && pfn == zero_pfn;
        uint64_t kf = 0;
        /* as root /proc/kpageflags says it outright (KPF_ZERO_PAGE); the PFN of a read, never written page agrees */
        if ((v >> 63) & 1 && kpageflags_fd >= 0 && pfn && pread(kpageflags_fd, &kf, 8, (off_t)(pfn * 8)) == 8) {
            zero = (int)((kf >> KPF_ZERO_PAGE) & 1);
        }
        letters[i] = (v >> 63) & 1 ? (zero ? 'Z' : 'P') : (v >> 62) & 1 ? 'S' : '.';
    }
    letters[np] = 0;
    out("pages 0x%lx %s\n", s, letters);
}

/* The state after an operation: the heap's bounds, then each VMA meeting a region, with its pages. */
void state(void) {
    unsigned long cur = (unsigned long)syscall(SYS_brk, 0);
    if (cur > max_brk) max_brk = cur;
    out("brk 0x%lx 0x%lx\n", start_brk, cur);
    if (read_all("/proc/self/smaps", smaps, sizeof smaps) < 0) return;
    const char *p = smaps;
    unsigned long s = 0, e = 0;
    int want = 0;
    while (*p) {
        const char *nl = strchr(p, '\n');
        if (!nl) nl = p + strlen(p);
        if ((*p >= '0' && *p <= '9') || (*p >= 'a' && *p <= 'f')) {
            const char *q = p;
            s = hexfield(&q);
            q++;
            e = hexfield(&q);
            want = in_regions(s, e);
            if (want) {
                char perms[5] = {0};
                unsigned long off;
                memcpy(perms, q + 1, 4);
                q += 6;
                off = hexfield(&q);
                /* dev, inode, then the name (may be empty) */
                while (*q == ' ') q++;
                while (*q != ' ' && q < nl) q++;
                while (*q == ' ') q++;
                while (*q != ' ' && q < nl) q++;
                while (*q == ' ' && q < nl) q++;
                char name[256];
                size_t l = (size_t)(nl - q) < sizeof name - 1 ? (size_t)(nl - q) : sizeof name - 1;
                memcpy(name, q, l);
                name[l] = 0;
                const char *shown = l == 0 ? "-" : name;
                for (int k = 0; k < nfiles; k++) {
                    char fp[512];
                    file_path(file_names[k], fp, sizeof fp);
                    if (strcmp(fp, name) == 0) shown = file_names[k];
                }
                out("vma 0x%lx 0x%lx %s %lx %s", s, e, perms, off, shown);
            }
        } else if (want && strncmp(p, "VmFlags:", 8) == 0) {
            out("%.*s\n", (int)(nl - p - 8), p + 8);
            page_letters(s, e);
        }
        p = *nl ? nl + 1 : nl;
    }
}

void find_zero_pfn(void) {
    volatile char *z = mmap(NULL, PAGE, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    (void)z[0];
    uint64_t v = 0;
    pread(pagemap_fd, &v, 8, (off_t)((unsigned long)z / PAGE * 8));
    zero_pfn = (v >> 63) & 1 ? (unsigned long)(v & ((1UL << 55) - 1)) : 0;
    munmap((void *)z, PAGE);
}

/* After fork the child has no PTEs for the probe's own file text (copy_page_range() skips VMAs without an
 * anon_vma): read them in now, so that only the scenario's operations fault. */
void populate_self(void) {
    if (read_all("/proc/self/maps", smaps, sizeof smaps) < 0) return;
    for (const char *p = smaps; *p;) {
        const char *q = p;
        unsigned long s = hexfield(&q);
        q++;
        unsigned long e = hexfield(&q);
        const char *nl = strchr(p, '\n');
        int special = strstr(p, "[v") && strstr(p, "[v") < nl;
        if (q[1] == 'r' && !special && !in_regions(s, e)) madvise((void *)s, e - s, MADV_POPULATE_READ);
        p = nl ? nl + 1 : p + strlen(p);
    }
}
