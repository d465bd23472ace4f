// Copyright 2026 The cfnx Authors.
// SPDX-License-Identifier: Apache-2.0
//
// Dynamic references: `{{resolve:service:reference-key}}` inside strings, resolved by
// CloudFormation when it deploys. cfnx keeps them literal (the evaluator treats them as plain
// strings) and checks them here:
//   E1050 syntax of each reference, and at most 60 per template (a CloudFormation quota);
//   E1051 secretsmanager references outside resource properties;
//   E1052 ssm references outside the places CloudFormation resolves them;
//   E1027 ssm-secure references outside the few properties that support them;
//   W1051 a secret where a property expects the secret's ARN;
//   W1053 `{{ resolve:...}}` with spaces, which CloudFormation leaves unresolved.
// As in cfn-lint, the location rules apply to strings outside functions (Fn::If excepted): a
// reference built by Fn::Join or Fn::Sub is only checked for its syntax.
// https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/dynamic-references.html

#include <string>
#include <string_view>
#include <vector>

#include "engine/ast/dump.h"
#include "engine/base/edit_distance.h"
#include "engine/validate/validate.h"

namespace cfnx {
namespace {

constexpr size_t kMaxDynamicReferences = 60;

std::vector<std::string> SplitColons(std::string_view s) {
  std::vector<std::string> parts;
  size_t start = 0;
  while (true) {
    size_t at = s.find(':', start);
    if (at == std::string_view::npos) {
      parts.emplace_back(s.substr(start));
      return parts;
    }
    parts.emplace_back(s.substr(start, at - start));
    start = at + 1;
  }
}

bool IsSsmParameterName(std::string_view name) {
  if (name.empty())
    return false;
  for (char c : name) {
    bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
              c == '_' || c == '.' || c == '-' || c == '/';
    if (!ok)
      return false;
  }
  return true;
}

bool IsDigits(std::string_view s) {
  if (s.empty())
    return false;
  for (char c : s) {
    if (c < '0' || c > '9')
      return false;
  }
  return true;
}

bool IsPrintableAscii(std::string_view s) {
  for (char c : s) {
    if (c < ' ' || c > '~')
      return false;
  }
  return true;
}

// `{{` followed by whitespace and then `resolve:service:` (cfn-lint's REGEX_DYN_REF_SPACES).
bool HasSpacedReference(std::string_view s) {
  for (size_t at = s.find("{{"); at != std::string_view::npos; at = s.find("{{", at + 1)) {
    size_t i = at + 2;
    auto skip_space = [&] {
      size_t before = i;
      while (i < s.size() && (s[i] == ' ' || s[i] == '\t' || s[i] == '\n' || s[i] == '\r'))
        ++i;
      return i > before;
    };
    bool leading = skip_space();
    if (s.substr(i, 7) != "resolve")
      continue;
    i += 7;
    bool inner = skip_space();
    if (i >= s.size() || s[i] != ':')
      continue;
    ++i;
    inner = skip_space() || inner;
    size_t name_start = i;
    while (i < s.size() && ((s[i] >= 'a' && s[i] <= 'z') || s[i] == '-'))
      ++i;
    std::string_view service = s.substr(name_start, i - name_start);
    if (service != "ssm" && service != "ssm-secure" && service != "secretsmanager")
      continue;
    inner = skip_space() || inner;
    if (i < s.size() && s[i] == ':' && (leading || inner))
      return true;
  }
  return false;
}

// The `{{resolve:...}}` references of a string, each ending at the first `}}`.
std::vector<std::string> FindReferences(std::string_view s) {
  std::vector<std::string> out;
  size_t at = s.find("{{resolve:");
  while (at != std::string_view::npos) {
    size_t end = s.find("}}", at + 2);
    if (end == std::string_view::npos)
      break;
    out.emplace_back(s.substr(at + 2, end - at - 2));
    at = s.find("{{resolve:", end + 2);
  }
  return out;
}

class DynamicReferenceChecker {
 public:
  DynamicReferenceChecker(const Template& t, DiagnosticSink& diags) : t_(t), diags_(diags) {}

