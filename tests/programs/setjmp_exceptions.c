/* An exception mechanism on setjmp/longjmp: nested try blocks, rethrow, cleanup counts,
   sigsetjmp/siglongjmp. */
#include <setjmp.h>
#include <signal.h>
#include <stdio.h>

static jmp_buf *current;
static int cleanups;

static void throw_(int code) { longjmp(*current, code); }

static int parse_digit(char c) {
  if (c < '0' || c > '9') throw_(100 + c);
  return c - '0';
}

static int parse_number(const char *s) {
  jmp_buf here, *saved = current;
  volatile int value = 0;
  int code = setjmp(here);
  if (code == 0) {
    current = &here;
    for (const char *p = s; *p; ++p) value = value * 10 + parse_digit(*p);
    current = saved;
    return value;
  }
  ++cleanups;
  current = saved;
  if (code == 100 + 'x') return -1;  // handled here
  throw_(code);                      // rethrown
  return 0;
}

int main(void) {
  const char *inputs[] = {"123", "45x6", "98765", "7?8", "", "0042"};
  for (volatile int i = 0; i < 6; ++i) {
    jmp_buf top;
    int code = setjmp(top);
    if (code == 0) {
      current = &top;
      printf("'%s' -> %d\n", inputs[i], parse_number(inputs[i]));
    } else {
      printf("'%s' threw %d ('%c')\n", inputs[i], code, code - 100);
    }
  }
  printf("cleanups %d\n", cleanups);
  sigjmp_buf sj;
  volatile int n = 0;
  if (sigsetjmp(sj, 1) < 3) {
    ++n;
    siglongjmp(sj, n);
  }
  printf("siglongjmp rounds %d\n", n);
  return 0;
}
