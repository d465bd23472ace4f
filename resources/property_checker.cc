// Copyright 2026 The cfnx Authors.
// SPDX-License-Identifier: Apache-2.0

#include "resources/property_checker.h"

#include <cctype>
#include <cmath>
#include <cstdint>
#include <cstdlib>
#include <set>
#include <string_view>

#include <nlohmann/json.hpp>

#include "engine/base/edit_distance.h"
#include "engine/validate/condition_logic.h"
#include "engine/validate/validate.h"
#include "resources/cloudfront/aliases.h"
#include "resources/dynamodb/key_schema.h"
#include "resources/ec2/route_table_associations.h"
#include "resources/ec2/security_group_ports.h"
#include "resources/ecma_regex.h"
#include "resources/formats.h"
#include "resources/get_att_checker.h"
#include "resources/iam/policy_documents.h"
#include "resources/ignored_checks.h"
#include "resources/modules.h"
#include "resources/primary_identifiers.h"
#include "resources/route53/record_sets.h"
#include "resources/schema_types.h"

namespace cfnx {
namespace {

using Json = nlohmann::json;

// What an intrinsic function yields, as far as types go.
enum class Yield { kUnknown, kScalar, kList, kNoValue };

// Where a value is: its template path, where to point, and its name for messages.
struct Where {
  TemplatePath path;
  SourceRange range;
  std::string name;
};

// Forwards every diagnostic under one code: the rule of the attribute being walked.
class RecodingSink : public DiagnosticSink {
 public:
  RecodingSink(DiagnosticSink& next, DiagCode code) : next_(next), code_(code) {}
  using DiagnosticSink::Report;
  void Report(Diagnostic d) override {
    d.code = code_;
    d.severity = GetDiagCodeInfo(code_).severity;
    next_.Report(std::move(d));
  }

 private:
  DiagnosticSink& next_;
  DiagCode code_;
};

class CollectingSink : public DiagnosticSink {
 public:
  using DiagnosticSink::Report;
  void Report(Diagnostic d) override { diagnostics.push_back(std::move(d)); }
  std::vector<Diagnostic> diagnostics;
};

std::string Q(std::string_view s) {
  return "'" + std::string(s) + "'";
}

bool StartsWith(std::string_view s, std::string_view prefix) {
  return s.substr(0, prefix.size()) == prefix;
}

bool IsCustomType(std::string_view type) {
  return StartsWith(type, "Custom::") || type == "AWS::CloudFormation::CustomResource";
}

// Service::Provider::Resource with alphanumeric parts (the lead's structure check reports the
// rest as E3006 syntax errors).
bool IsProviderShape(std::string_view type) {
  int parts = 0;
  size_t start = 0;
  while (true) {
    size_t sep = type.find("::", start);
    std::string_view part = type.substr(start, sep == std::string_view::npos ? sep : sep - start);
    if (part.empty()) {
      return false;
    }
    for (char c : part) {
      if (!std::isalnum(static_cast<unsigned char>(c))) {
        return false;
      }
    }
    ++parts;
    if (sep == std::string_view::npos) {
      break;
    }
    start = sep + 2;
  }
  return parts == 3;
}

bool IsAlphanumeric(std::string_view s) {
  for (char c : s) {
    if (!std::isalnum(static_cast<unsigned char>(c))) {
      return false;
    }
  }
  return !s.empty();
}

bool IsDynamicReference(std::string_view s) {
  return s.find("{{resolve:") != std::string_view::npos;
}

// The part of /Resources/<id>/Properties/<rest> after Properties ("" above it).
std::string PropertyPath(const TemplatePath& path) {
  const std::vector<std::string>& segments = path.segments();
  std::string rest;
  for (size_t i = 3; i < segments.size(); ++i) {
    rest += (i == 3 ? "" : "/") + segments[i];
  }
  return rest;
}

// Properties that `aws cloudformation package` fills in from a local path: a string there is a
// path to upload, not a value to check (cfn-lint's TEMPLATED_PROPERTY_CFN_PATHS; it warns
// with W3002).
bool IsPackagedProperty(std::string_view type, const TemplatePath& path) {
  static const std::pair<std::string_view, std::string_view> kPackaged[] = {
      {"AWS::ApiGateway::RestApi", "BodyS3Location"},
      {"AWS::Lambda::Function", "Code"},
      {"AWS::Lambda::LayerVersion", "Content"},
      {"AWS::ElasticBeanstalk::ApplicationVersion", "SourceBundle"},
      {"AWS::StepFunctions::StateMachine", "DefinitionS3Location"},
      {"AWS::AppSync::GraphQLSchema", "DefinitionS3Location"},
      {"AWS::AppSync::Resolver", "RequestMappingTemplateS3Location"},
      {"AWS::AppSync::Resolver", "ResponseMappingTemplateS3Location"},
      {"AWS::AppSync::FunctionConfiguration", "RequestMappingTemplateS3Location"},
      {"AWS::AppSync::FunctionConfiguration", "ResponseMappingTemplateS3Location"},
      {"AWS::CloudFormation::Stack", "TemplateURL"},
      {"AWS::CodeCommit::Repository", "Code/S3"},
  };
  std::string rest = PropertyPath(path);
  if (rest.empty()) {
    return false;
  }
  for (const auto& [t, p] : kPackaged) {
    if (t == type && p == rest) {
      return true;
    }
  }
  return false;
}

class Checker {
 public:
  Checker(const Template& t, const ResourceTypeRegistry& registry,
          const ResourceCheckOptions& options, DiagnosticSink& diags)
      : t_(t), registry_(registry), options_(options), diags_(diags) {}

