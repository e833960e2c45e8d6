/* A line-oriented RPN calculator reading stdin: numbers and + - * / ^ sqrt dup swap, printing
   the top after each line; an unknown word gives an error on stderr and exit status 3. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static double st[64];
static int sp;

int main(void) {
  char line[256];
  int lineno = 0;
  while (fgets(line, sizeof line, stdin)) {
    ++lineno;
    for (char *w = strtok(line, " \t\n"); w; w = strtok(NULL, " \t\n")) {
      char *end;
      double v = strtod(w, &end);
      if (*end == '\0') {
        st[sp++] = v;
      } else if (!strcmp(w, "dup")) {
        st[sp] = st[sp - 1];
        ++sp;
      } else if (!strcmp(w, "swap")) {
        double t = st[sp - 1];
        st[sp - 1] = st[sp - 2];
        st[sp - 2] = t;
      } else if (!strcmp(w, "sqrt")) {
        st[sp - 1] = sqrt(st[sp - 1]);
      } else if (strlen(w) == 1 && strchr("+-*/^", w[0]) && sp >= 2) {
        double b = st[--sp], a = st[--sp];
        st[sp++] = w[0] == '+' ? a + b : w[0] == '-' ? a - b : w[0] == '*' ? a * b : w[0] == '/' ? a / b : pow(a, b);
      } else {
        fprintf(stderr, "line %d: unknown word '%s'\n", lineno, w);
        exit(3);
      }
    }
    if (sp) printf("%d: %.17g\n", lineno, st[sp - 1]);
  }
  return 0;
}
