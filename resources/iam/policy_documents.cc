// Copyright 2026 The cfnx Authors.
// SPDX-License-Identifier: Apache-2.0

#include "resources/iam/policy_documents.h"

#include <string>
#include <string_view>
#include <vector>

#include "engine/ast/document.h"
#include "engine/ast/json_convert.h"
#include "resources/ecma_regex.h"

namespace cfnx {
namespace {

// kEcr: an ECR repository policy, a resource policy whose statements name no Resource (the
// repository is the resource): cfn-lint's policy_resource_ecr.json, rule E3513.
enum class PolicyKind { kIdentity, kResource, kTrust, kEcr };

struct Where {
  SourceRange range;
  TemplatePath path;
};

std::string Q(std::string_view s) {
  return "'" + std::string(s) + "'";
}

// Resource ARNs of identity policies (cfn-lint's AwsArn): an ARN or "*".
constexpr std::string_view kArnPattern =
    "^(arn:(aws[A-Za-z\\-]*?|\\*):[^:]+:[^:]*(:(?:\\d{12}|\\*|aws)?:.+|)|\\*)$";

// Resource ARNs of resource policies (cfn-lint's E3514, rules/resources/iam/
// ResourcePolicyResourceArn.py): an ARN of the aws partitions or "*"; a bucket policy names
// buckets or objects, so "*" is not one.
constexpr std::string_view kResourcePolicyArnPattern =
    "^(arn:aws[A-Za-z\\-]*?:[^:]+:[^:]*(:(?:\\d{12}|\\*|aws)?:.+|)|\\*)$";
constexpr std::string_view kBucketPolicyArnPattern =
    "^arn:aws[A-Za-z\\-]*?:[^:]+:[^:]*(:(?:\\d{12}|\\*|aws)?:.+|)$";

class PolicyChecker {
 public:
  PolicyChecker(PolicyKind kind, bool bucket_policy, DiagnosticSink& diags)
      : kind_(kind), bucket_policy_(bucket_policy), diags_(diags) {}

  // `doc` is the property value; `at` its key.
  void CheckDocument(const Node* doc, const Where& at) {
    if (const auto* fn = dyn_cast<FnCallNode>(doc)) {
      ForEachBranch(fn, at, [&](const Node* branch, const Where& w) { CheckDocument(branch, w); });
      return;
    }
    const auto* map = dyn_cast<MapNode>(doc);
    if (map == nullptr)
      return;  // a JSON string, or a shape the resource schema reports
    for (const MapEntry& e : map->entries()) {
      const std::string& key = e.key->value();
      Where child{e.key->range(), at.path.Child(key)};
      if (key == "Version") {
        const auto* s = dyn_cast<ScalarNode>(e.value);
        if (s != nullptr && s->text() != "2012-10-17" && s->text() != "2008-10-17")
          Report(child,
                 "The policy Version " + Q(s->text()) + " is not one IAM knows; use '2012-10-17'.");
      } else if (key == "Statement") {
        CheckStatements(e.value, child);
      } else if (key != "Id") {
        Report(child, Q(key) + " is not a policy element (Version, Id, Statement).");
      }
    }
    if (map->Find("Statement") == nullptr)
      Report(at, "The policy has no Statement.");
  }

 private:
  template <typename F>
  void ForEachBranch(const FnCallNode* fn, const Where& at, F&& f) {
    if (fn->fn() != FnKind::kIf)
      return;  // known only at deploy time
    const auto* args = dyn_cast<ListNode>(fn->args());
    if (args == nullptr || args->size() != 3)
      return;
    for (size_t i = 1; i < 3; ++i) {
      const Node* branch = args->items()[i];
      if (!IsNoValue(branch))
        f(branch, Where{branch->range(), at.path.Child("Fn::If").Child(i)});
    }
  }

