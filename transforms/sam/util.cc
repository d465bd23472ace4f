// Copyright 2026 The cfnx Authors.
// SPDX-License-Identifier: Apache-2.0
//
// Errors, Python-compatible JSON helpers and logical-id hashing for the SAM transform.

#include <algorithm>
#include <cstdio>

#include "transforms/sam/sam.h"
#include "engine/base/sha1.h"

namespace cfnx::sam {

namespace {

bool IsAsciiAlnum(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}
bool IsDigit(char c) {
  return c >= '0' && c <= '9';
}

// The length of the match of `KIND:NAME(:DIGITS)?}}` at the start of `rest`, or 0. NAME is a
// run of [a-zA-Z0-9_.\-/], which cannot hold ':' or '}', so only its longest run can be
// followed by what comes next: no backtracking needed.
size_t MatchResolveTail(std::string_view rest, std::string_view kind, std::string_view* name) {
  if (rest.substr(0, kind.size()) != kind || rest.substr(kind.size(), 1) != ":") {
    return 0;
  }
  size_t i = kind.size() + 1;
  size_t name_begin = i;
  while (i < rest.size() && (IsAsciiAlnum(rest[i]) || rest[i] == '_' || rest[i] == '.' ||
                             rest[i] == '-' || rest[i] == '/')) {
    ++i;
  }
  if (i == name_begin) {
    return 0;
  }
  *name = rest.substr(name_begin, i - name_begin);
  if (i < rest.size() && rest[i] == ':') {
    size_t digits = ++i;
    while (i < rest.size() && IsDigit(rest[i])) {
      ++i;
    }
    if (i == digits) {
      return 0;
    }
  }
  return rest.substr(i, 2) == "}}" ? i + 2 : 0;
}

}  // namespace

bool FindDynamicReference(std::string_view text, std::initializer_list<std::string_view> kinds,
                          std::string_view* name) {
  constexpr std::string_view kOpen = "{{resolve:";
  for (size_t at = text.find(kOpen); at != std::string_view::npos; at = text.find(kOpen, at + 1)) {
    std::string_view rest = text.substr(at + kOpen.size());
    for (std::string_view kind : kinds) {
      if (MatchResolveTail(rest, kind, name) != 0) {
        return true;
      }
    }
  }
  return false;
}

bool IsValidAliasName(std::string_view name) {
  bool only_digits = true;
  for (char c : name) {
    if (!IsAsciiAlnum(c) && c != '-' && c != '_') {
      return false;
    }
    only_digits = only_digits && IsDigit(c);
  }
  return !name.empty() && !only_digits;
}

std::string Error::Message() const {
  switch (kind) {
    case ErrorKind::kResource:
      return "Resource with id [" + id + "] is invalid. " + detail;
    case ErrorKind::kEvent:
      return "Event with id [" + id + "] is invalid. " + detail;
    case ErrorKind::kTemplate:
      return "Structure of the SAM template is invalid. " + detail;
    case ErrorKind::kPlain:
    case ErrorKind::kUnsupported:
      break;
  }
  return detail;
}

std::string Error::SortKey() const {
  // A plain error with an id: DuplicateLogicalIdException, sorted by the transformed resource.
  if (kind == ErrorKind::kResource || kind == ErrorKind::kEvent ||
      kind == ErrorKind::kUnsupported || !id.empty())
    return id;
  return Message();
}

Error ResourceError(std::string logical_id, std::string detail, std::vector<std::string> path) {
  return Error{ErrorKind::kResource, std::move(logical_id), std::move(detail), std::move(path)};
}
Error EventError(std::string event_id, std::string detail) {
  return Error{ErrorKind::kEvent, std::move(event_id), std::move(detail), {}};
}
Error TemplateError(std::string detail) {
  return Error{ErrorKind::kTemplate, "", std::move(detail), {}};
}
Error UnsupportedError(std::string logical_id, std::string detail, std::vector<std::string> path) {
  return Error{ErrorKind::kUnsupported, std::move(logical_id), std::move(detail), std::move(path)};
}
Error PlainError(std::string message) {
  return Error{ErrorKind::kPlain, "", std::move(message), {}};
}
Error WrapInResource(std::string logical_id, const Error& inner) {
  if (inner.kind == ErrorKind::kUnsupported)
    return inner;
  Error e = ResourceError(std::move(logical_id), inner.Message(), inner.path);
  return e;
}

const Json* Get(const Json& obj, std::string_view key) {
  if (!obj.is_object())
    return nullptr;
  auto it = obj.find(key);
  return it == obj.end() ? nullptr : &*it;
}

Json* GetMut(Json& obj, std::string_view key) {
  if (!obj.is_object())
    return nullptr;
  auto it = obj.find(key);
  return it == obj.end() ? nullptr : &*it;
}

bool Truthy(const Json* v) {
  if (v == nullptr)
    return false;
  switch (v->type()) {
    case Json::value_t::null:
      return false;
    case Json::value_t::boolean:
      return v->get<bool>();
    case Json::value_t::number_integer:
    case Json::value_t::number_unsigned:
    case Json::value_t::number_float:
      return v->get<double>() != 0;
    case Json::value_t::string:
      return !v->get_ref<const std::string&>().empty();
    case Json::value_t::array:
    case Json::value_t::object:
      return !v->empty();
    default:
      return true;
  }
}

bool IsIntrinsic(const Json& v) {
  if (!v.is_object() || v.size() != 1)
    return false;
  const std::string& key = v.begin().key();
  return key == "Ref" || key == "Condition" || key.rfind("Fn::", 0) == 0;
}

bool IsIntrinsic(const Json& v, std::string_view name) {
  return v.is_object() && v.size() == 1 && v.begin().key() == name;
}

bool IsNoValue(const Json& v) {
  return IsIntrinsic(v, "Ref") && v.begin()->is_string() &&
         v.begin()->get_ref<const std::string&>() == "AWS::NoValue";
}

namespace {

void AppendPyStringRepr(std::string& out, const std::string& s) {
  bool has_single = s.find('\'') != std::string::npos;
  bool has_double = s.find('"') != std::string::npos;
  char quote = (has_single && !has_double) ? '"' : '\'';
  out += quote;
  for (unsigned char c : s) {
    if (c == '\\') {
      out += "\\\\";
    } else if (c == static_cast<unsigned char>(quote)) {
      out += '\\';
      out += static_cast<char>(c);
    } else if (c == '\n') {
      out += "\\n";
    } else if (c == '\r') {
      out += "\\r";
    } else if (c == '\t') {
      out += "\\t";
    } else if (c < 0x20 || c == 0x7f) {
      char buf[8];
      std::snprintf(buf, sizeof buf, "\\x%02x", c);
      out += buf;
    } else {
      out += static_cast<char>(c);
    }
  }
  out += quote;
}

std::string PyFloat(double d) {
  // Python repr: shortest round-trip digits; nlohmann's dump gives the same digits.
  std::string s = Json(d).dump();
  if (s.find_first_of(".eEn") == std::string::npos)
    s += ".0";
  return s;
}

void AppendPy(std::string& out, const Json& v, bool top) {
  switch (v.type()) {
    case Json::value_t::null:
      out += "None";
      return;
    case Json::value_t::boolean:
      out += v.get<bool>() ? "True" : "False";
      return;
    case Json::value_t::number_integer:
    case Json::value_t::number_unsigned:
      out += v.dump();
      return;
    case Json::value_t::number_float:
      out += PyFloat(v.get<double>());
      return;
    case Json::value_t::string:
      if (top)
        out += v.get_ref<const std::string&>();
      else
        AppendPyStringRepr(out, v.get_ref<const std::string&>());
      return;
    case Json::value_t::array: {
      out += '[';
      bool first = true;
      for (const Json& item : v) {
        if (!first)
          out += ", ";
        first = false;
        AppendPy(out, item, false);
      }
      out += ']';
      return;
    }
    case Json::value_t::object: {
      out += '{';
      bool first = true;
      for (auto it = v.begin(); it != v.end(); ++it) {
        if (!first)
          out += ", ";
        first = false;
        AppendPyStringRepr(out, it.key());
        out += ": ";
        AppendPy(out, it.value(), false);
      }
      out += '}';
      return;
    }
    default:
      out += v.dump();
  }
}

void AppendJsonString(std::string& out, const std::string& s) {
  out += '"';
  size_t i = 0;
  auto hex4 = [&](unsigned cp) {
    char buf[16];
    std::snprintf(buf, sizeof buf, "\\u%04x", cp);
    out += buf;
  };
  while (i < s.size()) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    if (c < 0x80) {
      switch (c) {
        case '"':
          out += "\\\"";
          break;
        case '\\':
          out += "\\\\";
          break;
        case '\n':
          out += "\\n";
          break;
        case '\r':
          out += "\\r";
          break;
        case '\t':
          out += "\\t";
          break;
        case '\b':
          out += "\\b";
          break;
        case '\f':
          out += "\\f";
          break;
        default:
          if (c < 0x20 || c == 0x7f)
            hex4(c);
          else
            out += static_cast<char>(c);
      }
      ++i;
      continue;
    }
    unsigned cp = 0;
    int extra = 0;
    if ((c & 0xE0) == 0xC0) {
      cp = c & 0x1F;
      extra = 1;
    } else if ((c & 0xF0) == 0xE0) {
      cp = c & 0x0F;
      extra = 2;
    } else {
      cp = c & 0x07;
      extra = 3;
    }
    ++i;
    for (int k = 0; k < extra && i < s.size(); ++k, ++i)
      cp = (cp << 6) | (static_cast<unsigned char>(s[i]) & 0x3F);
    if (cp >= 0x10000) {
      cp -= 0x10000;
      hex4(0xD800 + (cp >> 10));
      hex4(0xDC00 + (cp & 0x3FF));
    } else {
      hex4(cp);
    }
  }
  out += '"';
}

void AppendDumps(std::string& out, const Json& v) {
  switch (v.type()) {
    case Json::value_t::null:
      out += "null";
      return;
    case Json::value_t::boolean:
      out += v.get<bool>() ? "true" : "false";
      return;
    case Json::value_t::number_float:
      out += PyFloat(v.get<double>());
      return;
    case Json::value_t::string:
      AppendJsonString(out, v.get_ref<const std::string&>());
      return;
    case Json::value_t::array: {
      out += '[';
      bool first = true;
      for (const Json& item : v) {
        if (!first)
          out += ',';
        first = false;
        AppendDumps(out, item);
      }
      out += ']';
      return;
    }
    case Json::value_t::object: {
      std::vector<std::pair<const std::string*, const Json*>> items;
      for (auto it = v.begin(); it != v.end(); ++it)
        items.emplace_back(&it.key(), &it.value());
      std::sort(items.begin(), items.end(),
                [](const auto& a, const auto& b) { return *a.first < *b.first; });
      out += '{';
      bool first = true;
      for (const auto& [key, value] : items) {
        if (!first)
          out += ',';
        first = false;
        AppendJsonString(out, *key);
        out += ':';
        AppendDumps(out, *value);
      }
      out += '}';
      return;
    }
    default:
      out += v.dump();
  }
}

}  // namespace

