#pragma once
#include "../exec.hpp"

#define CUARM_ISA_SYSTEM(X)
