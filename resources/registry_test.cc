// Copyright 2026 The cfnx Authors.
// SPDX-License-Identifier: Apache-2.0

#include "resources/registry.h"

#include <filesystem>
#include <fstream>
#include <zlib.h>

#include <gtest/gtest.h>

#include "resources/embedded_schemas.h"
#include "resources/schema_import.h"
#include "resources/zip_reader.h"

namespace cfnx {
namespace {

namespace fs = std::filesystem;

const ResourceTypeRegistry& Embedded() {
  static const ResourceTypeRegistry* registry =
      ResourceTypeRegistry::FromData(EmbeddedSchemaIndex(), EmbeddedSchemaBlob()).value().release();
  return *registry;
}

TEST(RegistryTest, EmbeddedRegistryKnowsCommonTypes) {
  const ResourceTypeRegistry& registry = Embedded();
  EXPECT_GT(registry.TypeNames().size(), 1000u);
  EXPECT_TRUE(registry.Contains("AWS::S3::Bucket"));
  EXPECT_FALSE(registry.Contains("AWS::S3::Bukket"));
  EXPECT_FALSE(registry.Contains("AWS::Serverless::Function"));
  const ResourceType* bucket = registry.Find("AWS::S3::Bucket");
  ASSERT_NE(bucket, nullptr);
  EXPECT_EQ(bucket->name(), "AWS::S3::Bucket");
  EXPECT_TRUE(bucket->HasAttribute("Arn"));
  EXPECT_TRUE(bucket->HasAttribute("DomainName"));
  EXPECT_FALSE(bucket->HasAttribute("BucketName"));
  EXPECT_NE(bucket->FindProperty("BucketName"), nullptr);
  // Cached: the same object every time.
  EXPECT_EQ(registry.Find("AWS::S3::Bucket"), bucket);
}

TEST(RegistryTest, NestedReadOnlyPropertiesAreAttributes) {
  const ResourceType* db = Embedded().Find("AWS::RDS::DBInstance");
  ASSERT_NE(db, nullptr);
  EXPECT_TRUE(db->HasAttribute("Endpoint.Address"));
  EXPECT_TRUE(db->HasAttribute("Endpoint.Port"));
  EXPECT_FALSE(db->HasAttribute("Endpoint.Nope"));
  EXPECT_FALSE(db->create_only_properties().empty());
  EXPECT_EQ(db->primary_identifier(), std::vector<std::string>{"/properties/DBInstanceIdentifier"});
}

TEST(RegistryTest, RegionAvailability) {
  const ResourceTypeRegistry& registry = Embedded();
  EXPECT_TRUE(registry.KnowsRegion("us-east-1"));
  EXPECT_TRUE(registry.KnowsRegion("cn-north-1"));
  EXPECT_FALSE(registry.KnowsRegion("mars-north-1"));
  EXPECT_TRUE(registry.AvailableIn("AWS::DeviceFarm::Project", "us-west-2"));
  EXPECT_FALSE(registry.AvailableIn("AWS::DeviceFarm::Project", "us-east-1"));
  EXPECT_TRUE(registry.AvailableIn("AWS::S3::Bucket", "cn-north-1"));
  EXPECT_FALSE(registry.AvailableIn("AWS::APS::Workspace", "cn-north-1"));
  // Unknown regions: nothing to say.
  EXPECT_TRUE(registry.AvailableIn("AWS::APS::Workspace", "mars-north-1"));
  EXPECT_FALSE(registry.AvailableIn("AWS::Nope::Nope", "us-east-1"));
  // The schema can be asked for in a region the type is not in: the most common variant.
  EXPECT_NE(registry.Find("AWS::DeviceFarm::Project", "us-east-1"), nullptr);
}

// Creating the registry reads only the index: no schema document is parsed until a type is
// looked up, and then only that one. (Its speed is measured by the benchmarks, not here: a
// timed assertion fails on a loaded machine or under sanitizers.)
TEST(RegistryTest, CreatingTheEmbeddedRegistryParsesNoSchema) {
  auto registry = ResourceTypeRegistry::FromData(EmbeddedSchemaIndex(), EmbeddedSchemaBlob());
  ASSERT_TRUE(registry.ok());
  EXPECT_EQ((*registry)->parsed_count(), 0u);
  ASSERT_NE((*registry)->Find("AWS::S3::Bucket"), nullptr);
  EXPECT_EQ((*registry)->parsed_count(), 1u);
  ASSERT_NE((*registry)->Find("AWS::S3::Bucket"), nullptr);
  EXPECT_EQ((*registry)->parsed_count(), 1u);
}

TEST(RegistryTest, RejectsMalformedIndexes) {
  EXPECT_FALSE(ResourceTypeRegistry::FromData("", "").ok());
  EXPECT_FALSE(ResourceTypeRegistry::FromData("something else\nregions\n", "").ok());
  EXPECT_FALSE(
      ResourceTypeRegistry::FromData("cfnx-schemas 1\nregions\nA::B::C 0 10 1\n", "{}").ok());
  EXPECT_FALSE(ResourceTypeRegistry::FromData(
                   "cfnx-schemas 1\nregions\nB::B::B 0 2 1\nA::A::A 0 2 1\n", "{}")
                   .ok());
  auto ok = ResourceTypeRegistry::FromData("cfnx-schemas 1\nregions r-x-1\nA::B::C 0 2 1\n", "{}");
  ASSERT_TRUE(ok.ok());
  // A document that does not parse is reported as unknown, not a crash.
  EXPECT_TRUE((*ok)->Contains("A::B::C"));
  EXPECT_EQ((*ok)->Find("A::B::C"), nullptr);
}

// The registry used at run time reads the embedded index lazily (binary search over its
// text); it must answer exactly as the fully checked one, for every type and region.
TEST(RegistryTest, LazyEmbeddedRegistryAgreesWithTheCheckedOne) {
  auto lazy = ResourceTypeRegistry::FromVerifiedData(EmbeddedSchemaIndex(), EmbeddedSchemaBlob());
  ASSERT_TRUE(lazy.ok());
  const ResourceTypeRegistry& checked = Embedded();
  std::vector<std::string_view> names = checked.TypeNames();
  EXPECT_EQ((*lazy)->TypeNames(), names);
  EXPECT_EQ((*lazy)->regions(), checked.regions());
  std::vector<std::string> regions = checked.regions();
  regions.push_back("mars-north-1");
  for (std::string_view name : names) {
    ASSERT_TRUE((*lazy)->Contains(name)) << name;
    for (const std::string& region : regions) {
      EXPECT_EQ((*lazy)->AvailableIn(name, region), checked.AvailableIn(name, region))
          << name << " " << region;
    }
  }
  // Names around and between the real ones are absent.
  for (std::string_view name : {"", "A", "AWS::", "AWS::S3::Bucke", "AWS::S3::Bucketz", "ZZZ",
                                "AWS::S3::Bucket ", "Alexa::ASK::Skil"}) {
    EXPECT_FALSE((*lazy)->Contains(name)) << name;
    EXPECT_EQ((*lazy)->Find(name), nullptr) << name;
  }
  // The variant chosen per region is the same document.
  for (const char* type : {"AWS::S3::Bucket", "AWS::Lambda::Function", "AWS::EC2::Instance"}) {
    for (const std::string& region : regions) {
      const ResourceType* a = (*lazy)->Find(type, region);
      const ResourceType* b = checked.Find(type, region);
      ASSERT_NE(a, nullptr);
      ASSERT_NE(b, nullptr);
      EXPECT_EQ(a->schema(), b->schema()) << type << " " << region;
    }
  }
}

TEST(RegistryTest, LazyRegistryChecksOnlyTheHeader) {
  EXPECT_FALSE(ResourceTypeRegistry::FromVerifiedData("", "").ok());
  EXPECT_FALSE(ResourceTypeRegistry::FromVerifiedData("cfnx-schemas 1\n", "").ok());
  EXPECT_FALSE(ResourceTypeRegistry::FromVerifiedData("something else\nregions\n", "").ok());
  // A line that does not parse, or points outside the data, reads as absent.
  auto lazy = ResourceTypeRegistry::FromVerifiedData(
      "cfnx-schemas 1\nregions r-x-1\nA::A::A 0 2 1\nB::B::B zero 2 1\nC::C::C 0 10 1\n"
      "D::D::D 0 2 1",
      "{}");
  ASSERT_TRUE(lazy.ok());
  EXPECT_TRUE((*lazy)->Contains("A::A::A"));
  EXPECT_FALSE((*lazy)->Contains("B::B::B"));
  EXPECT_FALSE((*lazy)->Contains("C::C::C"));
  EXPECT_TRUE((*lazy)->Contains("D::D::D"));  // the last line needs no newline
  EXPECT_EQ((*lazy)->TypeNames(), (std::vector<std::string_view>{"A::A::A", "D::D::D"}));
  EXPECT_FALSE(ResourceTypeRegistry::FromData(
                   "cfnx-schemas 1\nregions r-x-1\nA::A::A 0 2 1\nB::B::B zero 2 1\n", "{}")
                   .ok());
}

// Types keep their `definitions` as text and parse each on first use: for every embedded
// document, what a type gives must be exactly what parsing the whole document gives.
TEST(ResourceTypeTest, LazyDefinitionsGiveTheParsedDocument) {
  std::string_view blob = EmbeddedSchemaBlob();
  size_t documents = 0;
  size_t definitions = 0;
  while (!blob.empty()) {
    size_t newline = blob.find('\n');
    std::string_view line = blob.substr(0, newline);
    blob = newline == std::string_view::npos ? std::string_view() : blob.substr(newline + 1);
    if (line.empty()) {
      continue;
    }
    ++documents;
    nlohmann::json full = nlohmann::json::parse(line);
    std::string error;
    std::unique_ptr<ResourceType> type = ResourceType::Parse(line, &error);
    ASSERT_NE(type, nullptr) << error;
    nlohmann::json defs = full.value("definitions", nlohmann::json());
    full.erase("definitions");
    ASSERT_EQ(type->schema(), full) << type->name();
    if (defs.is_object()) {
      for (auto it = defs.begin(); it != defs.end(); ++it) {
        const nlohmann::json* got = type->ResolveRef("#/definitions/" + it.key());
        ASSERT_NE(got, nullptr) << type->name() << " " << it.key();
        EXPECT_EQ(*got, it.value()) << type->name() << " " << it.key();
        ++definitions;
      }
      const nlohmann::json* all = type->ResolveRef("#/definitions");
      ASSERT_NE(all, nullptr);
      EXPECT_EQ(*all, defs);
    }
    EXPECT_EQ(type->ResolveRef("#/definitions/NoSuchDefinition"), nullptr);
  }
  EXPECT_GT(documents, 1000u);
  EXPECT_GT(definitions, 10000u);
}

TEST(ResourceTypeTest, DefinitionsInOddShapes) {
  std::string error;
  // Escaped names, nested paths, duplicate members (the last wins, as when parsing), spacing.
  auto type = ResourceType::Parse(
      R"( { "typeName" : "A::B::C", "definitions" : { "T\u0061g" : {"type":"string"},)"
      R"( "E" : {"properties": {"x": {"type": "integer", "p": "}{\"]["}}},)"
      R"( "D" : {"z": 0}, "D": {"y": 1} },)"
      R"( "properties": {"P": {"$ref": "#/definitions/Tag"}} } )",
      &error);
  ASSERT_NE(type, nullptr) << error;
  ASSERT_NE(type->ResolveRef("#/definitions/Tag"), nullptr);
  EXPECT_EQ(*type->ResolveRef("#/definitions/Tag"), nlohmann::json::parse(R"({"type":"string"})"));
  EXPECT_EQ(*type->ResolveRef("#/definitions/D"), nlohmann::json::parse(R"({"y":1})"));
  EXPECT_EQ(*type->ResolveRef("#/definitions/E/properties/x/p"), "}{\"][");
  EXPECT_EQ(type->ResolveRef("#/definitions/D/z"), nullptr);
  EXPECT_EQ(*type->ResolveRef("#/definitions/D/y"), 1);
  EXPECT_EQ(*type->ResolveRef("#/properties/P/$ref"), "#/definitions/Tag");
  EXPECT_FALSE(type->schema().contains("definitions"));
  // Not an object, no typeName, broken text: refused as before.
  EXPECT_EQ(ResourceType::Parse("[]", &error), nullptr);
  EXPECT_EQ(ResourceType::Parse(R"({"definitions": {}})", &error), nullptr);
  EXPECT_EQ(ResourceType::Parse(R"({"typeName": "A::B::C", "definitions": {"x": 1})", &error),
            nullptr);
  EXPECT_EQ(ResourceType::Parse(R"({"typeName": "A::B::C" "definitions": {}})", &error), nullptr);
  // `definitions` that is not an object is kept as it is.
  auto odd = ResourceType::Parse(R"({"typeName": "A::B::C", "definitions": 5})", &error);
  ASSERT_NE(odd, nullptr);
  EXPECT_EQ(*odd->ResolveRef("#/definitions"), 5);
}