std::string PyStr(const Json& value) {
  std::string out;
  AppendPy(out, value, true);
  return out;
}

std::string PyRepr(const Json& value) {
  std::string out;
  AppendPy(out, value, false);
  return out;
}

std::string PyJsonDumps(const Json& value) {
  std::string out;
  AppendDumps(out, value);
  return out;
}

std::string PyTypeName(const Json& v) {
  switch (v.type()) {
    case Json::value_t::null:
      return "NoneType";
    case Json::value_t::boolean:
      return "bool";
    case Json::value_t::number_integer:
    case Json::value_t::number_unsigned:
      return "int";
    case Json::value_t::number_float:
      return "float";
    case Json::value_t::string:
      return "str";
    case Json::value_t::array:
      return "list";
    case Json::value_t::object:
      return "dict";
    default:
      return "object";
  }
}

std::string HashOf(const Json& data) {
  if (data.is_string())
    return Sha1Hex(data.get_ref<const std::string&>());
  return Sha1Hex(PyJsonDumps(data));
}

std::string GenerateLogicalId(std::string_view prefix, const Json* data,
                              const std::string* data_hash) {
  std::string id(prefix);
  if (data_hash != nullptr && !data_hash->empty()) {
    id += data_hash->substr(0, 10);
    return id;
  }
  if (!Truthy(data))
    return id;
  id += HashOf(*data).substr(0, 10);
  return id;
}

