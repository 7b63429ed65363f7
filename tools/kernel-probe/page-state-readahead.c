/* Issue 11: read-ahead and fault-around after a cold read (root). gcc page-state-readahead.c && ./a.out /tmp/big */
#define _GNU_SOURCE
#include <stdio.h>
#include <string.h>
#include <unistd.h>
#include <fcntl.h>
#include <stdint.h>
#include <sys/mman.h>
#include <sys/resource.h>
static int pm;
static int present(void*a){ uint64_t e; pread(pm,&e,8,((uintptr_t)a/4096)*8); return (e>>63)&1; }
static void show(char*f,int n,const char*w){unsigned char vec[4096];mincore(f,(long)n*4096,vec);printf("%s cached:",w);int in=0,s=0;for(int i=0;i<=n;i++){int c=i<n&&(vec[i]&1);if(c&&!in){s=i;in=1;}if(!c&&in){printf(" %d-%d",s,i-1);in=0;}}printf("  present:");in=0;for(int i=0;i<=n;i++){int c=i<n&&present(f+(long)i*4096);if(c&&!in){s=i;in=1;}if(!c&&in){printf(" %d-%d",s,i-1);in=0;}}printf("\n");}
static struct rusage r0;static void mark(void){getrusage(RUSAGE_SELF,&r0);}
static void rep(const char*w){struct rusage r;getrusage(RUSAGE_SELF,&r);printf("%-20s minflt %ld majflt %ld\n",w,r.ru_minflt-r0.ru_minflt,r.ru_majflt-r0.ru_majflt);}
int main(int argc,char**argv){
  pm=open("/proc/self/pagemap",O_RDONLY); int P=4096,N=1024; char buf[4096]; memset(buf,5,P);
  int fd=open(argv[1],O_RDWR|O_CREAT|O_TRUNC,0644); for(int i=0;i<N;i++) write(fd,buf,P); fsync(fd); close(fd);
  int dc=open("/proc/sys/vm/drop_caches",O_WRONLY); write(dc,"1",1); close(dc);
  fd=open(argv[1],O_RDONLY);
  volatile char*f=mmap(0,(long)N*P,PROT_READ,MAP_PRIVATE,fd,0); char c;
  int pages[]={500,501,520,540,0,100};
  for(int k=0;k<6;k++){char w[32];sprintf(w,"read %d",pages[k]);mark();c=f[(long)pages[k]*P];rep(w);show((char*)f,N,w);}
  return 0;
}