// --- The generator ---------------------------------------------------------------------------

class ImportTest : public ::testing::Test {
 protected:
  void SetUp() override {
    root_ =
        fs::temp_directory_path() /
        ("cfnx_import_test_" + std::to_string(::testing::UnitTest::GetInstance()->random_seed()) +
         "_" + ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(root_);
    fs::create_directories(root_);
  }
  void TearDown() override { fs::remove_all(root_); }

  void Write(const fs::path& path, const std::string& text) {
    fs::create_directories(path.parent_path());
    std::ofstream(path, std::ios::binary) << text;
  }

  static std::string Doc(const std::string& type, const std::string& extra = "") {
    return R"({"typeName":")" + type +
           R"(","description":"drop me","handlers":{"create":{}},"properties":{"Description":)"
           R"({"type":"string","description":"drop me too"},"Arn":{"type":"string"}}, )"
           R"("readOnlyProperties":["/properties/Arn"])" +
           extra + "}";
  }

  fs::path root_;
};

TEST_F(ImportTest, CompactionDropsDocumentationButKeepsPropertyNames) {
  nlohmann::json schema = nlohmann::json::parse(Doc("A::B::C"));
  nlohmann::json compact = CompactProviderSchema(schema);
  EXPECT_EQ(compact.dump(),
            R"({"properties":{"Arn":{"type":"string"},"Description":{"type":"string"}},)"
            R"("readOnlyProperties":["/properties/Arn"],"typeName":"A::B::C"})");
}