  void Run() {
    for (const Resource& r : t_.resources) {
      CheckResource(r);
    }
  }

 private:
  // --- Resources ---------------------------------------------------------------------------

  void CheckResource(const Resource& r) {
    if (r.type.empty() || r.node == nullptr || !IsAlphanumeric(r.logical_id)) {
      return;  // an invalid logical id is reported (E3011); its properties are not looked at
    }
    IgnoringSink sink(diags_, IgnoredChecksOf(r));
    DiagnosticSink* saved = out_;
    out_ = &sink;
    CheckResourceProperties(r);
    CheckPolicyAttributes(r);
    out_ = saved;
  }

  // CreationPolicy and UpdatePolicy against cfn-lint's attribute schemas. Every finding inside
  // one is reported under the attribute's rule (E3055, E3016), as cfn-lint does.
  void CheckPolicyAttributes(const Resource& r) {
    if (options_.attributes == nullptr || IsCustomType(r.type) || IsModuleType(r.type) ||
        StartsWith(r.type, "AWS::Serverless::") || !IsProviderShape(r.type)) {
      return;
    }
    struct Attribute {
      const char* name;
      const Node* value;
      DiagCode code;
    };
    const Attribute attributes[] = {{"CreationPolicy", r.creation_policy, DiagCode::kE3055},
                                    {"UpdatePolicy", r.update_policy, DiagCode::kE3016}};
    for (const Attribute& a : attributes) {
      const MapEntry* entry = r.node->Find(a.name);
      if (a.value == nullptr || entry == nullptr) {
        continue;
      }
      Where where{TemplatePath{"Resources", r.logical_id, a.name}, entry->key->range(), a.name};
      RecodingSink sink(*out_, a.code);
      const ResourceType* schema = options_.attributes->Find(a.name, r.type);
      if (schema == nullptr) {
        if (a.code == DiagCode::kE3016 && registry_.Contains(r.type)) {
          std::string types;
          for (const std::string& t : options_.attributes->TypesWith(a.name)) {
            types += (types.empty() ? "" : ", ") + t;
          }
          sink.Report(
              DiagCode::kE3016, where.range, where.path,
              "UpdatePolicy is not supported on " + r.type + "; only " + types + " take one.");
        }
        continue;
      }
      type_ = schema;
      top_schema_ = &schema->schema();
      Validate(a.value, schema->schema(), where, sink);
      type_ = nullptr;
      top_schema_ = nullptr;
    }
  }

  // The rule ids a resource's `Metadata: {cfn-lint: {config: {ignore_checks: [...]}}}` turns off
  // (cfn-lint's resource-level directives; an id matches as a prefix, so "E30" covers E3002).
  static std::vector<std::string> IgnoredChecksOf(const Resource& r) { return IgnoredChecks(r); }

  void CheckResourceProperties(const Resource& r) {
    TemplatePath path{"Resources", r.logical_id};
    const MapEntry* props_entry = r.node->Find("Properties");
    Where where{path.Child("Properties"),
                props_entry != nullptr ? props_entry->key->range() : r.key->range(), "Properties"};
    if (IsCustomType(r.type)) {
      CheckCustomResource(r, where);
      return;
    }
    if (IsModuleType(r.type)) {
      CheckModuleResource(r, *out_);
      return;
    }
    if (StartsWith(r.type, "AWS::Serverless::") || !IsProviderShape(r.type)) {
      return;
    }
    if (!registry_.Contains(r.type)) {
      out_->Report(DiagCode::kE3006, r.type_node->range(), path.Child("Type"),
                   "Resource type " + Q(r.type) + " does not exist." +
                       DidYouMean(r.type, registry_.TypeNames()));
      return;
    }
    if (!registry_.AvailableIn(r.type, options_.region)) {
      out_->Report(
          DiagCode::kE3006, r.type_node->range(), path.Child("Type"),
          "Resource type " + Q(r.type) + " is not available in region " + Q(options_.region) + ".");
    }
    type_ = registry_.Find(r.type, options_.region);
    if (type_ == nullptr) {
      return;
    }
    top_schema_ = &type_->schema();
    resource_ = &r;
    CheckLifecycle(where);
    if (r.type == "AWS::DynamoDB::Table") {
      CheckDynamoDbKeySchema(r, *out_);
    }
    CheckSecurityGroupPorts(r, *out_);
    CheckPolicyDocuments(r, *out_);
    CheckRecordSets(r, *out_);
    CheckCloudFrontAliases(r, *out_);
    if (r.properties == nullptr) {
      CheckRequired(nullptr, type_->schema(), where, *out_);
    } else {
      Validate(r.properties, type_->schema(), where, *out_);
    }
    type_ = nullptr;
    top_schema_ = nullptr;
    resource_ = nullptr;
  }

