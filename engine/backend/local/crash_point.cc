// Copyright 2026 The cfnx Authors.
// SPDX-License-Identifier: Apache-2.0

#include "engine/backend/local/crash_point.h"

#include <atomic>
#include <cstdlib>
#include <signal.h>
#include <unistd.h>

namespace cfnx {
namespace {

std::atomic<int64_t> g_count{0};

int64_t CrashAt() {
  static const int64_t at = [] {
    const char* env = std::getenv("CFNX_CRASH_AT");
    return env == nullptr ? int64_t{0} : static_cast<int64_t>(std::atoll(env));
  }();
  return at;
}

}  // namespace

void CrashPoint() {
  int64_t n = ++g_count;
  if (n == CrashAt())
    kill(getpid(), SIGKILL);
}

int64_t CrashPointCount() {
  return g_count.load();
}

}  // namespace cfnx
