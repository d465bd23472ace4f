// Copyright 2026 The cfnx Authors.
// SPDX-License-Identifier: Apache-2.0

#include "resources/resource_type.h"

#include <algorithm>
#include <cstring>
#include <map>
#include <set>

#include "resources/fast_json.h"

namespace cfnx {
namespace {

std::vector<std::string> StringList(const nlohmann::json& schema, const char* key) {
  std::vector<std::string> out;
  auto it = schema.find(key);
  if (it == schema.end() || !it->is_array()) {
    return out;
  }
  for (const nlohmann::json& item : *it) {
    if (item.is_string()) {
      out.push_back(item.get<std::string>());
    }
  }
  return out;
}

// "/properties/Endpoint/Address" -> "Endpoint.Address"; "" for paths GetAtt cannot name
// (array items "*", paths outside /properties).
std::string AttributeName(std::string_view pointer) {
  constexpr std::string_view kPrefix = "/properties/";
  if (pointer.substr(0, kPrefix.size()) != kPrefix) {
    return "";
  }
  std::string name(pointer.substr(kPrefix.size()));
  if (name.empty() || name.find('*') != std::string::npos) {
    return "";
  }
  std::replace(name.begin(), name.end(), '/', '.');
  return name;
}

// Types whose every property (not only the read-only ones) Fn::GetAtt can read, and extra
// attributes of other types: CloudFormation's documented attributes that the provider schemas
// do not list as read-only. From cfn-lint's src/cfnlint/schema/_getatts.py (MIT-0).
const std::set<std::string_view>& AllPropertyAttributeTypes() {
  static const std::set<std::string_view> kTypes = {
      "AWS::Amplify::Branch",
      "AWS::Amplify::Domain",
      "AWS::AppSync::DomainName",
      "AWS::AppSync::FunctionConfiguration",
      "AWS::AppSync::Resolver",
      "AWS::AutoScaling::AutoScalingGroup",
      "AWS::Backup::BackupSelection",
      "AWS::Backup::BackupVault",
      "AWS::Backup::LogicallyAirGappedBackupVault",
      "AWS::CodeArtifact::Domain",
      "AWS::CodeArtifact::Repository",
      "AWS::EC2::CapacityReservation",
      "AWS::EC2::Instance",
      "AWS::EC2::SecurityGroup",
      "AWS::EC2::Subnet",
      "AWS::EC2::VPC",
      "AWS::EFS::MountTarget",
      "AWS::EKS::Nodegroup",
      "AWS::ElastiCache::ReplicationGroup",
      "AWS::ElasticLoadBalancingV2::LoadBalancer",
      "AWS::Events::EventBus",
      "AWS::EventSchemas::Discoverer",
      "AWS::EventSchemas::Registry",
      "AWS::EventSchemas::Schema",
      "AWS::GameLift::GameSessionQueue",
      "AWS::GameLift::MatchmakingConfiguration",
      "AWS::GameLift::MatchmakingRuleSet",
      "AWS::Grafana::Workspace",
      "AWS::Greengrass::ConnectorDefinition",
      "AWS::Greengrass::CoreDefinition",
      "AWS::Greengrass::DeviceDefinition",
      "AWS::Greengrass::FunctionDefinition",
      "AWS::Greengrass::Group",
      "AWS::Greengrass::LoggerDefinition",
      "AWS::Greengrass::ResourceDefinition",
      "AWS::Greengrass::SubscriptionDefinition",
      "AWS::ImageBuilder::Component",
      "AWS::ImageBuilder::ContainerRecipe",
      "AWS::ImageBuilder::DistributionConfiguration",
      "AWS::ImageBuilder::ImagePipeline",
      "AWS::ImageBuilder::ImageRecipe",
      "AWS::ImageBuilder::InfrastructureConfiguration",
      "AWS::ManagedBlockchain::Node",
      "AWS::Neptune::DBCluster",
      "AWS::RDS::DBInstance",
      "AWS::RDS::DBParameterGroup",
      "AWS::RedshiftServerless::Workgroup",
      "AWS::RoboMaker::RobotApplication",
      "AWS::RoboMaker::SimulationApplication",
      "AWS::Route53Resolver::ResolverRule",
      "AWS::Route53Resolver::ResolverRuleAssociation",
      "AWS::S3::AccessPoint",
      "AWS::SageMaker::DataQualityJobDefinition",
      "AWS::SageMaker::ModelBiasJobDefinition",
      "AWS::SageMaker::ModelExplainabilityJobDefinition",
      "AWS::SageMaker::ModelQualityJobDefinition",
      "AWS::SageMaker::MonitoringSchedule",
      "AWS::SNS::Topic",
      "AWS::SQS::Queue",
      "AWS::SSM::Parameter",
      "AWS::StepFunctions::Activity",
  };
  return kTypes;
}

const std::map<std::string_view, std::vector<std::string_view>>& ExtraAttributes() {
  static const std::map<std::string_view, std::vector<std::string_view>> kExtra = {
      {"AWS::AppMesh::GatewayRoute",
       {"GatewayRouteName", "MeshName", "MeshOwner", "VirtualGatewayName"}},
      {"AWS::AppMesh::Mesh", {"MeshName"}},
      {"AWS::AppMesh::Route", {"MeshName", "MeshOwner", "RouteName", "VirtualRouterName"}},
      {"AWS::AppMesh::VirtualGateway", {"MeshName", "MeshOwner", "VirtualGatewayName"}},
      {"AWS::AppMesh::VirtualNode", {"MeshName", "MeshOwner", "VirtualNodeName"}},
      {"AWS::AppMesh::VirtualRouter", {"MeshName", "MeshOwner", "VirtualRouterName"}},
      {"AWS::AppMesh::VirtualService", {"MeshName", "MeshOwner", "VirtualServiceName"}},
      {"AWS::AppSync::DataSource", {"Name"}},
      {"AWS::Cloud9::EnvironmentEC2", {"Name"}},
      {"AWS::CloudWatch::InsightRule", {"RuleName"}},
      {"AWS::DocDB::DBCluster", {"Port"}},
      {"AWS::Greengrass::ConnectorDefinition", {"Name"}},
      {"AWS::Greengrass::CoreDefinition", {"Name"}},
      {"AWS::Greengrass::DeviceDefinition", {"Name"}},
      {"AWS::Greengrass::FunctionDefinition", {"Name"}},
      {"AWS::Greengrass::Group", {"Name", "RoleArn"}},
      {"AWS::Greengrass::LoggerDefinition", {"Name"}},
      {"AWS::Greengrass::ResourceDefinition", {"Name"}},
      {"AWS::Greengrass::SubscriptionDefinition", {"Name"}},
      {"AWS::IoT1Click::Device", {"Enabled"}},
      {"AWS::IoT1Click::Placement", {"PlacementName", "ProjectName"}},
      {"AWS::IoT1Click::Project", {"ProjectName"}},
      {"AWS::Kinesis::StreamConsumer", {"ConsumerName", "StreamARN"}},
      {"AWS::ManagedBlockchain::Member", {"NetworkId"}},
      {"AWS::MediaConvert::JobTemplate", {"Name"}},
      {"AWS::MediaConvert::Preset", {"Name"}},
      {"AWS::MediaConvert::Queue", {"Name"}},
      {"AWS::MediaLive::Input", {"Destinations", "Sources"}},
      {"AWS::OpsWorks::Instance", {"AvailabilityZone"}},
      {"AWS::OpsWorks::UserProfile", {"SshUsername"}},
      {"AWS::Route53Resolver::ResolverEndpoint", {"Direction", "Name"}},
      {"AWS::SageMaker::CodeRepository", {"CodeRepositoryName"}},
      {"AWS::SageMaker::Endpoint", {"EndpointName"}},
      {"AWS::SageMaker::EndpointConfig", {"EndpointConfigName"}},
      {"AWS::SageMaker::Model", {"ModelName"}},
      {"AWS::SageMaker::NotebookInstance", {"NotebookInstanceName"}},
      {"AWS::SageMaker::NotebookInstanceLifecycleConfig", {"NotebookInstanceLifecycleConfigName"}},
      {"AWS::SageMaker::Workteam", {"WorkteamName"}},
      {"AWS::ServiceDiscovery::Service", {"Name"}},
      {"AWS::Transfer::User", {"ServerId", "UserName"}},
  };
  return kExtra;
}

bool HasType(const nlohmann::json& s, std::string_view type) {
  auto it = s.find("type");
  if (it == s.end()) {
    return false;
  }
  if (it->is_string()) {
    return *it == type;
  }
  if (it->is_array()) {
    for (const nlohmann::json& t : *it) {
      if (t.is_string() && t == type) {
        return true;
      }
    }
  }
  return false;
}

// Reads JSON text without building anything: enough to find an object's members and the
// extent of their values. Lenient (a value's own syntax is checked when it is parsed).
class JsonScanner {
 public:
  explicit JsonScanner(std::string_view text) : text_(text) {}