  // A type whose service AWS has shut down (the schema's `lifecycle`, as cfn-lint patches it in)
  // can no longer be created:
  // https://docs.aws.amazon.com/general/latest/gr/full_shutdown_services.html
  void CheckLifecycle(const Where& where) {
    auto lifecycle = type_->schema().find("lifecycle");
    if (lifecycle == type_->schema().end() || !lifecycle->is_object() ||
        lifecycle->value("status", "") != "shutdown") {
      return;
    }
    std::string date = lifecycle->value("date", "");
    out_->Report(DiagCode::kE3710, where.range, where.path,
                 "Resource type " + Q(type_->name()) + " is from a service that was shut down" +
                     (date.empty() ? "" : " on " + date) +
                     "; CloudFormation can no longer create or update it.");
  }

  void CheckCustomResource(const Resource& r, const Where& where) {
    const auto* props = dyn_cast<MapNode>(r.properties);
    if (r.properties != nullptr && props == nullptr) {
      return;  // Fn::If and friends: decided at deploy time
    }
    if (props == nullptr || props->Get("ServiceToken") == nullptr) {
      out_->Report(
          DiagCode::kE3003, where.range, where.path,
          "'ServiceToken' is a required property of custom resource " + Q(r.logical_id) + ".");
    }
  }

  // --- The schema walk ---------------------------------------------------------------------

  const Json* Resolve(const Json* s) const {
    for (int depth = 0; depth < 32 && s != nullptr && s->is_object(); ++depth) {
      auto ref = s->find("$ref");
      if (ref == s->end() || !ref->is_string()) {
        return s;
      }
      s = type_->ResolveRef(ref->get_ref<const std::string&>());
    }
    return nullptr;
  }

  void Validate(const Node* v, const Json& schema, const Where& w, DiagnosticSink& out) {
    const Json* s = Resolve(&schema);
    if (s == nullptr || !s->is_object() || v == nullptr) {
      return;
    }
    if (const auto* fn = dyn_cast<FnCallNode>(v)) {
      ValidateFunction(fn, *s, w, out);
      return;
    }
    if (const auto* str = dyn_cast<StringNode>(v);
        str != nullptr &&
        (IsDynamicReference(str->value()) || IsPackagedProperty(type_->name(), w.path))) {
      return;
    }
    unsigned want = SchemaTypes(*s);
    if (want != 0 && (ValueTypes(v) & want) == 0) {
      out.Report(
          DiagCode::kE3012, w.range, w.path,
          Q(w.name) + " must be " + TypeNames(want) + ", not " + std::string(KindNoun(v)) + ".");
      return;
    }
    if (const auto* map = dyn_cast<MapNode>(v)) {
      ValidateObject(map, *s, w, out);
    } else if (const auto* list = dyn_cast<ListNode>(v)) {
      ValidateArray(list, *s, w, out);
    } else if (const auto* scalar = dyn_cast<ScalarNode>(v);
               scalar != nullptr && !isa<NullNode>(v)) {
      ValidateScalar(scalar, *s, w, out);
    }
    ValidateCombinators(v, *s, w, out);
  }

  void ValidateFunction(const FnCallNode* fn, const Json& s, const Where& w, DiagnosticSink& out) {
    if (fn->fn() == FnKind::kIf) {
      const auto* args = dyn_cast<ListNode>(fn->args());
      if (args == nullptr || args->size() != 3) {
        return;  // reported by the function checks
      }
      if (const auto* name = dyn_cast<StringNode>(args->items()[0]);
          name != nullptr && t_.FindCondition(name->value()) == nullptr) {
        return;  // an undeclared condition (E8002): the branches are not checked
      }
      for (size_t i = 1; i < 3; ++i) {
        const Node* branch = args->items()[i];
        if (!IsNoValue(branch)) {
          Validate(branch, s, Where{w.path.Child("Fn::If").Child(i), branch->range(), w.name}, out);
        }
      }
      return;
    }
    CheckRefFormat(fn, s, w, out);
    Yield yield = FunctionYield(fn);
    unsigned want = SchemaTypes(s);
    if (yield == Yield::kUnknown || yield == Yield::kNoValue || want == 0) {
      return;
    }
    bool ok = yield == Yield::kList ? (want & kTArray) != 0 : (want & kScalarTypes) != 0;
    if (!ok) {
      out.Report(DiagCode::kE3012, w.range, w.path,
                 Q(w.name) + " must be " + TypeNames(want) + ", but " +
                     std::string(FnName(fn->fn())) + " yields " +
                     (yield == Yield::kList ? "a list" : "a string") + ".");
    }
  }