  void CheckStatements(const Node* v, const Where& at) {
    if (const auto* fn = dyn_cast<FnCallNode>(v)) {
      ForEachBranch(fn, at, [&](const Node* b, const Where& w) { CheckStatements(b, w); });
      return;
    }
    if (const auto* map = dyn_cast<MapNode>(v)) {
      CheckStatement(map, at);
      return;
    }
    const auto* list = dyn_cast<ListNode>(v);
    if (list == nullptr) {
      Report(at, "Statement must be a statement or a list of statements, not a " +
                     std::string(NodeKindName(v->kind())) + ".");
      return;
    }
    for (size_t i = 0; i < list->size(); ++i) {
      const Node* item = list->items()[i];
      Where w{item->range(), at.path.Child(i)};
      if (const auto* map = dyn_cast<MapNode>(item)) {
        CheckStatement(map, w);
      } else if (const auto* fn = dyn_cast<FnCallNode>(item)) {
        ForEachBranch(fn, w, [&](const Node* b, const Where& bw) {
          if (const auto* m = dyn_cast<MapNode>(b))
            CheckStatement(m, bw);
        });
      } else {
        Report(w, "A statement must be a mapping, not a " +
                      std::string(NodeKindName(item->kind())) + ".");
      }
    }
  }

  bool Allowed(std::string_view key) const {
    static constexpr std::string_view kCommon[] = {"Sid", "Effect", "Action", "NotAction",
                                                   "Condition"};
    for (std::string_view k : kCommon) {
      if (key == k)
        return true;
    }
    bool resources = kind_ != PolicyKind::kTrust;  // an ECR policy may name one (an ARN)
    bool principals = kind_ != PolicyKind::kIdentity;
    return (resources && (key == "Resource" || key == "NotResource")) ||
           (principals && (key == "Principal" || key == "NotPrincipal"));
  }

  void CheckStatement(const MapNode* s, const Where& at) {
    for (const MapEntry& e : s->entries()) {
      const std::string& key = e.key->value();
      Where child{e.key->range(), at.path.Child(key)};
      if (!Allowed(key)) {
        Report(child, Q(key) + " is not an element of " + KindNoun() + " statement.");
        continue;
      }
      if (key == "Effect") {
        const auto* v = dyn_cast<ScalarNode>(e.value);
        if (v != nullptr && v->text() != "Allow" && v->text() != "Deny")
          Report(child, "Effect is " + Q(v->text()) + "; it must be 'Allow' or 'Deny'.");
      } else if (key == "Action" || key == "NotAction") {
        CheckStrings(e.value, child, /*arn=*/false);
      } else if (key == "Resource" || key == "NotResource") {
        CheckStrings(e.value, child, /*arn=*/kind_ != PolicyKind::kResource || key == "Resource");
      } else if (key == "Principal" || key == "NotPrincipal") {
        CheckPrincipal(e.value, child);
      }
    }
    if (s->Find("Effect") == nullptr)
      Report(at, "The statement has no Effect ('Allow' or 'Deny').");
    ExactlyOne(s, at, "Action", "NotAction");
    if (kind_ == PolicyKind::kIdentity || kind_ == PolicyKind::kResource)
      ExactlyOne(s, at, "Resource", "NotResource");
    if (kind_ != PolicyKind::kIdentity)
      ExactlyOne(s, at, "Principal", "NotPrincipal");
  }

  void ExactlyOne(const MapNode* s, const Where& at, const char* a, const char* b) {
    const MapEntry* ea = s->Find(a);
    const MapEntry* eb = s->Find(b);
    std::string both = std::string(a) + " or " + b;
    if (ea == nullptr && eb == nullptr) {
      Report(at, "The statement needs " + both + ".");
    } else if (ea != nullptr && eb != nullptr) {
      for (const MapEntry* e : {ea, eb}) {
        Report(Where{e->key->range(), at.path.Child(e->key->value())},
               "A statement takes only one of " + both + ".");
      }
    }
  }

