// Copyright 2026 The cfnx Authors.
// SPDX-License-Identifier: Apache-2.0
//
// The YAML reader as a template meets it: the fast reader's events, then LoadTemplate (fast
// reader, else yaml-cpp) as a template and as a snippet, the AST dumped with ranges and turned
// to JSON. Nothing may crash; a loaded template has a map root and no loaded tree dangles.

#include "engine/ast/dump.h"
#include "engine/ast/json_convert.h"
#include "engine/parse/fast_yaml.h"
#include "engine/parse/loader.h"
#include "tests/fuzz/fuzz_target.h"

CFNX_FUZZ_TARGET(yaml_reader) {
  std::string_view text = cfnx::fuzz::AsText(data, size);
  std::vector<cfnx::internal::YamlEvent> events;
  cfnx::internal::ReadYamlEventsFast(text, &events);

  for (bool require_map_root : {true, false}) {
    cfnx::SourceManager sources;
    cfnx::FileId file = sources.AddFile("fuzz.yaml", std::string(text));
    cfnx::DiagnosticCollector diags;
    cfnx::LoadOptions options;
    options.require_map_root = require_map_root;
    options.max_expanded_nodes = 200'000;  // alias bombs end quickly
    cfnx::Document doc = cfnx::LoadTemplate(sources, file, diags, options);
    if (doc.root() == nullptr) {
      cfnx::fuzz::Check(diags.error_count() > 0, "no root and no error", text);
      continue;
    }
    if (require_map_root) {
      cfnx::fuzz::Check(cfnx::isa<cfnx::MapNode>(doc.root()), "template root is not a map", text);
    }
    std::string dump = cfnx::Dump(*doc.root(), /*with_ranges=*/true);
    cfnx::fuzz::Check(!dump.empty(), "empty dump", text);
    cfnx::ToJsonText(cfnx::ToJson(*doc.root()));
  }
  return 0;
}
