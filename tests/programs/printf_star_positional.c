/* printf with '*' widths/precisions from arguments and POSIX positional arguments. */
#include <stdio.h>

int main(void) {
  for (int w = -12; w <= 12; w += 4)
    for (int p = 0; p <= 6; p += 3) printf("w=%3d p=%d [%*.*f] [%*d] [%.*e]\n", w, p, w, p, 3.14159265, w, 42, p, 2.5e-3);
  printf("%2$s %1$s %3$d\n", "world", "hello", 7);
  printf("%3$*1$.*2$f|\n", 12, 3, 2.718281828);
  printf("%1$d %1$x %1$o %1$#x\n", 255);
  printf("%2$c%1$c%2$c\n", 'b', 'a');
  return 0;
}
