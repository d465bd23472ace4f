// Copyright 2026 The cfnx Authors.
// SPDX-License-Identifier: Apache-2.0
//
// Deterministic zip archives for the artifacts cfnx packages (a function's `CodeUri: ./src`, a
// layer's ContentUri), over zlib. The same files give the same bytes on every machine and run,
// so the archive's SHA-256 names its S3 object and an unchanged artifact is never uploaded
// twice: entries sorted by name, every timestamp 1980-01-01 00:00, permissions normalized to
// 0644 (0755 when any execute bit is set, as Lambda needs for executables), no directory
// entries, no extra fields, deflate at zlib's default level. No zip64: more than 65,535
// entries or 4 GiB is an Error.
//
//   std::vector<ZipEntry> entries = {{"app.py", "def handler(e, c): ...", false}};
//   ErrorOr<std::string> zip = WriteZip(entries);

#ifndef CFNX_ENGINE_BACKEND_AWS_ZIP_WRITER_H_
#define CFNX_ENGINE_BACKEND_AWS_ZIP_WRITER_H_

#include <string>
#include <vector>

#include "cfnx/error_or.h"

namespace cfnx {

struct ZipEntry {
  std::string name;  // relative, '/'-separated
  std::string data;
  bool executable = false;
};

// The archive of `entries` (in name order, whatever order they are given in).
ErrorOr<std::string> WriteZip(std::vector<ZipEntry> entries);

}  // namespace cfnx

#endif  // CFNX_ENGINE_BACKEND_AWS_ZIP_WRITER_H_
