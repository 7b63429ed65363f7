/*
 * many-vmas: a process with N VMAs, for the import benchmark and tests.
 *   many-vmas [N]      (default: as many as vm.max_map_count allows, less room for the loader)
 * Maps one region of N pages and gives every other page PROT_NONE, so neighbouring VMAs differ in
 * protection and mm/vma.c: vma_merge() cannot merge them; touches the readable pages (so pagemap shows
 * Present bits), prints "ready PID VMAS" and waits until stdin closes or a line arrives.
 * Commands on stdin (for live-refresh tests): "unmap K" unmaps the K-th page, "touch K" writes it (even
 * K only: the odd pages are PROT_NONE), "grow" maps 16 more pages; anything else (or EOF) exits.
 */
#define _GNU_SOURCE
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

static long count_vmas(void)
{
	FILE *f = fopen("/proc/self/maps", "r");
	long n = 0;
	int c;
	if (!f)
		return -1;
	while ((c = getc(f)) != EOF)
		if (c == '\n')
			n++;
	fclose(f);
	return n;
}

int main(int argc, char **argv)
{
	long page = sysconf(_SC_PAGESIZE);
	long want = argc > 1 ? atol(argv[1]) : 0;
	if (want <= 0) {
		FILE *f = fopen("/proc/sys/vm/max_map_count", "r");
		long max = 65530;
		if (f) {
			if (fscanf(f, "%ld", &max) != 1)
				max = 65530;
			fclose(f);
		}
		want = max;
	}
	long base = count_vmas();
	/* the region adds up to pages VMAs; mprotect stops with ENOMEM at vm.max_map_count */
	long pages = want - base + 2;
	if (pages < 1)
		pages = 1;
	char *p = mmap(NULL, pages * page, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	if (p == MAP_FAILED) {
		perror("mmap");
		return 1;
	}
	for (long i = 0; i < pages; i++) {
		if (i % 2)
			continue;
		p[i * page] = 1;
	}
	for (long i = 1; i < pages; i += 2) {
		if (mprotect(p + i * page, page, PROT_NONE))
			break;	/* ENOMEM: the mm holds max_map_count VMAs */
	}
	printf("ready %d %ld\n", getpid(), count_vmas());
	fflush(stdout);
	char line[128];
	while (fgets(line, sizeof line, stdin)) {
		long k;
		if (sscanf(line, "unmap %ld", &k) == 1 && k >= 0 && k < pages)
			munmap(p + k * page, page);
		else if (sscanf(line, "touch %ld", &k) == 1 && k >= 0 && k < pages && k % 2 == 0)
			p[k * page] = 2;
		else if (strncmp(line, "grow", 4) == 0)
			mmap(NULL, 16 * page, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
		else
			break;
		printf("done %ld\n", count_vmas());
		fflush(stdout);
	}
	return 0;
}
