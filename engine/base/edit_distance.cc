// Copyright 2026 The cfnx Authors.
// SPDX-License-Identifier: Apache-2.0

#include "engine/base/edit_distance.h"

#include <algorithm>

namespace cfnx {
namespace {

char Lower(char c) {
  return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
}

// EditDistance(a, b) when it is at most `bound`; some value over `bound` otherwise. Stops as
// soon as a whole row exceeds `bound` (a row's minimum never decreases from one row to the
// next), so checking a name against every resource type stays cheap.
size_t BoundedEditDistance(std::string_view a, std::string_view b, size_t bound) {
  // initial-exec rather than the local-exec a PIE compile picks: the Python module links these
  // PIE objects into a shared object, where local-exec TLS cannot be (engine/python/). The
  // linker turns it back into local-exec in the executables.
  [[gnu::tls_model("initial-exec")]] thread_local std::vector<size_t> row;
  row.resize(b.size() + 1);
  for (size_t j = 0; j <= b.size(); ++j) {
    row[j] = j;
  }
  for (size_t i = 1; i <= a.size(); ++i) {
    size_t diag = row[0];
    row[0] = i;
    size_t smallest = row[0];
    for (size_t j = 1; j <= b.size(); ++j) {
      size_t up = row[j];
      size_t cost = Lower(a[i - 1]) == Lower(b[j - 1]) ? 0 : 1;
      row[j] = std::min({row[j] + 1, row[j - 1] + 1, diag + cost});
      smallest = std::min(smallest, row[j]);
      diag = up;
    }
    if (smallest > bound) {
      return smallest;
    }
  }
  return row[b.size()];
}

}  // namespace

size_t EditDistance(std::string_view a, std::string_view b) {
  return BoundedEditDistance(a, b, static_cast<size_t>(-1));
}

std::string ClosestMatch(std::string_view name, const std::vector<std::string_view>& candidates) {
  size_t limit = std::max<size_t>(1, name.size() / 3);
  size_t best = limit + 1;
  std::string_view best_name;
  for (std::string_view candidate : candidates) {
    if (candidate == name) {
      continue;
    }
    // Cheap reject: lengths too far apart cannot be within the limit.
    size_t diff = candidate.size() > name.size() ? candidate.size() - name.size()
                                                 : name.size() - candidate.size();
    if (diff > limit) {
      continue;
    }
    size_t d = BoundedEditDistance(name, candidate, best - 1);
    if (d < best) {
      best = d;
      best_name = candidate;
    }
  }
  return std::string(best_name);
}

std::string DidYouMean(std::string_view name, const std::vector<std::string_view>& candidates) {
  std::string match = ClosestMatch(name, candidates);
  return match.empty() ? "" : " Did you mean '" + match + "'?";
}

}  // namespace cfnx
