// Copyright 2026 The cfnx Authors.
// SPDX-License-Identifier: Apache-2.0

#include "engine/backend/aws/artifacts.h"

#include <algorithm>
#include <filesystem>
#include <set>
#include <span>
#include <variant>

#include "engine/ast/json_convert.h"
#include "engine/backend/aws/s3_upload.h"
#include "engine/backend/aws/zip_writer.h"
#include "engine/parse/loader.h"

namespace cfnx {
namespace {

namespace fs = std::filesystem;

// What a local path names and what CloudFormation needs in its place.
enum class Content : uint8_t {
  kZip,       // a directory (zipped), a .zip/.jar (as is) or another file (zipped)
  kFile,      // a file, as is
  kTemplate,  // a nested template: packaged itself, then sent as a template
};
enum class Form : uint8_t {
  kS3Uri,      // "s3://BUCKET/KEY"
  kBucketKey,  // {BUCKET_FIELD: BUCKET, KEY_FIELD: KEY}
  kHttpsUrl,   // "https://s3.REGION.amazonaws.com/BUCKET/KEY"
};

struct ArtifactProperty {
  std::string_view type;
  std::vector<std::string_view> path;  // under Properties
  Content content;
  Form form;
  std::string_view bucket_field = "";
  std::string_view key_field = "";
};

// aws-cli's artifact_exporter.py RESOURCES_EXPORT_LIST and SAM CLI's packageable resources.
const std::vector<ArtifactProperty>& ArtifactProperties() {
  static const auto* list = new std::vector<ArtifactProperty>{
      {"AWS::Serverless::Function", {"CodeUri"}, Content::kZip, Form::kS3Uri},
      {"AWS::Serverless::LayerVersion", {"ContentUri"}, Content::kZip, Form::kS3Uri},
      {"AWS::Serverless::Api", {"DefinitionUri"}, Content::kFile, Form::kS3Uri},
      {"AWS::Serverless::HttpApi", {"DefinitionUri"}, Content::kFile, Form::kS3Uri},
      {"AWS::Serverless::StateMachine", {"DefinitionUri"}, Content::kFile, Form::kS3Uri},
      {"AWS::Serverless::GraphQLApi", {"SchemaUri"}, Content::kFile, Form::kS3Uri},
      {"AWS::Serverless::Application", {"Location"}, Content::kTemplate, Form::kHttpsUrl},
      {"AWS::Lambda::Function", {"Code"}, Content::kZip, Form::kBucketKey, "S3Bucket", "S3Key"},
      {"AWS::Lambda::LayerVersion",
       {"Content"},
       Content::kZip,
       Form::kBucketKey,
       "S3Bucket",
       "S3Key"},
      {"AWS::ApiGateway::RestApi",
       {"BodyS3Location"},
       Content::kFile,
       Form::kBucketKey,
       "Bucket",
       "Key"},
      {"AWS::ApiGatewayV2::Api",
       {"BodyS3Location"},
       Content::kFile,
       Form::kBucketKey,
       "Bucket",
       "Key"},
      {"AWS::StepFunctions::StateMachine",
       {"DefinitionS3Location"},
       Content::kFile,
       Form::kBucketKey,
       "Bucket",
       "Key"},
      {"AWS::AppSync::GraphQLSchema", {"DefinitionS3Location"}, Content::kFile, Form::kS3Uri},
      {"AWS::AppSync::Resolver",
       {"RequestMappingTemplateS3Location"},
       Content::kFile,
       Form::kS3Uri},
      {"AWS::AppSync::Resolver",
       {"ResponseMappingTemplateS3Location"},
       Content::kFile,
       Form::kS3Uri},
      {"AWS::AppSync::Resolver", {"CodeS3Location"}, Content::kFile, Form::kS3Uri},
      {"AWS::AppSync::FunctionConfiguration",
       {"RequestMappingTemplateS3Location"},
       Content::kFile,
       Form::kS3Uri},
      {"AWS::AppSync::FunctionConfiguration",
       {"ResponseMappingTemplateS3Location"},
       Content::kFile,
       Form::kS3Uri},
      {"AWS::AppSync::FunctionConfiguration", {"CodeS3Location"}, Content::kFile, Form::kS3Uri},
      {"AWS::ElasticBeanstalk::ApplicationVersion",
       {"SourceBundle"},
       Content::kFile,
       Form::kBucketKey,
       "S3Bucket",
       "S3Key"},
      {"AWS::Glue::Job", {"Command", "ScriptLocation"}, Content::kFile, Form::kS3Uri},
      {"AWS::CodeCommit::Repository",
       {"Code", "S3"},
       Content::kZip,
       Form::kBucketKey,
       "Bucket",
       "Key"},
      {"AWS::CloudFormation::Stack", {"TemplateURL"}, Content::kTemplate, Form::kHttpsUrl},
  };
  return *list;
}

// Lambda's limit on a function's unzipped code; far above any template's other artifacts.
constexpr uintmax_t kMaxArtifactBytes = 250u << 20;
// What a zip without zip64 holds (zip_writer.h); checked while walking, before reading more.
constexpr size_t kMaxZipEntries = 0xffff;
// Nested templates within nested templates: CloudFormation itself allows few levels.
constexpr int kMaxNesting = 8;

// An Amazon ECR image URI (ACCOUNT.dkr.ecr.REGION.amazonaws.com[.cn]/REPOSITORY[:TAG|@DIGEST]),
// the only kind Lambda runs. Anything else in an ImageUri names a local image, which
// `sam package --image-repository` would push with docker.
bool IsEcrImageUri(std::string_view value) {
  size_t slash = value.find('/');
  if (slash == std::string_view::npos || slash + 1 == value.size()) {
    return false;
  }
  std::string_view host = value.substr(0, slash);
  return host.find(".dkr.ecr") != std::string_view::npos &&
         (host.ends_with(".amazonaws.com") || host.ends_with(".amazonaws.com.cn"));
}

bool IsLocalPath(const std::string& value) {
  return !value.empty() && value.find("://") == std::string::npos &&
         value.find("{{resolve:") == std::string::npos;
}

std::string JsonString(const std::string& s) {
  return OrderedJson(s).dump();
}

std::string Extension(const fs::path& file) {
  std::string ext = file.extension().string();
  return ext.empty() ? "" : ext.substr(1);
}

bool IsExecutable(const fs::path& file) {
  std::error_code ec;
  fs::perms p = fs::status(file, ec).permissions();
  return !ec && (p & (fs::perms::owner_exec | fs::perms::group_exec | fs::perms::others_exec)) !=
                    fs::perms::none;
}

// A failure to package: E5002 when the path leads outside the roots, E9013 otherwise.
struct Refusal {
  bool outside = false;
  std::string message;
};

class Packager {
 public:
  Packager(SourceManager& sources, const FileRoots& roots, const ArtifactStore& store,
           DiagnosticSink& diags)
      : sources_(sources), roots_(roots), store_(store), diags_(diags) {}

