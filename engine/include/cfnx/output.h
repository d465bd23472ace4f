// Copyright 2026 The cfnx Authors.
// SPDX-License-Identifier: Apache-2.0
//
// File: cfnx/output.h
//
// Findings printed for people and for tools, in the formats `cfnx validate --format` offers:
//
//   text         file:line:col: error E3002: message, the source line and a caret (colour
//                optional), the template path and the notes
//   json         a JSON array in cfn-lint 1.x's shape (Filename, Id, Level, Location{Start,End,
//                Path}, Message, ParentId, Rule{Id,ShortDescription,Description,Source}); `Id` is
//                a name-based UUID, the same for the same finding in every run
//   sarif        SARIF 2.1.0 for code scanning: rules, results with `partialFingerprints` (rule,
//                file, template path and message: stable when lines above move) and
//                `uriBaseId: EXECUTIONROOT` for relative paths
//   parseable    file:line:col:endline:endcol:id:message, one per line (cfn-lint's parseable)
//   junit        JUnit XML as cfn-lint writes it: one test case per rule ("E3002 short
//                description"), failed once per finding of that rule (errors, warnings and
//                informational alike), skipped ("Ignored rule") when the check options leave the
//                rule out
//   code-climate GitLab's code-quality report (the Code Climate issue subset GitLab reads:
//                description, check_name, fingerprint, severity, location.path,
//                location.lines.begin)
//
//   cfnx::Compiler compiler;
//   cfnx::FileId file = *compiler.AddFile("template.yaml");
//   cfnx::CompileResult result = compiler.Validate(file);
//   cfnx::DiagnosticFormat format;
//   cfnx::ParseDiagnosticFormat("sarif", &format);
//   std::cout << cfnx::RenderDiagnostics(result.diagnostics, compiler.sources(), format, {},
//                                        /*checked=*/{file});
//
// Every renderer is deterministic: same diagnostics, same bytes. Text from templates is made
// safe for terminals (control bytes shown as \xNN) in the text and parseable forms.

#ifndef CFNX_ENGINE_INCLUDE_CFNX_OUTPUT_H_
#define CFNX_ENGINE_INCLUDE_CFNX_OUTPUT_H_

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "cfnx/check_options.h"
#include "cfnx/diagnostic.h"
#include "cfnx/source.h"

namespace cfnx {

enum class DiagnosticFormat { kText, kJson, kSarif, kParseable, kJunit, kCodeClimate };

// Parses "text", "json", "sarif", "parseable", "junit" or "code-climate"; false for anything else.
bool ParseDiagnosticFormat(std::string_view name, DiagnosticFormat* format);

// The names ParseDiagnosticFormat accepts, in the order above (for help texts and completion).
const std::vector<std::string>& DiagnosticFormatNames();

struct RenderOptions {
  bool color = false;  // ANSI colours in text output
  // junit: the check options of the run, so the rules they leave out are listed as skipped
  // ("Ignored rule"), as cfn-lint does; without them every rule is listed as run.
  std::optional<CheckOptions> checks;
};

// Renders `diagnostics` (in the order given). `checked` lists every file that was checked,
// for formats that report clean files too (sarif artifacts).
std::string RenderDiagnostics(const std::vector<Diagnostic>& diagnostics,
                              const SourceManager& sources, DiagnosticFormat format,
                              const RenderOptions& options = {},
                              const std::vector<FileId>& checked = {});

}  // namespace cfnx

#endif  // CFNX_ENGINE_INCLUDE_CFNX_OUTPUT_H_
