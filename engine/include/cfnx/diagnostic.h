// Copyright 2026 The cfnx Authors.
// SPDX-License-Identifier: Apache-2.0
//
// File: cfnx/diagnostic.h
//
// A `Diagnostic` is one problem cfnx found in a user's template: a stable code such as
// `E3002` (see cfnx/diagnostic_codes.def), a severity, where it is (file, line and column,
// and the template path such as `/Resources/Fn/Properties/Runtime`), a message, and notes
// that point at related places ("first defined here").
//
// Passes report diagnostics to a `DiagnosticSink` and keep going, so one run reports every
// problem. `DiagnosticCollector` is the sink most callers want:
//
//   cfnx::DiagnosticCollector diags;
//   diags.Report(cfnx::MakeDiagnostic(cfnx::DiagCode::kE1001, range, path, "..."));
//   if (diags.error_count() > 0) { ... }

#ifndef CFNX_ENGINE_INCLUDE_CFNX_DIAGNOSTIC_H_
#define CFNX_ENGINE_INCLUDE_CFNX_DIAGNOSTIC_H_

#include <cstdint>
#include <initializer_list>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "cfnx/source.h"

namespace cfnx {

enum class Severity : uint8_t { kError, kWarning, kInfo };

// "Error", "Warning" or "Informational" (cfn-lint's Level names).
std::string_view SeverityName(Severity severity);

// Every diagnostic code cfnx can emit. The ids are public API: users filter on them.
enum class DiagCode : uint16_t {
#define CFNX_DIAGNOSTIC(id, severity, short_description, description, url) k##id,
#include "cfnx/diagnostic_codes.def"
#undef CFNX_DIAGNOSTIC
};

struct DiagCodeInfo {
  std::string_view id;  // "E3002"
  Severity severity;    // default severity
  std::string_view short_description;
  std::string_view description;
  std::string_view url;  // documentation for the rule
};

const DiagCodeInfo& GetDiagCodeInfo(DiagCode code);
// Every registered code, in registry order.
const std::vector<DiagCodeInfo>& AllDiagCodes();

// A path into the template, from the root: {"Resources", "Fn", "Properties"}.
// List indices are decimal strings. Printed as "/Resources/Fn/Properties".
//
// Checks walk every node of a template and extend the path at each step, but few paths end up
// in a diagnostic, so `Child` shares its parent instead of copying it: a path is its last
// segment and a pointer to its (immutable, shared) parent. Copying a path copies one pointer.
class TemplatePath {
 public:
  TemplatePath() = default;
  TemplatePath(std::initializer_list<std::string> segments);
  explicit TemplatePath(std::vector<std::string> segments);

  TemplatePath Child(std::string_view segment) const;
  TemplatePath Child(size_t index) const;
  std::vector<std::string> segments() const;
  bool empty() const { return last_ == nullptr; }
  size_t size() const;
  // The last segment ("" for the root).
  std::string_view back() const;
  std::string ToString() const;
  friend bool operator==(const TemplatePath& a, const TemplatePath& b);

 private:
  struct Segment;
  std::shared_ptr<const Segment> last_;
};

// A secondary location attached to a diagnostic.
struct DiagnosticNote {
  SourceRange range;
  std::string message;
};

struct Diagnostic {
  DiagCode code;
  Severity severity;
  SourceRange range;
  TemplatePath path;
  std::string message;
  std::vector<DiagnosticNote> notes;
};

// Builds a diagnostic with the code's default severity.
Diagnostic MakeDiagnostic(DiagCode code, SourceRange range, TemplatePath path, std::string message);

// Receives diagnostics. Implementations decide whether to store, print or count them.
class DiagnosticSink {
 public:
  virtual ~DiagnosticSink() = default;
  virtual void Report(Diagnostic diagnostic) = 0;

  // Convenience: MakeDiagnostic + Report.
  void Report(DiagCode code, SourceRange range, TemplatePath path, std::string message) {
    Report(MakeDiagnostic(code, range, std::move(path), std::move(message)));
  }
};

// Stores every diagnostic in report order and counts them by severity.
class DiagnosticCollector : public DiagnosticSink {
 public:
  using DiagnosticSink::Report;
  void Report(Diagnostic diagnostic) override;

  const std::vector<Diagnostic>& diagnostics() const { return diagnostics_; }
  std::vector<Diagnostic> Take() { return std::move(diagnostics_); }
  int error_count() const { return counts_[0]; }
  int warning_count() const { return counts_[1]; }
  int info_count() const { return counts_[2]; }
  // Sorts by file, line, column, then code: the order renderers print.
  void SortByLocation();

 private:
  std::vector<Diagnostic> diagnostics_;
  int counts_[3] = {0, 0, 0};
};

// cfn-lint's exit code bitmask: 2 if any error, 4 if any warning, 8 if any informational.
int ExitCodeFor(const std::vector<Diagnostic>& diagnostics);

}  // namespace cfnx

#endif  // CFNX_ENGINE_INCLUDE_CFNX_DIAGNOSTIC_H_