TEST_F(ImportTest, DirectoryOfDocuments) {
  Write(root_ / "in" / "a-b-c.json", Doc("A::B::C"));
  Write(root_ / "in" / "sub" / "a-b-d.json", Doc("A::B::D"));
  auto summary = ImportProviderSchemas((root_ / "in").string(), (root_ / "out").string());
  ASSERT_TRUE(summary.ok()) << summary.error().message;
  EXPECT_EQ(summary->types, 2u);
  auto registry = ResourceTypeRegistry::FromDirectory((root_ / "out").string());
  ASSERT_TRUE(registry.ok()) << registry.error().message;
  EXPECT_TRUE((*registry)->Contains("A::B::D"));
  ASSERT_NE((*registry)->Find("A::B::C"), nullptr);
  EXPECT_TRUE((*registry)->Find("A::B::C")->HasAttribute("Arn"));
  // No region data: available everywhere.
  EXPECT_TRUE((*registry)->AvailableIn("A::B::C", "us-east-1"));
}

TEST_F(ImportTest, PerRegionDirectoriesGiveAvailability) {
  Write(root_ / "in" / "us-east-1" / "x.json", Doc("A::B::C"));
  Write(root_ / "in" / "us-east-1" / "y.json", Doc("A::B::D"));
  Write(root_ / "in" / "eu-west-1" / "x.json", Doc("A::B::C", R"(,"required":["Arn"])"));
  auto summary = ImportProviderSchemas((root_ / "in").string(), (root_ / "out").string());
  ASSERT_TRUE(summary.ok()) << summary.error().message;
  EXPECT_EQ(summary->regions, 2u);
  EXPECT_EQ(summary->variants, 3u);
  auto registry = ResourceTypeRegistry::FromDirectory((root_ / "out").string());
  ASSERT_TRUE(registry.ok());
  EXPECT_TRUE((*registry)->AvailableIn("A::B::D", "us-east-1"));
  EXPECT_FALSE((*registry)->AvailableIn("A::B::D", "eu-west-1"));
  // Each region gets its own variant of A::B::C.
  EXPECT_TRUE((*registry)->Find("A::B::C", "eu-west-1")->schema().contains("required"));
  EXPECT_FALSE((*registry)->Find("A::B::C", "us-east-1")->schema().contains("required"));
}

