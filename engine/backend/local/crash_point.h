// Copyright 2026 The cfnx Authors.
// SPDX-License-Identifier: Apache-2.0
//
// Crash points for testing durability: the local backend calls `CrashPoint()` after every
// state change it makes. When the environment variable CFNX_CRASH_AT=N is set, the N-th call
// kills the process with SIGKILL (exactly what `kill -9` does), so tests can stop a deployment
// at every step and check that the next command recovers. Without the variable it only counts.

#ifndef CFNX_ENGINE_BACKEND_LOCAL_CRASH_POINT_H_
#define CFNX_ENGINE_BACKEND_LOCAL_CRASH_POINT_H_

#include <cstdint>

namespace cfnx {

void CrashPoint();
// How many crash points this process has passed.
int64_t CrashPointCount();

}  // namespace cfnx

#endif  // CFNX_ENGINE_BACKEND_LOCAL_CRASH_POINT_H_
