// Copyright 2026 The cfnx Authors.
// SPDX-License-Identifier: Apache-2.0

#include "engine/parse/loader.h"

#include "engine/parse/json_reader.h"
#include "engine/parse/parse_internal.h"

namespace cfnx {

Document LoadTemplate(const SourceManager& sources, FileId file, DiagnosticSink& diags,
                      const LoadOptions& options) {
  Document doc;
  doc.set_file(file);
  if (!internal::CheckUtf8(sources, file, diags)) {
    return doc;
  }
  std::string_view text = sources.contents(file);
  // After a UTF-8 byte order mark.
  const size_t body = text.substr(0, 3) == "\xEF\xBB\xBF" ? 3 : 0;
  size_t first = body;
  while (first < text.size() && (text[first] == ' ' || text[first] == '\t' || text[first] == '\n' ||
                                 text[first] == '\r')) {
    ++first;
  }
  SourceLoc start = sources.LocFromOffset(file, 0);
  if (first >= text.size()) {
    diags.Report(DiagCode::kE0000, SourceRange{start, start}, TemplatePath(),
                 "The template is empty.");
    return doc;
  }
  bool json = text[first] == '{' || text[first] == '[';
  const Node* root = json ? internal::ReadJson(sources, file, doc, diags, options)
                          : internal::ReadYaml(sources, file, doc, diags, options);
  if (root == nullptr) {
    if (!json && text.find_first_not_of(" \t\r\n", first) != std::string_view::npos) {
      // ReadYaml reports its own errors; a file of only comments or `---` has no document.
      bool only_comments = true;
      bool directives = false;  // `%YAML`/`%TAG` lines: yaml-cpp reads no document after them
      // (From `body`: a comment right after a byte order mark used to count as content, so a
      // BOM and comments loaded as nothing with no error, found by the yaml_reader fuzzer.)
      size_t pos = body;
      while (pos < text.size()) {
        size_t nl = text.find('\n', pos);
        std::string_view line =
            text.substr(pos, (nl == std::string_view::npos ? text.size() : nl) - pos);
        size_t c = line.find_first_not_of(" \t\r");
        if (c == 0 && line[c] == '%') {
          directives = true;
        } else if (c != std::string_view::npos && line[c] != '#' && line.substr(c, 3) != "---" &&
                   line.substr(c, 3) != "...") {
          only_comments = false;
          break;
        }
        if (nl == std::string_view::npos)
          break;
        pos = nl + 1;
      }
      if (only_comments) {
        // (A file of only directives and comments used to load as nothing, with no error: found
        // by the yaml_reader fuzzer.)
        diags.Report(DiagCode::kE0000, SourceRange{start, start}, TemplatePath(),
                     directives ? "The template is empty (it holds only YAML directives and "
                                  "comments)."
                                : "The template is empty (it holds only comments).");
      }
    }
    return doc;
  }
  if (options.require_map_root && !isa<MapNode>(root)) {
    if (isa<NullNode>(root)) {
      diags.Report(DiagCode::kE0000, root->range(), TemplatePath(), "The template is empty.");
    } else {
      diags.Report(DiagCode::kE0000, root->range(), TemplatePath(),
                   "A template must be a mapping of sections (AWSTemplateFormatVersion, "
                   "Resources, ...), but this file is a " +
                       std::string(NodeKindName(root->kind())) + ".");
    }
    return doc;
  }
  doc.set_root(root);
  return doc;
}

}  // namespace cfnx
