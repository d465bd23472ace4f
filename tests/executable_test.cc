// Copyright 2026 The cfnx Authors.
// SPDX-License-Identifier: Apache-2.0
//
// The shape of the built `cfnx` executable (cmake/CfnxDeps.cmake): with CFNX_STATIC_LINK it is a
// static executable (no program interpreter, so no dynamic loader runs before main), it keeps
// the PT_GNU_EH_FRAME lookup table (without it the first exception sorts every FDE), and the
// paths that throw inside CLI11 (--version, --help, a bad flag) work in it.

#include <array>
#include <cstdio>
#include <cstring>
#include <elf.h>
#include <fstream>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include <sys/wait.h>

#include "tests/testing/paths.h"

namespace cfnx {
namespace {

// The `cfnx` executable this build made (engine/cli: OUTPUT_NAME cfnx in the build directory).
std::string Executable() { return testing::BinaryDir() + "/cfnx"; }

struct ProgramHeaders {
  bool ok = false;
  bool has_interpreter = false;
  bool has_eh_frame_hdr = false;
};

ProgramHeaders ReadProgramHeaders(const std::string& path) {
  ProgramHeaders result;
  std::ifstream in(path, std::ios::binary);
  Elf64_Ehdr header;
  if (!in.read(reinterpret_cast<char*>(&header), sizeof header))
    return result;
  if (std::memcmp(header.e_ident, ELFMAG, SELFMAG) != 0 || header.e_ident[EI_CLASS] != ELFCLASS64) {
    return result;
  }
  for (unsigned i = 0; i < header.e_phnum; ++i) {
    Elf64_Phdr program;
    in.seekg(static_cast<std::streamoff>(header.e_phoff + i * header.e_phentsize));
    if (!in.read(reinterpret_cast<char*>(&program), sizeof program))
      return result;
    if (program.p_type == PT_INTERP)
      result.has_interpreter = true;
    if (program.p_type == PT_GNU_EH_FRAME)
      result.has_eh_frame_hdr = true;
  }
  result.ok = true;
  return result;
}

struct ProcessResult {
  int exit_code = -1;
  std::string out;
};

ProcessResult RunCfnx(const std::string& args) {
  ProcessResult run;
  std::string command = Executable() + " " + args + " 2>&1";
  FILE* pipe = popen(command.c_str(), "r");
  if (pipe == nullptr)
    return run;
  std::array<char, 4096> buffer;
  size_t n;
  while ((n = fread(buffer.data(), 1, buffer.size(), pipe)) > 0)
    run.out.append(buffer.data(), n);
  int status = pclose(pipe);
  if (WIFEXITED(status))
    run.exit_code = WEXITSTATUS(status);
  return run;
}

TEST(ExecutableTest, LinkedAsConfigured) {
  ProgramHeaders headers = ReadProgramHeaders(Executable());
  ASSERT_TRUE(headers.ok) << Executable() << " is not a readable ELF64 file";
  EXPECT_EQ(headers.has_interpreter, !CFNX_STATIC_LINK)
      << (CFNX_STATIC_LINK ? "CFNX_STATIC_LINK is on but cfnx asks for a dynamic loader"
                           : "cfnx was configured to link shared but has no interpreter");
  EXPECT_TRUE(headers.has_eh_frame_hdr) << "cfnx has no PT_GNU_EH_FRAME unwind lookup table";
}

TEST(ExecutableTest, ThrowingCliPathsWork) {
  ProcessResult version = RunCfnx("--version");
  EXPECT_EQ(version.exit_code, 0) << version.out;
  EXPECT_NE(version.out.find("cfnx"), std::string::npos) << version.out;

  ProcessResult help = RunCfnx("validate --help");
  EXPECT_EQ(help.exit_code, 0) << help.out;
  EXPECT_NE(help.out.find("validate"), std::string::npos) << help.out;

  ProcessResult bad = RunCfnx("validate --no-such-flag x.yaml");
  EXPECT_NE(bad.exit_code, 0) << bad.out;
  EXPECT_NE(bad.out.find("--no-such-flag"), std::string::npos) << bad.out;
}

}  // namespace
}  // namespace cfnx
