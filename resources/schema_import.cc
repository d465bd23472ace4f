// Copyright 2026 The cfnx Authors.
// SPDX-License-Identifier: Apache-2.0

#include "resources/schema_import.h"

#include <algorithm>
#include <cstdio>
#include <fcntl.h>
#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <sstream>
#include <unistd.h>

#include "resources/registry.h"
#include "resources/zip_reader.h"

namespace cfnx {
namespace {

namespace fs = std::filesystem;
using Json = nlohmann::json;

// Keywords that only document a schema; everything else is kept.
const std::set<std::string, std::less<>>& DroppedKeywords() {
  static const std::set<std::string, std::less<>> kDropped = {
      "$comment",
      "$id",
      "$schema",
      "description",
      "documentationUrl",
      "examples",
      "handlers",
      "markdownDescription",
      "nonPublicDefinitions",
      "nonPublicProperties",
      "propertyTransform",
      "relationshipRef",
      "resourceLink",
      "sourceUrl",
      "taggable",
      "title",
      "typeConfiguration",
  };
  return kDropped;
}

bool IsNameMapKeyword(std::string_view key) {
  return key == "properties" || key == "definitions" || key == "patternProperties" ||
         key == "dependentSchemas";
}

bool IsSubschemaKeyword(std::string_view key) {
  return key == "items" || key == "additionalProperties" || key == "additionalItems" ||
         key == "not" || key == "if" || key == "then" || key == "else" || key == "contains" ||
         key == "propertyNames";
}

bool IsSchemaListKeyword(std::string_view key) {
  return key == "oneOf" || key == "anyOf" || key == "allOf" || key == "prefixItems";
}

ErrorOr<std::string> ReadWholeFile(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    return Error{"cannot read " + path.string()};
  }
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

bool IsRegionName(std::string_view name) {
  // us-east-1, us-gov-west-1, cn-north-1, eu-central-2 ...
  size_t dash = name.rfind('-');
  if (dash == std::string_view::npos || dash == 0 || dash + 1 == name.size()) {
    return false;
  }
  for (char c : name.substr(dash + 1)) {
    if (c < '0' || c > '9') {
      return false;
    }
  }
  for (char c : name.substr(0, dash)) {
    if (!((c >= 'a' && c <= 'z') || c == '-')) {
      return false;
    }
  }
  return name.substr(0, dash).find('-') != std::string_view::npos;
}

bool EndsWith(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}

// Collects compacted documents: type -> compact JSON text -> bitset of regions.
class Collector {
 public:
  // Adds one document read from `origin`; `region` is an index into regions or -1.
  Status Add(std::string_view text, const std::string& origin, int region) {
    Json doc = Json::parse(text, nullptr, /*allow_exceptions=*/false);
    if (!doc.is_object()) {
      return Error{origin + ": not a resource provider schema (not a JSON object)"};
    }
    auto name = doc.find("typeName");
    if (name == doc.end() || !name->is_string() || !ValidTypeName(name->get<std::string>())) {
      return Error{origin + ": not a resource provider schema (no valid typeName)"};
    }
    auto props = doc.find("properties");
    if (props != doc.end() && !props->is_object()) {
      return Error{origin + ": not a resource provider schema (properties is not an object)"};
    }
    std::string compact =
        CompactProviderSchema(doc).dump(-1, ' ', false, Json::error_handler_t::replace);
    uint64_t& bits = types_[name->get<std::string>()][compact];
    if (region >= 0) {
      bits |= uint64_t{1} << region;
    }
    return Status();
  }

  size_t type_count() const { return types_.size(); }

  RegistryFiles Write(const std::vector<std::string>& regions) const {
    RegistryFiles files;
    files.index = "cfnx-schemas 1\nregions";
    for (const std::string& r : regions) {
      files.index += " " + r;
    }
    files.index += "\n";
    for (const auto& [type, variants] : types_) {
      for (const auto& [text, bits] : variants) {
        char hex[17];
        std::snprintf(hex, sizeof(hex), "%llx", static_cast<unsigned long long>(bits));
        files.index += type + " " + std::to_string(files.blob.size()) + " " +
                       std::to_string(text.size()) + " " + hex + "\n";
        files.blob += text;
        files.blob += '\n';
        ++files.summary.variants;
      }
    }
    files.summary.types = types_.size();
    files.summary.regions = regions.size();
    files.summary.index_bytes = files.index.size();
    files.summary.blob_bytes = files.blob.size();
    return files;
  }

 private:
  static bool ValidTypeName(const std::string& name) {
    if (name.empty() || name.find(' ') != std::string::npos ||
        name.find('\n') != std::string::npos) {
      return false;
    }
    return name.find("::") != std::string::npos;
  }

