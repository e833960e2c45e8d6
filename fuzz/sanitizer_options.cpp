// Sanitizer defaults linked into every harness: a UBSan report ends the run with a stack trace
// (libFuzzer then keeps the input as a crash). UBSan is built recoverable so that
// UBSAN_OPTIONS=suppressions=FILE can set aside a known report while it is being fixed
// (docs/fuzzing.md); UBSAN_OPTIONS adds to these defaults.
extern "C" const char* __ubsan_default_options() { return "halt_on_error=1:print_stacktrace=1"; }
