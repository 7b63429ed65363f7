/* Issue 11: MADV_REMOVE across mappings, cold file major faults (needs root for drop_caches). gcc page-state-remove-cold.c && ./a.out cold */
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
static sigjmp_buf jb; static volatile int sig;
static void h(int s){ sig=s; siglongjmp(jb,1);}
static int pm;
static int present(void*a){ uint64_t e; pread(pm,&e,8,((uintptr_t)a/4096)*8); return (e>>63)&1; }
static int npresent(char*a,int n){int c=0;for(int i=0;i<n;i++)c+=present(a+i*4096);return c;}
static struct rusage r0;
static void mark(void){getrusage(RUSAGE_SELF,&r0);}
static void rep(const char*what){struct rusage r;getrusage(RUSAGE_SELF,&r);printf("%-40s minflt %ld majflt %ld sig %d\n",what,r.ru_minflt-r0.ru_minflt,r.ru_majflt-r0.ru_majflt,sig);sig=0;}
static char rd(volatile char*p){ if(sigsetjmp(jb,1)) return -1; return *p; }
int main(int argc,char**argv){
  signal(SIGSEGV,h); signal(SIGBUS,h);
  pm=open("/proc/self/pagemap",O_RDONLY);
  int P=4096; char buf[4096]; memset(buf,5,P);
  char*a=mmap(0,4*P,PROT_READ|PROT_WRITE,MAP_PRIVATE|MAP_ANONYMOUS,-1,0);
  for(int i=0;i<4;i++)a[i*P]=1;
  mprotect(a,4*P,PROT_NONE);
  mark(); rd(a); rep("read protnone 1");
  mark(); rd(a); rep("read protnone 2");
  int fd2=open("/tmp/fid/f2",O_RDWR|O_CREAT|O_TRUNC,0644); ftruncate(fd2,4*P);
  char*s1=mmap(0,4*P,PROT_READ|PROT_WRITE,MAP_SHARED,fd2,0);
  char*p1=mmap(0,4*P,PROT_READ|PROT_WRITE,MAP_PRIVATE,fd2,0);
  for(int i=0;i<4;i++){s1[i*P]=7; rd(p1+i*P);}
  printf("before remove s1 %d p1 %d\n",npresent(s1,4),npresent(p1,4));
  int r=madvise(s1,2*P,MADV_REMOVE); int x=npresent(s1,4), y=npresent(p1,4);
  printf("REMOVE r=%d s1 %d p1 %d\n",r,x,y);
  mark(); char v=p1[0]; rep("p1 read after remove"); printf("v=%d p1 %d s1 %d\n",v,npresent(p1,4),npresent(s1,4));
  // written file: cached
  int fd=open("/tmp/fid/f3",O_RDWR|O_CREAT|O_TRUNC,0644); for(int i=0;i<64;i++) write(fd,buf,P);
  char*f=mmap(0,64*P,PROT_READ,MAP_PRIVATE,fd,0);
  mark(); rd(f+20*P); rep("written file read page 20"); printf("present %d\n",npresent(f,64));
  if(argc>1){ // cold
    munmap(f,64*P); fsync(fd); close(fd);
    int dc=open("/proc/sys/vm/drop_caches",O_WRONLY); write(dc,"1",1); close(dc);
    fd=open("/tmp/fid/f3",O_RDONLY);
    f=mmap(0,64*P,PROT_READ,MAP_PRIVATE,fd,0);
    mark(); rd(f+20*P); rep("cold read page 20"); printf("present %d\n",npresent(f,64));
    mark(); rd(f+21*P); rep("cold read page 21"); printf("present %d\n",npresent(f,64));
    mark(); rd(f+40*P); rep("cold read page 40"); printf("present %d\n",npresent(f,64));
    mark(); rd(f+0*P); rep("cold read page 0"); printf("present %d\n",npresent(f,64));
    char*m=mincore? 0:0;
    unsigned char vec[64]; mincore(f,64*P,vec); int c=0; for(int i=0;i<64;i++) c+=vec[i]&1; printf("mincore cached %d\n",c);
  }
  return 0;
}
