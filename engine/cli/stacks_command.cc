// Copyright 2026 The cfnx Authors.
// SPDX-License-Identifier: Apache-2.0
//
// `cfnx stacks [--state PATH] [--all] [--format text|json]`
// Lists the stacks of the local backend (name, status, last update, resource count) or, with
// --backend aws, of CloudFormation in the region (name, status, last update). Deleted stacks
// only with --all. A nested stack is listed as a stack of its own, with the stack it is nested
// in ("ParentStack" in JSON). Never waits for locks (reads do not block).

#include <iomanip>
#include <iostream>

#include "engine/cli/backend_flags.h"

namespace cfnx {

Command AddStacksCommand(CLI::App& app) {
  struct Flags {
    BackendFlags backend;
    bool all = false;
    std::string format = "text";
  };
  auto flags = std::make_shared<Flags>();
  CLI::App* sub = app.add_subcommand("stacks", "List the stacks of the local backend");
  AddBackendFlags(sub, &flags->backend, /*mutating=*/false);
  sub->add_flag("--all", flags->all, "include deleted stacks");
  sub->add_option("--format", flags->format, "text or json")
      ->check(CLI::IsMember({"text", "json"}));
  auto run = [flags, sub]() -> int {
    if (flags->backend.backend == "aws") {
      ErrorOr<std::unique_ptr<AwsBackend>> aws =
          OpenAws(flags->backend.aws, ExplicitRegion(sub, flags->backend.aws.region));
      if (!aws.ok())
        return CouldNotRun(aws.error().message);
      ErrorOr<OrderedJson> list = (*aws)->StacksJson(flags->all);
      if (!list.ok())
        return CouldNotRun(list.error().message);
      if (flags->format == "json") {
        std::cout << list->dump(2) << "\n";
        return 0;
      }
      if (list->empty())
        std::cout << "No stacks in " << (*aws)->region() << "\n";
      for (const OrderedJson& s : *list) {
        std::cout << std::left << std::setw(32) << s["StackName"].get<std::string>() << " "
                  << std::setw(46) << s["StackStatus"].get<std::string>() << " "
                  << s["LastUpdatedTime"].get<std::string>() << "\n";
      }
      return 0;
    }
    ErrorOr<std::unique_ptr<LocalBackend>> backend = OpenBackend(flags->backend);
    if (!backend.ok())
      return CouldNotRun(backend.error().message);
    StoreJson list = StoreJson::array();
    std::map<std::string, std::string> parents = NestedStackParents((*backend)->store());
    for (const StoredStack& s : (*backend)->store().ListStacks()) {
      if (!flags->all && s.status == "DELETE_COMPLETE")
        continue;
      size_t resources = (*backend)->store().GetResources(s.name).size();
      StoreJson entry{{"StackName", s.name},
                      {"StackStatus", s.status},
                      {"LastUpdatedTime", s.updated_at},
                      {"Resources", resources}};
      // Nested stacks are stacks of their own; each names the stack it is nested in.
      if (auto parent = parents.find(s.name); parent != parents.end())
        entry["ParentStack"] = parent->second;
      list.push_back(std::move(entry));
    }
    if (flags->format == "json") {
      std::cout << list.dump(2, ' ', false, StoreJson::error_handler_t::replace) << "\n";
      return 0;
    }
    if (list.empty()) {
      std::cout << "No stacks in " << (*backend)->store().path() << "\n";
      return 0;
    }
    for (const StoreJson& s : list) {
      std::cout << std::left << std::setw(32) << s["StackName"].get<std::string>() << " "
                << std::setw(46) << s["StackStatus"].get<std::string>() << " "
                << s["LastUpdatedTime"].get<std::string>() << "  " << s["Resources"].get<size_t>()
                << " resources";
      if (s.contains("ParentStack"))
        std::cout << "  (nested in " << s["ParentStack"].get<std::string>() << ")";
      std::cout << "\n";
    }
    return 0;
  };
  return Command{sub, run};
}

}  // namespace cfnx