  void Run() {
    // Only a string with "{{" can hold a reference (CheckString): most templates have none,
    // and then the walk below, which builds a context for every node, has nothing to find.
    if (t_.root == nullptr || !HasBraces(t_.root))
      return;
    for (const MapEntry& section : t_.root->entries()) {
      const std::string& name = section.key->value();
      Context ctx;
      ctx.path = TemplatePath{name};
      ctx.section = name;
      if (name == "Resources" || name == "Parameters" || name == "Outputs") {
        const auto* map = dyn_cast<MapNode>(section.value);
        if (map == nullptr)
          continue;
        for (const MapEntry& item : map->entries()) {
          Context item_ctx = ctx;
          item_ctx.path = ctx.path.Child(item.key->value());
          item_ctx.logical_id = item.key->value();
          WalkItem(item.value, item_ctx);
        }
        continue;
      }
      Walk(section.value, ctx);
    }
    if (count_ > kMaxDynamicReferences && first_over_limit_ != nullptr) {
      diags_.Report(DiagCode::kE1050, first_over_limit_->range(), first_over_limit_path_,
                    "The template has " + std::to_string(count_) +
                        " dynamic references; CloudFormation allows at most " +
                        std::to_string(kMaxDynamicReferences) +
                        " per template (this is the first one over the limit).");
    }
  }

 private:
  struct Context {
    TemplatePath path;
    std::string section;        // top-level section name
    std::string logical_id;     // resource, parameter or output name
    std::string attribute;      // the item's attribute (Properties, Default, Value, ...)
    std::string property_path;  // "Password" or "LoginProfile/Password" under Properties
    bool in_function = false;   // inside a function other than Fn::If
    bool in_sub = false;        // inside a Fn::Sub template string
  };

  // An item of Resources, Parameters or Outputs: its attribute names are part of the context.
  void WalkItem(const Node* node, const Context& ctx) {
    const auto* map = dyn_cast<MapNode>(node);
    if (map == nullptr) {
      Walk(node, ctx);
      return;
    }
    for (const MapEntry& e : map->entries()) {
      Context child = ctx;
      child.path = ctx.path.Child(e.key->value());
      child.attribute = e.key->value();
      Walk(e.value, child);
    }
  }

  void Walk(const Node* node, const Context& ctx) {
    switch (node->kind()) {
      case NodeKind::kString:
        CheckString(cast<StringNode>(node), ctx);
        break;
      case NodeKind::kList: {
        const auto* list = cast<ListNode>(node);
        for (size_t i = 0; i < list->size(); ++i) {
          Context child = ctx;
          child.path = ctx.path.Child(i);
          if (!ctx.in_function && ctx.attribute == "Properties")
            child.property_path = Join(ctx.property_path, "*");
          Walk(list->items()[i], child);
        }
        break;
      }
      case NodeKind::kMap:
        for (const MapEntry& e : cast<MapNode>(node)->entries()) {
          Context child = ctx;
          child.path = ctx.path.Child(e.key->value());
          if (!ctx.in_function && ctx.attribute == "Properties")
            child.property_path = Join(ctx.property_path, e.key->value());
          Walk(e.value, child);
        }
        break;
      case NodeKind::kFnCall: {
        const auto* fn = cast<FnCallNode>(node);
        Context child = ctx;
        child.path = ctx.path.Child(FnName(fn->fn()));
        if (fn->fn() != FnKind::kIf)
          child.in_function = true;
        if (fn->fn() == FnKind::kSub) {
          // The template string (alone or first of the list) may take parts from ${...}.
          const Node* tmpl = fn->args();
          if (const auto* list = dyn_cast<ListNode>(tmpl); list != nullptr && list->size() > 0)
            tmpl = list->items()[0];
          if (const auto* s = dyn_cast<StringNode>(tmpl)) {
            Context sub = child;
            sub.in_sub = true;
            if (tmpl != fn->args())
              sub.path = child.path.Child(size_t{0});
            CheckString(s, sub);
            if (tmpl == fn->args())
              break;
            const auto* list = cast<ListNode>(fn->args());
            for (size_t i = 1; i < list->size(); ++i) {
              Context rest = child;
              rest.path = child.path.Child(i);
              Walk(list->items()[i], rest);
            }
            break;
          }
        }
        Walk(fn->args(), child);
        break;
      }
      default:
        break;
    }
  }

  // True when a string value that Walk checks holds "{{".
  static bool HasBraces(const Node* node) {
    switch (node->kind()) {
      case NodeKind::kString:
        return cast<StringNode>(node)->value().find("{{") != std::string::npos;
      case NodeKind::kList:
        for (const Node* item : cast<ListNode>(node)->items()) {
          if (HasBraces(item))
            return true;
        }
        return false;
      case NodeKind::kMap:
        for (const MapEntry& e : cast<MapNode>(node)->entries()) {
          if (HasBraces(e.value))
            return true;
        }
        return false;
      case NodeKind::kFnCall:
        return HasBraces(cast<FnCallNode>(node)->args());
      default:
        return false;
    }
  }

  static std::string Join(const std::string& a, std::string_view b) {
    return a.empty() ? std::string(b) : a + "/" + std::string(b);
  }