// A zip archive with stored and deflated entries, built with zlib.
std::string MakeZip(const std::vector<std::pair<std::string, std::string>>& files) {
  std::string out, central;
  auto put16 = [](std::string& s, uint32_t v) {
    s += static_cast<char>(v & 0xff);
    s += static_cast<char>((v >> 8) & 0xff);
  };
  auto put32 = [&](std::string& s, uint32_t v) {
    put16(s, v & 0xffff);
    put16(s, v >> 16);
  };
  for (size_t i = 0; i < files.size(); ++i) {
    const auto& [name, data] = files[i];
    bool use_deflate = i % 2 == 1;
    std::string body = data;
    if (use_deflate) {
      std::string buf(compressBound(data.size()) + 16, '\0');
      z_stream z{};
      deflateInit2(&z, 9, Z_DEFLATED, -MAX_WBITS, 8, Z_DEFAULT_STRATEGY);
      z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(data.data()));
      z.avail_in = static_cast<uInt>(data.size());
      z.next_out = reinterpret_cast<Bytef*>(buf.data());
      z.avail_out = static_cast<uInt>(buf.size());
      deflate(&z, Z_FINISH);
      buf.resize(z.total_out);
      deflateEnd(&z);
      body = buf;
    }
    uint32_t crc =
        crc32(0, reinterpret_cast<const Bytef*>(data.data()), static_cast<uInt>(data.size()));
    uint32_t offset = static_cast<uint32_t>(out.size());
    put32(out, 0x04034b50);
    put16(out, 20), put16(out, 0), put16(out, use_deflate ? 8 : 0), put16(out, 0), put16(out, 0);
    put32(out, crc), put32(out, body.size()), put32(out, data.size());
    put16(out, name.size()), put16(out, 0);
    out += name + body;
    put32(central, 0x02014b50);
    put16(central, 20), put16(central, 20), put16(central, 0), put16(central, use_deflate ? 8 : 0);
    put16(central, 0), put16(central, 0);
    put32(central, crc), put32(central, body.size()), put32(central, data.size());
    put16(central, name.size()), put16(central, 0), put16(central, 0), put16(central, 0),
        put16(central, 0);
    put32(central, 0), put32(central, offset);
    central += name;
  }
  uint32_t central_at = static_cast<uint32_t>(out.size());
  out += central;
  put32(out, 0x06054b50);
  put16(out, 0), put16(out, 0), put16(out, files.size()), put16(out, files.size());
  put32(out, central.size()), put32(out, central_at), put16(out, 0);
  return out;
}

