// Copyright 2026 The cfnx Authors.
// SPDX-License-Identifier: Apache-2.0
//
// Structural checks. Limits and names follow
// https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/cloudformation-limits.html

#include <algorithm>
#include <array>
#include <cctype>
#include <cmath>
#include <string>

#include <re2/re2.h>

#include "engine/base/edit_distance.h"
#include "engine/validate/validate.h"

namespace cfnx {
namespace {

constexpr size_t kMaxTemplateBytes = 1'048'576;     // through S3
constexpr size_t kMaxInlineTemplateBytes = 51'200;  // in the request body
constexpr size_t kMaxDescriptionBytes = 1'024;
constexpr size_t kMaxResources = 500;
constexpr size_t kMaxParameters = 200;
constexpr size_t kMaxOutputs = 200;
constexpr size_t kMaxMappings = 200;
constexpr size_t kMaxMappingAttributes = 200;
constexpr size_t kMaxNameLength = 255;

// AWS-specific parameter types:
// https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/parameters-section-structure.html#aws-specific-parameter-types
constexpr std::array<std::string_view, 10> kAwsSpecificTypes = {
    "AWS::EC2::AvailabilityZone::Name",
    "AWS::EC2::Image::Id",
    "AWS::EC2::Instance::Id",
    "AWS::EC2::KeyPair::KeyName",
    "AWS::EC2::SecurityGroup::GroupName",
    "AWS::EC2::SecurityGroup::Id",
    "AWS::EC2::Subnet::Id",
    "AWS::EC2::Volume::Id",
    "AWS::EC2::VPC::Id",
    "AWS::Route53::HostedZone::Id"};

bool IsAwsSpecific(std::string_view type) {
  for (std::string_view t : kAwsSpecificTypes) {
    if (t == type)
      return true;
  }
  return false;
}

bool StripWrapper(std::string_view type, std::string_view prefix, std::string_view* inner) {
  if (type.size() > prefix.size() + 1 && type.substr(0, prefix.size()) == prefix &&
      type.back() == '>') {
    *inner = type.substr(prefix.size(), type.size() - prefix.size() - 1);
    return true;
  }
  return false;
}

bool IsAlphanumeric(std::string_view s) {
  if (s.empty())
    return false;
  for (char c : s) {
    if (!std::isalnum(static_cast<unsigned char>(c)))
      return false;
  }
  return true;
}

bool IsAsciiAlnum(char c) {
  return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
}

// Whether `type` is "Service::Provider::Resource" or "Service::Provider::Resource::MODULE",
// each part one or more ASCII letters or digits (by hand: compiling the equivalent regex cost
// more than the rest of a small template's structure checks).
bool IsProviderTypeName(std::string_view type) {
  int parts = 0;
  size_t start = 0;
  while (true) {
    size_t sep = type.find("::", start);
    std::string_view part = type.substr(start, sep == std::string_view::npos ? sep : sep - start);
    if (part.empty() || !std::all_of(part.begin(), part.end(), IsAsciiAlnum)) {
      return false;
    }
    ++parts;
    if (sep == std::string_view::npos) {
      return parts == 3 || (parts == 4 && part == "MODULE");
    }
    start = sep + 2;
  }
}

// Whether `type` is "Custom::Name", Name being 1 to 60 of [A-Za-z0-9_@-].
bool IsCustomTypeName(std::string_view type) {
  constexpr std::string_view kCustom = "Custom::";
  if (type.substr(0, kCustom.size()) != kCustom) {
    return false;
  }
  std::string_view name = type.substr(kCustom.size());
  return !name.empty() && name.size() <= 60 && std::all_of(name.begin(), name.end(), [](char c) {
    return IsAsciiAlnum(c) || c == '_' || c == '@' || c == '-';
  });
}

std::string Quote(std::string_view s) {
  return "'" + std::string(s) + "'";
}

// A scalar's text as CloudFormation sees it (numbers and booleans are strings to parameters).
bool ScalarText(const Node* node, std::string* out) {
  if (const auto* s = dyn_cast<ScalarNode>(node)) {
    if (isa<NullNode>(node))
      return false;
    *out = s->text();
    return true;
  }
  return false;
}

bool NumberOf(const Node* node, double* out) {
  if (const auto* n = dyn_cast<NumberNode>(node)) {
    *out = n->value();
    return true;
  }
  std::string text;
  if (ScalarText(node, &text) && !text.empty()) {
    char* end = nullptr;
    *out = std::strtod(text.c_str(), &end);
    return end != nullptr && *end == '\0';
  }
  return false;
}

class StructureChecker {
 public:
  StructureChecker(const Template& t, const StructureOptions& options, DiagnosticSink& diags)
      : t_(t), options_(options), diags_(diags) {}

