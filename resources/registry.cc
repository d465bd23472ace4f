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
  std::unique_ptr<ResourceTypeRegistry> registry(new ResourceTypeRegistry());
  registry->index_ = index;
  registry->blob_ = blob;
  CFNX_RETURN_IF_ERROR(registry->ParseIndex());
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
  Status status = registry->ParseIndex();
  if (!status.ok()) {
    return Error{dir + ": " + status.error().message};
  }
  return registry;
}

Status ResourceTypeRegistry::ParseIndex() {
  std::string_view rest = index_;
  int line_number = 0;
  auto bad = [&](const std::string& why) {
    return Error{"schema registry index line " + std::to_string(line_number) + ": " + why};
  };
  while (!rest.empty()) {
    size_t newline = rest.find('\n');
    std::string_view line = rest.substr(0, newline);
    rest = newline == std::string_view::npos ? std::string_view() : rest.substr(newline + 1);
    ++line_number;
    if (line_number == 1) {
      if (line != "cfnx-schemas 1") {
        return bad("not a cfnx schema registry (expected \"cfnx-schemas 1\")");
      }
      continue;
    }
    if (line_number == 2) {
      if (NextField(&line) != "regions") {
        return bad("expected the regions line");
      }
      while (!line.empty()) {
        regions_.emplace_back(NextField(&line));
      }
      if (regions_.size() > 64) {
        return bad("more than 64 regions");
      }
      continue;
    }
    if (line.empty()) {
      continue;
    }
    Variant v;
    v.type = NextField(&line);
    if (!ParseNumber(NextField(&line), &v.offset) || !ParseNumber(NextField(&line), &v.length) ||
        !ParseNumber(NextField(&line), &v.regions, 16) || !line.empty()) {
      return bad("expected \"TYPE OFFSET LENGTH REGIONS\"");
    }
    if (static_cast<uint64_t>(v.offset) + v.length > blob_.size()) {
      return bad("entry for " + std::string(v.type) + " points past the end of the data");
    }
    if (!variants_.empty() && v.type < variants_.back().type) {
      return bad("entries are not sorted by type name");
    }
    variants_.push_back(v);
  }
  if (line_number < 2) {
    return Error{"schema registry index is empty"};
  }
  return Status();
}

std::pair<size_t, size_t> ResourceTypeRegistry::VariantRange(std::string_view type) const {
  auto lo = std::lower_bound(variants_.begin(), variants_.end(), type,
                             [](const Variant& v, std::string_view t) { return v.type < t; });
  auto hi = lo;
  while (hi != variants_.end() && hi->type == type) {
    ++hi;
  }
  return {static_cast<size_t>(lo - variants_.begin()), static_cast<size_t>(hi - variants_.begin())};
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
  auto [lo, hi] = VariantRange(type);
  return lo != hi;
}

bool ResourceTypeRegistry::KnowsRegion(std::string_view region) const {
  return RegionBit(region) >= 0;
}

bool ResourceTypeRegistry::AvailableIn(std::string_view type, std::string_view region) const {
  auto [lo, hi] = VariantRange(type);
  if (lo == hi) {
    return false;
  }
  int bit = RegionBit(region);
  if (bit < 0) {
    return true;
  }
  for (size_t i = lo; i < hi; ++i) {
    if (variants_[i].regions & (uint64_t{1} << bit)) {
      return true;
    }
  }
  return false;
}

const ResourceType* ResourceTypeRegistry::Find(std::string_view type,
                                               std::string_view region) const {
  auto [lo, hi] = VariantRange(type);
  if (lo == hi) {
    return nullptr;
  }
  // The region's own variant when there is one, else the one available in most regions.
  const Variant* chosen = &variants_[lo];
  int bit = RegionBit(region);
  for (size_t i = lo; i < hi; ++i) {
    const Variant& v = variants_[i];
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
  for (const Variant& v : variants_) {
    if (names.empty() || names.back() != v.type) {
      names.push_back(v.type);
    }
  }
  return names;
}

}  // namespace cfnx
