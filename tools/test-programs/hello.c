/*
 * hello: the small program whose captures are the import tests' fixtures (src/test/resources/real/capture).
 * Grows its heap by 64 KiB and writes every other page of it, maps an anonymous region it reads but never
 * writes (zero pages), prints "ready PID" and waits until stdin closes.
 *   gcc -O2 -o hello hello.c; gcc -O2 -static -o hello-static hello.c
 */
#include <stdio.h>
#include <stdlib.h>
#include <sys/mman.h>
#include <unistd.h>

int main(void)
{
	char *heap = malloc(64 * 1024);
	for (int i = 0; i < 64 * 1024; i += 8192)
		heap[i] = 1;
	volatile char *ro = mmap(NULL, 4 * 4096, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	char sum = 0;
	for (int i = 0; i < 4 * 4096; i += 4096)
		sum += ro[i];
	printf("ready %d %d\n", getpid(), sum);
	fflush(stdout);
	char line[16];
	while (fgets(line, sizeof line, stdin))
		;
	free(heap);
	return 0;
}