  void Run() {
    CheckSize();
    CheckHeader();
    CheckTransform();
    CheckLimits();
    for (const Parameter& p : t_.parameters)
      CheckParameter(p);
    for (const Mapping& m : t_.mappings)
      CheckMapping(m);
    for (const Condition& c : t_.conditions)
      CheckCondition(c);
    for (const Resource& r : t_.resources)
      CheckResource(r);
    for (const Output& o : t_.outputs)
      CheckName(o.key, TemplatePath{"Outputs", o.name}, DiagCode::kE6001, "Output");
    for (const Rule& r : t_.rules)
      CheckRule(r);
  }

 private:
  SourceRange FileStart() const {
    SourceLoc start{t_.file, 1, 1};
    return {start, start};
  }

  void CheckSize() {
    size_t bytes = options_.template_bytes;
    if (bytes > kMaxTemplateBytes) {
      diags_.Report(
          DiagCode::kE1002, FileStart(), TemplatePath(),
          "The template is " + std::to_string(bytes) +
              " bytes; CloudFormation accepts at most 1,048,576 bytes (1 MB) through S3.");
    } else if (bytes > kMaxInlineTemplateBytes) {
      diags_.Report(DiagCode::kW1002, FileStart(), TemplatePath(),
                    "The template is " + std::to_string(bytes) +
                        " bytes, over the 51,200-byte limit for a template passed inline; it "
                        "must be uploaded to S3 to be deployed.");
    }
  }

  void CheckHeader() {
    if (const Node* v = t_.format_version) {
      const auto* s = dyn_cast<StringNode>(v);
      if (s == nullptr || s->value() != "2010-09-09") {
        diags_.Report(DiagCode::kE1004, v->range(), TemplatePath{"AWSTemplateFormatVersion"},
                      "AWSTemplateFormatVersion must be '2010-09-09', the only version there is.");
      }
    }
    if (const Node* d = t_.description) {
      const auto* s = dyn_cast<StringNode>(d);
      if (s == nullptr) {
        diags_.Report(
            DiagCode::kE1003, d->range(), TemplatePath{"Description"},
            "Description must be a string, not a " + std::string(NodeKindName(d->kind())) + ".");
      } else if (s->value().size() > kMaxDescriptionBytes) {
        diags_.Report(
            DiagCode::kE1003, d->range(), TemplatePath{"Description"},
            "Description is " + std::to_string(s->value().size()) + " bytes; the limit is 1,024.");
      }
    }
  }

  // https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/transform-section-structure.html
  void CheckTransform() {
    const Node* node = t_.transform;
    if (node == nullptr)
      return;
    TemplatePath path{"Transform"};
    if (const auto* list = dyn_cast<ListNode>(node)) {
      for (size_t i = 0; i < list->size(); ++i)
        CheckTransformItem(list->items()[i], path.Child(i));
      return;
    }
    CheckTransformItem(node, path);
  }

  void CheckTransformItem(const Node* item, const TemplatePath& path) {
    if (const auto* s = dyn_cast<StringNode>(item)) {
      if (s->value().empty()) {
        diags_.Report(DiagCode::kE1005, item->range(), path, "A transform name cannot be empty.");
      }
      return;
    }
    const auto* map = dyn_cast<MapNode>(item);
    if (map == nullptr) {
      diags_.Report(DiagCode::kE1005, item->range(), path,
                    "A transform must be a name or {Name, Parameters}, not a " +
                        std::string(NodeKindName(item->kind())) + ".");
      return;
    }
    if (!isa<StringNode>(map->Get("Name"))) {
      diags_.Report(DiagCode::kE1005, item->range(), path,
                    "A transform given as a mapping needs a Name (a string).");
    }
    const Node* params = map->Get("Parameters");
    if (params != nullptr && !isa<MapNode>(params)) {
      diags_.Report(DiagCode::kE1005, params->range(), path.Child("Parameters"),
                    "A transform's Parameters must be a mapping.");
    }
    for (const MapEntry& e : map->entries()) {
      if (e.key->value() != "Name" && e.key->value() != "Parameters") {
        diags_.Report(DiagCode::kE1005, e.key->range(), path.Child(e.key->value()),
                      "Unknown key '" + e.key->value() +
                          "' in a transform; only Name and "
                          "Parameters are allowed.");
      }
    }
  }

