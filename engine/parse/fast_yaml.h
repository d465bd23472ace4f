// Copyright 2026 The cfnx Authors.
// SPDX-License-Identifier: Apache-2.0
//
// A fast reader for the YAML most templates are written in: block maps and sequences, plain
// and one-line quoted scalars, literal and folded block scalars, flow collections, local tags
// (`!Ref`, `!Sub`, ...), comments and a leading `---`. It produces exactly the events
// yaml-cpp's parser produces for such text (same order, marks, tags and values), and refuses
// everything else (anchors, multi-line plain or quoted scalars, `!!` tags, tabs, CRLF, several
// documents, anything in doubt, and every error), so the caller falls back to yaml-cpp, which
// then reports what it reports today. yaml-cpp spends about a thousand instructions per byte;
// this reader a few dozen.

#ifndef CFNX_ENGINE_PARSE_FAST_YAML_H_
#define CFNX_ENGINE_PARSE_FAST_YAML_H_

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace cfnx::internal {

// One yaml-cpp parser event (anchors never occur: the fast reader refuses them).
struct YamlEvent {
  enum class Kind { kNull, kScalar, kSequenceStart, kSequenceEnd, kMapStart, kMapEnd };
  Kind kind = Kind::kNull;
  size_t pos = 0;     // yaml-cpp's mark: the byte offset where the node (or its tag) starts
  std::string tag;    // "?" plain, "!" quoted or block, "!Name" local; collections "?" or "!Name"
  bool flow = false;  // collections: flow style
  std::string value;  // scalars

  bool operator==(const YamlEvent&) const = default;
};

// The events of `text`'s one document, or false (and `*events` unspecified) when the text is
// not in the subset this reader knows.
bool ReadYamlEventsFast(std::string_view text, std::vector<YamlEvent>* events);

}  // namespace cfnx::internal

#endif  // CFNX_ENGINE_PARSE_FAST_YAML_H_
