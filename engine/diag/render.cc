// Copyright 2026 The cfnx Authors.
// SPDX-License-Identifier: Apache-2.0

#include "engine/diag/render.h"

#include <nlohmann/json.hpp>

#include "engine/base/sha1.h"

namespace cfnx {

std::string TerminalSafe(std::string_view s, bool keep_newlines) {
  std::string out;
  out.reserve(s.size());
  static const char kHex[] = "0123456789abcdef";
  auto escape = [&](unsigned char c) {
    out += "\\x";
    out += kHex[c >> 4];
    out += kHex[c & 15];
  };
  for (size_t i = 0; i < s.size(); ++i) {
    auto c = static_cast<unsigned char>(s[i]);
    if ((c < 0x20 && c != '\t' && !(keep_newlines && c == '\n')) || c == 0x7f) {
      escape(c);
    } else if (c == 0xc2 && i + 1 < s.size() && static_cast<unsigned char>(s[i + 1]) >= 0x80 &&
               static_cast<unsigned char>(s[i + 1]) <= 0x9f) {
      escape(static_cast<unsigned char>(s[++i]));
    } else {
      out += static_cast<char>(c);
    }
  }
  return out;
}

namespace {

using Json = nlohmann::ordered_json;

std::string FileName(const SourceManager& sources, FileId file) {
  return file == 0 ? std::string("<unknown>") : sources.name(file);
}

std::string_view LowerSeverity(Severity s) {
  switch (s) {
    case Severity::kError:
      return "error";
    case Severity::kWarning:
      return "warning";
    case Severity::kInfo:
      return "info";
  }
  return "error";
}

// `end` of an empty or unknown range is shown as the begin position.
SourceLoc EndOf(const SourceRange& r) {
  if (!r.end.known() || r.end.line < r.begin.line ||
      (r.end.line == r.begin.line && r.end.column < r.begin.column)) {
    return r.begin;
  }
  return r.end;
}

void AppendExcerpt(const SourceManager& sources, const SourceRange& range, bool color,
                   std::string* out) {
  if (!range.known() || range.begin.file == 0) {
    return;
  }
  std::string_view line = sources.LineText(range.begin.file, range.begin.line);
  std::string number = std::to_string(range.begin.line);
  std::string gutter(number.size(), ' ');
  *out += " " + number + " | " + TerminalSafe(line, false) + "\n";
  *out += " " + gutter + " | ";
  size_t col = range.begin.column - 1;
  for (size_t i = 0; i < col && i < line.size(); ++i) {
    *out += line[i] == '\t' ? '\t' : ' ';
  }
  size_t width = 1;
  if (range.end.line == range.begin.line && range.end.column > range.begin.column) {
    width = range.end.column - range.begin.column;
  } else if (range.end.line > range.begin.line && line.size() > col) {
    width = line.size() - col;
  }
  if (color)
    *out += "\033[1;32m";
  *out += "^" + std::string(width > 1 ? width - 1 : 0, '~');
  if (color)
    *out += "\033[0m";
  *out += "\n";
}

std::string RenderText(const std::vector<Diagnostic>& diagnostics, const SourceManager& sources,
                       bool color) {
  std::string out;
  for (const Diagnostic& d : diagnostics) {
    const DiagCodeInfo& info = GetDiagCodeInfo(d.code);
    std::string where = TerminalSafe(FileName(sources, d.range.begin.file), false);
    if (d.range.known()) {
      where +=
          ":" + std::to_string(d.range.begin.line) + ":" + std::to_string(d.range.begin.column);
    }
    const char* sev_color = d.severity == Severity::kError     ? "\033[1;31m"
                            : d.severity == Severity::kWarning ? "\033[1;35m"
                                                               : "\033[1;36m";
    if (color)
      out += "\033[1m";
    out += where + ": ";
    if (color)
      out += sev_color;
    out += std::string(LowerSeverity(d.severity)) + " " + std::string(info.id) + ":";
    if (color)
      out += "\033[0m\033[1m";
    out += " " + TerminalSafe(d.message, true);
    if (color)
      out += "\033[0m";
    out += "\n";
    AppendExcerpt(sources, d.range, color, &out);
    if (!d.path.empty()) {
      out += "   at " + TerminalSafe(d.path.ToString(), false) + "\n";
    }
    for (const DiagnosticNote& note : d.notes) {
      std::string nwhere = TerminalSafe(FileName(sources, note.range.begin.file), false);
      if (note.range.known()) {
        nwhere += ":" + std::to_string(note.range.begin.line) + ":" +
                  std::to_string(note.range.begin.column);
      }
      out += nwhere + ": note: " + TerminalSafe(note.message, true) + "\n";
      AppendExcerpt(sources, note.range, color, &out);
    }
  }
  return out;
}

// cfn-lint 1.x's match Id: a UUID named by "[RULE: short description] (message) matched
// FILE:LINE", so the same finding has the same Id in every run (cfn-lint takes MD5; cfnx takes
// SHA-1 with the version-5 bits, RFC 9562's name-based form, from the same name).
std::string FindingId(const Diagnostic& d, const std::string& file) {
  const DiagCodeInfo& info = GetDiagCodeInfo(d.code);
  std::string name = "[" + std::string(info.id) + ": " + std::string(info.short_description) +
                     "] (" + d.message + ") matched " + file + ":" +
                     std::to_string(d.range.begin.line);
  std::string hex = Sha1Hex(name).substr(0, 32);
  hex[12] = '5';                                                    // version 5
  hex[16] = "89ab"[std::stoi(hex.substr(16, 1), nullptr, 16) & 3];  // RFC variant
  return hex.substr(0, 8) + "-" + hex.substr(8, 4) + "-" + hex.substr(12, 4) + "-" +
         hex.substr(16, 4) + "-" + hex.substr(20, 12);
}

// SARIF partialFingerprints: what the finding is (rule, file, template path, message), not
// where its line is, so code scanning follows it when lines above it move.
std::string FindingFingerprint(const Diagnostic& d, const std::string& file) {
  return Sha1Hex(std::string(GetDiagCodeInfo(d.code).id) + "\n" + file + "\n" + d.path.ToString() +
                 "\n" + d.message)
      .substr(0, 32);
}

Json Position(const SourceLoc& loc) {
  Json j;
  j["ColumnNumber"] = loc.column;
  j["LineNumber"] = loc.line;
  return j;
}

std::string RenderJson(const std::vector<Diagnostic>& diagnostics, const SourceManager& sources) {
  Json all = Json::array();
  for (const Diagnostic& d : diagnostics) {
    const DiagCodeInfo& info = GetDiagCodeInfo(d.code);
    Json j;
    j["Filename"] = FileName(sources, d.range.begin.file);
    j["Id"] = FindingId(d, j["Filename"].get<std::string>());
    j["Level"] = std::string(SeverityName(d.severity));
    Json loc;
    loc["End"] = Position(EndOf(d.range));
    loc["Path"] = d.path.segments();
    loc["Start"] = Position(d.range.begin);
    j["Location"] = loc;
    j["Message"] = d.message;
    j["ParentId"] = nullptr;  // cfnx relates findings through Notes instead
    Json rule;
    rule["Description"] = std::string(info.description);
    rule["Id"] = std::string(info.id);
    rule["ShortDescription"] = std::string(info.short_description);
    rule["Source"] = std::string(info.url);
    j["Rule"] = rule;
    if (!d.notes.empty()) {
      Json notes = Json::array();
      for (const DiagnosticNote& n : d.notes) {
        Json note;
        note["Filename"] = FileName(sources, n.range.begin.file);
        note["Start"] = Position(n.range.begin);
        note["End"] = Position(EndOf(n.range));
        note["Message"] = n.message;
        notes.push_back(note);
      }
      j["Notes"] = notes;
    }
    all.push_back(j);
  }
  // Invalid UTF-8 (a message quoting bytes of a broken file) becomes U+FFFD instead of throwing:
  // the output is always a valid document.
  return all.dump(4, ' ', false, Json::error_handler_t::replace) + "\n";
}

std::string RenderParseable(const std::vector<Diagnostic>& diagnostics,
                            const SourceManager& sources) {
  std::string out;
  for (const Diagnostic& d : diagnostics) {
    SourceLoc end = EndOf(d.range);
    std::string message = d.message;
    for (char& c : message) {
      if (c == '\n')
        c = ' ';
    }
    out += TerminalSafe(FileName(sources, d.range.begin.file), false) + ":" +
           std::to_string(d.range.begin.line) + ":" + std::to_string(d.range.begin.column) + ":" +
           std::to_string(end.line) + ":" + std::to_string(end.column) + ":" +
           std::string(GetDiagCodeInfo(d.code).id) + ":" + TerminalSafe(message, false) + "\n";
  }
  return out;
}

// A file as cfnx was given it; relative names are relative to where cfnx ran (as cfn-lint says).
Json ArtifactLocation(const std::string& file) {
  Json location = {{"uri", file}};
  if (!file.empty() && file[0] != '/' && file != "-")
    location["uriBaseId"] = "EXECUTIONROOT";
  return location;
}

std::string RenderSarif(const std::vector<Diagnostic>& diagnostics, const SourceManager& sources,
                        const std::vector<FileId>& checked) {
  Json rules = Json::array();
  std::vector<std::string_view> seen;
  Json results = Json::array();
  for (const Diagnostic& d : diagnostics) {
    const DiagCodeInfo& info = GetDiagCodeInfo(d.code);
    size_t rule_index = 0;
    for (; rule_index < seen.size() && seen[rule_index] != info.id; ++rule_index) {
    }
    if (rule_index == seen.size()) {
      seen.push_back(info.id);
      Json rule;
      rule["id"] = std::string(info.id);
      rule["shortDescription"] = {{"text", std::string(info.short_description)}};
      rule["fullDescription"] = {{"text", std::string(info.description)}};
      rule["helpUri"] = std::string(info.url);
      rules.push_back(rule);
    }
    Json result;
    result["ruleId"] = std::string(info.id);
    result["ruleIndex"] = rule_index;
    result["level"] = d.severity == Severity::kError     ? "error"
                      : d.severity == Severity::kWarning ? "warning"
                                                         : "note";
    result["message"] = {{"text", d.message}};
    SourceLoc end = EndOf(d.range);
    Json region;
    region["startLine"] = std::max<uint32_t>(1, d.range.begin.line);
    region["startColumn"] = std::max<uint32_t>(1, d.range.begin.column);
    region["endLine"] = std::max<uint32_t>(1, end.line);
    region["endColumn"] = std::max<uint32_t>(1, end.column);
    Json physical;
    std::string file = FileName(sources, d.range.begin.file);
    physical["artifactLocation"] = ArtifactLocation(file);
    physical["region"] = region;
    Json location;
    location["physicalLocation"] = physical;
    if (!d.path.empty()) {
      location["logicalLocations"] = Json::array({{{"fullyQualifiedName", d.path.ToString()}}});
    }
    result["locations"] = Json::array({location});
    result["partialFingerprints"] = {{"cfnxFinding/v1", FindingFingerprint(d, file)}};
    results.push_back(result);
  }
  Json artifacts = Json::array();
  for (FileId f : checked) {
    artifacts.push_back({{"location", ArtifactLocation(FileName(sources, f))}});
  }
  Json run;
  run["tool"] = {{"driver",
                  {{"name", "cfnx"},
                   {"informationUri", "https://github.com/cfnx/cfnx"},
                   {"version", "0.1.0"},
                   {"rules", rules}}}};
  if (!artifacts.empty())
    run["artifacts"] = artifacts;
  run["originalUriBaseIds"] = {
      {"EXECUTIONROOT", {{"description", {{"text", "The directory in which cfnx was run."}}}}}};
  run["results"] = results;
  Json sarif;
  sarif["$schema"] = "https://json.schemastore.org/sarif-2.1.0.json";
  sarif["version"] = "2.1.0";
  sarif["runs"] = Json::array({run});
  return sarif.dump(2, ' ', false, Json::error_handler_t::replace) + "\n";
}

std::string XmlEscape(std::string_view s) {
  std::string out;
  for (char c : s) {
    switch (c) {
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '&':
        out += "&amp;";
        break;
      case '"':
        out += "&quot;";
        break;
      case '\'':
        out += "&apos;";
        break;
      default:
        if (static_cast<unsigned char>(c) < 0x20 && c != '\n' && c != '\t') {
          out += ' ';
        } else {
          out += c;
        }
    }
  }
  return out;
}

// cfn-lint's JUnit report (its formatters/junit.py over the junit_xml package): one test case per
// rule, named "ID short description" with the rule's documentation as `url`, failed once per
// finding of that rule ("message at file:line:col", the message as the failure's type), or
// skipped as "Ignored rule" when the run's check options leave the rule out. Errors, warnings
// and informational findings are all failures, as in cfn-lint.
std::string RenderJunit(const std::vector<Diagnostic>& diagnostics, const SourceManager& sources,
                        const RenderOptions& options) {
  size_t tests = 0, failures = 0, skipped = 0;
  std::string cases;
  for (const DiagCodeInfo& info : AllDiagCodes()) {
    ++tests;
    std::string id(info.id);
    cases += "\t\t<testcase name=\"" + XmlEscape(id + " " + std::string(info.short_description)) +
             "\" url=\"" + XmlEscape(info.url) + "\"";
    std::string body;
    for (const Diagnostic& d : diagnostics) {
      if (GetDiagCodeInfo(d.code).id != info.id)
        continue;
      body += "\t\t\t<failure type=\"" + XmlEscape(d.message) + "\" message=\"" +
              XmlEscape(d.message + " at " + FileName(sources, d.range.begin.file) + ":" +
                        std::to_string(d.range.begin.line) + ":" +
                        std::to_string(d.range.begin.column)) +
              "\"/>\n";
    }
    if (!body.empty()) {
      ++failures;
    } else if (options.checks && !CheckEnabled(id, *options.checks)) {
      ++skipped;
      body = "\t\t\t<skipped type=\"skipped\" message=\"Ignored rule\"/>\n";
    }
    cases += body.empty() ? "/>\n" : ">\n" + body + "\t\t</testcase>\n";
  }
  std::string counts = "errors=\"0\" failures=\"" + std::to_string(failures) + "\"";
  return "<?xml version=\"1.0\" ?>\n<testsuites disabled=\"0\" " + counts + " tests=\"" +
         std::to_string(tests) + "\" time=\"0.0\">\n\t<testsuite disabled=\"0\" " + counts +
         " name=\"CloudFormation Lint\" skipped=\"" + std::to_string(skipped) + "\" tests=\"" +
         std::to_string(tests) + "\" time=\"0\">\n" + cases + "\t</testsuite>\n</testsuites>\n";
}

// GitLab's code-quality report: the subset of the Code Climate issue format GitLab reads
// (description, check_name, fingerprint, severity, location.path, location.lines.begin).
// The fingerprint is SARIF's (FindingFingerprint), so a finding keeps it when lines move and
// GitLab's merge-request widget shows what a change fixed and introduced.
std::string RenderCodeClimate(const std::vector<Diagnostic>& diagnostics,
                              const SourceManager& sources) {
  Json all = Json::array();
  for (const Diagnostic& d : diagnostics) {
    const DiagCodeInfo& info = GetDiagCodeInfo(d.code);
    std::string file = FileName(sources, d.range.begin.file);
    Json j;
    j["type"] = "issue";
    j["check_name"] = std::string(info.id);
    j["description"] = std::string(info.id) + ": " + d.message;
    j["fingerprint"] = FindingFingerprint(d, file);
    j["severity"] = d.severity == Severity::kError     ? "major"
                    : d.severity == Severity::kWarning ? "minor"
                                                       : "info";
    j["location"] = {{"path", file},
                     {"lines", {{"begin", std::max<uint32_t>(1, d.range.begin.line)}}}};
    all.push_back(j);
  }
  return all.dump(2, ' ', false, Json::error_handler_t::replace) + "\n";
}

}  // namespace

bool ParseDiagnosticFormat(std::string_view name, DiagnosticFormat* format) {
  if (name == "text")
    *format = DiagnosticFormat::kText;
  else if (name == "json")
    *format = DiagnosticFormat::kJson;
  else if (name == "sarif")
    *format = DiagnosticFormat::kSarif;
  else if (name == "parseable")
    *format = DiagnosticFormat::kParseable;
  else if (name == "junit")
    *format = DiagnosticFormat::kJunit;
  else if (name == "code-climate")
    *format = DiagnosticFormat::kCodeClimate;
  else
    return false;
  return true;
}

const std::vector<std::string>& DiagnosticFormatNames() {
  static const std::vector<std::string> kNames = {"text",      "json",  "sarif",
                                                  "parseable", "junit", "code-climate"};
  return kNames;
}

std::string RenderDiagnostics(const std::vector<Diagnostic>& diagnostics,
                              const SourceManager& sources, DiagnosticFormat format,
                              const RenderOptions& options, const std::vector<FileId>& checked) {
  switch (format) {
    case DiagnosticFormat::kText:
      return RenderText(diagnostics, sources, options.color);
    case DiagnosticFormat::kJson:
      return RenderJson(diagnostics, sources);
    case DiagnosticFormat::kSarif:
      return RenderSarif(diagnostics, sources, checked);
    case DiagnosticFormat::kParseable:
      return RenderParseable(diagnostics, sources);
    case DiagnosticFormat::kJunit:
      return RenderJunit(diagnostics, sources, options);
    case DiagnosticFormat::kCodeClimate:
      return RenderCodeClimate(diagnostics, sources);
  }
  return "";
}

}  // namespace cfnx
