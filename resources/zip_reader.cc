// Copyright 2026 The cfnx Authors.
// SPDX-License-Identifier: Apache-2.0

#include "resources/zip_reader.h"

#include <cstdint>
#include <zlib.h>

namespace cfnx {
namespace {

// Zip format: https://pkware.cachefly.net/webdocs/casestudies/APPNOTE.TXT
constexpr uint32_t kEndOfCentralDirectory = 0x06054b50;
constexpr uint32_t kCentralDirectoryEntry = 0x02014b50;
constexpr uint32_t kLocalFileHeader = 0x04034b50;

uint32_t Read16(std::string_view data, size_t at) {
  return static_cast<uint8_t>(data[at]) | (static_cast<uint8_t>(data[at + 1]) << 8);
}
uint32_t Read32(std::string_view data, size_t at) {
  return Read16(data, at) | (Read16(data, at + 2) << 16);
}

ErrorOr<std::string> Inflate(std::string_view compressed, size_t size, const std::string& name) {
  std::string out(size, '\0');
  z_stream stream{};
  if (inflateInit2(&stream, -MAX_WBITS) != Z_OK) {
    return Error{"zip: cannot initialize zlib"};
  }
  stream.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(compressed.data()));
  stream.avail_in = static_cast<uInt>(compressed.size());
  stream.next_out = reinterpret_cast<Bytef*>(out.data());
  stream.avail_out = static_cast<uInt>(out.size());
  int rc = inflate(&stream, Z_FINISH);
  size_t produced = stream.total_out;
  inflateEnd(&stream);
  if (rc != Z_STREAM_END || produced != size) {
    return Error{"zip: entry " + name + " is corrupt"};
  }
  return out;
}

}  // namespace

ErrorOr<std::vector<ZipFileEntry>> ReadZipArchive(std::string_view archive) {
  // The end-of-central-directory record is in the last 22 + 65535 bytes.
  if (archive.size() < 22) {
    return Error{"zip: file too short to be a zip archive"};
  }
  size_t eocd = std::string_view::npos;
  size_t stop = archive.size() > 22 + 65535 ? archive.size() - 22 - 65535 : 0;
  for (size_t at = archive.size() - 22 + 1; at-- > stop;) {
    if (Read32(archive, at) == kEndOfCentralDirectory) {
      eocd = at;
      break;
    }
  }
  if (eocd == std::string_view::npos) {
    return Error{"zip: no end of central directory (not a zip archive, or truncated)"};
  }
  uint32_t count = Read16(archive, eocd + 10);
  size_t at = Read32(archive, eocd + 16);
  std::vector<ZipFileEntry> entries;
  for (uint32_t i = 0; i < count; ++i) {
    if (at + 46 > archive.size() || Read32(archive, at) != kCentralDirectoryEntry) {
      return Error{"zip: central directory is corrupt (zip64 archives are not supported)"};
    }
    uint32_t flags = Read16(archive, at + 8);
    uint32_t method = Read16(archive, at + 10);
    size_t compressed_size = Read32(archive, at + 20);
    size_t size = Read32(archive, at + 24);
    size_t name_len = Read16(archive, at + 28);
    size_t extra_len = Read16(archive, at + 30);
    size_t comment_len = Read16(archive, at + 32);
    size_t local = Read32(archive, at + 42);
    if (at + 46 + name_len > archive.size()) {
      return Error{"zip: central directory is corrupt"};
    }
    std::string name(archive.substr(at + 46, name_len));
    at += 46 + name_len + extra_len + comment_len;
    if (!name.empty() && name.back() == '/') {
      continue;
    }
    if (flags & 1) {
      return Error{"zip: entry " + name + " is encrypted"};
    }
    if (local + 30 > archive.size() || Read32(archive, local) != kLocalFileHeader) {
      return Error{"zip: entry " + name + " has no local header"};
    }
    size_t data_at = local + 30 + Read16(archive, local + 26) + Read16(archive, local + 28);
    if (data_at + compressed_size > archive.size()) {
      return Error{"zip: entry " + name + " is truncated"};
    }
    std::string_view raw = archive.substr(data_at, compressed_size);
    if (method == 0) {
      entries.push_back({std::move(name), std::string(raw)});
    } else if (method == 8) {
      CFNX_ASSIGN_OR_RETURN(std::string data, Inflate(raw, size, name));
      entries.push_back({std::move(name), std::move(data)});
    } else {
      return Error{"zip: entry " + name + " uses unsupported compression method " +
                   std::to_string(method)};
    }
  }
  return entries;
}

}  // namespace cfnx