  // Ref to an AWS::EC2::SecurityGroup yields its id when it has a VpcId and its name
  // otherwise (EC2-Classic and default-VPC groups); a property whose schema format asks for the
  // other one gets a value CloudFormation rejects at deploy time (cfn-lint's E1041).
  void CheckRefFormat(const FnCallNode* fn, const Json& s, const Where& w, DiagnosticSink& out) {
    if (fn->fn() != FnKind::kRef)
      return;
    auto format = s.find("format");
    const auto* name = dyn_cast<StringNode>(fn->args());
    if (format == s.end() || !format->is_string() || name == nullptr)
      return;
    const std::string& want = format->get_ref<const std::string&>();
    if (want != "AWS::EC2::SecurityGroup.Id" && want != "AWS::EC2::SecurityGroup.Name")
      return;
    const Resource* target = t_.FindResource(name->value());
    if (target == nullptr || target->type != "AWS::EC2::SecurityGroup")
      return;
    const auto* props = dyn_cast<MapNode>(target->properties);
    bool has_vpc = props != nullptr && props->Find("VpcId") != nullptr;
    if (want == "AWS::EC2::SecurityGroup.Id" && !has_vpc) {
      out.Report(DiagCode::kE1041, w.range, w.path,
                 "Ref " + name->value() +
                     " yields the security group's name (it has no VpcId), "
                     "but " +
                     Q(w.name) + " needs a group id; use !GetAtt " + name->value() + ".GroupId.");
    } else if (want == "AWS::EC2::SecurityGroup.Name" && has_vpc) {
      out.Report(DiagCode::kE1041, w.range, w.path,
                 "Ref " + name->value() + " yields the security group's id (it has a VpcId), but " +
                     Q(w.name) + " needs a group name.");
    }
  }

  Yield FunctionYield(const FnCallNode* fn) const {
    switch (fn->fn()) {
      case FnKind::kJoin:
      case FnKind::kSub:
      case FnKind::kBase64:
      case FnKind::kToJsonString:
      case FnKind::kLength:
        return Yield::kScalar;
      case FnKind::kGetAZs:
      case FnKind::kSplit:
      case FnKind::kCidr:
        return Yield::kList;
      case FnKind::kRef:
        if (const auto* name = dyn_cast<StringNode>(fn->args())) {
          return RefYield(name->value());
        }
        return Yield::kUnknown;
      case FnKind::kGetAtt:
        return GetAttYield(fn);
      default:
        return Yield::kUnknown;
    }
  }

  Yield RefYield(const std::string& name) const {
    if (name == "AWS::NoValue") {
      return Yield::kNoValue;
    }
    if (name == "AWS::NotificationARNs") {
      return Yield::kList;
    }
    if (IsPseudoParameter(name)) {
      return Yield::kScalar;
    }
    if (const Parameter* p = t_.FindParameter(name)) {
      const std::string& type = p->type;
      if (type.empty()) {
        return Yield::kUnknown;
      }
      bool list = StartsWith(type, "List<") || type == "CommaDelimitedList" ||
                  StartsWith(type, "AWS::SSM::Parameter::Value<List<") ||
                  type == "AWS::SSM::Parameter::Value<CommaDelimitedList>";
      return list ? Yield::kList : Yield::kScalar;
    }
    if (t_.FindResource(name) != nullptr) {
      return Yield::kScalar;
    }
    return Yield::kUnknown;
  }

  // The type of the attribute's read-only property in the target's schema.
  Yield GetAttYield(const FnCallNode* fn) const {
    std::string resource;
    std::string attribute;
    if (!GetAttNames(fn, &resource, &attribute, nullptr)) {
      return Yield::kUnknown;
    }
    const Resource* target = t_.FindResource(resource);
    if (target == nullptr || IsCustomType(target->type) || !registry_.Contains(target->type)) {
      return Yield::kUnknown;
    }
    const ResourceType* rt = registry_.Find(target->type, options_.region);
    if (rt == nullptr || !rt->HasAttribute(attribute)) {
      return Yield::kUnknown;
    }
    const Json* s = &rt->schema();
    size_t start = 0;
    while (s != nullptr) {
      size_t dot = attribute.find('.', start);
      std::string part = attribute.substr(start, dot == std::string::npos ? dot : dot - start);
      auto props = s->find("properties");
      if (props == s->end() || !props->contains(part)) {
        return Yield::kUnknown;
      }
      s = &(*props)[part];
      for (int depth = 0; depth < 32 && s != nullptr && s->contains("$ref"); ++depth) {
        s = (*s)["$ref"].is_string() ? rt->ResolveRef((*s)["$ref"].get<std::string>()) : nullptr;
      }
      if (dot == std::string::npos) {
        break;
      }
      start = dot + 1;
    }
    if (s == nullptr) {
      return Yield::kUnknown;
    }
    unsigned types = SchemaTypes(*s);
    if (types == kTArray) {
      return Yield::kList;
    }
    if (types != 0 && (types & ~kScalarTypes) == 0) {
      return Yield::kScalar;
    }
    return Yield::kUnknown;
  }