  std::map<std::string, std::map<std::string, uint64_t>> types_;
};

// Adds every *.json document of a zip archive.
Status AddZip(Collector& collector, const fs::path& path, int region) {
  CFNX_ASSIGN_OR_RETURN(std::string archive, ReadWholeFile(path));
  auto entries = ReadZipArchive(archive);
  if (!entries.ok()) {
    return Error{path.string() + ": " + entries.error().message};
  }
  for (const ZipFileEntry& entry : *entries) {
    if (EndsWith(entry.name, ".json")) {
      CFNX_RETURN_IF_ERROR(collector.Add(entry.data, path.string() + ":" + entry.name, region));
    }
  }
  return Status();
}

// Adds every *.json document under `dir`, in a stable order.
Status AddDirectory(Collector& collector, const fs::path& dir, int region) {
  std::vector<fs::path> files;
  std::error_code ec;
  for (auto it = fs::recursive_directory_iterator(dir, ec); !ec && it != fs::end(it);
       it.increment(ec)) {
    if (it->is_regular_file() && it->path().extension() == ".json") {
      files.push_back(it->path());
    }
  }
  if (ec) {
    return Error{"cannot list " + dir.string() + ": " + ec.message()};
  }
  std::sort(files.begin(), files.end());
  for (const fs::path& file : files) {
    CFNX_ASSIGN_OR_RETURN(std::string text, ReadWholeFile(file));
    CFNX_RETURN_IF_ERROR(collector.Add(text, file.string(), region));
  }
  return Status();
}

// cfn-lint's layout: providers/<region>.py holds `"AWS::S3::Bucket": "<file>",` lines naming
// resources/<file>.json.
Status AddCfnLintLayout(Collector& collector, const fs::path& dir,
                        std::vector<std::string>* regions) {
  std::vector<fs::path> maps;
  for (const auto& entry : fs::directory_iterator(dir / "providers")) {
    std::string stem = entry.path().stem().string();
    if (entry.path().extension() == ".py" && stem.find("__") == std::string::npos) {
      maps.push_back(entry.path());
    }
  }
  std::sort(maps.begin(), maps.end());
  if (maps.size() > 64) {
    return Error{dir.string() + ": more than 64 regions"};
  }
  std::map<std::string, std::string> documents;  // file id -> text
  for (const fs::path& map : maps) {
    std::string region = map.stem().string();
    std::replace(region.begin(), region.end(), '_', '-');
    regions->push_back(region);
    int bit = static_cast<int>(regions->size() - 1);
    CFNX_ASSIGN_OR_RETURN(std::string text, ReadWholeFile(map));
    std::istringstream lines(text);
    std::string line;
    while (std::getline(lines, line)) {
      // `    "AWS::S3::Bucket": "0123abcd",`
      size_t q1 = line.find('"');
      size_t q2 = q1 == std::string::npos ? q1 : line.find('"', q1 + 1);
      size_t q3 = q2 == std::string::npos ? q2 : line.find('"', q2 + 1);
      size_t q4 = q3 == std::string::npos ? q3 : line.find('"', q3 + 1);
      if (q4 == std::string::npos || line.compare(q2 + 1, q3 - q2 - 1, ": ") != 0) {
        continue;
      }
      std::string file = line.substr(q3 + 1, q4 - q3 - 1);
      if (line.compare(q1 + 1, q2 - q1 - 1, "Module") == 0) {
        continue;  // cfn-lint's stand-in schema for `::MODULE` types, not a provider type
      }
      if (file.find('/') != std::string::npos || file.find("..") != std::string::npos) {
        return Error{map.string() + ": bad file name " + file};
      }
      auto it = documents.find(file);
      if (it == documents.end()) {
        auto read = ReadWholeFile(dir / "resources" / (file + ".json"));
        if (!read.ok()) {
          return Error{map.string() + ": " + read.error().message};
        }
        it = documents.emplace(file, std::move(read).value()).first;
      }
      CFNX_RETURN_IF_ERROR(collector.Add(it->second, "resources/" + file + ".json", bit));
    }
  }
  return Status();
}

// A directory of region-named subdirectories or zips, or "" members when it is not one.
std::vector<fs::path> RegionMembers(const fs::path& dir) {
  std::vector<fs::path> members;
  for (const auto& entry : fs::directory_iterator(dir)) {
    std::string name = entry.path().filename().string();
    if (entry.is_directory() && IsRegionName(name)) {
      members.push_back(entry.path());
    } else if (entry.is_regular_file() && entry.path().extension() == ".zip" &&
               IsRegionName(entry.path().stem().string())) {
      members.push_back(entry.path());
    }
  }
  std::sort(members.begin(), members.end());
  return members;
}

Status WriteFile(const fs::path& path, std::string_view data) {
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out.write(data.data(), static_cast<std::streamsize>(data.size()));
  out.close();
  if (!out) {
    return Error{"cannot write " + path.string()};
  }
  return Status();
}

}  // namespace

Json CompactProviderSchema(const Json& schema) {
  if (!schema.is_object()) {
    return schema;
  }
  Json out = Json::object();
  for (auto it = schema.begin(); it != schema.end(); ++it) {
    const std::string& key = it.key();
    const Json& value = it.value();
    if (DroppedKeywords().count(key) != 0) {
      continue;
    }
    if (IsNameMapKeyword(key) && value.is_object()) {
      Json names = Json::object();
      for (auto p = value.begin(); p != value.end(); ++p) {
        names[p.key()] = CompactProviderSchema(p.value());
      }
      out[key] = std::move(names);
    } else if ((IsSubschemaKeyword(key) || IsSchemaListKeyword(key)) && value.is_array()) {
      Json list = Json::array();
      for (const Json& item : value) {
        list.push_back(CompactProviderSchema(item));
      }
      out[key] = std::move(list);
    } else if (IsSubschemaKeyword(key)) {
      out[key] = CompactProviderSchema(value);
    } else {
      out[key] = value;
    }
  }
  return out;
}

ErrorOr<RegistryFiles> BuildRegistryFromProviderSchemas(const std::string& input) {
  fs::path path(input);
  std::error_code ec;
  if (!fs::exists(path, ec)) {
    return Error{input + ": no such file or directory"};
  }
  Collector collector;
  std::vector<std::string> regions;
  if (fs::is_regular_file(path, ec)) {
    CFNX_RETURN_IF_ERROR(AddZip(collector, path, -1));
  } else if (fs::is_directory(path / "providers", ec) && fs::is_directory(path / "resources", ec)) {
    CFNX_RETURN_IF_ERROR(AddCfnLintLayout(collector, path, &regions));
  } else if (std::vector<fs::path> members = RegionMembers(path); !members.empty()) {
    if (members.size() > 64) {
      return Error{input + ": more than 64 regions"};
    }
    for (const fs::path& member : members) {
      int bit = static_cast<int>(regions.size());
      regions.push_back(fs::is_directory(member) ? member.filename().string()
                                                 : member.stem().string());
      CFNX_RETURN_IF_ERROR(fs::is_directory(member) ? AddDirectory(collector, member, bit)
                                                    : AddZip(collector, member, bit));
    }
  } else {
    CFNX_RETURN_IF_ERROR(AddDirectory(collector, path, -1));
  }
  if (collector.type_count() == 0) {
    return Error{input + ": no resource provider schema documents found"};
  }
  return collector.Write(regions);
}

ErrorOr<SchemaImportSummary> ImportProviderSchemas(const std::string& input,
                                                   const std::string& out_dir) {
  CFNX_ASSIGN_OR_RETURN(RegistryFiles files, BuildRegistryFromProviderSchemas(input));
  // Check what was built reads back before replacing anything.
  CFNX_RETURN_IF_ERROR(ResourceTypeRegistry::FromData(files.index, files.blob));

  fs::path out = fs::absolute(fs::path(out_dir)).lexically_normal();
  if (out.filename().empty()) {
    out = out.parent_path();
  }
  std::error_code ec;
  if (fs::exists(out, ec) &&
      (!fs::is_directory(out, ec) ||
       (!fs::is_empty(out, ec) && !fs::exists(out / std::string(kRegistryIndexFile), ec)))) {
    return Error{"refusing to replace " + out.string() +
                 ": it exists and is not a cfnx schema registry"};
  }
  fs::create_directories(out.parent_path(), ec);
  if (ec) {
    return Error{"cannot create " + out.parent_path().string() + ": " + ec.message()};
  }
  fs::path tmp =
      out.parent_path() / ("." + out.filename().string() + ".tmp-" + std::to_string(::getpid()));
  fs::remove_all(tmp, ec);
  if (!fs::create_directory(tmp, ec)) {
    return Error{"cannot create " + tmp.string() + ": " + ec.message()};
  }
  Status written = WriteFile(tmp / std::string(kRegistryIndexFile), files.index);
  if (written.ok()) {
    written = WriteFile(tmp / std::string(kRegistryBlobFile), files.blob);
  }
  if (!written.ok()) {
    fs::remove_all(tmp, ec);
    return written.error();
  }
  if (fs::exists(out, ec)) {
    // Swap atomically, then drop the old registry (now in tmp).
    if (::renameat2(AT_FDCWD, tmp.c_str(), AT_FDCWD, out.c_str(), RENAME_EXCHANGE) != 0) {
      fs::remove_all(tmp, ec);
      return Error{"cannot replace " + out.string()};
    }
  } else if (std::rename(tmp.c_str(), out.c_str()) != 0) {
    fs::remove_all(tmp, ec);
    return Error{"cannot create " + out.string()};
  }
  fs::remove_all(tmp, ec);
  return files.summary;
}

}  // namespace cfnx