  // `first_excess` is the key of the first entry over the limit: when a transform generated it
  // (an Fn::ForEach loop, a SAM resource), the error points at what produced it.
  void CheckCount(size_t count, size_t limit, std::string_view section, DiagCode code,
                  const StringNode* first_excess = nullptr) {
    if (count <= limit)
      return;
    const MapEntry* e = t_.root->Find(section);
    SourceRange section_range = e != nullptr ? e->key->range() : FileStart();
    Diagnostic d =
        MakeDiagnostic(code, section_range, TemplatePath{std::string(section)},
                       "The template declares " + std::to_string(count) + " " +
                           (section == "Resources"    ? "resources"
                            : section == "Parameters" ? "parameters"
                            : section == "Outputs"    ? "outputs"
                                                      : "mappings") +
                           "; CloudFormation allows at most " + std::to_string(limit) + ".");
    if (first_excess != nullptr && first_excess->origin() != nullptr &&
        first_excess->Source().range().known()) {
      d.range = first_excess->Source().range();
      d.message +=
          " The excess is generated here (first over the limit: " + Quote(first_excess->value()) +
          "); the quota applies to the processed template.";
      d.notes.push_back({section_range, "in this section"});
    }
    diags_.Report(std::move(d));
  }

  void CheckLimits() {
    CheckCount(t_.resources.size(), kMaxResources, "Resources", DiagCode::kE3010,
               t_.resources.size() > kMaxResources ? t_.resources[kMaxResources].key : nullptr);
    CheckCount(t_.parameters.size(), kMaxParameters, "Parameters", DiagCode::kE2010);
    CheckCount(t_.outputs.size(), kMaxOutputs, "Outputs", DiagCode::kE6010,
               t_.outputs.size() > kMaxOutputs ? t_.outputs[kMaxOutputs].key : nullptr);
    CheckCount(t_.mappings.size(), kMaxMappings, "Mappings", DiagCode::kE7010);
  }

  void CheckName(const StringNode* key, const TemplatePath& path, DiagCode code,
                 std::string_view what) {
    const std::string& name = key->value();
    if (!IsAlphanumeric(name)) {
      diags_.Report(code, key->range(), path,
                    std::string(what) + " name " + Quote(name) +
                        " must contain only letters and digits (A-Za-z0-9).");
    } else if (name.size() > kMaxNameLength) {
      diags_.Report(code, key->range(), path,
                    std::string(what) + " name is " + std::to_string(name.size()) +
                        " characters; the limit is 255.");
    }
  }

  void CheckParameter(const Parameter& p) {
    TemplatePath path{"Parameters", p.name};
    CheckName(p.key, path, DiagCode::kE2003, "Parameter");
    if (!p.type.empty() && !IsValidParameterType(p.type)) {
      std::vector<std::string_view> candidates = {
          "String", "Number", "List<Number>", "CommaDelimitedList", "AWS::SSM::Parameter::Name"};
      for (std::string_view t : kAwsSpecificTypes)
        candidates.push_back(t);
      diags_.Report(DiagCode::kE2002, p.type_node->range(), path.Child("Type"),
                    "Parameter " + Quote(p.name) + " has unsupported Type " + Quote(p.type) + "." +
                        DidYouMean(p.type, candidates));
    }
    CheckParameterAttributes(p, path);
    CheckConstraints(p, path);
    if (p.default_value != nullptr)
      CheckDefault(p, path);
  }

