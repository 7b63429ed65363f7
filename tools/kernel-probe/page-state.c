/* Issue 11 items 1-7: the facts PageStateTest, OomKillerTest and FileFaultTest cite (Linux 6.18, root, ext4 /tmp). gcc -O0 page-state.c && ./a.out */
#define _GNU_SOURCE
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <fcntl.h>
#include <errno.h>
#include <signal.h>
#include <setjmp.h>
#include <stdint.h>
#include <sys/mman.h>
#include <sys/resource.h>
#ifndef MADV_POPULATE_READ
#define MADV_POPULATE_READ 22
#define MADV_POPULATE_WRITE 23
#endif
static sigjmp_buf jb; static volatile int sig;
static void h(int s){ sig=s; siglongjmp(jb,1);}
static int pm;
static int present(void*a){ uint64_t e; pread(pm,&e,8,((uintptr_t)a/4096)*8); return (e>>63)&1; }
static int npresent(char*a,int n){int c=0;for(int i=0;i<n;i++)c+=present(a+i*4096);return c;}
static struct rusage r0;
static void mark(void){getrusage(RUSAGE_SELF,&r0);}
static void rep(const char*what){struct rusage r;getrusage(RUSAGE_SELF,&r);printf("%-40s minflt %ld majflt %ld sig %d\n",what,r.ru_minflt-r0.ru_minflt,r.ru_majflt-r0.ru_majflt,sig);sig=0;}
static char rd(volatile char*p){ if(sigsetjmp(jb,1)) return -1; return *p; }
static void wr(volatile char*p){ if(sigsetjmp(jb,1)) return; *p=1; }
int main(){
  signal(SIGSEGV,h); signal(SIGBUS,h);
  pm=open("/proc/self/pagemap",O_RDONLY);
  int P=4096;
  // 1 PROT_NONE
  char*a=mmap(0,4*P,PROT_READ|PROT_WRITE,MAP_PRIVATE|MAP_ANONYMOUS,-1,0);
  for(int i=0;i<4;i++)a[i*P]=1;
  mprotect(a,4*P,PROT_NONE);
  printf("protnone present %d\n",npresent(a,4));
  mark(); rd(a); rep("read protnone");
  mprotect(a,4*P,PROT_READ|PROT_WRITE);
  mark(); rd(a); wr(a+P); rep("read/write after mprotect back");
  // 2 MADV_FREE
  mark(); int r=madvise(a,4*P,MADV_FREE); rep("madv_free"); printf("free r=%d present %d\n",r,npresent(a,4));
  mark(); char v=rd(a); rep("read after free"); printf("val %d present %d\n",v,npresent(a,4));
  mark(); wr(a+P); rep("write after free");
  // 4 SIGBUS past EOF
  int fd=open("/tmp/fid/f1",O_RDWR|O_CREAT|O_TRUNC,0644); ftruncate(fd,P);
  char*f=mmap(0,4*P,PROT_READ,MAP_SHARED,fd,0);
  mark(); rd(f); rep("read file page 0 (cached, just created)");
  mark(); rd(f+2*P); rep("read past EOF");
  // 6 MAP_POPULATE across EOF
  mark(); char*g=mmap(0,4*P,PROT_READ,MAP_PRIVATE|MAP_POPULATE,fd,0); rep("mmap populate across eof"); printf("present %d\n",npresent(g,4));
  mark(); char*n=mmap(0,4*P,PROT_NONE,MAP_PRIVATE|MAP_ANONYMOUS|MAP_POPULATE,-1,0); rep("mmap populate PROT_NONE"); printf("present %d\n",npresent(n,4));
  errno=0; r=madvise(n,4*P,MADV_POPULATE_READ); printf("POPULATE_READ prot_none r=%d errno=%d\n",r,errno);
  char*ro=mmap(0,4*P,PROT_READ,MAP_PRIVATE|MAP_ANONYMOUS,-1,0);
  errno=0; r=madvise(ro,4*P,MADV_POPULATE_WRITE); printf("POPULATE_WRITE ro r=%d errno=%d\n",r,errno);
  mark(); errno=0; r=madvise(g,4*P,MADV_POPULATE_READ); rep("POPULATE_READ across eof"); printf(" r=%d errno=%d\n",r,errno);
  munmap(g,4*P); g=mmap(0,4*P,PROT_READ,MAP_PRIVATE,fd,0);
  mark(); errno=0; r=madvise(g,4*P,MADV_POPULATE_READ); rep("POPULATE_READ across eof fresh"); printf(" r=%d errno=%d present %d\n",r,errno,npresent(g,4));
  // 3 MADV_REMOVE
  errno=0; r=madvise(a,4*P,MADV_REMOVE); printf("REMOVE private anon r=%d errno=%d\n",r,errno);
  errno=0; r=madvise(f,P,MADV_REMOVE); printf("REMOVE shared ro r=%d errno=%d\n",r,errno);
  char*pf=mmap(0,P,PROT_READ,MAP_PRIVATE,fd,0);
  int fd2=open("/tmp/fid/f2",O_RDWR|O_CREAT|O_TRUNC,0644); ftruncate(fd2,4*P);
  char*s1=mmap(0,4*P,PROT_READ|PROT_WRITE,MAP_SHARED,fd2,0);
  char*p1=mmap(0,4*P,PROT_READ|PROT_WRITE,MAP_PRIVATE,fd2,0);
  for(int i=0;i<4;i++){s1[i*P]=7; rd(p1+i*P);} 
  printf("before remove s1 %d p1 %d\n",npresent(s1,4),npresent(p1,4));
  errno=0; r=madvise(s1,2*P,MADV_REMOVE); printf("REMOVE shared rw r=%d errno=%d s1 %d p1 %d p1[0]=%d\n",r,errno,npresent(s1,4),npresent(p1,4),p1[0]);
  char*pr=mmap(0,4*P,PROT_READ|PROT_WRITE,MAP_PRIVATE,fd2,0);
  errno=0; r=madvise(pr,P,MADV_REMOVE); printf("REMOVE private file rw r=%d errno=%d\n",r,errno);
  char*sh=mmap(0,4*P,PROT_READ|PROT_WRITE,MAP_SHARED|MAP_ANONYMOUS,-1,0); sh[0]=3;
  errno=0; r=madvise(sh,4*P,MADV_REMOVE); printf("REMOVE shared anon r=%d errno=%d present %d val %d\n",r,errno,npresent(sh,4),sh[0]);
  mprotect(sh,4*P,PROT_READ);
  errno=0; r=madvise(sh,4*P,MADV_REMOVE); printf("REMOVE shared anon ro r=%d errno=%d\n",r,errno);
  // 7 overcommit
  errno=0; void*big=mmap(0,30L<<30,PROT_READ|PROT_WRITE,MAP_PRIVATE|MAP_ANONYMOUS,-1,0); printf("mmap 30G rw private: %p errno %d\n",big,errno);
  errno=0; big=mmap(0,30L<<30,PROT_READ,MAP_PRIVATE|MAP_ANONYMOUS,-1,0); printf("mmap 30G r private: %p errno %d\n",big,errno);
  void*b0=sbrk(0); errno=0; void*b1=sbrk(30L<<30); printf("sbrk 30G: %p errno %d\n",b1,errno);
  return 0;
}
