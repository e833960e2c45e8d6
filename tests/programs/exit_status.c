/* exit() with a status above 255: the parent sees status & 0xff. */
#include <stdio.h>
#include <stdlib.h>

int main(void) {
  printf("exiting with 261\n");
  exit(261);
}
