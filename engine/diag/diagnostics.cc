// Copyright 2026 The cfnx Authors.
// SPDX-License-Identifier: Apache-2.0

#include <algorithm>

#include "cfnx/diagnostic.h"

namespace cfnx {
namespace {

const DiagCodeInfo kCodes[] = {
#define CFNX_DIAGNOSTIC(id, severity, short_description, description, url) \
  {#id, Severity::severity, short_description, description, url},
#include "cfnx/diagnostic_codes.def"
#undef CFNX_DIAGNOSTIC
};

}  // namespace

std::string_view SeverityName(Severity severity) {
  switch (severity) {
    case Severity::kError:
      return "Error";
    case Severity::kWarning:
      return "Warning";
    case Severity::kInfo:
      return "Informational";
  }
  return "Error";
}

const DiagCodeInfo& GetDiagCodeInfo(DiagCode code) {
  return kCodes[static_cast<size_t>(code)];
}

const std::vector<DiagCodeInfo>& AllDiagCodes() {
  static const std::vector<DiagCodeInfo> all(std::begin(kCodes), std::end(kCodes));
  return all;
}

TemplatePath TemplatePath::Child(std::string_view segment) const {
  TemplatePath child = *this;
  child.segments_.emplace_back(segment);
  return child;
}

TemplatePath TemplatePath::Child(size_t index) const {
  return Child(std::to_string(index));
}

std::string TemplatePath::ToString() const {
  if (segments_.empty()) {
    return "/";
  }
  std::string out;
  for (const std::string& s : segments_) {
    out += "/";
    out += s;
  }
  return out;
}

Diagnostic MakeDiagnostic(DiagCode code, SourceRange range, TemplatePath path,
                          std::string message) {
  return Diagnostic{
      code, GetDiagCodeInfo(code).severity, range, std::move(path), std::move(message), {}};
}

void DiagnosticCollector::Report(Diagnostic diagnostic) {
  ++counts_[static_cast<size_t>(diagnostic.severity)];
  diagnostics_.push_back(std::move(diagnostic));
}

void DiagnosticCollector::SortByLocation() {
  std::stable_sort(diagnostics_.begin(), diagnostics_.end(),
                   [](const Diagnostic& a, const Diagnostic& b) {
                     const SourceLoc& x = a.range.begin;
                     const SourceLoc& y = b.range.begin;
                     if (x.file != y.file)
                       return x.file < y.file;
                     if (x.line != y.line)
                       return x.line < y.line;
                     if (x.column != y.column)
                       return x.column < y.column;
                     return GetDiagCodeInfo(a.code).id < GetDiagCodeInfo(b.code).id;
                   });
}

int ExitCodeFor(const std::vector<Diagnostic>& diagnostics) {
  int code = 0;
  for (const Diagnostic& d : diagnostics) {
    switch (d.severity) {
      case Severity::kError:
        code |= 2;
        break;
      case Severity::kWarning:
        code |= 4;
        break;
      case Severity::kInfo:
        code |= 8;
        break;
    }
  }
  return code;
}

}  // namespace cfnx
