// Copyright 2026 The cfnx Authors.
// SPDX-License-Identifier: Apache-2.0
//
// The resource type registry: every CloudFormation resource type cfnx knows, compacted from
// AWS's resource provider schemas (see schemas/README.md), with the regions each type exists in.
//
// A registry is two byte buffers, written by `ImportProviderSchemas` (resources/schema_import.h):
//
//   index.txt        "cfnx-schemas 1\n"
//                    "regions af-south-1 ap-east-1 ... us-west-2\n"
//                    one line per schema variant, sorted by type name:
//                    "AWS::S3::Bucket <offset> <length> <hex bitset of regions>\n"
//   resources.jsonl  the compact JSON documents the index points into (one per line)
//
// A type whose schema differs between regions has one index line per variant; the bitsets of a
// type's variants are disjoint. Creating a registry reads only the index's first two lines;
// lookups binary-search the sorted index text, decoding only the lines of the type asked for.
// A type's JSON is parsed the first time `Find` asks for it and cached, so a run pays only for
// the types its templates use. The embedded registry lives in the cfnx binary (see
// resources/embedded_schemas.h); a user's registry is a directory holding the two files.
//
// Thread-safe: `Find` may be called concurrently.

#ifndef CFNX_RESOURCES_REGISTRY_H_
#define CFNX_RESOURCES_REGISTRY_H_

#include <cstdint>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <vector>

#include "cfnx/error_or.h"
#include "resources/resource_type.h"

namespace cfnx {

// File names inside a registry directory.
inline constexpr std::string_view kRegistryIndexFile = "index.txt";
inline constexpr std::string_view kRegistryBlobFile = "resources.jsonl";

class ResourceTypeRegistry {
 public:
  // A registry over `index` and `blob`, which must outlive it (embedded data does). Error when
  // the index is malformed or points outside the blob (every line is checked).
  static ErrorOr<std::unique_ptr<ResourceTypeRegistry>> FromData(std::string_view index,
                                                                 std::string_view blob);
  // The same over data `FromData` accepted before (the embedded registry: resources_tests
  // check it), without reading the whole index: only its header and regions lines are
  // checked, so creating it costs almost nothing. A line that does not parse anyway is
  // treated as absent.
  static ErrorOr<std::unique_ptr<ResourceTypeRegistry>> FromVerifiedData(std::string_view index,
                                                                         std::string_view blob);
  // Reads a registry directory (index.txt + resources.jsonl); the registry owns the bytes.
  static ErrorOr<std::unique_ptr<ResourceTypeRegistry>> FromDirectory(const std::string& dir);

  ResourceTypeRegistry(const ResourceTypeRegistry&) = delete;
  ResourceTypeRegistry& operator=(const ResourceTypeRegistry&) = delete;
  ~ResourceTypeRegistry();

  // Whether `type` exists in any region.
  bool Contains(std::string_view type) const;
  // Whether `type` exists in `region`. True for every known type when `region` is not one of
  // the registry's regions (nothing to say about it) or the registry has no region data.
  bool AvailableIn(std::string_view type, std::string_view region) const;
  // Whether `region` is one the registry has data for.
  bool KnowsRegion(std::string_view region) const;

  // The schema of `type` as it is in `region` (any region when "" or unknown); nullptr when the
  // type is unknown or its document does not parse. Parsed on first use, then cached.
  const ResourceType* Find(std::string_view type, std::string_view region = "") const;

  // Every type name, sorted (views into the index). Reads the whole index.
  std::vector<std::string_view> TypeNames() const;
  const std::vector<std::string>& regions() const { return regions_; }
  size_t index_bytes() const { return index_.size(); }
  size_t blob_bytes() const { return blob_.size(); }
  // How many schema documents have been parsed so far (each on its first Find).
  size_t parsed_count() const;

 private:
  struct Variant {
    std::string_view type;
    uint32_t offset = 0;
    uint32_t length = 0;
    uint64_t regions = 0;
  };

  ResourceTypeRegistry() = default;
  // Reads the header and regions lines; `entries_` is the rest of the index.
  Status ParseHeader();
  // Checks every entry line: format, bounds, order.
  Status VerifyEntries() const;
  // Reads an entry line; false if it is not "TYPE OFFSET LENGTH REGIONS".
  static bool ParseEntry(std::string_view line, Variant* v);
  bool InBlob(const Variant& v) const;
  // The variants of `type`, in index order (found by binary search over `entries_`).
  std::vector<Variant> LookUpVariants(std::string_view type) const;
  // The same, remembered: checks ask for the same few types again and again.
  const std::vector<Variant>& VariantsOf(std::string_view type) const;
  int RegionBit(std::string_view region) const;

  std::string owned_index_;
  std::string owned_blob_;
  std::string_view index_;
  std::string_view blob_;
  std::vector<std::string> regions_;
  // The entry lines of the index ("TYPE OFFSET LENGTH REGIONS\n"...), sorted by type.
  std::string_view entries_;

  mutable std::mutex mutex_;
  // VariantsOf's answers for known types. Entries are never removed: references stay valid.
  mutable std::map<std::string, std::vector<Variant>, std::less<>> variants_;
  // Parsed types by blob offset; nullptr entries remember documents that failed to parse.
  mutable std::map<uint32_t, std::unique_ptr<ResourceType>> parsed_;
};

}  // namespace cfnx

#endif  // CFNX_RESOURCES_REGISTRY_H_