Json Ref(std::string_view logical_id) {
  return Json{{"Ref", std::string(logical_id)}};
}

Json GetAtt(std::string_view logical_id, std::string_view attribute) {
  return Json{{"Fn::GetAtt", Json::array({std::string(logical_id), std::string(attribute)})}};
}

Json Sub(std::string_view text) {
  return Json{{"Fn::Sub", std::string(text)}};
}

Json AssumeRolePolicyFor(std::string_view service) {
  return Json{
      {"Version", "2012-10-17"},
      {"Statement",
       Json::array({Json{{"Action", Json::array({"sts:AssumeRole"})},
                         {"Effect", "Allow"},
                         {"Principal", Json{{"Service", Json::array({std::string(service)})}}}}})}};
}

Json NewResource(std::string_view type, const Json& attributes) {
  Json r = Json::object();
  r["Type"] = std::string(type);
  r["Properties"] = Json::object();
  for (auto it = attributes.begin(); it != attributes.end(); ++it)
    r[it.key()] = it.value();
  return r;
}

Json SamResource::PassthroughAttributes() const {
  Json attrs = Json::object();
  for (const char* name : {"Condition", "DeletionPolicy", "UpdateReplacePolicy"}) {
    if (const Json* v = Get(*dict, name))
      attrs[name] = *v;
  }
  return attrs;
}