  void CheckString(const StringNode* s, const Context& ctx) {
    const std::string& text = s->value();
    if (text.find("{{") == std::string::npos)
      return;
    std::vector<std::string> refs = FindReferences(text);
    if (refs.empty()) {
      if (HasSpacedReference(text)) {
        diags_.Report(DiagCode::kW1053, s->range(), ctx.path,
                      "'" + text +
                          "' has spaces inside '{{ resolve:...}}': CloudFormation does not "
                          "resolve it and keeps the text literally. Remove the spaces.");
      }
      return;
    }
    for (const std::string& body : refs) {
      ++count_;
      if (count_ == kMaxDynamicReferences + 1) {
        first_over_limit_ = s;
        first_over_limit_path_ = ctx.path;
      }
      CheckReference(s, body, ctx);
    }
  }

  void CheckReference(const StringNode* s, const std::string& body, const Context& ctx) {
    std::vector<std::string> parts = SplitColons(body);
    std::string shown = "'{{" + body + "}}'";
    // Inside Fn::Sub, `${...}` may supply any part: only the service name is certain.
    bool substituted = ctx.in_sub && body.find("${") != std::string::npos;
    static const std::vector<std::string_view> kServices = {"ssm", "ssm-secure", "secretsmanager"};
    if (parts.size() < 3) {
      Syntax(s, ctx,
             "Dynamic reference " + shown +
                 " must have the form {{resolve:service-name:reference-key}}.");
      return;
    }
    const std::string& service = parts[1];
    if (service != "ssm" && service != "ssm-secure" && service != "secretsmanager") {
      if (substituted && service.find("${") != std::string::npos)
        return;
      Syntax(s, ctx,
             "Dynamic reference " + shown + " names service '" + service +
                 "'; CloudFormation resolves ssm, ssm-secure and secretsmanager." +
                 DidYouMean(service, kServices));
      return;
    }
    if (service == "ssm" || service == "ssm-secure") {
      if (!substituted) {
        if (parts.size() > 4) {
          Syntax(s, ctx,
                 "Dynamic reference " + shown + " has " + std::to_string(parts.size() - 2) +
                     " fields after '" + service + "'; SSM references are {{resolve:" + service +
                     ":parameter-name}} or {{resolve:" + service + ":parameter-name:version}}.");
          return;
        }
        if (!IsSsmParameterName(parts[2])) {
          Syntax(s, ctx,
                 "Dynamic reference " + shown + ": SSM parameter name '" + parts[2] +
                     "' may only contain letters, digits and _.-/");
          return;
        }
        if (parts.size() == 4 && !IsDigits(parts[3])) {
          Syntax(s, ctx,
                 "Dynamic reference " + shown + ": the parameter version '" + parts[3] +
                     "' must be a whole number.");
          return;
        }
      }
      if (service == "ssm")
        CheckSsmLocation(s, shown, ctx);
      else
        CheckSecureStringLocation(s, shown, ctx);
      return;
    }
    // secretsmanager: secret-id:secret-string:json-key:version-stage:version-id, where the
    // secret id may be an ARN (arn:partition:secretsmanager:region:account:secret:name).
    bool arn = parts[2] == "arn";
    size_t min_parts = arn ? 9 : 3;
    size_t max_parts = arn ? 13 : 7;
    size_t string_field = arn ? 9 : 3;
    if (!substituted) {
      if (parts.size() < min_parts || parts.size() > max_parts) {
        Syntax(s, ctx,
               "Dynamic reference " + shown +
                   " must be {{resolve:secretsmanager:secret-id:SecretString:json-key:"
                   "version-stage:version-id}} (the fields after secret-id are optional).");
        return;
      }
      if (arn && parts[7] != "secret") {
        Syntax(s, ctx,
               "Dynamic reference " + shown +
                   ": a secret ARN has the form "
                   "arn:partition:secretsmanager:region:account-id:secret:secret-name.");
        return;
      }
      if (!IsPrintableAscii(arn ? parts[8] : parts[2])) {
        Syntax(s, ctx, "Dynamic reference " + shown + ": the secret id must be printable ASCII.");
        return;
      }
      if (parts.size() > string_field && !parts[string_field].empty() &&
          parts[string_field] != "SecretString") {
        Syntax(s, ctx,
               "Dynamic reference " + shown +
                   ": the field after the secret id must be "
                   "'SecretString' or empty, not '" +
                   parts[string_field] + "'." + DidYouMean(parts[string_field], {"SecretString"}));
        return;
      }
    }
    CheckSecretsManagerLocation(s, shown, ctx);
  }

