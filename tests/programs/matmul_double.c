/* Dense double matrix multiply (naive and blocked), LU decomposition with partial pivoting and
   a determinant, printed exactly. */
#include <math.h>
#include <stdio.h>

#define N 48
static double A[N][N], B[N][N], C[N][N], D[N][N];

int main(void) {
  for (int i = 0; i < N; ++i)
    for (int j = 0; j < N; ++j) {
      A[i][j] = sin(i * 0.7 + j * 0.3) + (i == j ? 4.0 : 0.0);
      B[i][j] = cos(i * 0.2 - j * 0.9) / (1 + i + j);
    }
  for (int i = 0; i < N; ++i)
    for (int j = 0; j < N; ++j) {
      double s = 0;
      for (int k = 0; k < N; ++k) s += A[i][k] * B[k][j];
      C[i][j] = s;
    }
  for (int ii = 0; ii < N; ii += 16)
    for (int kk = 0; kk < N; kk += 16)
      for (int i = ii; i < ii + 16; ++i)
        for (int k = kk; k < kk + 16; ++k)
          for (int j = 0; j < N; ++j) D[i][j] += A[i][k] * B[k][j];
  double tr = 0, maxdiff = 0, fro = 0;
  for (int i = 0; i < N; ++i) {
    tr += C[i][i];
    for (int j = 0; j < N; ++j) {
      maxdiff = fmax(maxdiff, fabs(C[i][j] - D[i][j]));
      fro += C[i][j] * C[i][j];
    }
  }
  printf("trace %a frobenius^2 %a maxdiff %a\n", tr, fro, maxdiff);
  printf("C[0][0]=%.17g C[47][13]=%.17g\n", C[0][0], C[47][13]);
  double det = 1;
  for (int c = 0; c < N; ++c) {
    int piv = c;
    for (int r = c + 1; r < N; ++r)
      if (fabs(A[r][c]) > fabs(A[piv][c])) piv = r;
    if (piv != c) {
      for (int k = 0; k < N; ++k) {
        double t = A[c][k];
        A[c][k] = A[piv][k];
        A[piv][k] = t;
      }
      det = -det;
    }
    det *= A[c][c];
    for (int r = c + 1; r < N; ++r) {
      double f = A[r][c] / A[c][c];
      for (int k = c; k < N; ++k) A[r][k] -= f * A[c][k];
    }
  }
  printf("det %a (%.6e)\n", det, det);
  return 0;
}