Json SamResource::ResourceAttributes() const {
  Json attrs = Json::object();
  for (const char* name : {"DependsOn", "DeletionPolicy", "UpdatePolicy", "Condition",
                           "UpdateReplacePolicy", "Metadata"}) {
    if (const Json* v = Get(*dict, name))
      attrs[name] = *v;
  }
  return attrs;
}

Json& Context::Conditions() {
  Json& t = *template_json;
  if (!t.contains("Conditions") || !t["Conditions"].is_object())
    t["Conditions"] = Json::object();
  return t["Conditions"];
}

std::string Context::Arn(std::string_view service, std::string_view resource) const {
  return "arn:" + partition + ":" + std::string(service) + ":::" + std::string(resource);
}

SarResolver* Context::Sar() {
  if (!sar_loaded) {
    sar_loaded = true;
    std::string error;
    if (!options.sar_mock.empty())
      sar = MakeSarMockResolver(options.sar_mock, &error);
  }
  return sar.get();
}

std::string Context::ManagedPolicyArn(std::string_view name) const {
  return "arn:" + partition + ":iam::aws:policy/" + std::string(name);
}

Status ConstructTagList(const std::string& logical_id, const Json* tags, Json* out,
                        const Json* additional) {
  *out = Json::array();
  for (const char* reserved :
       {"lambda:createdBy", "serverlessrepo:applicationId", "serverlessrepo:semanticVersion"}) {
    if (Truthy(tags) && tags->is_object() && tags->contains(reserved)) {
      return ResourceError(logical_id, std::string(reserved) +
                                           " is a reserved Tag key name and cannot be set on your "
                                           "resource. Please change the tag key in the input.");
    }
  }
  out->push_back(Json{{"Key", "lambda:createdBy"}, {"Value", "SAM"}});
  auto add = [&](const Json* m) {
    if (!Truthy(m) || !m->is_object())
      return;
    for (auto it = m->begin(); it != m->end(); ++it)
      out->push_back(Json{{"Key", it.key()}, {"Value", it.value()}});
  };
  add(additional);
  add(tags);
  return Ok();
}

namespace {

bool IsStringOrDict(const Json& v) {
  return v.is_string() || v.is_object();
}

bool CheckType(const Json& v, PropType type) {
  switch (type) {
    case PropType::kAny:
      return true;
    case PropType::kString:
    case PropType::kStringOnly:
      return v.is_string();
    case PropType::kDict:
      return v.is_object();
    case PropType::kList:
      return v.is_array();
    case PropType::kBool:
      return v.is_boolean();
    case PropType::kInt:
      return v.is_number_integer();
    case PropType::kStringOrDict:
      return IsStringOrDict(v);
    case PropType::kDictOfDict:
      if (!v.is_object())
        return false;
      for (const Json& item : v) {
        if (!item.is_object())
          return false;
      }
      return true;
    case PropType::kListOfStringOrDict:
      if (!v.is_array())
        return false;
      for (const Json& item : v) {
        if (!IsStringOrDict(item))
          return false;
      }
      return true;
    case PropType::kPolicies:
      if (IsStringOrDict(v))
        return true;
      return CheckType(v, PropType::kListOfStringOrDict);
    case PropType::kDeletionPolicy:
      return v.is_string() && (v == "Delete" || v == "Retain");
    case PropType::kStringOrStringList:
      if (v.is_string())
        return true;
      if (!v.is_array())
        return false;
      for (const Json& item : v) {
        if (!item.is_string())
          return false;
      }
      return true;
    case PropType::kBoolOrDict:
      return v.is_boolean() || v.is_object();
    case PropType::kMap:
      return v.is_object();
    case PropType::kDictOrListOfDict:
      if (v.is_object())
        return true;
      if (!v.is_array())
        return false;
      return std::all_of(v.begin(), v.end(), [](const Json& item) { return item.is_object(); });
    case PropType::kListOfString:
      return v.is_array() &&
             std::all_of(v.begin(), v.end(), [](const Json& item) { return item.is_string(); });
  }
  return true;
}

std::string ExpectedMessage(PropType type, const std::string& name) {
  switch (type) {
    case PropType::kString:
      return "Property '" + name + "' should be a string.";
    case PropType::kDict:
      return "Property '" + name + "' should be a map.";
    case PropType::kDeletionPolicy:
      return "Property '" + name + "' should be a one of the strings: 'Delete' or 'Retain'.";
    default:
      return "Type of property '" + name + "' is invalid.";
  }
}

}  // namespace