  // Action, Resource: a string or a non-empty list of strings.
  void CheckStrings(const Node* v, const Where& at, bool arn) {
    if (const auto* s = dyn_cast<StringNode>(v)) {
      CheckArn(s, at, arn);
      return;
    }
    const auto* list = dyn_cast<ListNode>(v);
    if (list == nullptr) {
      if (isa<MapNode>(v) || isa<NullNode>(v))
        Report(at, "The value must be a string or a list of strings.");
      return;
    }
    if (list->size() == 0)
      Report(at, "The list must not be empty.");
    for (size_t i = 0; i < list->size(); ++i) {
      const Node* item = list->items()[i];
      Where w{item->range(), at.path.Child(i)};
      if (isa<MapNode>(item) || isa<ListNode>(item) || isa<NullNode>(item)) {
        Report(w, "Each item must be a string, not a " + std::string(NodeKindName(item->kind())) +
                      ".");
      } else if (const auto* s = dyn_cast<StringNode>(item)) {
        CheckArn(s, w, arn);
      }
    }
  }

  void CheckArn(const StringNode* s, const Where& at, bool arn) {
    if (!arn || s->value().find("${") != std::string::npos)
      return;
    bool supported = true;
    std::string why;
    if (kind_ != PolicyKind::kResource) {
      if (!EcmaRegexSearch(kArnPattern, s->value(), &supported, &why))
        Report(at, Q(s->value()) + " is not a resource ARN or '*'.");
      return;
    }
    std::string_view pattern = bucket_policy_ ? kBucketPolicyArnPattern : kResourcePolicyArnPattern;
    if (!EcmaRegexSearch(pattern, s->value(), &supported, &why))
      diags_.Report(
          DiagCode::kE3514, at.range, at.path,
          Q(s->value()) + (bucket_policy_ ? " is not an ARN: a bucket policy's Resource "
                                            "names buckets or objects by ARN."
                                          : " is not an ARN of the aws partitions or '*'."));
  }

  void CheckPrincipal(const Node* v, const Where& at) {
    if (const auto* s = dyn_cast<StringNode>(v)) {
      if (s->value() != "*")
        Report(at,
               "A Principal given as a string must be '*'; name principals as {AWS: ...}, "
               "{Service: ...}, {Federated: ...} or {CanonicalUser: ...}.");
      return;
    }
    const auto* map = dyn_cast<MapNode>(v);
    if (map == nullptr) {
      if (!isa<FnCallNode>(v))
        Report(at, "A Principal must be '*' or a mapping of principal types.");
      return;
    }
    for (const MapEntry& e : map->entries()) {
      const std::string& key = e.key->value();
      if (key != "AWS" && key != "Service" && key != "Federated" && key != "CanonicalUser")
        Report(Where{e.key->range(), at.path.Child(key)},
               Q(key) + " is not a principal type (AWS, Service, Federated, CanonicalUser).");
    }
  }

  std::string KindNoun() const {
    switch (kind_) {
      case PolicyKind::kIdentity:
        return "an identity policy";
      case PolicyKind::kResource:
      case PolicyKind::kEcr:
        return "a resource policy";
      case PolicyKind::kTrust:
        return "a trust policy";
    }
    return "a policy";
  }

  void Report(const Where& w, std::string message) {
    DiagCode code = kind_ == PolicyKind::kIdentity   ? DiagCode::kE3510
                    : kind_ == PolicyKind::kResource ? DiagCode::kE3512
                    : kind_ == PolicyKind::kEcr      ? DiagCode::kE3513
                                                     : DiagCode::kE3530;
    diags_.Report(code, w.range, w.path, std::move(message));
  }