  // Which attributes a parameter's Type takes and the shape of their values, as CloudFormation
  // reads them: Number parameters take MinValue/MaxValue, the others MinLength/MaxLength and
  // AllowedPattern; texts are strings, NoEcho a boolean.
  // https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/parameters-section-structure.html
  void CheckParameterAttributes(const Parameter& p, const TemplatePath& path) {
    if (p.node == nullptr)
      return;
    bool number = p.type == "Number";
    for (const MapEntry& e : p.node->entries()) {
      const std::string& key = e.key->value();
      bool number_only = key == "MinValue" || key == "MaxValue";
      bool text_only = key == "MinLength" || key == "MaxLength" || key == "AllowedPattern";
      if (!p.type.empty() && ((number && text_only) || (!number && number_only))) {
        diags_.Report(DiagCode::kE2001, e.key->range(), path.Child(key),
                      Quote(key) + " does not apply to a parameter of Type " + Quote(p.type) +
                          (number ? " (Number takes MinValue and MaxValue)."
                                  : " (MinValue and MaxValue are for Number parameters)."));
      }
      const Node* v = e.value;
      bool text = key == "Default" || key == "Description" || key == "ConstraintDescription" ||
                  key == "AllowedPattern";
      // The Parameters section takes no intrinsic functions: a Default of !Ref is a map to
      // CloudFormation (cfn-lint: "{'Ref': ...} is not of type 'string'").
      if (text && !isa<ScalarNode>(v)) {
        // At the key, as cfn-lint points (a block map or a long-form function starts below it).
        diags_.Report(
            DiagCode::kE2001, e.key->range(), path.Child(key),
            Quote(key) + " of parameter " + Quote(p.name) + " must be a string, not a " +
                std::string(NodeKindName(v->kind())) +
                (isa<FnCallNode>(v) ? " (parameters take no intrinsic functions)." : "."));
      } else if (text && isa<NullNode>(v)) {
        diags_.Report(
            DiagCode::kE2001, v->range(), path.Child(key),
            Quote(key) + " of parameter " + Quote(p.name) + " must be a string, not null.");
      } else if (key == "NoEcho" && !IsBooleanText(v)) {
        diags_.Report(DiagCode::kE2001, v->range(), path.Child(key),
                      "NoEcho of parameter " + Quote(p.name) + " must be true or false.");
      }
    }
    if (const auto* list =
            p.allowed_values != nullptr ? dyn_cast<ListNode>(p.allowed_values) : nullptr) {
      for (size_t i = 0; i < list->size(); ++i) {
        const Node* item = list->items()[i];
        if (isa<MapNode>(item) || isa<ListNode>(item) || isa<NullNode>(item)) {
          diags_.Report(DiagCode::kE2001, item->range(), path.Child("AllowedValues").Child(i),
                        "The AllowedValues of parameter " + Quote(p.name) +
                            " must be strings, not a " + std::string(NodeKindName(item->kind())) +
                            ".");
        }
      }
    }
  }

  static bool IsBooleanText(const Node* v) {
    if (isa<BoolNode>(v))
      return true;
    const auto* s = dyn_cast<StringNode>(v);
    if (s == nullptr)
      return false;
    std::string lower;
    for (char c : s->value())
      lower += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return lower == "true" || lower == "false";
  }

  bool IsStringLike(const Parameter& p) const {
    return p.type != "Number" && p.type != "List<Number>";
  }

  void CheckConstraints(const Parameter& p, const TemplatePath& path) {
    double lo = 0;
    double hi = 0;
    auto check_number = [&](const Node* n, std::string_view name, double* out) {
      if (n == nullptr)
        return false;
      if (!NumberOf(n, out)) {
        diags_.Report(DiagCode::kE2016, n->range(), path.Child(name),
                      std::string(name) + " of parameter " + Quote(p.name) + " must be a number.");
        return false;
      }
      return true;
    };
    bool has_lo = check_number(p.min_length, "MinLength", &lo);
    bool has_hi = check_number(p.max_length, "MaxLength", &hi);
    if (has_lo && has_hi && lo > hi) {
      diags_.Report(DiagCode::kE2016, p.min_length->range(), path.Child("MinLength"),
                    "MinLength of parameter " + Quote(p.name) + " is greater than its MaxLength.");
    }
    has_lo = check_number(p.min_value, "MinValue", &lo);
    has_hi = check_number(p.max_value, "MaxValue", &hi);
    if (has_lo && has_hi && lo > hi) {
      diags_.Report(DiagCode::kE2016, p.min_value->range(), path.Child("MinValue"),
                    "MinValue of parameter " + Quote(p.name) + " is greater than its MaxValue.");
    }
    if (p.allowed_values != nullptr && !isa<ListNode>(p.allowed_values)) {
      diags_.Report(DiagCode::kE2016, p.allowed_values->range(), path.Child("AllowedValues"),
                    "AllowedValues of parameter " + Quote(p.name) + " must be a list.");
    }
    if (p.allowed_pattern != nullptr) {
      const auto* s = dyn_cast<StringNode>(p.allowed_pattern);
      if (s == nullptr) {
        diags_.Report(DiagCode::kE2016, p.allowed_pattern->range(), path.Child("AllowedPattern"),
                      "AllowedPattern of parameter " + Quote(p.name) + " must be a string.");
      }
    }
  }

