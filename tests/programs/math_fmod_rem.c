/* fmod, remainder, remquo, fdim, fmax, fmin, copysign, fabs: signs and exact results. */
#include <math.h>
#include <stdio.h>

int main(void) {
  const double xs[] = {10.0, -10.0, 5.5, 1e300, 7.0, -0.0, 1e-300};
  const double ys[] = {3.0, -3.0, 0.7, 1e-3, 2.0, 1.0, INFINITY};
  for (int i = 0; i < 7; ++i)
    for (int j = 0; j < 7; ++j) {
      int q;
      double r = remquo(xs[i], ys[j], &q);
      printf("%g,%g: fmod=%a rem=%a remquo=%a/%d\n", xs[i], ys[j], fmod(xs[i], ys[j]), remainder(xs[i], ys[j]), r, q & 7);
    }
  printf("fdim %g %g fmax %g %g fmin %g %g\n", fdim(5, 3), fdim(3, 5), fmax(NAN, 1), fmax(-0.0, 0.0), fmin(2, NAN),
         fmin(-1, 1));
  printf("copysign %g %g %d fabs %g %g\n", copysign(3, -0.0), copysign(-3, 1), !!signbit(copysign(NAN, -1)), fabs(-0.0),
         fabs(-INFINITY));
  printf("fmod(x,0)=%a fmod(inf,1)=%a\n", fmod(1.0, 0.0), fmod(INFINITY, 1.0));
  return 0;
}
