/* Arbitrary-precision factorials in base 10^9 limbs: 100!, 500!, and the digit sums. */
#include <stdint.h>
#include <stdio.h>

static uint32_t limbs[1000];
static int nlimbs;

static void mul_small(uint32_t m) {
  uint64_t carry = 0;
  for (int i = 0; i < nlimbs; ++i) {
    uint64_t v = (uint64_t)limbs[i] * m + carry;
    limbs[i] = (uint32_t)(v % 1000000000u);
    carry = v / 1000000000u;
  }
  while (carry) {
    limbs[nlimbs++] = (uint32_t)(carry % 1000000000u);
    carry /= 1000000000u;
  }
}

static void print_big(void) {
  printf("%u", limbs[nlimbs - 1]);
  for (int i = nlimbs - 2; i >= 0; --i) printf("%09u", limbs[i]);
  printf("\n");
}

int main(void) {
  limbs[0] = 1;
  nlimbs = 1;
  for (uint32_t k = 2; k <= 500; ++k) {
    mul_small(k);
    if (k == 25 || k == 100) {
      printf("%u! = ", k);
      print_big();
    }
  }
  int digits = 0, sum = 0;
  for (int i = 0; i < nlimbs; ++i) {
    uint32_t v = limbs[i];
    for (int d = 0; d < 9 && (v || i < nlimbs - 1); ++d) {
      sum += v % 10;
      v /= 10;
      ++digits;
    }
  }
  printf("500! has %d digits, digit sum %d, %d limbs\n", digits, sum, nlimbs);
  return 0;
}