  void ValidateObject(const MapNode* map, const Json& s, const Where& w, DiagnosticSink& out) {
    auto props = s.find("properties");
    auto patterns = s.find("patternProperties");
    auto additional = s.find("additionalProperties");
    bool top = &s == top_schema_;
    for (const MapEntry& e : map->entries()) {
      const std::string& key = e.key->value();
      if (IsNoValue(e.value)) {
        continue;
      }
      const Json* sub = nullptr;
      if (props != s.end() && props->is_object()) {
        auto it = props->find(key);
        if (it != props->end()) {
          sub = &*it;
        }
      }
      if (sub == nullptr && patterns != s.end() && patterns->is_object()) {
        for (auto it = patterns->begin(); it != patterns->end() && sub == nullptr; ++it) {
          bool supported = true;
          std::string why;
          if (EcmaRegexSearch(it.key(), key, &supported, &why) && supported) {
            sub = &it.value();
          }
        }
      }
      Where child{w.path.Child(key), e.key->range(), key};
      if (sub == nullptr) {
        if (additional != s.end() && additional->is_boolean() && !additional->get<bool>()) {
          ReportUnknownProperty(key, props != s.end() ? &*props : nullptr, w, child, top, out);
        } else if (additional != s.end() && additional->is_object()) {
          Validate(e.value, *additional, child, out);
        }
        continue;
      }
      if (top && type_->IsReadOnlyProperty(key)) {
        out.Report(DiagCode::kE3040, child.range, child.path,
                   Q(key) + " is a read-only property of " + type_->name() +
                       ": CloudFormation sets it, so it cannot be set in a template.");
        continue;
      }
      Validate(e.value, *sub, child, out);
    }
    CheckRequired(map, s, w, out);
    CheckPropertyRelations(map, s, w, out);
  }

  // The keywords cfn-lint's schema patches add between a map's keys: requiredXor (exactly one
  // of), requiredOr (at least one of), dependentExcluded (not together with),
  // dependentRequired (only together with).
  void CheckPropertyRelations(const MapNode* map, const Json& s, const Where& w,
                              DiagnosticSink& out) {
    // Set, or set unless a condition removes it (Fn::If with an AWS::NoValue branch).
    auto present = [&](const Json& name) -> const MapEntry* {
      if (!name.is_string()) {
        return nullptr;
      }
      const MapEntry* e = map->Find(name.get_ref<const std::string&>());
      return e != nullptr && !IsNoValue(e->value) ? e : nullptr;
    };
    auto conditional = [](const MapEntry* e) {
      const auto* fn = dyn_cast<FnCallNode>(e->value);
      const auto* args =
          fn != nullptr && fn->fn() == FnKind::kIf ? dyn_cast<ListNode>(fn->args()) : nullptr;
      if (args == nullptr) {
        return false;
      }
      for (const Node* branch : args->items()) {
        if (IsNoValue(branch)) {
          return true;
        }
      }
      return false;
    };
    auto names = [](const Json& list) {
      std::string text;
      for (const Json& n : list) {
        text += (text.empty() ? "" : ", ") + Q(JsonScalarText(n));
      }
      return "[" + text + "]";
    };
    for (const char* keyword : {"requiredXor", "requiredOr"}) {
      auto list = s.find(keyword);
      if (list == s.end() || !list->is_array()) {
        continue;
      }
      bool exactly_one = std::string_view(keyword) == "requiredXor";
      std::vector<const MapEntry*> set;
      size_t maybe = 0;
      for (const Json& n : *list) {
        if (const MapEntry* e = present(n)) {
          if (conditional(e)) {
            ++maybe;
          } else {
            set.push_back(e);
          }
        }
      }
      DiagCode code = exactly_one ? DiagCode::kE3014 : DiagCode::kE3058;
      if (set.empty() && maybe == 0) {
        out.Report(code, w.range, w.path,
                   std::string(exactly_one ? "Exactly" : "At least") + " one of " + names(*list) +
                       " must be set in " + Q(w.name) + ".");
      } else if (exactly_one && set.size() > 1) {
        for (const MapEntry* e : set) {
          out.Report(code, e->key->range(), w.path.Child(e->key->value()),
                     "Only one of " + names(*list) + " may be set in " + Q(w.name) + "; " +
                         Q(e->key->value()) + " is one of " + std::to_string(set.size()) + ".");
        }
      }
    }
    for (const char* keyword : {"dependentExcluded", "dependentRequired"}) {
      auto deps = s.find(keyword);
      if (deps == s.end() || !deps->is_object()) {
        continue;
      }
      bool excluded = std::string_view(keyword) == "dependentExcluded";
      for (auto it = deps->begin(); it != deps->end(); ++it) {
        const MapEntry* trigger = present(Json(it.key()));
        if (trigger == nullptr || conditional(trigger) || !it.value().is_array()) {
          continue;
        }
        for (const Json& other : it.value()) {
          const MapEntry* e = present(other);
          if (excluded && e != nullptr && !conditional(e)) {
            out.Report(DiagCode::kE3020, e->key->range(), w.path.Child(e->key->value()),
                       Q(e->key->value()) + " cannot be set together with " + Q(it.key()) + " in " +
                           Q(w.name) + ".");
          } else if (!excluded && e == nullptr && other.is_string()) {
            out.Report(DiagCode::kE3021, w.range, w.path,
                       Q(other.get<std::string>()) + " is required in " + Q(w.name) + " when " +
                           Q(it.key()) + " is set.");
          }
        }
      }
    }
  }

