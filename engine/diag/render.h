// Copyright 2026 The cfnx Authors.
// SPDX-License-Identifier: Apache-2.0
//
// The diagnostics renderers (cfnx/output.h) and the terminal escaping they share.

#ifndef CFNX_ENGINE_DIAG_RENDER_H_
#define CFNX_ENGINE_DIAG_RENDER_H_

#include <string>
#include <string_view>
#include <vector>

#include "cfnx/diagnostic.h"
#include "cfnx/output.h"
#include "cfnx/source.h"

namespace cfnx {

// `s` with the bytes a terminal would act on shown as `\xNN`: C0 controls (ESC starts ANSI
// sequences that recolour, move the cursor or retitle the window) but tab and, where
// `keep_newlines`, newline; DEL; and the C1 controls U+0080-U+009F (some terminals take U+009B as
// CSI). Text from templates and from services reaches the terminal through messages, excerpts,
// file names and stack events, and CI logs are read in terminals.
std::string TerminalSafe(std::string_view s, bool keep_newlines);

// DiagnosticFormat, ParseDiagnosticFormat, RenderOptions, RenderDiagnostics: cfnx/output.h.

}  // namespace cfnx

#endif  // CFNX_ENGINE_DIAG_RENDER_H_
