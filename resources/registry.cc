// Copyright 2026 The cfnx Authors.
// SPDX-License-Identifier: Apache-2.0

#include "resources/registry.h"

#include <algorithm>
#include <charconv>
#include <fstream>
#include <sstream>

namespace cfnx {
namespace {

// Splits off the next space-separated field of `line`.
std::string_view NextField(std::string_view* line) {
  size_t space = line->find(' ');
  std::string_view field = line->substr(0, space);
  *line = space == std::string_view::npos ? std::string_view() : line->substr(space + 1);
  return field;
}

template <typename T>
bool ParseNumber(std::string_view text, T* out, int base = 10) {
  auto [ptr, ec] = std::from_chars(text.data(), text.data() + text.size(), *out, base);
  return ec == std::errc() && ptr == text.data() + text.size() && !text.empty();
}

// Splits off the line starting at `*rest` (without its newline).
std::string_view NextLine(std::string_view* rest) {
  size_t newline = rest->find('\n');
  std::string_view line = rest->substr(0, newline);
  *rest = newline == std::string_view::npos ? std::string_view() : rest->substr(newline + 1);
  return line;
}

// The type name of an entry line (its first field).
std::string_view LineType(std::string_view line) {
  return line.substr(0, line.find(' '));
}

ErrorOr<std::string> ReadWholeFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    return Error{"cannot read " + path};
  }
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

}  // namespace

ResourceTypeRegistry::~ResourceTypeRegistry() = default;

ErrorOr<std::unique_ptr<ResourceTypeRegistry>> ResourceTypeRegistry::FromData(
    std::string_view index, std::string_view blob) {
  CFNX_ASSIGN_OR_RETURN(std::unique_ptr<ResourceTypeRegistry> registry,
                        FromVerifiedData(index, blob));
  CFNX_RETURN_IF_ERROR(registry->VerifyEntries());
  return registry;
}

ErrorOr<std::unique_ptr<ResourceTypeRegistry>> ResourceTypeRegistry::FromVerifiedData(
    std::string_view index, std::string_view blob) {
  std::unique_ptr<ResourceTypeRegistry> registry(new ResourceTypeRegistry());
  registry->index_ = index;
  registry->blob_ = blob;
  CFNX_RETURN_IF_ERROR(registry->ParseHeader());
  return registry;
}

ErrorOr<std::unique_ptr<ResourceTypeRegistry>> ResourceTypeRegistry::FromDirectory(
    const std::string& dir) {
  CFNX_ASSIGN_OR_RETURN(std::string index,
                        ReadWholeFile(dir + "/" + std::string(kRegistryIndexFile)));
  CFNX_ASSIGN_OR_RETURN(std::string blob,
                        ReadWholeFile(dir + "/" + std::string(kRegistryBlobFile)));
  std::unique_ptr<ResourceTypeRegistry> registry(new ResourceTypeRegistry());
  registry->owned_index_ = std::move(index);
  registry->owned_blob_ = std::move(blob);
  registry->index_ = registry->owned_index_;
  registry->blob_ = registry->owned_blob_;
  Status status = registry->ParseHeader();
  if (status.ok()) {
    status = registry->VerifyEntries();
  }
  if (!status.ok()) {
    return Error{dir + ": " + status.error().message};
  }
  return registry;
}

Status ResourceTypeRegistry::ParseHeader() {
  std::string_view rest = index_;
  if (rest.empty()) {
    return Error{"schema registry index is empty"};
  }
  auto bad = [](int line_number, const std::string& why) {
    return Error{"schema registry index line " + std::to_string(line_number) + ": " + why};
  };
  if (NextLine(&rest) != "cfnx-schemas 1") {
    return bad(1, "not a cfnx schema registry (expected \"cfnx-schemas 1\")");
  }
  if (rest.empty()) {
    return Error{"schema registry index is empty"};
  }
  std::string_view line = NextLine(&rest);
  if (NextField(&line) != "regions") {
    return bad(2, "expected the regions line");
  }
  while (!line.empty()) {
    regions_.emplace_back(NextField(&line));
  }
  if (regions_.size() > 64) {
    return bad(2, "more than 64 regions");
  }
  entries_ = rest;
  return Status();
}

Status ResourceTypeRegistry::VerifyEntries() const {
  std::string_view rest = entries_;
  int line_number = 2;
  std::string_view previous;
  auto bad = [&](const std::string& why) {
    return Error{"schema registry index line " + std::to_string(line_number) + ": " + why};
  };
  while (!rest.empty()) {
    std::string_view line = NextLine(&rest);
    ++line_number;
    if (line.empty()) {
      continue;
    }
    Variant v;
    if (!ParseEntry(line, &v)) {
      return bad("expected \"TYPE OFFSET LENGTH REGIONS\"");
    }
    if (!InBlob(v)) {
      return bad("entry for " + std::string(v.type) + " points past the end of the data");
    }
    if (v.type < previous) {
      return bad("entries are not sorted by type name");
    }
    previous = v.type;
  }
  return Status();
}

