// Copyright 2026 The cfnx Authors.
// SPDX-License-Identifier: Apache-2.0
//
// One fuzz harness per file of tests/fuzz/, each declared with CFNX_FUZZ_TARGET(name):
//
//   CFNX_FUZZ_TARGET(validate) {
//     std::string_view text = cfnx::fuzz::AsText(data, size);
//     ...
//     return 0;
//   }
//
// Built with CFNX_LIBFUZZER (the `fuzz_<name>` executables of a -DCFNX_FUZZ=ON build), the body
// is libFuzzer's LLVMFuzzerTestOneInput. Built without it (every build), the body registers
// under `name`, and fuzz_regression_tests runs each file of tests/fuzz/regressions/<name>/ and
// tests/fuzz/seeds/<name>/ through it, so every crash the fuzzers found stays fixed.
//
// A harness returns 0, or -1 for an input it does not want in its corpus (libFuzzer then does
// not keep it). A broken invariant calls Fail, which prints and aborts (a crash to libFuzzer).

#ifndef CFNX_TESTS_FUZZ_FUZZ_TARGET_H_
#define CFNX_TESTS_FUZZ_FUZZ_TARGET_H_

#include <cstddef>
#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace cfnx::fuzz {

using FuzzFunction = int (*)(const uint8_t* data, size_t size);

// Registers `fn` as the harness `name`; returns true (for a static initializer).
bool RegisterTarget(const char* name, FuzzFunction fn);
// Every harness linked into this binary, by name.
const std::map<std::string, FuzzFunction>& Targets();

// Inputs larger than this are not worth a harness's time (libFuzzer's -max_len is smaller).
inline constexpr size_t kMaxInputBytes = 1 << 20;

inline std::string_view AsText(const uint8_t* data, size_t size) {
  return std::string_view(reinterpret_cast<const char*>(data), size);
}

// Separates the parts of a multi-part input (a template, then a stack state, ...). A YAML
// comment line, so a template part stays a template when the fuzzer drops the separator.
inline constexpr std::string_view kPartSeparator = "\n#%%\n";

// `text` split at each kPartSeparator; always at least one part.
std::vector<std::string_view> SplitParts(std::string_view text);

// A directory private to this process, created on first use and removed at exit.
const std::string& ScratchDir();

// Writes `contents` to `path`; aborts when it cannot (the harness cannot run).
void WriteFileOrDie(const std::string& path, std::string_view contents);

// Prints `message` (and `input`, escaped, when short) and aborts: an invariant failed.
[[noreturn]] void Fail(std::string_view message, std::string_view input = {});

inline void Check(bool ok, std::string_view message, std::string_view input = {}) {
  if (!ok)
    Fail(message, input);
}

}  // namespace cfnx::fuzz

#ifdef CFNX_LIBFUZZER
#define CFNX_FUZZ_TARGET(name)                                                    \
  static int CfnxFuzzTarget(const uint8_t* data, size_t size);                    \
  extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {       \
    return size > ::cfnx::fuzz::kMaxInputBytes ? -1 : CfnxFuzzTarget(data, size); \
  }                                                                               \
  static int CfnxFuzzTarget(const uint8_t* data, size_t size)
#else
#define CFNX_FUZZ_TARGET(name)                                            \
  static int CfnxFuzzTarget(const uint8_t* data, size_t size);            \
  [[maybe_unused]] static const bool cfnx_fuzz_target_registered_##name = \
      ::cfnx::fuzz::RegisterTarget(#name, &CfnxFuzzTarget);               \
  static int CfnxFuzzTarget(const uint8_t* data, size_t size)
#endif

#endif  // CFNX_TESTS_FUZZ_FUZZ_TARGET_H_
