// Copyright 2026 The cfnx Authors.
// SPDX-License-Identifier: Apache-2.0
//
// A structure-aware mutator for template harnesses: it reads the input's template (its first
// part, YAML or JSON) into a tree, changes the tree the way templates differ from each other
// (a value becomes a reference to a name the template declares, an intrinsic function over
// existing values, a boundary number; an entry is removed, copied elsewhere or renamed to
// another name in use), and writes the template back as JSON, the other parts unchanged. Byte
// mutations alone mostly break the syntax; these keep the template parseable and reach the
// evaluator, the transforms and the planner. Half of the calls (and every input that does not
// parse) get libFuzzer's own byte mutations instead.
//
// A harness opts in with CFNX_FUZZ_TREE_MUTATOR() after its CFNX_FUZZ_TARGET (libFuzzer builds
// only; regression builds ignore it).

#ifndef CFNX_TESTS_FUZZ_TREE_MUTATOR_H_
#define CFNX_TESTS_FUZZ_TREE_MUTATOR_H_

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace cfnx::fuzz {

// The tree mutation of `input` with the random `seed`, or nullopt when its first part does not
// parse as a template (or no mutation applied).
std::optional<std::string> MutateTemplateTree(std::string_view input, unsigned int seed);

}  // namespace cfnx::fuzz

#ifdef CFNX_LIBFUZZER
extern "C" size_t LLVMFuzzerMutate(uint8_t* data, size_t size, size_t max_size);

#define CFNX_FUZZ_TREE_MUTATOR()                                                         \
  extern "C" size_t LLVMFuzzerCustomMutator(uint8_t* data, size_t size, size_t max_size, \
                                            unsigned int seed) {                         \
    if (seed % 2 == 0) {                                                                 \
      std::optional<std::string> mutated = ::cfnx::fuzz::MutateTemplateTree(             \
          std::string_view(reinterpret_cast<const char*>(data), size), seed / 2);        \
      if (mutated.has_value() && mutated->size() <= max_size) {                          \
        std::copy(mutated->begin(), mutated->end(), data);                               \
        return mutated->size();                                                          \
      }                                                                                  \
    }                                                                                    \
    return LLVMFuzzerMutate(data, size, max_size);                                       \
  }
#else
#define CFNX_FUZZ_TREE_MUTATOR()
#endif

#endif  // CFNX_TESTS_FUZZ_TREE_MUTATOR_H_
