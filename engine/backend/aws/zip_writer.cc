// Copyright 2026 The cfnx Authors.
// SPDX-License-Identifier: Apache-2.0

#include "engine/backend/aws/zip_writer.h"

#include <algorithm>
#include <cstdint>
#include <limits>
#include <zlib.h>

namespace cfnx {
namespace {

constexpr uint16_t kVersionNeeded = 20;                 // 2.0: deflate
constexpr uint16_t kVersionMadeBy = (3 << 8) | 20;      // Unix, 2.0
constexpr uint16_t kDosDate = (0 << 9) | (1 << 5) | 1;  // 1980-01-01
constexpr uint16_t kDosTime = 0;                        // 00:00:00
constexpr uint16_t kFlagUtf8 = 1 << 11;
constexpr uint16_t kMethodDeflate = 8;

void Put16(std::string& out, uint16_t v) {
  out.push_back(static_cast<char>(v & 0xff));
  out.push_back(static_cast<char>(v >> 8));
}

void Put32(std::string& out, uint32_t v) {
  Put16(out, static_cast<uint16_t>(v & 0xffff));
  Put16(out, static_cast<uint16_t>(v >> 16));
}

ErrorOr<std::string> Deflate(const std::string& data, const std::string& name) {
  z_stream z{};
  if (deflateInit2(&z, Z_DEFAULT_COMPRESSION, Z_DEFLATED, -15, 8, Z_DEFAULT_STRATEGY) != Z_OK) {
    return Error{"zlib: cannot start compressing " + name};
  }
  std::string out(deflateBound(&z, static_cast<uLong>(data.size())), '\0');
  z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(data.data()));
  z.avail_in = static_cast<uInt>(data.size());
  z.next_out = reinterpret_cast<Bytef*>(out.data());
  z.avail_out = static_cast<uInt>(out.size());
  int rc = deflate(&z, Z_FINISH);
  size_t written = z.total_out;
  deflateEnd(&z);
  if (rc != Z_STREAM_END) {
    return Error{"zlib: cannot compress " + name};
  }
  out.resize(written);
  return out;
}

bool IsAscii(const std::string& s) {
  return std::all_of(s.begin(), s.end(),
                     [](char c) { return static_cast<unsigned char>(c) < 0x80; });
}

}  // namespace

ErrorOr<std::string> WriteZip(std::vector<ZipEntry> entries) {
  constexpr uint64_t kMax32 = std::numeric_limits<uint32_t>::max();
  if (entries.size() > 0xffff) {
    return Error{"a zip archive without zip64 holds at most 65,535 files; this one has " +
                 std::to_string(entries.size())};
  }
  std::sort(entries.begin(), entries.end(),
            [](const ZipEntry& a, const ZipEntry& b) { return a.name < b.name; });
  std::string out;
  std::string central;
  for (const ZipEntry& e : entries) {
    if (e.name.empty() || e.name.size() > 0xffff || e.data.size() > kMax32) {
      return Error{"cannot put '" + e.name + "' in a zip archive (empty or over-long name, or " +
                   "over 4 GiB)"};
    }
    ErrorOr<std::string> packed = Deflate(e.data, e.name);
    if (!packed.ok()) {
      return packed.error();
    }
    uint32_t crc = static_cast<uint32_t>(
        crc32(0L, reinterpret_cast<const Bytef*>(e.data.data()), static_cast<uInt>(e.data.size())));
    uint16_t flags = IsAscii(e.name) ? 0 : kFlagUtf8;
    uint64_t offset = out.size();
    if (offset > kMax32) {
      return Error{"the zip archive would be over 4 GiB"};
    }
    Put32(out, 0x04034b50);
    Put16(out, kVersionNeeded);
    Put16(out, flags);
    Put16(out, kMethodDeflate);
    Put16(out, kDosTime);
    Put16(out, kDosDate);
    Put32(out, crc);
    Put32(out, static_cast<uint32_t>(packed->size()));
    Put32(out, static_cast<uint32_t>(e.data.size()));
    Put16(out, static_cast<uint16_t>(e.name.size()));
    Put16(out, 0);  // extra field length
    out += e.name;
    out += *packed;

    uint32_t mode = 0100000 | (e.executable ? 0755 : 0644);
    Put32(central, 0x02014b50);
    Put16(central, kVersionMadeBy);
    Put16(central, kVersionNeeded);
    Put16(central, flags);
    Put16(central, kMethodDeflate);
    Put16(central, kDosTime);
    Put16(central, kDosDate);
    Put32(central, crc);
    Put32(central, static_cast<uint32_t>(packed->size()));
    Put32(central, static_cast<uint32_t>(e.data.size()));
    Put16(central, static_cast<uint16_t>(e.name.size()));
    Put16(central, 0);  // extra field length
    Put16(central, 0);  // comment length
    Put16(central, 0);  // disk number
    Put16(central, 0);  // internal attributes
    Put32(central, mode << 16);
    Put32(central, static_cast<uint32_t>(offset));
    central += e.name;
  }
  uint64_t central_offset = out.size();
  if (central_offset + central.size() > kMax32) {
    return Error{"the zip archive would be over 4 GiB"};
  }
  out += central;
  Put32(out, 0x06054b50);
  Put16(out, 0);  // this disk
  Put16(out, 0);  // disk with the central directory
  Put16(out, static_cast<uint16_t>(entries.size()));
  Put16(out, static_cast<uint16_t>(entries.size()));
  Put32(out, static_cast<uint32_t>(central.size()));
  Put32(out, static_cast<uint32_t>(central_offset));
  Put16(out, 0);  // comment length
  return out;
}

}  // namespace cfnx