  void ReportUnknownProperty(const std::string& key, const Json* props, const Where& parent,
                             const Where& child, bool top, DiagnosticSink& out) {
    std::vector<std::string_view> names;
    if (props != nullptr && props->is_object()) {
      for (auto it = props->begin(); it != props->end(); ++it) {
        names.push_back(it.key());
      }
    }
    std::string where = top ? type_->name() : Q(parent.name) + " (" + type_->name() + ")";
    out.Report(DiagCode::kE3002, child.range, child.path,
               Q(key) + " is not a property of " + where + "." + DidYouMean(key, names));
  }

  void CheckRequired(const MapNode* map, const Json& s, const Where& w, DiagnosticSink& out) {
    auto required = s.find("required");
    if (required == s.end() || !required->is_array()) {
      return;
    }
    for (const Json& name : *required) {
      if (!name.is_string()) {
        continue;
      }
      const std::string& n = name.get_ref<const std::string&>();
      const Node* value = map != nullptr ? map->Get(n) : nullptr;
      std::string of = &s == top_schema_ ? type_->name() : Q(w.name);
      if (value == nullptr || IsNoValue(value)) {
        out.Report(DiagCode::kE3003, w.range, w.path,
                   Q(n) + " is a required property of " + of + ".");
      } else if (std::string when = AbsentWhen(value); !when.empty()) {
        out.Report(DiagCode::kE3003, w.range, w.path,
                   Q(n) + " is a required property of " + of + when + ".");
      }
    }
  }

  // For `Fn::If [C, X, Ref AWS::NoValue]` (or the NoValue first): " when condition 'C' is
  // False" if the template lets C take that value where the resource exists, else "". The
  // property is then absent in that scenario, as cfn-lint's scenarios find.
  std::string AbsentWhen(const Node* value) {
    const auto* fn = dyn_cast<FnCallNode>(value);
    const auto* args =
        fn != nullptr && fn->fn() == FnKind::kIf ? dyn_cast<ListNode>(fn->args()) : nullptr;
    const auto* name =
        args != nullptr && args->size() == 3 ? dyn_cast<StringNode>(args->items()[0]) : nullptr;
    if (name == nullptr || t_.FindCondition(name->value()) == nullptr ||
        IsNoValue(args->items()[1]) == IsNoValue(args->items()[2]))
      return "";
    bool absent_when = IsNoValue(args->items()[1]);
    std::vector<ConditionAssumption> assumptions{{name->value(), absent_when}};
    if (resource_ != nullptr && resource_->condition != nullptr)
      assumptions.emplace_back(resource_->condition->value(), true);
    if (!logic_.Satisfiable(assumptions))
      return "";
    return " when condition " + Q(name->value()) + " is " + (absent_when ? "True" : "False");
  }

  void ValidateArray(const ListNode* list, const Json& s, const Where& w, DiagnosticSink& out) {
    size_t count = 0;
    bool uncertain = false;
    for (const Node* item : list->items()) {
      if (IsNoValue(item)) {
        continue;
      }
      if (const auto* fn = dyn_cast<FnCallNode>(item); fn != nullptr && fn->fn() == FnKind::kIf) {
        uncertain = true;
      }
      ++count;
    }
    if (!uncertain) {
      auto min = s.find("minItems");
      auto max = s.find("maxItems");
      if (min != s.end() && min->is_number() && count < min->get<double>()) {
        out.Report(DiagCode::kE3032, w.range, w.path,
                   Q(w.name) + " has " + std::to_string(count) + " item" + (count == 1 ? "" : "s") +
                       "; at least " + JsonScalarText(*min) + " required.");
      }
      if (max != s.end() && max->is_number() && count > max->get<double>()) {
        out.Report(DiagCode::kE3032, w.range, w.path,
                   Q(w.name) + " has " + std::to_string(count) + " items; at most " +
                       JsonScalarText(*max) + " allowed.");
      }
    }
    if (auto unique = s.find("uniqueItems");
        unique != s.end() && unique->is_boolean() && unique->get<bool>()) {
      CheckUniqueItems(list, w, out);
    }
    auto items = s.find("items");
    if (items == s.end() || !items->is_object()) {
      return;
    }
    for (size_t i = 0; i < list->size(); ++i) {
      const Node* item = list->items()[i];
      if (!IsNoValue(item)) {
        Validate(item, *items, Where{w.path.Child(i), item->range(), w.name}, out);
      }
    }
  }

