// Copyright 2026 The cfnx Authors.
// SPDX-License-Identifier: Apache-2.0
//
// The registry generator: reads AWS resource provider schemas and writes a cfnx schema registry
// (index.txt + resources.jsonl, see resources/registry.h). `cfnx schemas import PATH` and
// scripts/update-schemas.sh (which regenerates the committed schemas/cfn/) both call it.
//
// Accepted inputs:
//   * a zip archive of provider schema documents (AWS's CloudformationSchema.zip for a region);
//   * a directory of such documents (*.json, searched recursively);
//   * a directory of per-region inputs: subdirectories or zips named after regions
//     ("us-east-1/", "eu-west-1.zip"); types then carry the regions they were found in;
//   * cfn-lint's layout (a directory with providers/<region>.py maps of type name to file and
//     resources/<file>.json), e.g. site-packages/cfnlint/data/schemas.
// Without region information every type is taken to exist everywhere.
//
// Each document is compacted: documentation (description, examples, handlers, source and
// documentation URLs, ...) is dropped; everything validation and planning use is kept.
// Writing is atomic: the registry is built in a temporary sibling directory and swapped in
// only once complete, so bad or partial input leaves the previous registry untouched.

#ifndef CFNX_RESOURCES_SCHEMA_IMPORT_H_
#define CFNX_RESOURCES_SCHEMA_IMPORT_H_

#include <string>

#include <nlohmann/json.hpp>

#include "cfnx/error_or.h"

namespace cfnx {

struct SchemaImportSummary {
  size_t types = 0;     // distinct type names
  size_t variants = 0;  // distinct (type, document) pairs
  size_t regions = 0;
  size_t index_bytes = 0;
  size_t blob_bytes = 0;
};

// The two files of a registry, in memory.
struct RegistryFiles {
  std::string index;
  std::string blob;
  SchemaImportSummary summary;
};

// Reads `input` (see above) and builds the registry files. An Error names the first file that
// is not a provider schema document, or says that no document was found.
ErrorOr<RegistryFiles> BuildRegistryFromProviderSchemas(const std::string& input);

// BuildRegistryFromProviderSchemas, then writes the files into `out_dir` atomically (creating
// its parent directories). On error nothing under `out_dir` changes.
ErrorOr<SchemaImportSummary> ImportProviderSchemas(const std::string& input,
                                                   const std::string& out_dir);

// Drops documentation keywords from a provider schema, keeping its structure (exposed for
// tests). Property names such as "Description" are kept: only schema keywords are dropped.
nlohmann::json CompactProviderSchema(const nlohmann::json& schema);

}  // namespace cfnx

#endif  // CFNX_RESOURCES_SCHEMA_IMPORT_H_
