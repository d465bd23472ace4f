// Copyright 2026 The cfnx Authors.
// SPDX-License-Identifier: Apache-2.0
//
// Renders diagnostics for people and tools:
//   text       file:line:col: error: message [E3002], the source line and a caret (colour on a TTY)
//   json       a JSON array in cfn-lint's field names (Filename, Level, Location, Message, Rule)
//   sarif      SARIF 2.1.0 for code-scanning services
//   parseable  file:line:col:endline:endcol:code:message, one per line (cfn-lint's parseable)
//   junit      JUnit XML: one test case per checked file, one failure per error
// Every renderer is deterministic: same diagnostics, same bytes.

#ifndef CFNX_ENGINE_DIAG_RENDER_H_
#define CFNX_ENGINE_DIAG_RENDER_H_

#include <string>
#include <string_view>
#include <vector>

#include "cfnx/diagnostic.h"
#include "cfnx/source.h"

namespace cfnx {

// `s` with the bytes a terminal would act on shown as `\xNN`: C0 controls (ESC starts ANSI
// sequences that recolour, move the cursor or retitle the window) but tab and, where
// `keep_newlines`, newline; DEL; and the C1 controls U+0080-U+009F (some terminals take U+009B as
// CSI). Text from templates and from services reaches the terminal through messages, excerpts,
// file names and stack events, and CI logs are read in terminals.
std::string TerminalSafe(std::string_view s, bool keep_newlines);

enum class DiagnosticFormat { kText, kJson, kSarif, kParseable, kJunit };

// Parses "text", "json", "sarif", "parseable" or "junit"; false for anything else.
bool ParseDiagnosticFormat(std::string_view name, DiagnosticFormat* format);

struct RenderOptions {
  bool color = false;  // ANSI colours in text output
};

// Renders `diagnostics` (in the order given). `checked` lists every file that was checked,
// for formats that report clean files too (junit, sarif artifacts).
std::string RenderDiagnostics(const std::vector<Diagnostic>& diagnostics,
                              const SourceManager& sources, DiagnosticFormat format,
                              const RenderOptions& options = {},
                              const std::vector<FileId>& checked = {});

}  // namespace cfnx

#endif  // CFNX_ENGINE_DIAG_RENDER_H_