  void Syntax(const StringNode* s, const Context& ctx, std::string message) {
    diags_.Report(DiagCode::kE1050, s->range(), ctx.path, std::move(message));
  }

  bool LocationChecked(const Context& ctx) const { return !ctx.in_function; }

  void CheckSsmLocation(const StringNode* s, const std::string& shown, const Context& ctx) {
    if (!LocationChecked(ctx))
      return;
    const std::string& a = ctx.attribute;
    if ((ctx.section == "Parameters" && (a == "Default" || a == "AllowedValues")) ||
        (ctx.section == "Resources" && (a == "Properties" || a == "Metadata")) ||
        (ctx.section == "Outputs" && a == "Value"))
      return;
    diags_.Report(DiagCode::kE1052, s->range(), ctx.path,
                  "Dynamic reference " + shown +
                      " to an SSM parameter is not resolved here; CloudFormation resolves them "
                      "in resource properties and metadata, parameter defaults and allowed "
                      "values, and output values.");
  }

  void CheckSecureStringLocation(const StringNode* s, const std::string& shown,
                                 const Context& ctx) {
    if (!LocationChecked(ctx) || ctx.section != "Resources")
      return;
    static const std::vector<std::string> kSupported = {
        "AWS::DirectoryService::MicrosoftAD/Password",
        "AWS::DirectoryService::SimpleAD/Password",
        "AWS::ElastiCache::ReplicationGroup/AuthToken",
        "AWS::IAM::User/LoginProfile/Password",
        "AWS::KinesisFirehose::DeliveryStream/RedshiftDestinationConfiguration/Password",
        "AWS::OpsWorks::App/AppSource/Password",
        "AWS::OpsWorks::Stack/RdsDbInstances/*/DbPassword",
        "AWS::OpsWorks::Stack/CustomCookbooksSource/Password",
        "AWS::RDS::DBCluster/MasterUserPassword",
        "AWS::RDS::DBInstance/MasterUserPassword",
        "AWS::Redshift::Cluster/MasterUserPassword",
    };
    const Resource* r = t_.FindResource(ctx.logical_id);
    std::string type = r != nullptr ? r->type : "";
    if (ctx.attribute == "Properties") {
      std::string where = type + "/" + ctx.property_path;
      for (const std::string& ok : kSupported) {
        if (ok == where)
          return;
      }
    }
    diags_.Report(DiagCode::kE1027, s->range(), ctx.path,
                  "Dynamic reference " + shown +
                      " to an SSM SecureString is not resolved here; CloudFormation supports "
                      "ssm-secure only in a few password properties (for example "
                      "AWS::RDS::DBInstance MasterUserPassword). Use secretsmanager instead.");
  }

  void CheckSecretsManagerLocation(const StringNode* s, const std::string& shown,
                                   const Context& ctx) {
    if (!LocationChecked(ctx))
      return;
    bool in_properties = ctx.section == "Resources" && ctx.attribute == "Properties";
    if (!in_properties && !(ctx.section == "Parameters" && ctx.attribute == "Default")) {
      diags_.Report(DiagCode::kE1051, s->range(), ctx.path,
                    "Dynamic reference " + shown +
                        " to Secrets Manager is only resolved in resource properties.");
      return;
    }
    if (!in_properties)
      return;
    static const std::vector<std::string_view> kArnFields = {
        "SecretArn",
        "SecretARN",
        "SecretsManagerSecretId",
        "SecretsManagerOracleAsmSecretId",
        "SecretsManagerSecurityDbEncryptionSecretId",
        "SecretsManagerConfiguration"};
    for (std::string_view field : kArnFields) {
      std::string_view p = ctx.property_path;
      size_t at = 0;
      while ((at = p.find(field, at)) != std::string_view::npos) {
        bool starts = at == 0 || p[at - 1] == '/';
        bool ends = at + field.size() == p.size() || p[at + field.size()] == '/';
        if (starts && ends) {
          diags_.Report(DiagCode::kW1051, s->range(), ctx.path,
                        "Dynamic reference " + shown + " resolves to the secret itself, but '" +
                            std::string(field) +
                            "' expects the secret's ARN: give the ARN (for example Ref of an "
                            "AWS::SecretsManager::Secret).");
          return;
        }
        at += field.size();
      }
    }
  }

  const Template& t_;
  DiagnosticSink& diags_;
  size_t count_ = 0;
  const StringNode* first_over_limit_ = nullptr;
  TemplatePath first_over_limit_path_;
};

}  // namespace

void CheckDynamicReferences(const Template& t, DiagnosticSink& diags) {
  DynamicReferenceChecker(t, diags).Run();
}

}  // namespace cfnx
