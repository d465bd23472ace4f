// Copyright 2026 The cfnx Authors.
// SPDX-License-Identifier: Apache-2.0
//
// `cfnx describe --stack NAME [--backend local|aws] [--state PATH] [--format text|json]`
// The stack's status, parameters, outputs, resources and events (DescribeStacks-like JSON with
// --format json). Never waits for locks.

#include <iomanip>
#include <iostream>

#include "engine/cli/backend_flags.h"

namespace cfnx {

Command AddDescribeCommand(CLI::App& app) {
  struct Flags {
    BackendFlags backend;
    std::string stack;
    std::string format = "text";
  };
  auto flags = std::make_shared<Flags>();
  CLI::App* sub = app.add_subcommand("describe", "Show a stack: status, outputs, resources");
  AddBackendFlags(sub, &flags->backend, /*mutating=*/false);
  sub->add_option("--stack", flags->stack, "stack name")->required();
  sub->add_option("--format", flags->format, "text or json")
      ->check(CLI::IsMember({"text", "json"}));
  auto run = [flags, sub]() -> int {
    ErrorOr<StoreJson> j = Error{""};
    if (flags->backend.backend == "aws") {
      ErrorOr<std::unique_ptr<AwsBackend>> aws =
          OpenAws(flags->backend.aws, ExplicitRegion(sub, flags->backend.aws.region));
      if (!aws.ok())
        return CouldNotRun(aws.error().message);
      j = (*aws)->DescribeJson(flags->stack);
    } else {
      ErrorOr<std::unique_ptr<LocalBackend>> backend = OpenBackend(flags->backend);
      if (!backend.ok())
        return CouldNotRun(backend.error().message);
      j = (*backend)->DescribeJson(flags->stack);
    }
    if (!j.ok())
      return CouldNotRun(j.error().message);
    if (flags->format == "json") {
      // The state is outside input: invalid UTF-8 in it prints as U+FFFD (the default handler
      // threw type_error.316 and ended the process; found by the state_db fuzzer).
      std::cout << j->dump(2, ' ', false, StoreJson::error_handler_t::replace) << "\n";
      return 0;
    }
    const StoreJson& d = *j;
    std::cout << "Stack:   " << d["StackName"].get<std::string>() << "\n"
              << "Id:      " << d["StackId"].get<std::string>() << "\n"
              << "Status:  " << d["StackStatus"].get<std::string>();
    if (!d["StackStatusReason"].get<std::string>().empty())
      std::cout << " (" << d["StackStatusReason"].get<std::string>() << ")";
    std::cout << "\nUpdated: " << d["LastUpdatedTime"].get<std::string>() << "\n";
    if (d.contains("ParentId"))
      std::cout << "Parent:  " << d["ParentId"].get<std::string>() << " (a nested stack)\n";
    if (d.contains("LockedBy"))
      std::cout << "Locked by " << d["LockedBy"].get<std::string>() << "\n";
    if (d.value("EnableTerminationProtection", false))
      std::cout << "Termination protection: enabled\n";
    if (d.contains("StackPolicyBody") && d["StackPolicyBody"].is_object())
      std::cout << "Stack policy: "
                << d["StackPolicyBody"].value("Statement", StoreJson::array()).size()
                << " statement(s) (--format json shows it)\n";
    if (!d["Parameters"].empty()) {
      std::cout << "\nParameters:\n";
      for (const StoreJson& p : d["Parameters"]) {
        std::cout << "  " << p["ParameterKey"].get<std::string>() << " = "
                  << p["ParameterValue"].get<std::string>();
        if (p.contains("ResolvedValue"))
          std::cout << " (resolved: " << p["ResolvedValue"].get<std::string>() << ")";
        std::cout << "\n";
      }
    }
    if (d["Outputs"].is_array() && !d["Outputs"].empty()) {
      std::cout << "\nOutputs:\n";
      for (const StoreJson& o : d["Outputs"]) {
        std::cout << "  " << o.value("OutputKey", "") << " = " << o.value("OutputValue", "");
        if (o.contains("ExportName"))
          std::cout << "  (export " << o.value("ExportName", "") << ")";
        std::cout << "\n";
      }
    }
    std::cout << "\nResources:\n";
    for (const StoreJson& r : d["Resources"]) {
      std::cout << "  " << std::left << std::setw(24) << r["LogicalResourceId"].get<std::string>()
                << " " << std::setw(28) << r["ResourceType"].get<std::string>() << " "
                << std::setw(18) << r["ResourceStatus"].get<std::string>() << " "
                << r["PhysicalResourceId"].get<std::string>();
      if (r.contains("PendingCleanup"))
        std::cout << "  (" << r["PendingCleanup"].get<std::string>() << ", awaiting cleanup)";
      std::cout << "\n";
    }
    std::cout << "\nEvents (latest 20):\n";
    const StoreJson& events = d["Events"];
    size_t start = events.size() > 20 ? events.size() - 20 : 0;
    for (size_t i = start; i < events.size(); ++i) {
      const StoreJson& e = events[i];
      std::cout << "  " << e["Timestamp"].get<std::string>() << "  " << std::left << std::setw(44)
                << e["ResourceStatus"].get<std::string>() << " "
                << e["LogicalResourceId"].get<std::string>();
      if (!e["ResourceStatusReason"].get<std::string>().empty())
        std::cout << "  " << e["ResourceStatusReason"].get<std::string>();
      std::cout << "\n";
    }
    return 0;
  };
  return Command{sub, run};
}

}  // namespace cfnx