  size_t pos() const { return pos_; }
  bool AtEnd() {
    SkipSpace();
    return pos_ >= text_.size();
  }
  bool Consume(char c) {
    SkipSpace();
    if (pos_ < text_.size() && text_[pos_] == c) {
      ++pos_;
      return true;
    }
    return false;
  }
  // A string (quotes included).
  bool String(std::string_view* raw) {
    SkipSpace();
    size_t start = pos_;
    if (pos_ >= text_.size() || text_[pos_] != '"' || !SkipString()) {
      return false;
    }
    *raw = text_.substr(start, pos_ - start);
    return true;
  }
  // Any value (an object or array as a whole).
  bool Value(std::string_view* raw) {
    SkipSpace();
    size_t start = pos_;
    if (pos_ >= text_.size()) {
      return false;
    }
    char c = text_[pos_];
    if (c == '"') {
      if (!SkipString()) {
        return false;
      }
    } else if (c == '{' || c == '[') {
      int depth = 0;
      while (pos_ < text_.size()) {
        char d = text_[pos_];
        if (d == '"') {
          if (!SkipString()) {
            return false;
          }
          continue;
        }
        ++pos_;
        if (d == '{' || d == '[') {
          ++depth;
        } else if ((d == '}' || d == ']') && --depth == 0) {
          break;
        }
      }
      if (depth != 0) {
        return false;
      }
    } else {
      while (pos_ < text_.size() &&
             std::string_view(",}] \t\r\n").find(text_[pos_]) == std::string_view::npos) {
        ++pos_;
      }
      if (pos_ == start) {
        return false;
      }
    }
    *raw = text_.substr(start, pos_ - start);
    return true;
  }