TEST_F(ImportTest, ZipArchive) {
  Write(root_ / "schemas.zip",
        MakeZip({{"a-b-c.json", Doc("A::B::C")}, {"a-b-d.json", Doc("A::B::D")}, {"README", "x"}}));
  auto summary = ImportProviderSchemas((root_ / "schemas.zip").string(), (root_ / "out").string());
  ASSERT_TRUE(summary.ok()) << summary.error().message;
  EXPECT_EQ(summary->types, 2u);
}

TEST_F(ImportTest, CorruptZipIsAnErrorNotACrash) {
  std::string zip = MakeZip({{"a-b-c.json", Doc("A::B::C")}, {"a-b-d.json", Doc("A::B::D")}});
  EXPECT_FALSE(ReadZipArchive(zip.substr(0, zip.size() / 2)).ok());
  EXPECT_FALSE(ReadZipArchive("not a zip at all, just some text that is long enough").ok());
  std::string broken = zip;
  broken[60] ^= 0x55;  // inside the deflated stream or the stored body
  auto read = ReadZipArchive(broken);
  (void)read;  // must not crash; stored entries are not checksummed by this reader
}

TEST_F(ImportTest, BadInputLeavesTheOldRegistryUntouched) {
  Write(root_ / "good" / "a.json", Doc("A::B::C"));
  ASSERT_TRUE(ImportProviderSchemas((root_ / "good").string(), (root_ / "out").string()).ok());
  std::ostringstream old_index;
  old_index << std::ifstream(root_ / "out" / "index.txt").rdbuf();

  Write(root_ / "bad" / "a.json", Doc("X::Y::Z"));
  Write(root_ / "bad" / "b.json", R"({"typeName": "X::Y::W", "properties": )");  // truncated
  auto result = ImportProviderSchemas((root_ / "bad").string(), (root_ / "out").string());
  ASSERT_FALSE(result.ok());
  EXPECT_NE(result.error().message.find("b.json"), std::string::npos) << result.error().message;
  std::ostringstream after;
  after << std::ifstream(root_ / "out" / "index.txt").rdbuf();
  EXPECT_EQ(after.str(), old_index.str());

  auto empty = ImportProviderSchemas((root_ / "nothing").string(), (root_ / "out").string());
  EXPECT_FALSE(empty.ok());
  fs::create_directories(root_ / "empty");
  empty = ImportProviderSchemas((root_ / "empty").string(), (root_ / "out").string());
  ASSERT_FALSE(empty.ok());
  EXPECT_NE(empty.error().message.find("no resource provider schema"), std::string::npos);

  // A successful import replaces the registry.
  Write(root_ / "good2" / "a.json", Doc("Q::Q::Q"));
  ASSERT_TRUE(ImportProviderSchemas((root_ / "good2").string(), (root_ / "out").string()).ok());
  auto registry = ResourceTypeRegistry::FromDirectory((root_ / "out").string());
  ASSERT_TRUE(registry.ok());
  EXPECT_TRUE((*registry)->Contains("Q::Q::Q"));
  EXPECT_FALSE((*registry)->Contains("A::B::C"));
  // No temporary directories are left behind.
  size_t entries = 0;
  for ([[maybe_unused]] const auto& e : fs::directory_iterator(root_)) {
    ++entries;
  }
  EXPECT_EQ(entries, 5u);  // good, bad, empty, good2, out
}

TEST_F(ImportTest, RefusesToReplaceADirectoryThatIsNotARegistry) {
  Write(root_ / "in" / "a.json", Doc("A::B::C"));
  Write(root_ / "home" / "precious.txt", "keep");
  auto result = ImportProviderSchemas((root_ / "in").string(), (root_ / "home").string());
  ASSERT_FALSE(result.ok());
  EXPECT_TRUE(fs::exists(root_ / "home" / "precious.txt"));
}

}  // namespace
}  // namespace cfnx