  // Values a default stands for: a list type's default is a comma-separated list.
  std::vector<std::string> DefaultValues(const Parameter& p, const std::string& text) const {
    bool list = p.type == "CommaDelimitedList" || p.type.rfind("List<", 0) == 0 ||
                p.type.find("<List<") != std::string::npos ||
                p.type == "AWS::SSM::Parameter::Value<CommaDelimitedList>";
    if (!list)
      return {text};
    std::vector<std::string> out;
    size_t start = 0;
    while (true) {
      size_t comma = text.find(',', start);
      std::string item =
          text.substr(start, comma == std::string::npos ? std::string::npos : comma - start);
      size_t b = item.find_first_not_of(' ');
      size_t e = item.find_last_not_of(' ');
      out.push_back(b == std::string::npos ? "" : item.substr(b, e - b + 1));
      if (comma == std::string::npos)
        break;
      start = comma + 1;
    }
    return out;
  }

  void CheckDefault(const Parameter& p, const TemplatePath& path) {
    std::string text;
    const Node* d = p.default_value;
    TemplatePath dpath = path.Child("Default");
    if (const auto* list = dyn_cast<ListNode>(d)) {
      // A list default is accepted for list types; check its items as strings.
      for (const Node* item : list->items()) {
        std::string s;
        if (ScalarText(item, &s))
          CheckDefaultValue(p, s, item, dpath);
      }
      return;
    }
    if (!ScalarText(d, &text))
      return;
    std::vector<std::string> values = DefaultValues(p, text);
    if (values.size() > 1 && InAllowedValues(p, text)) {
      return;  // a list default may also be one allowed value as a whole ("a,b")
    }
    for (const std::string& value : values) {
      CheckDefaultValue(p, value, d, dpath);
    }
  }

  static bool InAllowedValues(const Parameter& p, const std::string& value) {
    const auto* allowed = dyn_cast<ListNode>(p.allowed_values);
    if (allowed == nullptr)
      return false;
    for (const Node* item : allowed->items()) {
      std::string s;
      if (ScalarText(item, &s) && s == value)
        return true;
    }
    return false;
  }

  void CheckDefaultValue(const Parameter& p, const std::string& value, const Node* at,
                         const TemplatePath& path) {
    auto fail = [&](const std::string& why) {
      diags_.Report(DiagCode::kE2015, at->range(), path,
                    "Default " + Quote(value) + " of parameter " + Quote(p.name) + " " + why);
    };
    double number = 0;
    bool numeric = !value.empty() && NumberOf(at, &number);
    if (isa<NumberNode>(at) == false) {
      char* end = nullptr;
      number = std::strtod(value.c_str(), &end);
      numeric = !value.empty() && end != nullptr && *end == '\0';
    }
    if ((p.type == "Number" || p.type == "List<Number>") && !numeric) {
      fail("is not a number.");
      return;
    }
    if (const auto* allowed = dyn_cast<ListNode>(p.allowed_values)) {
      bool found = false;
      for (const Node* item : allowed->items()) {
        std::string s;
        double n = 0;
        if (ScalarText(item, &s) &&
            (s == value || (numeric && NumberOf(item, &n) && n == number))) {
          found = true;
          break;
        }
      }
      if (!found)
        fail("is not one of its AllowedValues.");
    }
    if (const auto* pattern = dyn_cast<StringNode>(p.allowed_pattern)) {
      RE2 re("^(?:" + pattern->value() + ")$", RE2::Quiet);
      if (re.ok() && !RE2::FullMatch(value, re)) {
        fail("does not match its AllowedPattern.");
      }
    }
    double limit = 0;
    if (NumberOf(p.min_length, &limit) && static_cast<double>(value.size()) < limit) {
      fail("is shorter than its MinLength.");
    }
    if (NumberOf(p.max_length, &limit) && static_cast<double>(value.size()) > limit) {
      fail("is longer than its MaxLength.");
    }
    if (numeric && NumberOf(p.min_value, &limit) && number < limit)
      fail("is less than its MinValue.");
    if (numeric && NumberOf(p.max_value, &limit) && number > limit)
      fail("is greater than its MaxValue.");
  }

