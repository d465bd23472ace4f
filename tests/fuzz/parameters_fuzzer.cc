// Copyright 2026 The cfnx Authors.
// SPDX-License-Identifier: Apache-2.0
//
// Parameter files (`--parameters-file`): either shape AWS uses, read by ReadParametersFile,
// then the values checked and used by `cfnx validate` and `cfnx render` on a template that
// declares a parameter of every type and constraint (or on the template after
// fuzz::kPartSeparator, when the input has one).

#include <nlohmann/json.hpp>

#include "cfnx/compiler.h"
#include "tests/fuzz/fuzz_target.h"

namespace {

constexpr std::string_view kTemplate = R"(AWSTemplateFormatVersion: "2010-09-09"
Parameters:
  Name: {Type: String, MinLength: 1, MaxLength: 20, AllowedPattern: "[a-z][a-z0-9-]*"}
  Env: {Type: String, AllowedValues: [dev, prod], Default: dev}
  Count: {Type: Number, MinValue: 1, MaxValue: 10, Default: 2}
  Ports: {Type: List<Number>, Default: "80,443"}
  Zones: {Type: CommaDelimitedList, Default: "a,b"}
  Vpc: {Type: "AWS::EC2::VPC::Id", Default: vpc-123}
  Subnets: {Type: "List<AWS::EC2::Subnet::Id>", Default: subnet-1}
  Ami: {Type: "AWS::SSM::Parameter::Value<AWS::EC2::Image::Id>", Default: /ami/latest}
  Secret: {Type: String, NoEcho: true, Default: hunter2}
Conditions:
  IsProd: !Equals [!Ref Env, prod]
Resources:
  Queue:
    Type: AWS::SQS::Queue
    Properties:
      QueueName: !Sub "${Name}-${Env}-${Count}"
      DelaySeconds: !Select [0, !Ref Ports]
      Tags:
        - {Key: zones, Value: !Join [",", !Ref Zones]}
        - {Key: subnets, Value: !Join [",", !Ref Subnets]}
        - {Key: vpc, Value: !If [IsProd, !Ref Vpc, !Ref AWS::NoValue]}
Outputs:
  Length:
    Value: !Select [1, !Split [",", !Join [",", !Ref Zones]]]
)";

}  // namespace

CFNX_FUZZ_TARGET(parameters) {
  std::string_view text = cfnx::fuzz::AsText(data, size);
  std::vector<std::string_view> parts = cfnx::fuzz::SplitParts(text);
  std::string path = cfnx::fuzz::ScratchDir() + "/parameters.json";
  cfnx::fuzz::WriteFileOrDie(path, parts[0]);
  cfnx::ErrorOr<std::map<std::string, std::string>> parameters = cfnx::ReadParametersFile(path);
  if (!parameters.ok())
    return 0;
  cfnx::CompileOptions options;
  options.stack_name = "fuzz";
  options.parameters = std::move(*parameters);
  std::string templ(parts.size() > 1 ? parts[1] : kTemplate);
  cfnx::Compiler compiler(options);
  cfnx::FileId file = compiler.AddSource("template.yaml", templ);
  compiler.Validate(file);
  cfnx::Compiler::TransformOutput out = compiler.Render(file);
  if (!out.json.empty()) {
    cfnx::fuzz::Check(nlohmann::json::accept(out.json), "render output is not JSON", text);
  }
  return 0;
}
