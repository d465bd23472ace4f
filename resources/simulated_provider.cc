// Copyright 2026 The cfnx Authors.
// SPDX-License-Identifier: Apache-2.0

#include "resources/simulated_provider.h"

#include <algorithm>
#include <cctype>

#include "engine/model/custom_resource.h"

namespace cfnx {
namespace {

using Json = nlohmann::ordered_json;

uint64_t Fnv(const std::string& s, uint64_t seed = 1469598103934665603ull) {
  uint64_t h = seed;
  for (unsigned char c : s) {
    h ^= c;
    h *= 1099511628211ull;
  }
  return h;
}

// `n` characters from [A-Z0-9] derived from `seed`.
std::string Suffix(const std::string& seed, size_t n) {
  static const char* alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
  std::string out;
  uint64_t h = Fnv(seed);
  while (out.size() < n) {
    out += alphabet[h % 36];
    h /= 36;
    if (h == 0)
      h = Fnv(seed + out);
  }
  return out;
}

std::string HexId(const std::string& seed, size_t n) {
  static const char* hex = "0123456789abcdef";
  std::string out;
  uint64_t h = Fnv(seed);
  while (out.size() < n) {
    out += hex[h & 15];
    h >>= 4;
    if (h == 0)
      h = Fnv(seed + out);
  }
  return out;
}

// "AWS::SNS::Topic" -> {"sns", "Topic"}
std::pair<std::string, std::string> ServiceAndResource(std::string_view type) {
  std::string t(type);
  size_t a = t.find("::");
  size_t b = a == std::string::npos ? std::string::npos : t.find("::", a + 2);
  if (b == std::string::npos)
    return {"custom", t};
  std::string service = t.substr(a + 2, b - a - 2);
  std::transform(service.begin(), service.end(), service.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return {service, t.substr(b + 2)};
}

std::string Lower(std::string s) {
  std::transform(s.begin(), s.end(), s.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return s;
}

bool EndsWith(const std::string& s, std::string_view suffix) {
  return s.size() >= suffix.size() &&
         s.compare(s.size() - suffix.size(), suffix.size(), suffix) == 0;
}

std::string TopLevel(const std::string& pointer) {
  // "/properties/Endpoint/Address" -> "Endpoint"
  const std::string prefix = "/properties/";
  if (pointer.rfind(prefix, 0) != 0)
    return "";
  std::string rest = pointer.substr(prefix.size());
  return rest.substr(0, rest.find('/'));
}

// The JSON pointer's value in `props` (paths are "/properties/..."), or null; stops at "*".
Json AtPath(const Json& props, const std::string& pointer) {
  const std::string prefix = "/properties/";
  if (pointer.rfind(prefix, 0) != 0)
    return Json();
  std::string rest = pointer.substr(prefix.size());
  const Json* node = &props;
  size_t start = 0;
  while (start <= rest.size()) {
    size_t slash = rest.find('/', start);
    std::string seg = rest.substr(start, slash == std::string::npos ? slash : slash - start);
    if (seg == "*")
      break;
    if (node->is_object() && node->contains(seg)) {
      node = &(*node)[seg];
    } else if (node->is_array() && !seg.empty() && std::all_of(seg.begin(), seg.end(), ::isdigit) &&
               std::stoul(seg) < node->size()) {
      node = &(*node)[std::stoul(seg)];
    } else {
      return Json();
    }
    if (slash == std::string::npos)
      break;
    start = slash + 1;
  }
  return *node;
}

struct Naming {
  std::string name;  // the resource's name (given or generated)
  std::string name_property;
  bool generated = false;
};

std::string EC2Prefix(const std::string& resource) {
  static const std::pair<const char*, const char*> kPrefixes[] = {
      {"VPC", "vpc"},
      {"Subnet", "subnet"},
      {"SecurityGroup", "sg"},
      {"InternetGateway", "igw"},
      {"RouteTable", "rtb"},
      {"Instance", "i"},
      {"NatGateway", "nat"},
      {"EIP", "eipalloc"},
      {"NetworkInterface", "eni"},
      {"Volume", "vol"},
      {"LaunchTemplate", "lt"},
      {"NetworkAcl", "acl"},
      {"VPCEndpoint", "vpce"},
      {"TransitGateway", "tgw"},
      {"KeyPair", "key"},
  };
  for (const auto& [r, p] : kPrefixes) {
    if (resource == r)
      return p;
  }
  std::string out;
  for (char c : resource) {
    if (std::isupper(static_cast<unsigned char>(c)))
      out += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  }
  return out.empty() ? "r" : out;
}

std::string Arn(const SimRequest& req, const std::string& name) {
  auto [service, resource] = ServiceAndResource(req.type);
  const std::string& p = req.partition;
  const std::string& r = req.region;
  const std::string& a = req.account_id;
  const std::string& t = req.type;
  if (t == "AWS::S3::Bucket")
    return "arn:" + p + ":s3:::" + name;
  if (t == "AWS::SNS::Topic" || t == "AWS::SQS::Queue")
    return "arn:" + p + ":" + service + ":" + r + ":" + a + ":" + name;
  if (t == "AWS::Lambda::Function")
    return "arn:" + p + ":lambda:" + r + ":" + a + ":function:" + name;
  if (t == "AWS::Lambda::LayerVersion")
    return "arn:" + p + ":lambda:" + r + ":" + a + ":layer:" + name + ":1";
  if (service == "iam") {
    std::string kind = resource == "ManagedPolicy"     ? "policy"
                       : resource == "InstanceProfile" ? "instance-profile"
                                                       : Lower(resource);
    return "arn:" + p + ":iam::" + a + ":" + kind + "/" + name;
  }
  if (t == "AWS::DynamoDB::Table")
    return "arn:" + p + ":dynamodb:" + r + ":" + a + ":table/" + name;
  if (t == "AWS::Logs::LogGroup")
    return "arn:" + p + ":logs:" + r + ":" + a + ":log-group:" + name + ":*";
  if (t == "AWS::Kinesis::Stream")
    return "arn:" + p + ":kinesis:" + r + ":" + a + ":stream/" + name;
  if (t == "AWS::StepFunctions::StateMachine")
    return "arn:" + p + ":states:" + r + ":" + a + ":stateMachine:" + name;
  if (t == "AWS::ECR::Repository")
    return "arn:" + p + ":ecr:" + r + ":" + a + ":repository/" + name;
  if (t == "AWS::Events::Rule")
    return "arn:" + p + ":events:" + r + ":" + a + ":rule/" + name;
  if (t == "AWS::SSM::Parameter")
    return "arn:" + p + ":ssm:" + r + ":" + a + ":parameter/" + name;
  if (t == "AWS::KMS::Key")
    return "arn:" + p + ":kms:" + r + ":" + a + ":key/" + name;
  if (t == "AWS::SecretsManager::Secret")
    return "arn:" + p + ":secretsmanager:" + r + ":" + a + ":secret:" + name + "-" +
           Suffix(req.token + "secret", 6);
  if (service == "ec2")
    return "arn:" + p + ":ec2:" + r + ":" + a + ":" + Lower(resource) + "/" + name;
  return "arn:" + p + ":" + service + ":" + r + ":" + a + ":" + Lower(resource) + "/" + name;
}

std::string MakeId(const SimRequest& req, const std::string& attribute) {
  auto [service, resource] = ServiceAndResource(req.type);
  if (service == "ec2")
    return EC2Prefix(resource) + "-0" + HexId(req.token + attribute, 16);
  return Lower(Suffix(req.token + attribute, 10));
}

// A deterministic value for read-only `attribute` of a resource named `name`.
Json AttributeValue(const SimRequest& req, const std::string& attribute, const std::string& name,
                    const nlohmann::json* schema) {
  auto [service, resource] = ServiceAndResource(req.type);
  std::string last =
      attribute.substr(attribute.rfind('.') == std::string::npos ? 0 : attribute.rfind('.') + 1);
  if (schema != nullptr && schema->is_object()) {
    // "type" is a string or a list of them ("Data": {"type": ["object"]} in
    // AWS::CloudFormation::WaitCondition): the first named type decides.
    std::string type;
    if (auto t = schema->find("type"); t != schema->end()) {
      if (t->is_string()) {
        type = t->get<std::string>();
      } else if (t->is_array()) {
        for (const auto& item : *t) {
          if (item.is_string() && item != "null") {
            type = item.get<std::string>();
            break;
          }
        }
      }
    }
    if (type == "object")
      return Json::object();
    if (type == "integer" || type == "number")
      return Json(static_cast<int64_t>(Fnv(req.token + attribute) % 1000));
    if (type == "boolean")
      return Json(false);
    if (type == "array")
      return Json::array({Lower(Suffix(req.token + attribute, 8))});
  }
  if (EndsWith(last, "Arn") || EndsWith(last, "ARN"))
    return Json(Arn(req, name));
  if (last == "QueueUrl")
    return Json("https://sqs." + req.region + ".amazonaws.com/" + req.account_id + "/" + name);
  if (EndsWith(last, "Url") || EndsWith(last, "URL"))
    return Json("https://" + Lower(name) + "." + service + "." + req.region + ".amazonaws.com");
  if (EndsWith(last, "DomainName") || last == "Address" || EndsWith(last, "Endpoint"))
    return Json(Lower(name) + "." + service + "." + req.region + ".amazonaws.com");
  if (last == "Port")
    return Json("5432");
  if (EndsWith(last, "Id"))
    return Json(MakeId(req, attribute));
  if (EndsWith(last, "Name"))
    return Json(name);
  return Json(Lower(resource) + "-" + Lower(last) + "-" + Lower(Suffix(req.token + attribute, 8)));
}

// The name property of a type: the writable primary identifier, else "<Resource>Name", else
// "Name".
std::string NameProperty(const ResourceType& type) {
  for (const std::string& id : type.primary_identifier()) {
    std::string top = TopLevel(id);
    if (!top.empty() && !type.IsReadOnlyProperty(top) && type.FindProperty(top) != nullptr)
      return top;
  }
  auto [service, resource] = ServiceAndResource(type.name());
  for (const std::string& candidate : {resource + "Name", std::string("Name")}) {
    if (type.FindProperty(candidate) != nullptr && !type.IsReadOnlyProperty(candidate))
      return candidate;
  }
  return "";
}

}  // namespace

std::string SchemaResourceSimulator::GeneratedName(const std::string& stack,
                                                   const std::string& logical_id,
                                                   const std::string& token, size_t max_length,
                                                   bool lowercase) {
  std::string suffix = Suffix(token + "/" + logical_id, 13);
  std::string prefix = stack + "-" + logical_id;
  if (max_length > 0 && prefix.size() + 1 + suffix.size() > max_length) {
    size_t room = max_length > suffix.size() + 1 ? max_length - suffix.size() - 1 : 0;
    prefix = prefix.substr(0, room);
  }
  std::string name = prefix.empty() ? suffix : prefix + "-" + suffix;
  return lowercase ? Lower(name) : name;
}

bool SchemaResourceSimulator::Supports(std::string_view type, std::string* reason) const {
  if (IsCustomResourceType(type) || registry_.Find(type) != nullptr)
    return true;
  *reason = "Unrecognized resource types: [" + std::string(type) +
            "] (the simulated provider knows the types in the resource registry and custom "
            "resources)";
  return false;
}

SimResult SchemaResourceSimulator::Create(const SimRequest& req) const {
  SimResult result;
  result.attributes = Json::object();
  const ResourceType* type =
      IsCustomResourceType(req.type) ? nullptr : registry_.Find(req.type, req.region);
  if (type == nullptr) {
    result.physical_id = GeneratedName(req.stack_name, req.logical_id, req.token, 0, false);
    return result;
  }
  // The resource's name.
  Naming naming;
  naming.name_property = NameProperty(*type);
  if (!naming.name_property.empty() && req.properties.is_object() &&
      req.properties.contains(naming.name_property) &&
      req.properties[naming.name_property].is_string()) {
    naming.name = req.properties[naming.name_property].get<std::string>();
  } else {
    size_t max_length = 0;
    if (const nlohmann::json* p =
            naming.name_property.empty() ? nullptr : type->FindProperty(naming.name_property)) {
      if (p->contains("maxLength") && (*p)["maxLength"].is_number_unsigned())
        max_length = (*p)["maxLength"].get<size_t>();
    }
    if (max_length == 0 && req.type == "AWS::S3::Bucket")
      max_length = 63;
    naming.name = GeneratedName(req.stack_name, req.logical_id, req.token, max_length,
                                req.type == "AWS::S3::Bucket");
    naming.generated = true;
  }
  // Attributes.
  for (const std::string& attribute : type->attributes()) {
    const nlohmann::json* schema = nullptr;
    if (attribute.find('.') == std::string::npos)
      schema = type->FindProperty(attribute);
    result.attributes[attribute] = AttributeValue(req, attribute, naming.name, schema);
  }
  // Physical id from the primary identifier.
  std::string id;
  for (const std::string& pointer : type->primary_identifier()) {
    std::string top = TopLevel(pointer);
    std::string part;
    if (top == naming.name_property) {
      part = naming.name;
    } else if (req.properties.is_object() && req.properties.contains(top) &&
               req.properties[top].is_string()) {
      part = req.properties[top].get<std::string>();
    } else if (result.attributes.contains(top) && result.attributes[top].is_string()) {
      part = result.attributes[top].get<std::string>();
    } else {
      part = AttributeValue(req, top, naming.name, nullptr).get<std::string>();
    }
    id += (id.empty() ? "" : "|") + part;
  }
  result.physical_id = id.empty() ? naming.name : id;
  return result;
}

Json SchemaResourceSimulator::Update(const SimRequest& /*request*/,
                                     const std::string& /*physical_id*/,
                                     const Json& old_attributes) const {
  return old_attributes;
}

std::string SchemaResourceSimulator::ReplacementPath(std::string_view type_name, const Json& before,
                                                     const Json& after) const {
  const ResourceType* type = IsCustomResourceType(type_name) ? nullptr : registry_.Find(type_name);
  if (type == nullptr) {
    // Custom resources: a change of ServiceToken replaces.
    if (before.value("ServiceToken", Json()) != after.value("ServiceToken", Json()))
      return "/properties/ServiceToken";
    return "";
  }
  for (const std::string& path : type->create_only_properties()) {
    Json a = AtPath(before, path);
    Json b = AtPath(after, path);
    if (nlohmann::json::parse(a.dump()) != nlohmann::json::parse(b.dump()))
      return path;
  }
  return "";
}

bool SchemaResourceSimulator::DeleteThenCreate(std::string_view type_name) const {
  const ResourceType* type = IsCustomResourceType(type_name) ? nullptr : registry_.Find(type_name);
  return type != nullptr && type->replacement_strategy() == "delete_then_create";
}

}  // namespace cfnx
