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

struct TemplatePath::Segment {
  std::shared_ptr<const Segment> parent;
  std::string name;
  size_t depth;  // segments up to and including this one
};

TemplatePath::TemplatePath(std::initializer_list<std::string> segments) {
  for (const std::string& s : segments)
    *this = Child(s);
}

TemplatePath::TemplatePath(std::vector<std::string> segments) {
  for (std::string& s : segments) {
    size_t depth = size() + 1;
    last_ = std::make_shared<const Segment>(Segment{std::move(last_), std::move(s), depth});
  }
}

TemplatePath TemplatePath::Child(std::string_view segment) const {
  TemplatePath child;
  child.last_ = std::make_shared<const Segment>(Segment{last_, std::string(segment), size() + 1});
  return child;
}

TemplatePath TemplatePath::Child(size_t index) const {
  return Child(std::to_string(index));
}

size_t TemplatePath::size() const {
  return last_ == nullptr ? 0 : last_->depth;
}

std::string_view TemplatePath::back() const {
  return last_ == nullptr ? std::string_view() : std::string_view(last_->name);
}

std::vector<std::string> TemplatePath::segments() const {
  std::vector<std::string> out(size());
  size_t i = out.size();
  for (const Segment* s = last_.get(); s != nullptr; s = s->parent.get())
    out[--i] = s->name;
  return out;
}

std::string TemplatePath::ToString() const {
  if (last_ == nullptr) {
    return "/";
  }
  size_t length = 0;
  for (const Segment* s = last_.get(); s != nullptr; s = s->parent.get())
    length += s->name.size() + 1;
  std::string out(length, '/');
  for (const Segment* s = last_.get(); s != nullptr; s = s->parent.get()) {
    length -= s->name.size();
    out.replace(length, s->name.size(), s->name);
    --length;
  }
  return out;
}

bool operator==(const TemplatePath& a, const TemplatePath& b) {
  if (a.size() != b.size())
    return false;
  for (const TemplatePath::Segment *x = a.last_.get(), *y = b.last_.get(); x != y;
       x = x->parent.get(), y = y->parent.get()) {
    if (x->name != y->name)
      return false;
  }
  return true;
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