bool ResourceTypeRegistry::ParseEntry(std::string_view line, Variant* v) {
  v->type = NextField(&line);
  return ParseNumber(NextField(&line), &v->offset) && ParseNumber(NextField(&line), &v->length) &&
         ParseNumber(NextField(&line), &v->regions, 16) && line.empty();
}

bool ResourceTypeRegistry::InBlob(const Variant& v) const {
  return static_cast<uint64_t>(v.offset) + v.length <= blob_.size();
}

const std::vector<ResourceTypeRegistry::Variant>& ResourceTypeRegistry::VariantsOf(
    std::string_view type) const {
  static const std::vector<Variant> kNone;
  std::lock_guard<std::mutex> lock(mutex_);
  auto it = variants_.find(type);
  if (it == variants_.end()) {
    std::vector<Variant> found = LookUpVariants(type);
    // Only types the registry has are remembered, so the memo is never larger than the index
    // however many unknown names templates use.
    if (found.empty())
      return kNone;
    it = variants_.emplace(std::string(type), std::move(found)).first;
  }
  return it->second;
}

std::vector<ResourceTypeRegistry::Variant> ResourceTypeRegistry::LookUpVariants(
    std::string_view type) const {
  // Binary search for the first line whose type is not less than `type`. `lo` and `hi` are
  // line starts; the answer lies in [lo, hi].
  size_t lo = 0;
  size_t hi = entries_.size();
  while (lo < hi) {
    size_t start = lo + (hi - lo) / 2;
    while (start > lo && entries_[start - 1] != '\n') {
      --start;
    }
    size_t end = std::min(entries_.find('\n', start), entries_.size());
    if (LineType(entries_.substr(start, end - start)) < type) {
      lo = std::min(end + 1, entries_.size());
    } else {
      hi = start;
    }
  }
  std::vector<Variant> variants;
  std::string_view rest = entries_.substr(lo);
  while (!rest.empty()) {
    std::string_view line = NextLine(&rest);
    if (LineType(line) != type) {
      break;
    }
    Variant v;
    if (ParseEntry(line, &v) && InBlob(v)) {
      variants.push_back(v);
    }
  }
  return variants;
}

int ResourceTypeRegistry::RegionBit(std::string_view region) const {
  for (size_t i = 0; i < regions_.size(); ++i) {
    if (regions_[i] == region) {
      return static_cast<int>(i);
    }
  }
  return -1;
}

bool ResourceTypeRegistry::Contains(std::string_view type) const {
  return !VariantsOf(type).empty();
}

bool ResourceTypeRegistry::KnowsRegion(std::string_view region) const {
  return RegionBit(region) >= 0;
}

bool ResourceTypeRegistry::AvailableIn(std::string_view type, std::string_view region) const {
  const std::vector<Variant>& variants = VariantsOf(type);
  if (variants.empty()) {
    return false;
  }
  int bit = RegionBit(region);
  if (bit < 0) {
    return true;
  }
  for (const Variant& v : variants) {
    if (v.regions & (uint64_t{1} << bit)) {
      return true;
    }
  }
  return false;
}

const ResourceType* ResourceTypeRegistry::Find(std::string_view type,
                                               std::string_view region) const {
  const std::vector<Variant>& variants = VariantsOf(type);
  if (variants.empty()) {
    return nullptr;
  }
  // The region's own variant when there is one, else the one available in most regions.
  const Variant* chosen = &variants[0];
  int bit = RegionBit(region);
  for (const Variant& v : variants) {
    if (bit >= 0 && (v.regions & (uint64_t{1} << bit))) {
      chosen = &v;
      break;
    }
    if (__builtin_popcountll(v.regions) > __builtin_popcountll(chosen->regions)) {
      chosen = &v;
    }
  }
  std::lock_guard<std::mutex> lock(mutex_);
  auto it = parsed_.find(chosen->offset);
  if (it != parsed_.end()) {
    return it->second.get();
  }
  std::string error;
  std::unique_ptr<ResourceType> parsed =
      ResourceType::Parse(blob_.substr(chosen->offset, chosen->length), &error);
  const ResourceType* result = parsed.get();
  parsed_.emplace(chosen->offset, std::move(parsed));
  return result;
}

std::vector<std::string_view> ResourceTypeRegistry::TypeNames() const {
  std::vector<std::string_view> names;
  std::string_view rest = entries_;
  while (!rest.empty()) {
    std::string_view line = NextLine(&rest);
    Variant v;
    if (!line.empty() && ParseEntry(line, &v) && InBlob(v) &&
        (names.empty() || names.back() != v.type)) {
      names.push_back(v.type);
    }
  }
  return names;
}

size_t ResourceTypeRegistry::parsed_count() const {
  std::lock_guard<std::mutex> lock(mutex_);
  return parsed_.size();
}

}  // namespace cfnx
