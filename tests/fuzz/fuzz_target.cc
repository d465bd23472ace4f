// Copyright 2026 The cfnx Authors.
// SPDX-License-Identifier: Apache-2.0

#include "tests/fuzz/fuzz_target.h"

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <unistd.h>

namespace cfnx::fuzz {
namespace {

std::map<std::string, FuzzFunction>& MutableTargets() {
  static auto* targets = new std::map<std::string, FuzzFunction>();
  return *targets;
}

std::string MakeScratchDir() {
  std::filesystem::path base = std::filesystem::temp_directory_path();
  if (std::filesystem::is_directory("/dev/shm"))
    base = "/dev/shm";
  std::string pattern = (base / "cfnx-fuzz-XXXXXX").string();
  if (mkdtemp(pattern.data()) == nullptr) {
    std::perror("cfnx fuzz: mkdtemp");
    std::abort();
  }
  return pattern;
}

void RemoveScratchDir() {
  std::error_code ec;
  std::filesystem::remove_all(ScratchDir(), ec);
}

}  // namespace

bool RegisterTarget(const char* name, FuzzFunction fn) {
  MutableTargets()[name] = fn;
  return true;
}

const std::map<std::string, FuzzFunction>& Targets() {
  return MutableTargets();
}

std::vector<std::string_view> SplitParts(std::string_view text) {
  std::vector<std::string_view> parts;
  size_t pos = 0;
  while (true) {
    size_t at = text.find(kPartSeparator, pos);
    if (at == std::string_view::npos) {
      parts.push_back(text.substr(pos));
      return parts;
    }
    parts.push_back(text.substr(pos, at - pos));
    pos = at + kPartSeparator.size();
  }
}

const std::string& ScratchDir() {
  static const std::string* dir = [] {
    auto* d = new std::string(MakeScratchDir());
    std::atexit(RemoveScratchDir);
    return d;
  }();
  return *dir;
}

void WriteFileOrDie(const std::string& path, std::string_view contents) {
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out.write(contents.data(), static_cast<std::streamsize>(contents.size()));
  out.close();
  if (!out) {
    std::cerr << "cfnx fuzz: cannot write " << path << "\n";
    std::abort();
  }
}

void Fail(std::string_view message, std::string_view input) {
  std::cerr << "cfnx fuzz: invariant failed: " << message << "\n";
  if (!input.empty() && input.size() <= 4096) {
    std::cerr << "input (" << input.size() << " bytes):\n";
    for (char c : input) {
      unsigned char u = static_cast<unsigned char>(c);
      if (c == '\n' || (u >= 0x20 && u < 0x7f)) {
        std::cerr << c;
      } else {
        char buf[8];
        std::snprintf(buf, sizeof buf, "\\x%02x", u);
        std::cerr << buf;
      }
    }
    std::cerr << "\n";
  }
  std::cerr.flush();
  std::abort();
}

}  // namespace cfnx::fuzz
