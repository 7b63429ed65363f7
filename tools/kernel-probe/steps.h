/* What steps.c and state.c share: the probe's buffers and bookkeeping, and the recording of a step's state. */
#ifndef STEPS_H
#define STEPS_H
#include <setjmp.h>
#include <signal.h>
#include <stddef.h>
#include <stdint.h>
#include <sys/types.h>

#define PAGE 4096UL
#define MAX_REGIONS 256
#define MAX_PROCS 8
#define KPF_ZERO_PAGE 24

struct region { unsigned long start, end; };
struct proc { char name[64]; pid_t pid; int cmd, res; };

extern char outbuf[1 << 20];
extern size_t outlen;
extern char smaps[1 << 20];
extern uint64_t pm[4096];
extern char letters[4097];
extern char altstack[64 * 1024];
extern sigjmp_buf jb;
extern volatile sig_atomic_t sig_no;
extern volatile uintptr_t sig_addr;
extern unsigned long zero_pfn;
extern unsigned long start_brk, max_brk;
extern struct region regions[MAX_REGIONS];
extern int nregions;
extern char dir[256];
extern int pagemap_fd;
extern int kpageflags_fd;
extern struct proc procs[MAX_PROCS];
extern int nprocs;
extern const char *self_name;
extern char file_names[64][128];
extern int nfiles;

void out(const char *fmt, ...);
void flush_to(int fd);
void add_region(unsigned long s, unsigned long len);
int in_regions(unsigned long s, unsigned long e);
void file_path(const char *name, char *p, size_t n);
unsigned long hexfield(const char **p);
int read_all(const char *path, char *buf, size_t cap);
void page_letters(unsigned long s, unsigned long e);
void state(void);
void find_zero_pfn(void);
void populate_self(void);
#endif