  // Packages `file`; its artifacts are appended to `out`. nullopt after a diagnostic.
  std::optional<std::string> Package(FileId file, int depth, std::vector<PackagedArtifact>& out);
  const std::map<std::string, std::string>& include_files() const { return include_files_; }

 private:
  struct Replacement {
    const StringNode* node;
    TemplatePath path;
    std::string value;  // JSON text
  };

  // The bytes to upload for `target` and their extension, or a refusal.
  std::variant<std::pair<std::string, std::string>, Refusal> Read(
      const fs::path& target, Content content, int depth, std::vector<PackagedArtifact>& out);
  std::variant<std::string, Refusal> ZipDirectory(const fs::path& dir);
  std::optional<Refusal> Walk(const fs::path& dir, const std::string& prefix,
                              std::set<fs::path>& chain, std::vector<ZipEntry>& entries,
                              uintmax_t& total);
  std::string Rewrite(FileId file, const MapNode& root, const std::vector<Replacement>& edits);
  // Packages the local path `value` (at `path`, of `owner`) as `p` says: the upload goes to
  // `out`, the edit that puts its S3 location in place to `edits`. Absent, intrinsic or S3
  // values are left alone.
  void PackageValue(const Node* at, const TemplatePath& path, const std::string& owner,
                    const ArtifactProperty& p, const fs::path& base, int depth,
                    std::vector<Replacement>& edits, std::vector<PackagedArtifact>& out);
  // A container image named by `at` that is not in Amazon ECR: cfnx neither builds nor pushes
  // images, so it says what to do instead of sending a name Lambda cannot pull.
  void CheckImage(const Node* at, const TemplatePath& path, const std::string& owner);
  // Every `Fn::Transform` of AWS::Include below `n` whose Location is a local file (aws-cli's
  // GLOBAL_EXPORT_DICT: the snippet is uploaded as is and Location becomes its s3:// URI).
  void PackageIncludes(const Node* n, const TemplatePath& path, const fs::path& base, int depth,
                       std::vector<Replacement>& edits, std::vector<PackagedArtifact>& out);
  // One transform's arguments at `at`: false when it is not AWS::Include.
  bool PackageInclude(const Node* transform, const TemplatePath& at, const fs::path& base,
                      int depth, std::vector<Replacement>& edits,
                      std::vector<PackagedArtifact>& out);