  // Literal scalars only: values of intrinsic functions are only known at deploy time.
  void CheckUniqueItems(const ListNode* list, const Where& w, DiagnosticSink& out) {
    std::set<std::string> seen;
    for (const Node* item : list->items()) {
      const auto* scalar = dyn_cast<ScalarNode>(item);
      if (scalar == nullptr || isa<NullNode>(item)) {
        continue;
      }
      if (!seen.insert(scalar->text()).second) {
        out.Report(DiagCode::kE3037, w.range, w.path,
                   Q(w.name) + " lists " + Q(scalar->text()) +
                       " more than once; its items must be unique.");
        return;
      }
    }
  }

  void ValidateScalar(const ScalarNode* v, const Json& s, const Where& w, DiagnosticSink& out) {
    const std::string& text = v->text();
    bool is_string = isa<StringNode>(v);
    auto e = s.find("enum");
    if (e != s.end() && e->is_array() && !MatchesEnum(v, *e, s.contains("enumCaseInsensitive"))) {
      std::string allowed;
      size_t shown = 0;
      for (const Json& item : *e) {
        if (shown++ == 12) {
          allowed += ", ...";
          break;
        }
        allowed += (allowed.empty() ? "" : ", ") + Q(JsonScalarText(item));
      }
      out.Report(DiagCode::kE3030, w.range, w.path,
                 Q(text) + " is not an allowed value of " + Q(w.name) + "; expected one of " +
                     allowed + ".");
    }
    if (is_string) {
      auto pattern = s.find("pattern");
      if (pattern != s.end() && pattern->is_string()) {
        CheckPattern(text, pattern->get_ref<const std::string&>(), w, out);
      }
      if (auto format = s.find("format"); format != s.end() && format->is_string()) {
        std::optional<FormatViolation> bad = CheckFormat(format->get_ref<const std::string&>(),
                                                         text, type_->name(), PropertyPath(w.path));
        if (bad.has_value()) {
          out.Report(bad->code, w.range, w.path, std::move(bad->message));
        }
      }
      size_t length = Utf8Length(text);
      auto min = s.find("minLength");
      auto max = s.find("maxLength");
      if (min != s.end() && min->is_number() && length < min->get<double>()) {
        out.Report(DiagCode::kE3033, w.range, w.path,
                   Q(w.name) + " is " + std::to_string(length) +
                       " characters long; the minimum is " + JsonScalarText(*min) + ".");
      }
      if (max != s.end() && max->is_number() && length > max->get<double>()) {
        out.Report(DiagCode::kE3033, w.range, w.path,
                   Q(w.name) + " is " + std::to_string(length) +
                       " characters long; the maximum is " + JsonScalarText(*max) + ".");
      }
    }
    double number = 0;
    bool numeric = isa<NumberNode>(v) ? (number = cast<NumberNode>(v)->value(), true)
                                      : (is_string && ParseNumber(text, &number));
    if (numeric) {
      CheckRange(number, s, w, out);
    }
  }

  bool MatchesEnum(const ScalarNode* v, const Json& values, bool case_insensitive) const {
    const std::string& text = v->text();
    double number = 0;
    bool numeric = isa<NumberNode>(v) ? (number = cast<NumberNode>(v)->value(), true)
                                      : ParseNumber(text, &number);
    for (const Json& item : values) {
      if (item.is_string()) {
        const std::string& s = item.get_ref<const std::string&>();
        if (s == text || (case_insensitive && EqualsIgnoreCase(s, text))) {
          return true;
        }
      } else if (item.is_number()) {
        if (numeric && item.get<double>() == number) {
          return true;
        }
      } else if (item.is_boolean()) {
        if (EqualsIgnoreCase(text, item.get<bool>() ? "true" : "false")) {
          return true;
        }
      }
    }
    return false;
  }

  void CheckPattern(const std::string& text, const std::string& pattern, const Where& w,
                    DiagnosticSink& out) {
    bool supported = true;
    std::string why;
    if (EcmaRegexSearch(pattern, text, &supported, &why)) {
      if (!supported && unsupported_reported_.insert(pattern).second) {
        out.Report(DiagCode::kI3031, w.range, w.path,
                   "The pattern of " + Q(w.name) + " was not checked: " + why + ".");
      }
      return;
    }
    out.Report(DiagCode::kE3031, w.range, w.path,
               Q(text) + " does not match the pattern of " + Q(w.name) + ": " + pattern);
  }

