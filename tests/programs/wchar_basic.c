/* Wide strings in the C locale: wcslen/wcscpy/wcscmp/wcschr/wcstol, swprintf, %ls, towupper. */
#include <stdio.h>
#include <wchar.h>
#include <wctype.h>

int main(void) {
  wchar_t buf[64];
  wcscpy(buf, L"wide ");
  wcscat(buf, L"characters 123");
  printf("len=%zu sizeof(wchar_t)=%zu str=%ls\n", wcslen(buf), sizeof(wchar_t), buf);
  printf("cmp=%d %d chr=%ld\n", wcscmp(L"abc", L"abd") < 0, wcsncmp(L"abcx", L"abcy", 3), (long)(wcschr(buf, L'c') - buf));
  wchar_t *end;
  long v = wcstol(L"  -4096rest", &end, 10);
  printf("wcstol=%ld rest=%ls\n", v, end);
  double d = wcstod(L"2.5e2", NULL);
  printf("wcstod=%g\n", d);
  wchar_t out[64];
  int n = swprintf(out, 64, L"%d-%ls-%05.1f", 42, L"xy", 3.14159);
  printf("swprintf %d %ls\n", n, out);
  for (wchar_t *p = buf; *p; ++p) *p = (wchar_t)towupper((wint_t)*p);
  printf("%ls\n", buf);
  int alpha = 0, digit = 0, space = 0;
  for (const wchar_t *p = L"Tab\tand 42 more"; *p; ++p) {
    alpha += !!iswalpha((wint_t)*p);
    digit += !!iswdigit((wint_t)*p);
    space += !!iswspace((wint_t)*p);
  }
  printf("alpha=%d digit=%d space=%d\n", alpha, digit, space);
  return 0;
}
