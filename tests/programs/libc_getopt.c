/* Command-line parsing with getopt_long: short and long options, required and optional
   arguments, unknown options (reported on stderr), and the remaining operands. */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>

int main(int argc, char **argv) {
  static const struct option longs[] = {{"verbose", no_argument, NULL, 'v'},
                                        {"count", required_argument, NULL, 'n'},
                                        {"level", optional_argument, NULL, 'l'},
                                        {"name", required_argument, NULL, 'N'},
                                        {NULL, 0, NULL, 0}};
  argv[0] = "getopt_demo";  /* getopt names the program in its messages: not the build path */
  int verbose = 0, count = 1, c, idx;
  opterr = 1;
  while ((c = getopt_long(argc, argv, "vn:l::N:x", longs, &idx)) != -1) {
    switch (c) {
      case 'v': ++verbose; break;
      case 'n': count = atoi(optarg); break;
      case 'l': printf("level %s\n", optarg ? optarg : "(default)"); break;
      case 'N': printf("name %s\n", optarg); break;
      case 'x': printf("flag x\n"); break;
      default: printf("unknown option seen (optopt=%c)\n", optopt ? optopt : '-'); break;
    }
  }
  printf("verbose=%d count=%d operands:", verbose, count);
  for (int i = optind; i < argc; ++i) printf(" [%s]", argv[i]);
  printf("\n");
  return 0;
}