  void CheckRange(double number, const Json& s, const Where& w, DiagnosticSink& out) {
    auto bound = [&](const char* key, bool below, bool exclusive) {
      auto it = s.find(key);
      if (it == s.end() || !it->is_number()) {
        return;
      }
      double limit = it->get<double>();
      bool bad = below ? (exclusive ? number <= limit : number < limit)
                       : (exclusive ? number >= limit : number > limit);
      if (bad) {
        out.Report(DiagCode::kE3034, w.range, w.path,
                   Q(w.name) + " is " + NumberText(number) + "; the " +
                       (below ? "minimum" : "maximum") + " is " + NumberText(limit) +
                       (exclusive ? " (exclusive)." : "."));
      }
    };
    bound("minimum", true, false);
    bound("maximum", false, false);
    bound("exclusiveMinimum", true, true);
    bound("exclusiveMaximum", false, true);
  }

  void ValidateCombinators(const Node* v, const Json& s, const Where& w, DiagnosticSink& out) {
    if (auto all = s.find("allOf"); all != s.end() && all->is_array()) {
      for (const Json& sub : *all) {
        Validate(v, sub, w, out);
      }
    }
    for (const char* keyword : {"anyOf", "oneOf"}) {
      auto alternatives = s.find(keyword);
      if (alternatives == s.end() || !alternatives->is_array() || alternatives->empty()) {
        continue;
      }
      size_t matches = 0;
      size_t fewest = SIZE_MAX;
      const Diagnostic* closest = nullptr;
      std::vector<CollectingSink> trials(alternatives->size());
      for (size_t i = 0; i < alternatives->size(); ++i) {
        Validate(v, (*alternatives)[i], w, trials[i]);
        size_t errors = trials[i].diagnostics.size();
        if (errors == 0) {
          ++matches;
        } else if (errors < fewest) {
          fewest = errors;
          closest = &trials[i].diagnostics.front();
        }
      }
      bool any = std::string_view(keyword) == "anyOf";
      // oneOf with several matches is reported only when every alternative is a list of
      // required properties: which keys are present is known before deployment. Otherwise
      // values known only at deploy time satisfy every alternative, and reporting it would be
      // mostly false alarms.
      if (!any && matches > 1 && OnlyRequiredLists(*alternatives)) {
        out.Report(DiagCode::kE3018, w.range, w.path,
                   Q(w.name) +
                       " must match exactly one of: " + DescribeAlternatives(*alternatives) +
                       "; it matches " + std::to_string(matches) + ".");
        continue;
      }
      if (matches > 0) {
        continue;
      }
      std::string message = Q(w.name) + " must match " + (any ? "at least one" : "exactly one") +
                            " of: " + DescribeAlternatives(*alternatives) + ".";
      if (closest != nullptr) {
        message += " (" + closest->message + ")";
      }
      out.Report(any ? DiagCode::kE3017 : DiagCode::kE3018, w.range, w.path, message);
    }
  }

  // True when each alternative is exactly {"required": [...]}.
  static bool OnlyRequiredLists(const Json& alternatives) {
    for (const Json& alt : alternatives) {
      if (!alt.is_object() || alt.size() != 1 || !alt.contains("required") ||
          !alt["required"].is_array())
        return false;
    }
    return true;
  }

  std::string DescribeAlternatives(const Json& alternatives) const {
    std::string out;
    for (size_t i = 0; i < alternatives.size(); ++i) {
      const Json& alt = alternatives[i];
      std::string d;
      if (alt.is_object() && alt.contains("required") && alt["required"].is_array()) {
        for (const Json& r : alt["required"]) {
          d += (d.empty() ? "" : " and ") + JsonScalarText(r);
        }
        d = d.empty() ? "" : "set " + d;
      }
      if (d.empty() && alt.is_object() && alt.contains("$ref") && alt["$ref"].is_string()) {
        std::string ref = alt["$ref"].get<std::string>();
        d = ref.substr(ref.rfind('/') + 1);
      }
      if (d.empty() && alt.is_object() && alt.contains("type")) {
        d = TypeNames(SchemaTypes(alt));
      }
      if (d.empty()) {
        d = "alternative " + std::to_string(i + 1);
      }
      out += (out.empty() ? "" : "; ") + d;
    }
    return out;
  }

  const Template& t_;
  const ResourceTypeRegistry& registry_;
  const ResourceCheckOptions& options_;
  DiagnosticSink& diags_;
  DiagnosticSink* out_ = &diags_;  // diags_ behind the current resource's ignore_checks
  const ResourceType* type_ = nullptr;
  const Json* top_schema_ = nullptr;
  const Resource* resource_ = nullptr;  // the resource being checked
  ConditionLogic logic_{t_};
  std::set<std::string> unsupported_reported_;
};

}  // namespace

void CheckResources(const Template& t, const ResourceTypeRegistry& registry,
                    const ResourceCheckOptions& options, DiagnosticSink& diags) {
  Checker(t, registry, options, diags).Run();
  CheckGetAttAttributes(t, registry, options.region, diags);
  CheckPrimaryIdentifiers(t, registry, options.region, diags);
  CheckSubnetRouteTableAssociations(t, diags);
}

}  // namespace cfnx