 private:
  void SkipSpace() {
    while (pos_ < text_.size() && (text_[pos_] == ' ' || text_[pos_] == '\t' ||
                                   text_[pos_] == '\r' || text_[pos_] == '\n')) {
      ++pos_;
    }
  }
  // At a '"': moves past the closing quote.
  bool SkipString() {
    size_t from = pos_ + 1;
    while (from < text_.size()) {
      const void* found = std::memchr(text_.data() + from, '"', text_.size() - from);
      if (found == nullptr) {
        return false;
      }
      size_t quote = static_cast<size_t>(static_cast<const char*>(found) - text_.data());
      // Escaped when preceded by an odd number of backslashes (inside the string).
      size_t backslashes = 0;
      while (quote - backslashes > pos_ + 1 && text_[quote - backslashes - 1] == '\\') {
        ++backslashes;
      }
      if (backslashes % 2 == 0) {
        pos_ = quote + 1;
        return true;
      }
      from = quote + 1;
    }
    return false;
  }

  std::string_view text_;
  size_t pos_ = 0;
};

// Calls `member(raw_key, raw_value)` for each member of the object `text`; false if `text` is
// not an object as far as the scanner can tell.
template <typename F>
bool ForEachMember(std::string_view text, F member) {
  JsonScanner scan(text);
  if (!scan.Consume('{')) {
    return false;
  }
  if (scan.Consume('}')) {
    return scan.AtEnd();
  }
  while (true) {
    std::string_view key;
    std::string_view value;
    if (!scan.String(&key) || !scan.Consume(':') || !scan.Value(&value)) {
      return false;
    }
    member(key, value);
    if (scan.Consume(',')) {
      continue;
    }
    return scan.Consume('}') && scan.AtEnd();
  }
}

// The text of a JSON string (quotes included), unescaped.
std::string KeyText(std::string_view raw) {
  if (raw.find('\\') == std::string_view::npos) {
    return std::string(raw.substr(1, raw.size() - 2));
  }
  nlohmann::json key = nlohmann::json::parse(raw, nullptr, /*allow_exceptions=*/false);
  return key.is_string() ? key.get<std::string>() : std::string();
}

}  // namespace

// Every scalar (or list of scalars) reachable through objects, as cfn-lint's GetAtts does for
// the types whose properties are all attributes.
void ResourceType::AddPropertyAttributes(const nlohmann::json& s, const std::string& name,
                                         int depth) {
  if (depth > 16 || !s.is_object()) {
    return;
  }
  if (HasType(s, "object")) {
    auto props = s.find("properties");
    if (props != s.end() && props->is_object()) {
      for (auto it = props->begin(); it != props->end(); ++it) {
        AddPropertyAttributes(it.value(), name + "." + it.key(), depth + 1);
      }
    }
  } else if (HasType(s, "array")) {
    auto items = s.find("items");
    if (items == s.end() || !(HasType(*items, "object") || HasType(*items, "array"))) {
      attributes_.push_back(name);
    }
  } else if (s.contains("$ref") && s["$ref"].is_string()) {
    if (const nlohmann::json* target = ResolveRef(s["$ref"].get<std::string>())) {
      AddPropertyAttributes(*target, name, depth + 1);
    }
  } else {
    attributes_.push_back(name);
  }
}

std::unique_ptr<ResourceType> ResourceType::Parse(std::string_view json_text, std::string* error) {
  // Everything but `definitions` is parsed now; `definitions` is kept as text, split into its
  // members (see the class comment). Text the scanner cannot split is parsed whole, as before.
  std::string rest = "{";
  std::string_view definitions;
  bool split = ForEachMember(json_text, [&](std::string_view key, std::string_view value) {
    if (key == "\"definitions\"") {
      definitions = value;  // the last one wins, as when parsing
      return;
    }
    if (rest.size() > 1) {
      rest += ',';
    }
    rest.append(key).append(":").append(value);
  });
  rest += '}';
  std::vector<std::pair<std::string_view, std::string_view>> members;
  if (split && !definitions.empty()) {
    split = ForEachMember(definitions, [&](std::string_view key, std::string_view value) {
      members.emplace_back(key, value);
    });
  }
  nlohmann::json doc = ParseJsonFast(split ? std::string_view(rest) : json_text);
  if (!doc.is_object()) {
    *error = "the schema document is not a JSON object";
    return nullptr;
  }
  auto name = doc.find("typeName");
  if (name == doc.end() || !name->is_string()) {
    *error = "the schema document has no typeName";
    return nullptr;
  }
  std::unique_ptr<ResourceType> type(new ResourceType());
  type->name_ = name->get<std::string>();
  type->schema_ = std::move(doc);
  if (split && !definitions.empty()) {
    type->lazy_definitions_ = true;
    type->definitions_text_ = std::string(definitions);
    const char* base = definitions.data();
    for (const auto& [key, value] : members) {
      Definition d;
      d.name = KeyText(key);
      d.text = std::string_view(type->definitions_text_)
                   .substr(static_cast<size_t>(value.data() - base), value.size());
      type->definitions_.push_back(std::move(d));
    }
    // Sorted by name; of duplicates the last one wins, as when parsing.
    std::stable_sort(type->definitions_.begin(), type->definitions_.end(),
                     [](const Definition& a, const Definition& b) { return a.name < b.name; });
    auto& defs = type->definitions_;
    std::vector<Definition> unique;
    for (size_t i = 0; i < defs.size(); ++i) {
      if (i + 1 < defs.size() && defs[i + 1].name == defs[i].name) {
        continue;
      }
      unique.push_back(std::move(defs[i]));
    }
    defs = std::move(unique);
  }
  type->Derive();
  return type;
}

void ResourceType::Derive() {
  read_only_ = StringList(schema_, "readOnlyProperties");
  write_only_ = StringList(schema_, "writeOnlyProperties");
  create_only_ = StringList(schema_, "createOnlyProperties");
  conditional_create_only_ = StringList(schema_, "conditionalCreateOnlyProperties");
  primary_identifier_ = StringList(schema_, "primaryIdentifier");
  deprecated_ = StringList(schema_, "deprecatedProperties");
  auto strategy = schema_.find("replacementStrategy");
  if (strategy != schema_.end() && strategy->is_string()) {
    replacement_strategy_ = strategy->get<std::string>();
  }
  auto props = schema_.find("properties");
  if (props != schema_.end() && props->is_object()) {
    for (auto it = props->begin(); it != props->end(); ++it) {
      property_names_.push_back(it.key());
    }
  }
  for (const std::string& pointer : read_only_) {
    std::string attr = AttributeName(pointer);
    if (attr.empty()) {
      continue;
    }
    attributes_.push_back(attr);
    // A read-only object exposes its members too (GetAtt Endpoint.Address for
    // /properties/Endpoint).
    if (attr.find('.') != std::string::npos) {
      continue;
    }
    const nlohmann::json* prop = FindProperty(attr);
    if (prop != nullptr && prop->contains("$ref") && (*prop)["$ref"].is_string()) {
      prop = ResolveRef((*prop)["$ref"].get<std::string>());
    }
    if (prop != nullptr && prop->is_object() && prop->contains("properties") &&
        (*prop)["properties"].is_object()) {
      for (auto it = (*prop)["properties"].begin(); it != (*prop)["properties"].end(); ++it) {
        attributes_.push_back(attr + "." + it.key());
      }
    }
  }
  if (AllPropertyAttributeTypes().count(name_) != 0) {
    if (const nlohmann::json* props =
            schema_.contains("properties") ? &schema_["properties"] : nullptr) {
      for (auto it = props->begin(); props->is_object() && it != props->end(); ++it) {
        AddPropertyAttributes(it.value(), it.key(), 0);
      }
    }
  }
  if (auto extra = ExtraAttributes().find(name_); extra != ExtraAttributes().end()) {
    attributes_.insert(attributes_.end(), extra->second.begin(), extra->second.end());
  }
  std::sort(attributes_.begin(), attributes_.end());
  attributes_.erase(std::unique(attributes_.begin(), attributes_.end()), attributes_.end());
}

const nlohmann::json* ResourceType::FindProperty(std::string_view name) const {
  auto props = schema_.find("properties");
  if (props == schema_.end() || !props->is_object()) {
    return nullptr;
  }
  auto it = props->find(name);
  return it == props->end() ? nullptr : &*it;
}

const nlohmann::json* ResourceType::FindDefinition(std::string_view name) const {
  auto it = std::lower_bound(
      definitions_.begin(), definitions_.end(), name,
      [](const Definition& d, std::string_view n) { return std::string_view(d.name) < n; });
  if (it == definitions_.end() || it->name != name) {
    return nullptr;
  }
  std::lock_guard<std::mutex> lock(definitions_mutex_);
  if (!it->tried) {
    it->tried = true;
    nlohmann::json value = ParseJsonFast(it->text);
    if (!value.is_discarded()) {
      it->parsed = std::make_unique<nlohmann::json>(std::move(value));
    }
  }
  return it->parsed.get();
}

const nlohmann::json* ResourceType::AllDefinitions() const {
  std::lock_guard<std::mutex> lock(definitions_mutex_);
  if (all_definitions_ == nullptr) {
    nlohmann::json value = ParseJsonFast(definitions_text_);
    all_definitions_ = std::make_unique<nlohmann::json>(value.is_discarded() ? nlohmann::json()
                                                                             : std::move(value));
  }
  return all_definitions_->is_null() ? nullptr : all_definitions_.get();
}

const nlohmann::json* ResourceType::ResolveRef(std::string_view ref) const {
  if (ref.substr(0, 2) != "#/") {
    return nullptr;
  }
  const nlohmann::json* node = &schema_;
  std::string_view rest = ref.substr(2);
  if (lazy_definitions_) {
    constexpr std::string_view kDefinitions = "definitions";
    if (rest == kDefinitions || rest == "definitions/") {
      return AllDefinitions();
    }
    if (rest.substr(0, kDefinitions.size() + 1) == "definitions/") {
      rest = rest.substr(kDefinitions.size() + 1);
      size_t slash = rest.find('/');
      node = FindDefinition(rest.substr(0, slash));
      if (node == nullptr) {
        return nullptr;
      }
      rest = slash == std::string_view::npos ? std::string_view() : rest.substr(slash + 1);
    }
  }
  while (!rest.empty()) {
    size_t slash = rest.find('/');
    std::string segment(rest.substr(0, slash));
    rest = slash == std::string_view::npos ? std::string_view() : rest.substr(slash + 1);
    if (!node->is_object()) {
      return nullptr;
    }
    auto it = node->find(segment);
    if (it == node->end()) {
      return nullptr;
    }
    node = &*it;
  }
  return node;
}

bool ResourceType::HasAttribute(std::string_view name) const {
  return std::binary_search(attributes_.begin(), attributes_.end(), name,
                            [](std::string_view a, std::string_view b) { return a < b; });
}

const nlohmann::json* ResourceType::tagging() const {
  auto it = schema_.find("tagging");
  return it == schema_.end() ? nullptr : &*it;
}

bool ResourceType::IsReadOnlyProperty(std::string_view name) const {
  for (const std::string& pointer : read_only_) {
    if (pointer.size() == name.size() + 12 && pointer.compare(0, 12, "/properties/") == 0 &&
        std::string_view(pointer).substr(12) == name) {
      return true;
    }
  }
  return false;
}

}  // namespace cfnx
