/* getenv of variables set by the test (manifest env=...), of absent ones; setenv/unsetenv/putenv. */
#include <stdio.h>
#include <stdlib.h>

static void show(const char *name) {
  const char *v = getenv(name);
  printf("%s=%s\n", name, v ? v : "(unset)");
}

int main(void) {
  show("CUARM_GREETING");
  show("CUARM_NUMBER");
  show("CUARM_EMPTY");
  show("HOME");
  show("PATH");
  const char *n = getenv("CUARM_NUMBER");
  if (n) printf("number+1=%ld\n", strtol(n, NULL, 10) + 1);
  setenv("CUARM_NEW", "created", 0);
  setenv("CUARM_GREETING", "replaced", 1);
  setenv("CUARM_NUMBER", "kept", 0);
  show("CUARM_NEW");
  show("CUARM_GREETING");
  show("CUARM_NUMBER");
  unsetenv("CUARM_NEW");
  show("CUARM_NEW");
  static char entry[] = "CUARM_PUT=by_putenv";
  putenv(entry);
  show("CUARM_PUT");
  return 0;
}
