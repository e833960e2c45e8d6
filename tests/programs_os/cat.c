/* For each argument: "PATH: " and the file's first bytes, or the negative errno of openat. */
#include "sys.h"

int cmain(u64* sp) {
  const i64 argc = (i64)sp[0];
  char** argv = (char**)(sp + 1);
  for (i64 i = 1; i < argc; ++i) {
    out(argv[i]);
    out(": ");
    const i64 fd = sc4(NR_openat, AT_FDCWD, argv[i], 0, 0);
    if (fd < 0) {
      num(fd);
    } else {
      char buf[80];
      const i64 n = sc3(NR_read, fd, buf, sizeof buf);
      if (n < 0) num(n);
      else outn(buf, (u64)n);
      sc1(NR_close, fd);
    }
    out("\n");
  }
  return 0;
}