  void CheckMapping(const Mapping& m) {
    TemplatePath path{"Mappings", m.name};
    if (m.key != nullptr)
      CheckName(m.key, path, DiagCode::kE7001, "Mapping");
    const auto* map = dyn_cast<MapNode>(m.node);
    if (map == nullptr) {
      diags_.Report(DiagCode::kE7001, m.node->range(), path,
                    "Mapping " + Quote(m.name) + " must be a mapping of keys to mappings.");
      return;
    }
    if (map->size() > kMaxMappingAttributes) {
      diags_.Report(DiagCode::kE7011, m.key->range(), path,
                    "Mapping " + Quote(m.name) + " has " + std::to_string(map->size()) +
                        " top-level keys; the limit is 200.");
    }
    for (const MapEntry& top : map->entries()) {
      if (NotAString(top.key)) {
        // cfn-lint reports it at the mapping (it cannot point at a key that is not a string)
        // and checks nothing below it.
        ReportNotAString(top.key, m.key != nullptr ? m.key->range() : top.key->range(),
                         path.Child(top.key->value()));
        continue;
      }
      CheckMappingKey(top.key, path.Child(top.key->value()), /*top_level=*/true);
      const auto* second = dyn_cast<MapNode>(top.value);
      if (second == nullptr) {
        diags_.Report(DiagCode::kE7001, top.value->range(), path.Child(top.key->value()),
                      "Mapping key " + Quote(top.key->value()) +
                          " must map to a mapping of second-level keys to values.");
        continue;
      }
      for (const MapEntry& leaf : second->entries()) {
        if (NotAString(leaf.key)) {
          ReportNotAString(leaf.key, top.key->range(),
                           path.Child(top.key->value()).Child(leaf.key->value()));
          continue;
        }
        CheckMappingKey(leaf.key, path.Child(top.key->value()).Child(leaf.key->value()),
                        /*top_level=*/false);
        if (isa<MapNode>(leaf.value) || isa<FnCallNode>(leaf.value) || isa<NullNode>(leaf.value)) {
          diags_.Report(DiagCode::kE7001, leaf.value->range(),
                        path.Child(top.key->value()).Child(leaf.key->value()),
                        "Mapping values must be strings, numbers or lists, not a " +
                            std::string(NodeKindName(leaf.value->kind())) + ".");
        }
      }
    }
  }

  // A YAML key written as a plain number or boolean (`123456789012:`, `32:`, `true:`) is not a
  // string, and mapping keys are strings (cfn-lint's E7001: "32 does not match any of the
  // regexes"); quoted, or in JSON, it is one.
  static bool NotAString(const StringNode* key) {
    if (key->quoted())
      return false;
    const std::string& t = key->value();
    if (t == "true" || t == "false" || t == "True" || t == "False" || t == "TRUE" || t == "FALSE")
      return true;
    size_t i = (!t.empty() && (t[0] == '-' || t[0] == '+')) ? 1 : 0;
    size_t digits = 0;
    size_t dots = 0;
    for (; i < t.size(); ++i) {
      if (std::isdigit(static_cast<unsigned char>(t[i])))
        ++digits;
      else if (t[i] == '.')
        ++dots;
      else
        return false;
    }
    return digits > 0 && dots <= 1;
  }

  void ReportNotAString(const StringNode* key, SourceRange at, const TemplatePath& path) {
    diags_.Report(DiagCode::kE7001, at, path,
                  "Mapping key " + key->value() +
                      " is not a string (a plain YAML number or boolean); quote it: '" +
                      key->value() + "'.");
  }

  // Top-level keys of a mapping may hold letters, digits, '.' and '-' (region names); the
  // second-level keys only letters and digits.
  void CheckMappingKey(const StringNode* key, const TemplatePath& path, bool top_level) {
    const std::string& name = key->value();
    bool ok = !name.empty();
    for (char c : name) {
      ok = ok &&
           (std::isalnum(static_cast<unsigned char>(c)) || (top_level && (c == '.' || c == '-')));
    }
    if (ok || name.rfind("Fn::", 0) == 0)
      return;
    diags_.Report(DiagCode::kE7001, key->range(), path,
                  std::string(top_level ? "Top-level" : "Second-level") + " mapping key " +
                      Quote(name) + " must contain only letters and digits" +
                      (top_level ? ", '.' and '-'." : "."));
  }

