// Copyright 2026 The cfnx Authors.
// SPDX-License-Identifier: Apache-2.0
//
// "Did you mean ...?" suggestions: the closest candidate to a misspelt name.

#ifndef CFNX_ENGINE_BASE_EDIT_DISTANCE_H_
#define CFNX_ENGINE_BASE_EDIT_DISTANCE_H_

#include <string>
#include <string_view>
#include <vector>

namespace cfnx {

// Levenshtein distance, case-insensitive for ASCII letters.
size_t EditDistance(std::string_view a, std::string_view b);

// The candidate closest to `name` if it is close enough to be a plausible typo (distance at
// most a third of the name's length, and at least 1; a case-only difference always counts);
// "" otherwise. Ties go to the first candidate.
std::string ClosestMatch(std::string_view name, const std::vector<std::string_view>& candidates);

// " Did you mean 'X'?" or "" when there is no close candidate.
std::string DidYouMean(std::string_view name, const std::vector<std::string_view>& candidates);

}  // namespace cfnx

#endif  // CFNX_ENGINE_BASE_EDIT_DISTANCE_H_
