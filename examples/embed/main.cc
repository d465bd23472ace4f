// Copyright 2026 The cfnx Authors.
// SPDX-License-Identifier: Apache-2.0
//
// cfnx_embed TEMPLATE [REGION]: validates TEMPLATE with the cfnx library and prints each finding
// as FILE:LINE:COL: Severity CODE: MESSAGE, then its processed (transformed) template's size.
// Exits as `cfnx validate` does: 0 clean, else cfn-lint's bitmask (2 errors, 4 warnings, 8
// informational); 1 when the file cannot be read.

#include <iostream>
#include <string>

#include "cfnx/compiler.h"

int main(int argc, char** argv) {
  if (argc < 2) {
    std::cerr << "usage: cfnx_embed TEMPLATE [REGION]\n";
    return 1;
  }
  cfnx::CompileOptions options;
  if (argc > 2)
    options.region = argv[2];
  cfnx::Compiler compiler(options);
  cfnx::ErrorOr<cfnx::FileId> file = compiler.AddFile(argv[1]);
  if (!file.ok()) {
    std::cerr << file.error().message << "\n";
    return 1;
  }
  cfnx::CompileResult result = compiler.Validate(*file);
  for (const cfnx::Diagnostic& d : result.diagnostics) {
    std::cout << compiler.sources().name(d.range.begin.file) << ":" << d.range.begin.line << ":"
              << d.range.begin.column << ": " << cfnx::SeverityName(d.severity) << " "
              << cfnx::GetDiagCodeInfo(d.code).id << ": " << d.message << "\n";
  }
  cfnx::Compiler::TransformOutput processed = compiler.TransformTemplate(*file);
  std::cout << "processed template: " << processed.json.size() << " bytes\n";
  return result.exit_code();
}