  SourceManager& sources_;
  const FileRoots& roots_;
  const ArtifactStore& store_;
  DiagnosticSink& diags_;
  std::vector<fs::path> templates_;  // the nesting chain, to refuse a template nesting itself
  bool failed_ = false;
  std::map<std::string, std::string> include_files_;
};

std::optional<Refusal> Packager::Walk(const fs::path& dir, const std::string& prefix,
                                      std::set<fs::path>& chain, std::vector<ZipEntry>& entries,
                                      uintmax_t& total) {
  std::error_code ec;
  std::vector<fs::path> children;
  for (fs::directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec)) {
    children.push_back(it->path());
  }
  if (ec) {
    return Refusal{false, "cannot list " + dir.string() + ": " + ec.message()};
  }
  std::sort(children.begin(), children.end());
  for (const fs::path& child : children) {
    std::string name = prefix + child.filename().string();
    if (!roots_.Contains(child)) {
      return Refusal{true, "'" + name + "' (in the artifact directory) leads " +
                               std::string(FileRoots::kOutsideMessage)};
    }
    fs::file_status st = fs::status(child, ec);  // follows symlinks
    if (ec) {
      return Refusal{false, "'" + name + "' cannot be read: " + ec.message()};
    }
    if (fs::is_directory(st)) {
      fs::path canonical = fs::canonical(child, ec);
      if (ec || chain.count(canonical) != 0) {
        continue;  // a symlink loop: its files are already in the archive
      }
      chain.insert(canonical);
      if (std::optional<Refusal> r = Walk(child, name + "/", chain, entries, total)) {
        return r;
      }
      chain.erase(canonical);
      continue;
    }
    if (!fs::is_regular_file(st)) {
      continue;  // sockets, fifos: not code
    }
    if (entries.size() == kMaxZipEntries) {
      return Refusal{false,
                     "the directory holds over 65,535 files, more than a zip without "
                     "zip64 can"};
    }
    ErrorOr<std::string> data = roots_.Read(child);
    if (!data.ok()) {
      return Refusal{false, data.error().message};
    }
    total += data->size();
    if (total > kMaxArtifactBytes) {
      return Refusal{false, "the directory holds over 250 MB (Lambda's limit on unzipped code)"};
    }
    entries.push_back({name, std::move(*data), IsExecutable(child)});
  }
  return std::nullopt;
}

std::variant<std::string, Refusal> Packager::ZipDirectory(const fs::path& dir) {
  std::vector<ZipEntry> entries;
  std::set<fs::path> chain;
  std::error_code ec;
  chain.insert(fs::canonical(dir, ec));
  uintmax_t total = 0;
  if (std::optional<Refusal> r = Walk(dir, "", chain, entries, total)) {
    return *r;
  }
  ErrorOr<std::string> zip = WriteZip(std::move(entries));
  if (!zip.ok()) {
    return Refusal{false, zip.error().message};
  }
  return std::move(*zip);
}

std::variant<std::pair<std::string, std::string>, Refusal> Packager::Read(
    const fs::path& target, Content content, int depth, std::vector<PackagedArtifact>& out) {
  if (!roots_.Contains(target)) {
    return Refusal{true, std::string("is ") + FileRoots::kOutsideMessage};
  }
  std::error_code ec;
  if (content == Content::kZip && fs::is_directory(target, ec)) {
    auto zip = ZipDirectory(target);
    if (auto* r = std::get_if<Refusal>(&zip)) {
      return *r;
    }
    return std::make_pair(std::move(std::get<std::string>(zip)), std::string("zip"));
  }
  ErrorOr<std::string> data = roots_.Read(target);
  if (!data.ok()) {
    return Refusal{false, data.error().message};
  }
  std::string ext = Extension(target);
  if (content == Content::kZip) {
    if (ext == "zip" || ext == "jar") {
      return std::make_pair(std::move(*data), ext);
    }
    ErrorOr<std::string> zip =
        WriteZip({{target.filename().string(), std::move(*data), IsExecutable(target)}});
    if (!zip.ok()) {
      return Refusal{false, zip.error().message};
    }
    return std::make_pair(std::move(*zip), std::string("zip"));
  }
  if (content == Content::kTemplate) {
    fs::path canonical = fs::canonical(target, ec);
    if (std::find(templates_.begin(), templates_.end(), canonical) != templates_.end()) {
      return Refusal{false, "nests the template that contains it"};
    }
    if (depth + 1 > kMaxNesting) {
      return Refusal{false,
                     "nests templates more than " + std::to_string(kMaxNesting) + " levels deep"};
    }
    FileId child = sources_.AddFile(target.string(), std::move(*data));
    std::optional<std::string> packaged = Package(child, depth + 1, out);
    if (!packaged) {
      return Refusal{false, "holds artifacts that cannot be packaged (see above)"};
    }
    return std::make_pair(std::move(*packaged), std::string("template"));
  }
  return std::make_pair(std::move(*data), ext);
}

std::string Packager::Rewrite(FileId file, const MapNode& root,
                              const std::vector<Replacement>& edits) {
  std::string text(sources_.contents(file));
  // In place when every value is written on one line, plain or quoted without escapes: the
  // rest of the text keeps its lines and columns.
  std::vector<std::pair<size_t, size_t>> spans;
  for (const Replacement& e : edits) {
    size_t begin = sources_.OffsetFromLoc(e.node->range().begin);
    size_t end = sources_.OffsetFromLoc(e.node->range().end);
    std::string_view slice =
        begin < end && end <= text.size() ? std::string_view(text).substr(begin, end - begin) : "";
    const std::string& v = e.node->value();
    bool plain = slice == v;
    bool quoted = slice.size() == v.size() + 2 && (slice.front() == '"' || slice.front() == '\'') &&
                  slice.back() == slice.front() && slice.substr(1, v.size()) == v;
    if (!plain && !quoted) {
      spans.clear();
      break;
    }
    spans.emplace_back(begin, end);
  }
  if (spans.size() == edits.size()) {
    std::vector<size_t> order(edits.size());
    for (size_t i = 0; i < order.size(); ++i) {
      order[i] = i;
    }
    std::sort(order.begin(), order.end(),
              [&](size_t a, size_t b) { return spans[a].first > spans[b].first; });
    for (size_t i : order) {
      text.replace(spans[i].first, spans[i].second - spans[i].first, edits[i].value);
    }
    return text;
  }
  // Otherwise the template as JSON with the values replaced.
  OrderedJson json = ToJson(root);
  for (const Replacement& e : edits) {
    OrderedJson* at = &json;
    for (const std::string& segment : e.path.segments()) {
      at = at->is_array() ? &(*at)[std::stoul(segment)] : &(*at)[segment];
    }
    *at = OrderedJson::parse(e.value);
  }
  return json.dump(2) + "\n";
}

void Packager::PackageValue(const Node* at, const TemplatePath& path, const std::string& owner,
                            const ArtifactProperty& p, const fs::path& base, int depth,
                            std::vector<Replacement>& edits, std::vector<PackagedArtifact>& out) {
  const auto* value = dyn_cast<StringNode>(at);
  if (value == nullptr || !IsLocalPath(value->value())) {
    return;  // absent, an intrinsic function, already in S3
  }
  fs::path target(value->value());
  if (target.is_relative()) {
    target = base / target;
  }
  auto read = Read(target, p.content, depth, out);
  if (auto* refusal = std::get_if<Refusal>(&read)) {
    diags_.Report(
        refusal->outside ? DiagCode::kE5002 : DiagCode::kE9013, value->range(), path,
        "Local artifact '" + value->value() + "' of " + owner + " " +
            (refusal->outside ? refusal->message : "cannot be packaged: " + refusal->message) +
            ".");
    failed_ = true;
    return;
  }
  auto& [body, ext] = std::get<std::pair<std::string, std::string>>(read);
  std::string key = ContentAddressedKey(store_.prefix, body, ext);
  std::string replacement;
  switch (p.form) {
    case Form::kS3Uri:
      replacement = JsonString("s3://" + store_.bucket + "/" + key);
      break;
    case Form::kBucketKey:
      replacement = "{" + JsonString(std::string(p.bucket_field)) + ": " +
                    JsonString(store_.bucket) + ", " + JsonString(std::string(p.key_field)) + ": " +
                    JsonString(key) + "}";
      break;
    case Form::kHttpsUrl:
      replacement = JsonString(S3ObjectUrl(store_.region, store_.bucket, key));
      break;
  }
  edits.push_back({value, path, replacement});
  bool seen =
      std::any_of(out.begin(), out.end(), [&](const PackagedArtifact& a) { return a.key == key; });
  if (!seen) {
    out.push_back({key, std::move(body), path.ToString() + " " + value->value()});
  }
}

void Packager::CheckImage(const Node* at, const TemplatePath& path, const std::string& owner) {
  const auto* value = dyn_cast<StringNode>(at);
  if (value == nullptr || value->value().find("{{resolve:") != std::string::npos ||
      IsEcrImageUri(value->value())) {
    return;  // absent, an intrinsic function, a dynamic reference or already in ECR
  }
  diags_.Report(DiagCode::kE9013, value->range(), path,
                "Container image '" + value->value() + "' of " + owner +
                    " cannot be packaged: it is not an Amazon ECR image URI "
                    "(ACCOUNT.dkr.ecr.REGION.amazonaws.com/REPOSITORY:TAG), and cfnx does not "
                    "build or push container images. Push it to ECR first (docker push, or sam "
                    "package --image-repository) and give its ECR URI.");
  failed_ = true;
}

bool Packager::PackageInclude(const Node* transform, const TemplatePath& at, const fs::path& base,
                              int depth, std::vector<Replacement>& edits,
                              std::vector<PackagedArtifact>& out) {
  const auto* args = dyn_cast<MapNode>(transform);
  const auto* name = args != nullptr ? dyn_cast<StringNode>(args->Get("Name")) : nullptr;
  if (name == nullptr || name->value() != "AWS::Include") {
    return false;
  }
  const auto* params = dyn_cast<MapNode>(args->Get("Parameters"));
  const auto* location =
      params != nullptr ? dyn_cast<StringNode>(params->Get("Location")) : nullptr;
  if (location == nullptr) {
    return true;
  }
  static const ArtifactProperty kInclude{
      "AWS::Include", {"Location"}, Content::kFile, Form::kS3Uri};
  size_t before = edits.size();
  PackageValue(location, at.Child("Parameters").Child("Location"), "the AWS::Include transform",
               kInclude, base, depth, edits, out);
  if (edits.size() > before) {
    fs::path target(location->value());
    include_files_[OrderedJson::parse(edits.back().value).get<std::string>()] =
        (target.is_relative() ? base / target : target).lexically_normal().string();
  }
  return true;
}

void Packager::PackageIncludes(const Node* n, const TemplatePath& path, const fs::path& base,
                               int depth, std::vector<Replacement>& edits,
                               std::vector<PackagedArtifact>& out) {
  if (const auto* fn = dyn_cast<FnCallNode>(n)) {
    TemplatePath at = path.Child(FnName(fn->fn()));
    if (fn->fn() == FnKind::kTransform && PackageInclude(fn->args(), at, base, depth, edits, out)) {
      return;
    }
    PackageIncludes(fn->args(), at, base, depth, edits, out);
    return;
  }
  if (const auto* map = dyn_cast<MapNode>(n)) {
    for (const MapEntry& e : map->entries()) {
      TemplatePath at = path.Child(e.key->value());
      // `Fn::Transform` beside other keys (in Resources, say) stays a plain entry.
      if (e.key->value() == "Fn::Transform" &&
          PackageInclude(e.value, at, base, depth, edits, out)) {
        continue;
      }
      PackageIncludes(e.value, at, base, depth, edits, out);
    }
    return;
  }
  if (const auto* list = dyn_cast<ListNode>(n)) {
    for (size_t i = 0; i < list->size(); ++i) {
      PackageIncludes(list->items()[i], path.Child(i), base, depth, edits, out);
    }
  }
}

std::optional<std::string> Packager::Package(FileId file, int depth,
                                             std::vector<PackagedArtifact>& out) {
  DiagnosticCollector parse_diags;
  Document doc = LoadTemplate(sources_, file, parse_diags);
  const auto* root = dyn_cast<MapNode>(doc.root());
  if (root == nullptr || parse_diags.error_count() > 0) {
    if (depth == 0) {
      return std::string(sources_.contents(file));  // compiling it says what is wrong
    }
    diags_.Report(
        DiagCode::kE9013, {}, {},
        "nested template " + sources_.name(file) + " does not parse" +
            (parse_diags.diagnostics().empty() ? std::string()
                                               : ": " + parse_diags.diagnostics().front().message));
    return std::nullopt;
  }
  std::error_code ec;
  fs::path self(sources_.name(file));
  templates_.push_back(fs::canonical(self, ec));
  fs::path base = self.parent_path();
  std::vector<Replacement> edits;
  const auto* resources = dyn_cast<MapNode>(root->Get("Resources"));
  for (const MapEntry& r :
       resources != nullptr ? resources->entries() : std::span<const MapEntry>()) {
    const auto* resource = dyn_cast<MapNode>(r.value);
    const auto* type = resource != nullptr ? dyn_cast<StringNode>(resource->Get("Type")) : nullptr;
    if (type == nullptr) {
      continue;
    }
    for (const ArtifactProperty& p : ArtifactProperties()) {
      if (p.type != type->value()) {
        continue;
      }
      const Node* at = resource->Get("Properties");
      TemplatePath path{"Resources", r.key->value(), "Properties"};
      for (std::string_view segment : p.path) {
        const auto* map = dyn_cast<MapNode>(at);
        at = map != nullptr ? map->Get(segment) : nullptr;
        path = path.Child(segment);
      }
      PackageValue(at, path, r.key->value() + " (" + std::string(p.type) + ")", p, base, depth,
                   edits, out);
    }
    // Container images (aws-cli's ECR_EXPORT_LIST and SAM CLI's image resources).
    const auto* properties = dyn_cast<MapNode>(resource->Get("Properties"));
    if (properties != nullptr) {
      std::string owner = r.key->value() + " (" + type->value() + ")";
      TemplatePath at{"Resources", r.key->value(), "Properties"};
      if (type->value() == "AWS::Serverless::Function") {
        CheckImage(properties->Get("ImageUri"), at.Child("ImageUri"), owner);
      } else if (type->value() == "AWS::Lambda::Function") {
        if (const auto* code = dyn_cast<MapNode>(properties->Get("Code"))) {
          CheckImage(code->Get("ImageUri"), at.Child("Code").Child("ImageUri"), owner);
        }
      }
    }
  }
  // Globals.Function.CodeUri: SAM CLI packages it too (apply_global_values); its S3 location
  // then reaches every function without a CodeUri of its own through the transform.
  if (const auto* globals = dyn_cast<MapNode>(root->Get("Globals"))) {
    if (const auto* function = dyn_cast<MapNode>(globals->Get("Function"))) {
      static const ArtifactProperty kGlobalCodeUri{
          "AWS::Serverless::Function", {"CodeUri"}, Content::kZip, Form::kS3Uri};
      PackageValue(function->Get("CodeUri"), TemplatePath{"Globals", "Function", "CodeUri"},
                   "Globals.Function", kGlobalCodeUri, base, depth, edits, out);
      CheckImage(function->Get("ImageUri"), TemplatePath{"Globals", "Function", "ImageUri"},
                 "Globals.Function");
    }
  }
  // Metadata AWS::ServerlessRepo::Application: ReadmeUrl and LicenseUrl (aws-cli's
  // METADATA_EXPORT_LIST), uploaded as they are.
  if (const auto* metadata = dyn_cast<MapNode>(root->Get("Metadata"))) {
    if (const auto* app = dyn_cast<MapNode>(metadata->Get("AWS::ServerlessRepo::Application"))) {
      for (std::string_view field : {"ReadmeUrl", "LicenseUrl"}) {
        const ArtifactProperty property{
            "AWS::ServerlessRepo::Application", {field}, Content::kFile, Form::kS3Uri};
        PackageValue(
            app->Get(field),
            TemplatePath{"Metadata", "AWS::ServerlessRepo::Application", std::string(field)},
            "Metadata AWS::ServerlessRepo::Application", property, base, depth, edits, out);
      }
    }
  }
  PackageIncludes(root, TemplatePath{}, base, depth, edits, out);
  templates_.pop_back();
  if (failed_) {
    return std::nullopt;
  }
  return edits.empty() ? std::string(sources_.contents(file)) : Rewrite(file, *root, edits);
}

}  // namespace

std::optional<PackagedTemplate> PackageLocalArtifacts(SourceManager& sources, FileId file,
                                                      const FileRoots& roots,
                                                      const ArtifactStore& store,
                                                      DiagnosticSink& diags) {
  Packager packager(sources, roots, store, diags);
  PackagedTemplate out;
  std::optional<std::string> text = packager.Package(file, 0, out.artifacts);
  if (!text) {
    return std::nullopt;
  }
  out.text = std::move(*text);
  out.include_files = packager.include_files();
  return out;
}

}  // namespace cfnx