Status ValidateProperties(const SamResource& resource, const std::vector<PropertySpec>& specs) {
  // Unknown properties first (the reference's setattr check), in document order.
  for (auto it = resource.properties.begin(); it != resource.properties.end(); ++it) {
    bool known = std::any_of(specs.begin(), specs.end(),
                             [&](const PropertySpec& s) { return s.name == it.key(); });
    if (!known) {
      return ResourceError(
          resource.logical_id,
          "property " + it.key() + " not defined for resource of type " + resource.type,
          {"Properties", it.key()});
    }
  }
  for (const PropertySpec& spec : specs) {
    const Json* v = resource.Prop(spec.name);
    // The reference skips any one-key map here (its _is_intrinsic_function), not only
    // Ref/Fn::*: {"Event": {...}} under Events passes this check.
    if (v != nullptr && spec.intrinsics && v->is_object() && v->size() == 1)
      continue;
    if (v == nullptr || v->is_null()) {
      if (spec.required) {
        return ResourceError(resource.logical_id,
                             "Missing required property '" + std::string(spec.name) + "'.",
                             {"Properties"});
      }
      continue;
    }
    if (!CheckType(*v, spec.type)) {
      std::string name(spec.name);
      return ResourceError(resource.logical_id, ExpectedMessage(spec.type, name),
                           {"Properties", name});
    }
  }
  return Ok();
}

void PropagateTags(GeneratedList& resources, const Json* tags, const Json* propagate) {
  if (!Truthy(propagate) || !Truthy(tags) || !tags->is_object())
    return;
  // The generated types whose model has a Tags property (the reference's assign_tags).
  static const char* const kTaggable[] = {"AWS::Lambda::Function",
                                          "AWS::IAM::Role",
                                          "AWS::SQS::Queue",
                                          "AWS::SNS::Topic",
                                          "AWS::DynamoDB::Table",
                                          "AWS::S3::Bucket",
                                          "AWS::CodeDeploy::Application",
                                          "AWS::CodeDeploy::DeploymentGroup",
                                          "AWS::CloudFormation::Stack",
                                          "AWS::IoT::TopicRule",
                                          "AWS::Lambda::CapacityProvider",
                                          "AWS::StepFunctions::StateMachine",
                                          "AWS::ApiGateway::ApiKey",
                                          "AWS::ApiGateway::DomainName",
                                          "AWS::ApiGateway::DomainNameAccessAssociation",
                                          "AWS::ApiGateway::DomainNameV2",
                                          "AWS::ApiGateway::RestApi",
                                          "AWS::ApiGateway::Stage",
                                          "AWS::ApiGateway::UsagePlan"};
  Json list = Json::array();
  for (auto it = tags->begin(); it != tags->end(); ++it)  // get_tag_list: None becomes ""
    list.push_back(
        Json{{"Key", it.key()}, {"Value", it.value().is_null() ? Json("") : it.value()}});
  for (Generated& g : resources) {
    const Json* type = Get(g.resource, "Type");
    if (type == nullptr || !type->is_string())
      continue;
    for (const char* t : kTaggable) {
      if (*type == t) {
        g.resource["Properties"]["Tags"] = list;
        break;
      }
    }
  }
}

}  // namespace cfnx::sam
