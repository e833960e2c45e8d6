/* abort(): the process dies of SIGABRT (status 134 as a shell reports it). */
#include <stdio.h>
#include <stdlib.h>

int main(void) {
  printf("about to abort\n");
  fflush(stdout);
  fprintf(stderr, "aborting now\n");
  abort();
}
