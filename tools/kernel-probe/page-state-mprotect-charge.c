/* Issue 11: mprotect charges a private mapping made writable (__vm_enough_memory). gcc page-state-mprotect-charge.c */
#include <stdio.h>
#include <errno.h>
#include <sys/mman.h>
int main(){ char*p=mmap(0,30L<<30,PROT_READ,MAP_PRIVATE|MAP_ANONYMOUS,-1,0); int r=mprotect(p,30L<<30,PROT_READ|PROT_WRITE); printf("mprotect rw 30G: %d errno %d\n",r,errno);
 char*q=mmap(0,4096,PROT_READ|PROT_WRITE,MAP_PRIVATE|MAP_ANONYMOUS,-1,0); errno=0; r=madvise(q,4096,23); printf("populate_write ok %d\n",r); return 0;}