  PolicyKind kind_;
  bool bucket_policy_;
  DiagnosticSink& diags_;
};

struct PolicyProperty {
  std::string_view type;
  std::string_view property;
  bool in_policies_list;  // Policies/*/PolicyDocument
  PolicyKind kind;
};

constexpr PolicyProperty kPolicyProperties[] = {
    {"AWS::IAM::Group", "PolicyDocument", true, PolicyKind::kIdentity},
    {"AWS::IAM::Role", "PolicyDocument", true, PolicyKind::kIdentity},
    {"AWS::IAM::User", "PolicyDocument", true, PolicyKind::kIdentity},
    {"AWS::IAM::ManagedPolicy", "PolicyDocument", false, PolicyKind::kIdentity},
    {"AWS::IAM::Policy", "PolicyDocument", false, PolicyKind::kIdentity},
    {"AWS::IAM::UserPolicy", "PolicyDocument", false, PolicyKind::kIdentity},
    {"AWS::IAM::RolePolicy", "PolicyDocument", false, PolicyKind::kIdentity},
    {"AWS::IAM::GroupPolicy", "PolicyDocument", false, PolicyKind::kIdentity},
    {"AWS::SSO::PermissionSet", "InlinePolicy", false, PolicyKind::kIdentity},
    {"AWS::IAM::Role", "AssumeRolePolicyDocument", false, PolicyKind::kTrust},
    {"AWS::KMS::Key", "KeyPolicy", false, PolicyKind::kResource},
    {"AWS::OpenSearchService::Domain", "AccessPolicies", false, PolicyKind::kResource},
    {"AWS::S3::BucketPolicy", "PolicyDocument", false, PolicyKind::kResource},
    {"AWS::SNS::TopicPolicy", "PolicyDocument", false, PolicyKind::kResource},
    {"AWS::SQS::QueuePolicy", "PolicyDocument", false, PolicyKind::kResource},
    {"AWS::ECR::Repository", "RepositoryPolicyText", false, PolicyKind::kEcr},
};

// A policy given as a JSON string, as IAM reads it (cfn-lint's Policy.py parses it too): its
// nodes all carry the string's range, where every finding inside it points. Any other value
// as it is; a string that is not JSON as it is (nothing to check).
const Node* Parsed(const Node* v, Document& scratch) {
  const auto* s = dyn_cast<StringNode>(v);
  if (s == nullptr)
    return v;
  OrderedJson json = OrderedJson::parse(s->value(), nullptr, /*allow_exceptions=*/false);
  if (json.is_discarded() || !json.is_object())
    return v;
  return FromJson(json, scratch, s->range());
}

// The policy documents among `props`, the resource's properties (or one Fn::If branch of them).
void CheckPolicyProperties(const Resource& resource, const MapNode* props, const TemplatePath& base,
                           DiagnosticSink& diags) {
  Document scratch;
  for (const PolicyProperty& p : kPolicyProperties) {
    if (p.type != resource.type)
      continue;
    PolicyChecker checker(p.kind, resource.type == "AWS::S3::BucketPolicy", diags);
    if (!p.in_policies_list) {
      if (const MapEntry* e = props->Find(p.property))
        checker.CheckDocument(Parsed(e->value, scratch),
                              Where{e->key->range(), base.Child(p.property)});
      continue;
    }
    const auto* list = dyn_cast<ListNode>(props->Get("Policies"));
    if (list == nullptr)
      continue;
    for (size_t i = 0; i < list->size(); ++i) {
      const auto* policy = dyn_cast<MapNode>(list->items()[i]);
      const MapEntry* e = policy != nullptr ? policy->Find(p.property) : nullptr;
      if (e != nullptr) {
        checker.CheckDocument(
            Parsed(e->value, scratch),
            Where{e->key->range(), base.Child("Policies").Child(i).Child(p.property)});
      }
    }
  }
}

}  // namespace

void CheckPolicyDocuments(const Resource& resource, DiagnosticSink& diags) {
  if (resource.properties == nullptr)
    return;
  // Properties written as an Fn::If: each branch is the resource's properties in some scenario.
  const auto* fn = dyn_cast<FnCallNode>(resource.properties);
  const auto* args =
      fn != nullptr && fn->fn() == FnKind::kIf ? dyn_cast<ListNode>(fn->args()) : nullptr;
  TemplatePath base{"Resources", resource.logical_id, "Properties"};
  if (args != nullptr && args->size() == 3) {
    for (size_t i = 1; i < 3; ++i) {
      if (const auto* props = dyn_cast<MapNode>(args->items()[i]))
        CheckPolicyProperties(resource, props, base.Child("Fn::If").Child(i), diags);
    }
  } else if (const auto* props = dyn_cast<MapNode>(resource.properties)) {
    CheckPolicyProperties(resource, props, base, diags);
  }
}

}  // namespace cfnx
