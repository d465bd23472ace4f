// Copyright 2026 The cfnx Authors.
// SPDX-License-Identifier: Apache-2.0
//
// `cfnx transform` with AWS::LanguageExtensions (Fn::ForEach, Fn::Length, Fn::ToJsonString,
// Fn::FindInMap defaults, DeletionPolicy/UpdateReplacePolicy functions) and AWS::Include.
//
// Input: a template, then optional snippet files separated by fuzz::kPartSeparator; snippet i
// (1-based) is s3://fuzz/i.yaml. A few fixed snippets sit under s3://my-bucket/ as well. The
// template lives in a scratch directory, so relative local locations resolve there. Inputs
// naming the host's device or process files (/dev, /proc, /sys) are not run: reading them is
// the path-escape refusal's business, tested on its own, not this harness's.

#include <filesystem>

#include <nlohmann/json.hpp>

#include "cfnx/compiler.h"
#include "engine/api/planning.h"
#include "tests/fuzz/fuzz_target.h"
#include "tests/fuzz/tree_mutator.h"

namespace {

constexpr std::string_view kResourcesSnippet = R"({
  "Queue": {"Type": "AWS::SQS::Queue", "Properties": {"DelaySeconds": 5}},
  "Topic": {"Type": "AWS::SNS::Topic", "Properties": {"TopicName": {"Fn::Sub": "${AWS::StackName}-t"}}}
})";
constexpr std::string_view kPropertiesSnippet = "DelaySeconds: 5\nMessageRetentionPeriod: 60\n";
constexpr std::string_view kSectionsSnippet =
    "Outputs:\n  Name:\n    Value: {\"Ref\": \"AWS::StackName\"}\n";
constexpr std::string_view kNestedSnippet =
    "Fn::Transform:\n  Name: AWS::Include\n  Parameters:\n    Location: s3://my-bucket/a.yaml\n";

// The scratch directory with the fixed snippets in place.
const std::string& Root() {
  static const std::string* root = [] {
    std::string dir = cfnx::fuzz::ScratchDir() + "/lx";
    std::filesystem::create_directories(dir + "/s3/my-bucket");
    std::filesystem::create_directories(dir + "/s3/fuzz");
    cfnx::fuzz::WriteFileOrDie(dir + "/s3/my-bucket/resources.json", kResourcesSnippet);
    cfnx::fuzz::WriteFileOrDie(dir + "/s3/my-bucket/a.yaml", kPropertiesSnippet);
    cfnx::fuzz::WriteFileOrDie(dir + "/s3/my-bucket/sections.yaml", kSectionsSnippet);
    cfnx::fuzz::WriteFileOrDie(dir + "/s3/my-bucket/nested.yaml", kNestedSnippet);
    cfnx::fuzz::WriteFileOrDie(dir + "/local.yaml", kPropertiesSnippet);
    return new std::string(dir);
  }();
  return *root;
}

}  // namespace

CFNX_FUZZ_TARGET(language_extensions) {
  std::string_view text = cfnx::fuzz::AsText(data, size);
  for (std::string_view host : {"/dev", "/proc", "/sys"}) {
    if (text.find(host) != std::string_view::npos)
      return -1;
  }
  std::vector<std::string_view> parts = cfnx::fuzz::SplitParts(text);
  const std::string& root = Root();
  std::vector<std::string> written;
  for (size_t i = 1; i < parts.size() && i <= 4; ++i) {
    written.push_back(root + "/s3/fuzz/" + std::to_string(i) + ".yaml");
    cfnx::fuzz::WriteFileOrDie(written.back(), parts[i]);
  }
  cfnx::CompileOptions options;
  options.stack_name = "fuzz";
  options.s3_root = root + "/s3";
  options.parameters = {{"Names", "a,b,c"}, {"Env", "prod"}};
  {
    cfnx::Compiler compiler(options);
    cfnx::FileId file = compiler.AddSource(root + "/template.yaml", std::string(parts[0]));
    cfnx::Compiler::TransformOutput out = compiler.TransformTemplate(file);
    if (!out.json.empty()) {
      cfnx::fuzz::Check(nlohmann::json::accept(out.json), "transform output is not JSON", text);
    }
    // The graph stage after the transforms (cycles through expanded resources).
    cfnx::DiagnosticCollector diags;
    cfnx::GraphTemplate(compiler.mutable_sources(), file, options, "json", diags);
  }
  for (const std::string& path : written) {
    std::filesystem::remove(path);
  }
  return 0;
}

CFNX_FUZZ_TREE_MUTATOR()
