/* Struct layout (sizeof/offsetof/alignment/padding), bit-fields, unions for type punning,
   flexible array members, struct copy and return by value. */
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct mixed {
  char c;
  double d;
  short s;
  int i;
  char tail[3];
};
struct bits {
  unsigned a : 3;
  unsigned b : 5;
  signed c : 4;
  unsigned long long d : 40;
};
union pun {
  double d;
  uint64_t u;
  float f[2];
  unsigned char b[8];
};
struct vec {
  double x, y, z;
};
struct flex {
  int n;
  int data[];
};

static struct vec cross(struct vec a, struct vec b) {
  return (struct vec){a.y * b.z - a.z * b.y, a.z * b.x - a.x * b.z, a.x * b.y - a.y * b.x};
}

int main(void) {
  printf("mixed size=%zu align=%zu off c=%zu d=%zu s=%zu i=%zu tail=%zu\n", sizeof(struct mixed), _Alignof(struct mixed),
         offsetof(struct mixed, c), offsetof(struct mixed, d), offsetof(struct mixed, s), offsetof(struct mixed, i),
         offsetof(struct mixed, tail));
  struct bits bf = {5, 17, -3, 0xabcdef1234ull};
  bf.a += 4;
  bf.c -= 6;
  printf("bits size=%zu a=%u b=%u c=%d d=%llx\n", sizeof bf, bf.a, bf.b, bf.c, (unsigned long long)bf.d);
  union pun p = {.d = -1.5};
  printf("pun u=%016llx bytes=", (unsigned long long)p.u);
  for (int i = 0; i < 8; ++i) printf("%02x", p.b[i]);
  p.u = 0x3f8000004048f5c3ull;
  printf(" floats=%g,%g\n", (double)p.f[0], (double)p.f[1]);
  struct vec a = {1, 2, 3}, b = {-4, 0.5, 2};
  struct vec c = cross(a, b), d = c;
  d.x = 0;
  printf("cross %g %g %g copy %g\n", c.x, c.y, c.z, d.x);
  struct flex *f = malloc(sizeof *f + 10 * sizeof(int));
  f->n = 10;
  for (int i = 0; i < f->n; ++i) f->data[i] = i * i;
  int s = 0;
  for (int i = 0; i < f->n; ++i) s += f->data[i];
  printf("flex size=%zu sum=%d\n", sizeof(struct flex), s);
  free(f);
  struct mixed m1, m2;
  memset(&m1, 0, sizeof m1);
  m1.d = 2.5;
  m1.tail[2] = 'z';
  m2 = m1;
  printf("copy equal=%d\n", memcmp(&m1, &m2, sizeof m1) == 0);
  return 0;
}
