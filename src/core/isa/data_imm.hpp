#pragma once
#include "../exec.hpp"

#define CUARM_ISA_DATA_IMM(X)
