// Copyright 2026 The cfnx Authors.
// SPDX-License-Identifier: Apache-2.0
//
// A small reader for the zip archives AWS publishes its resource provider schemas in
// (CloudformationSchema.zip): it lists the archive's files and inflates them with zlib.
// Supports stored and deflated entries without encryption or zip64, which is what those
// archives use; anything else is an Error naming the entry, never a crash.

#ifndef CFNX_RESOURCES_ZIP_READER_H_
#define CFNX_RESOURCES_ZIP_READER_H_

#include <string>
#include <string_view>
#include <vector>

#include "cfnx/error_or.h"

namespace cfnx {

struct ZipFileEntry {
  std::string name;  // path inside the archive
  std::string data;  // uncompressed contents
};

// Every regular file in the zip archive held in `archive` (directories are skipped).
ErrorOr<std::vector<ZipFileEntry>> ReadZipArchive(std::string_view archive);

}  // namespace cfnx

#endif  // CFNX_RESOURCES_ZIP_READER_H_
