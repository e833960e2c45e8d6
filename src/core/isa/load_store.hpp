#pragma once
#include "../exec.hpp"

#define CUARM_ISA_LOAD_STORE(X)
