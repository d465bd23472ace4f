// Copyright 2026 The cfnx Authors.
// SPDX-License-Identifier: Apache-2.0
//
// The values AWS::LanguageExtensions must know while it processes a template: Fn::ForEach
// collections, Fn::FindInMap keys (with DefaultValue), Fn::Length, Fn::ToJsonString, the
// arguments of Ref and Fn::GetAtt, DeletionPolicy and UpdateReplacePolicy. CloudFormation
// computes them from parameter values and pseudo parameters when it runs the transform; offline
// they come from `--parameters`, parameter defaults and the `--region`/`--account-id` options.
//
// `StaticResolver::Resolve` gives a literal AST node (string, number, bool, null, or a list or
// map of those) built in the transform's Document, `kUnknown` with a reason when the value
// depends on something only a deployment knows (a parameter without a value, a resource
// attribute), or `kError` when the template itself is wrong (a missing mapping key without
// DefaultValue); errors are reported to the sink once.
//
// This is deliberately the one place that evaluates intrinsics for the transform, so it can be
// switched over to the shared evaluator (engine/eval) when that lands without touching the loop
// expansion; it covers only what the transform needs at transform time.

#ifndef CFNX_TRANSFORMS_LANGUAGE_EXTENSIONS_STATIC_RESOLVER_H_
#define CFNX_TRANSFORMS_LANGUAGE_EXTENSIONS_STATIC_RESOLVER_H_

#include <map>
#include <string>
#include <vector>

#include "cfnx/diagnostic.h"
#include "engine/ast/document.h"
#include "transforms/transform.h"

namespace cfnx {

struct Resolved {
  enum class State { kKnown, kUnknown, kError };
  State state = State::kUnknown;
  const Node* value = nullptr;  // kKnown: a literal node
  std::string reason;           // kUnknown: why the value is not known offline

  bool known() const { return state == State::kKnown; }
  static Resolved Known(const Node* v) { return {State::kKnown, v, ""}; }
  static Resolved Unknown(std::string why) { return {State::kUnknown, nullptr, std::move(why)}; }
  static Resolved Error() { return {State::kError, nullptr, ""}; }
};

class StaticResolver {
 public:
  // `root` supplies Parameters and Mappings; `conditions` (the Conditions section after loop
  // expansion, may be nullptr) supplies condition definitions for Fn::If.
  StaticResolver(const MapNode& root, const TransformOptions& options, Document& doc,
                 DiagnosticSink& diags);

  void set_conditions(const MapNode* conditions) { conditions_ = conditions; }

  // Resolves `node` to a literal. `path` is where `node` sits, for diagnostics.
  Resolved Resolve(const Node& node, const TemplatePath& path);

  // Evaluates the condition named `name` (kKnown: a BoolNode).
  Resolved EvaluateCondition(const std::string& name, const Node& at, const TemplatePath& path);

  // The string form of a literal scalar ("3" for a number), or false when `node` is not one.
  static bool ScalarText(const Node& node, std::string* out);

 private:
  Resolved ResolveFn(const FnCallNode& fn, const TemplatePath& path);
  Resolved ResolveRef(const FnCallNode& fn, const TemplatePath& path);
  Resolved ResolveParameter(const std::string& name, const Node& at);
  Resolved ResolveFindInMap(const FnCallNode& fn, const TemplatePath& path);
  Resolved ResolveSub(const FnCallNode& fn, const TemplatePath& path);
  Resolved ResolveJoin(const FnCallNode& fn, const TemplatePath& path);
  Resolved ResolveSelect(const FnCallNode& fn, const TemplatePath& path);
  Resolved ResolveSplit(const FnCallNode& fn, const TemplatePath& path);
  Resolved ResolveLength(const FnCallNode& fn, const TemplatePath& path);
  Resolved ResolveToJsonString(const FnCallNode& fn, const TemplatePath& path);
  Resolved EvaluateConditionExpr(const Node& expr, const TemplatePath& path, int depth);
  // Resolves to a string (numbers and bools print as text); kUnknown/kError pass through.
  Resolved ResolveString(const Node& node, const TemplatePath& path, std::string* out);

  const Node* NewString(std::string value, const Node& at);

  const MapNode& root_;
  const TransformOptions& options_;
  Document& doc_;
  DiagnosticSink& diags_;
  const MapNode* conditions_ = nullptr;
  std::map<std::string, bool> condition_cache_;
  int depth_ = 0;
};

}  // namespace cfnx

#endif  // CFNX_TRANSFORMS_LANGUAGE_EXTENSIONS_STATIC_RESOLVER_H_
