/* A tiny stack-machine interpreter (switch dispatch) running bytecode programs: factorial,
   Fibonacci, and a loop computing a checksum. */
#include <stdint.h>
#include <stdio.h>

enum { PUSH, ADD, SUB, MUL, MOD, DUP, SWAP, OVER, DROP, JZ, JMP, PRINT, HALT, LOAD, STORE, LT };

static int64_t run(const int64_t *code, int trace) {
  int64_t stack[64], mem[8] = {0};
  int sp = 0, pc = 0;
  long steps = 0;
  for (;;) {
    ++steps;
    int64_t op = code[pc++];
    switch (op) {
      case PUSH: stack[sp++] = code[pc++]; break;
      case ADD: --sp; stack[sp - 1] += stack[sp]; break;
      case SUB: --sp; stack[sp - 1] -= stack[sp]; break;
      case MUL: --sp; stack[sp - 1] *= stack[sp]; break;
      case MOD: --sp; stack[sp - 1] %= stack[sp]; break;
      case LT: --sp; stack[sp - 1] = stack[sp - 1] < stack[sp]; break;
      case DUP: stack[sp] = stack[sp - 1]; ++sp; break;
      case SWAP: { int64_t t = stack[sp - 1]; stack[sp - 1] = stack[sp - 2]; stack[sp - 2] = t; break; }
      case OVER: stack[sp] = stack[sp - 2]; ++sp; break;
      case DROP: --sp; break;
      case JZ: if (stack[--sp] == 0) pc = (int)code[pc]; else ++pc; break;
      case JMP: pc = (int)code[pc]; break;
      case LOAD: stack[sp++] = mem[code[pc++]]; break;
      case STORE: mem[code[pc++]] = stack[--sp]; break;
      case PRINT: if (trace) printf("  print %lld\n", (long long)stack[sp - 1]); break;
      case HALT: printf("  halted after %ld steps\n", steps); return sp ? stack[sp - 1] : 0;
      default: printf("bad opcode %lld\n", (long long)op); return -1;
    }
  }
}

int main(void) {
  /* factorial(20): acc=1, n=20; while n: acc*=n, n-=1 */
  const int64_t fact[] = {PUSH, 1, STORE, 0, PUSH, 20, STORE, 1, LOAD, 1, JZ, 26, LOAD, 0, LOAD, 1, MUL, STORE, 0,
                          LOAD, 1, PUSH, 1, SUB, STORE, 1, JMP, 8, LOAD, 0, HALT};
  int64_t patched[sizeof fact / sizeof fact[0]];
  for (unsigned i = 0; i < sizeof fact / sizeof fact[0]; ++i) patched[i] = fact[i];
  patched[11] = 28;
  printf("fact(20) = %lld\n", (long long)run(patched, 0));
  /* fib: a=0 b=1, 40 times: print a; (a,b)=(b,a+b) */
  const int64_t fib[] = {PUSH, 0, PUSH, 1, PUSH, 40, STORE, 2, LOAD, 2, JZ, 27, OVER, PRINT, DROP, SWAP, OVER, ADD,
                         LOAD, 2, PUSH, 1, SUB, STORE, 2, JMP, 8, DROP, HALT};
  printf("fib result %lld\n", (long long)run(fib, 1));
  /* checksum: s=0,i=0; while i<100000: s=(s*31+i)%1000003; i++ */
  const int64_t sum[] = {PUSH, 0, STORE, 0, PUSH, 0, STORE, 1, LOAD, 1, PUSH, 100000, LT, JZ, 35, LOAD, 0, PUSH, 31,
                         MUL, LOAD, 1, ADD, PUSH, 1000003, MOD, STORE, 0, LOAD, 1, PUSH, 1, ADD, STORE, 1, JMP, 8};
  int64_t sum2[40];
  for (unsigned i = 0; i < sizeof sum / sizeof sum[0]; ++i) sum2[i] = sum[i];
  sum2[14] = 37;
  sum2[35] = JMP;
  sum2[36] = 8;
  sum2[37] = LOAD;
  sum2[38] = 0;
  sum2[39] = HALT;
  printf("checksum %lld\n", (long long)run(sum2, 0));
  return 0;
}
