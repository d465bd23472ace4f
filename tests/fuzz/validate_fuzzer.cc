// Copyright 2026 The cfnx Authors.
// SPDX-License-Identifier: Apache-2.0
//
// `cfnx validate`: every check over the template (transforms offline, as validate runs them),
// and the diagnostics rendered in every output format. JSON and SARIF output must be valid
// JSON whatever bytes the template held.

#include <nlohmann/json.hpp>

#include "cfnx/compiler.h"
#include "engine/diag/render.h"
#include "tests/fuzz/fuzz_target.h"
#include "tests/fuzz/tree_mutator.h"

CFNX_FUZZ_TARGET(validate) {
  std::string_view text = cfnx::fuzz::AsText(data, size);
  cfnx::Compiler compiler;
  cfnx::FileId file = compiler.AddSource("template.yaml", std::string(text));
  cfnx::CompileResult result = compiler.Validate(file);
  for (cfnx::DiagnosticFormat format :
       {cfnx::DiagnosticFormat::kText, cfnx::DiagnosticFormat::kJson,
        cfnx::DiagnosticFormat::kSarif, cfnx::DiagnosticFormat::kParseable,
        cfnx::DiagnosticFormat::kJunit, cfnx::DiagnosticFormat::kCodeClimate}) {
    std::string out =
        cfnx::RenderDiagnostics(result.diagnostics, compiler.sources(), format, {}, {file});
    if (format == cfnx::DiagnosticFormat::kJson || format == cfnx::DiagnosticFormat::kSarif ||
        format == cfnx::DiagnosticFormat::kCodeClimate) {
      cfnx::fuzz::Check(nlohmann::json::accept(out), "diagnostics are not valid JSON:\n" + out,
                        text);
    }
  }
  return 0;
}

CFNX_FUZZ_TREE_MUTATOR()