  void CheckCondition(const Condition& c) {
    const auto* fn = dyn_cast<FnCallNode>(c.expr);
    bool ok = fn != nullptr &&
              (fn->fn() == FnKind::kEquals || fn->fn() == FnKind::kAnd || fn->fn() == FnKind::kOr ||
               fn->fn() == FnKind::kNot || fn->fn() == FnKind::kCondition);
    if (!ok) {
      // A mapping or list is reported at the condition's name (its value spans lines).
      bool spans = isa<MapNode>(c.expr) || isa<ListNode>(c.expr);
      diags_.Report(DiagCode::kE8001, spans && c.key != nullptr ? c.key->range() : c.expr->range(),
                    TemplatePath{"Conditions", c.name},
                    "Condition " + Quote(c.name) +
                        " must be a condition function (Fn::Equals, Fn::And, Fn::Or, Fn::Not or "
                        "Condition).");
    }
  }

  // The Rules section's shape (cfn-lint's data/schemas/other/rules/configuration.json):
  // alphanumeric names; each rule an object (E1001 otherwise) with Assertions, a list of objects
  // whose AssertDescription is a string. What Assert and RuleCondition hold is E2904's.
  void CheckRule(const Rule& r) {
    TemplatePath path{"Rules", r.name};
    if (r.key != nullptr && !IsAlphanumeric(r.name)) {
      diags_.Report(
          DiagCode::kE1700, r.key->range(), path,
          "Rule name " + Quote(r.name) + " must contain only letters and digits (A-Za-z0-9).");
    }
    if (r.node == nullptr) {
      return;
    }
    if (r.assertions == nullptr) {
      diags_.Report(DiagCode::kE1700, r.key != nullptr ? r.key->range() : r.node->range(), path,
                    "Rule " + Quote(r.name) +
                        " has no Assertions; it needs a list of {Assert, AssertDescription}.");
      return;
    }
    TemplatePath list_path = path.Child("Assertions");
    const auto* list = dyn_cast<ListNode>(r.assertions);
    if (list == nullptr) {
      if (!isa<FnCallNode>(r.assertions)) {
        // A map or list value is pointed at by its key, as cfn-lint does.
        const MapEntry* entry = r.node->Find("Assertions");
        SourceRange at = entry != nullptr ? entry->key->range() : r.assertions->range();
        diags_.Report(DiagCode::kE1700, at, list_path,
                      "The Assertions of rule " + Quote(r.name) + " must be a list, not a " +
                          std::string(NodeKindName(r.assertions->kind())) + ".");
      }
      return;
    }
    for (size_t i = 0; i < list->size(); ++i) {
      const Node* item = list->items()[i];
      const auto* map = dyn_cast<MapNode>(item);
      if (map == nullptr) {
        if (!isa<FnCallNode>(item)) {
          diags_.Report(DiagCode::kE1700, item->range(), list_path.Child(i),
                        "Each assertion of rule " + Quote(r.name) +
                            " must be an object with Assert and AssertDescription, not a " +
                            std::string(NodeKindName(item->kind())) + ".");
        }
        continue;
      }
      const MapEntry* described = map->Find("AssertDescription");
      const Node* description = described != nullptr ? described->value : nullptr;
      if (description != nullptr && (isa<MapNode>(description) || isa<ListNode>(description))) {
        diags_.Report(DiagCode::kE1700, described->key->range(),
                      list_path.Child(i).Child("AssertDescription"),
                      "AssertDescription must be a string, not a " +
                          std::string(NodeKindName(description->kind())) + ".");
      }
    }
  }

