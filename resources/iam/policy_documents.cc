// Copyright 2026 The cfnx Authors.
// SPDX-License-Identifier: Apache-2.0

#include "resources/iam/policy_documents.h"

#include <string>
#include <string_view>
#include <vector>

#include "resources/ecma_regex.h"

namespace cfnx {
namespace {

enum class PolicyKind { kIdentity, kResource, kTrust };

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

class PolicyChecker {
 public:
  PolicyChecker(PolicyKind kind, DiagnosticSink& diags) : kind_(kind), diags_(diags) {}

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
    bool resources = kind_ != PolicyKind::kTrust;
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
        CheckStrings(e.value, child, /*arn=*/kind_ == PolicyKind::kIdentity);
      } else if (key == "Principal" || key == "NotPrincipal") {
        CheckPrincipal(e.value, child);
      }
    }
    if (s->Find("Effect") == nullptr)
      Report(at, "The statement has no Effect ('Allow' or 'Deny').");
    ExactlyOne(s, at, "Action", "NotAction");
    if (kind_ != PolicyKind::kTrust)
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
    if (!EcmaRegexSearch(kArnPattern, s->value(), &supported, &why))
      Report(at, Q(s->value()) + " is not a resource ARN or '*'.");
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
        return "a resource policy";
      case PolicyKind::kTrust:
        return "a trust policy";
    }
    return "a policy";
  }

  void Report(const Where& w, std::string message) {
    DiagCode code = kind_ == PolicyKind::kIdentity   ? DiagCode::kE3510
                    : kind_ == PolicyKind::kResource ? DiagCode::kE3512
                                                     : DiagCode::kE3530;
    diags_.Report(code, w.range, w.path, std::move(message));
  }

  PolicyKind kind_;
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
};

}  // namespace

void CheckPolicyDocuments(const Resource& resource, DiagnosticSink& diags) {
  const auto* props =
      resource.properties != nullptr ? dyn_cast<MapNode>(resource.properties) : nullptr;
  if (props == nullptr)
    return;
  TemplatePath base{"Resources", resource.logical_id, "Properties"};
  for (const PolicyProperty& p : kPolicyProperties) {
    if (p.type != resource.type)
      continue;
    PolicyChecker checker(p.kind, diags);
    if (!p.in_policies_list) {
      if (const MapEntry* e = props->Find(p.property))
        checker.CheckDocument(e->value, Where{e->key->range(), base.Child(p.property)});
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
            e->value, Where{e->key->range(), base.Child("Policies").Child(i).Child(p.property)});
      }
    }
  }
}

}  // namespace cfnx