  void CheckResource(const Resource& r) {
    TemplatePath path{"Resources", r.logical_id};
    CheckName(r.key, path, DiagCode::kE3011, "Logical id");
    // Ref cannot tell a resource from a parameter of the same name (cfn-lint E3007).
    if (const Parameter* p = t_.FindParameter(r.logical_id); p != nullptr && r.key != nullptr) {
      diags_.Report(DiagCode::kE3007, r.key->range(), path,
                    "Resource " + Quote(r.logical_id) +
                        " has the name of a parameter; resources and parameters must not share "
                        "names.");
    }
    if (!r.type.empty()) {
      if (!IsProviderTypeName(r.type) && !IsCustomTypeName(r.type)) {
        diags_.Report(DiagCode::kE3006, r.type_node->range(), path.Child("Type"),
                      "Resource type " + Quote(r.type) +
                          " is not of the form Service::Provider::Resource or Custom::Name.");
      }
    }
    // Snapshot only where the resource keeps data to snapshot (cfn-lint's valid_snapshot_types;
    // https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-attribute-deletionpolicy.html).
    static const std::vector<std::string_view> kSnapshotTypes = {
        "AWS::DocDB::DBCluster",          "AWS::EC2::Volume",
        "AWS::ElastiCache::CacheCluster", "AWS::ElastiCache::ReplicationGroup",
        "AWS::Neptune::DBCluster",        "AWS::RDS::DBCluster",
        "AWS::RDS::DBInstance",           "AWS::Redshift::Cluster"};
    bool snapshot =
        std::find(kSnapshotTypes.begin(), kSnapshotTypes.end(), r.type) != kSnapshotTypes.end();
    std::vector<std::string_view> deletion = {"Delete", "Retain", "RetainExceptOnCreate"};
    std::vector<std::string_view> replace = {"Delete", "Retain"};
    if (snapshot) {
      deletion.push_back("Snapshot");
      replace.push_back("Snapshot");
    }
    CheckPolicy(r, "DeletionPolicy", r.deletion_policy, DiagCode::kE3035, deletion);
    CheckPolicy(r, "UpdateReplacePolicy", r.update_replace_policy, DiagCode::kE3036, replace);
  }

  void CheckPolicy(const Resource& r, std::string_view what, const Node* node, DiagCode code,
                   const std::vector<std::string_view>& allowed) {
    if (node == nullptr)
      return;
    const MapEntry* entry = r.node != nullptr ? r.node->Find(what) : nullptr;
    SourceRange key = entry != nullptr ? entry->key->range() : node->range();
    TemplatePath path = TemplatePath{"Resources", r.logical_id}.Child(what);
    if (const auto* fn = dyn_cast<FnCallNode>(node)) {
      // Functions whose value CloudFormation resolves before reading the policy.
      FnKind k = fn->fn();
      if (k == FnKind::kIf || k == FnKind::kRef || k == FnKind::kSub || k == FnKind::kSelect ||
          k == FnKind::kFindInMap)
        return;
      diags_.Report(code, key, path,
                    std::string(what) + " cannot be computed with " + std::string(FnName(k)) +
                        "; only Ref, Fn::If, Fn::Sub, Fn::Select and Fn::FindInMap are allowed.");
      return;
    }
    const auto* s = dyn_cast<StringNode>(node);
    if (s != nullptr && std::find(allowed.begin(), allowed.end(), s->value()) != allowed.end()) {
      return;
    }
    std::string list;
    for (std::string_view a : allowed)
      list += (list.empty() ? "" : ", ") + std::string(a);
    std::string shown =
        s != nullptr ? Quote(s->value()) : "a " + std::string(NodeKindName(node->kind()));
    std::string why =
        s != nullptr && s->value() == "Snapshot"
            ? " (Snapshot is only for resources that keep data: " + r.type + " does not)"
            : "";
    diags_.Report(code, isa<ScalarNode>(node) ? node->range() : key, path,
                  std::string(what) + " is " + shown + why + "; it must be one of " + list + "." +
                      (s != nullptr ? DidYouMean(s->value(), allowed) : ""));
  }

  const Template& t_;
  const StructureOptions& options_;
  DiagnosticSink& diags_;
};

}  // namespace

bool IsValidParameterType(std::string_view type) {
  if (type == "String" || type == "Number" || type == "List<Number>" ||
      type == "CommaDelimitedList" || type == "AWS::SSM::Parameter::Name" || IsAwsSpecific(type)) {
    return true;
  }
  std::string_view inner;
  if (StripWrapper(type, "List<", &inner)) {
    // List<String> is not in the documented list, but CloudFormation accepts it.
    return IsAwsSpecific(inner) || inner == "String";
  }
  if (StripWrapper(type, "AWS::SSM::Parameter::Value<", &inner)) {
    std::string_view list_inner;
    return inner == "String" || inner == "List<String>" || inner == "CommaDelimitedList" ||
           IsAwsSpecific(inner) ||
           (StripWrapper(inner, "List<", &list_inner) && IsAwsSpecific(list_inner));
  }
  return false;
}

void CheckStructure(const Template& t, const StructureOptions& options, DiagnosticSink& diags) {
  if (t.root == nullptr)
    return;
  StructureChecker(t, options, diags).Run();
  CheckMetadataInterface(t, diags);
}

}  // namespace cfnx
