// Copyright 2026 The cfnx Authors.
// SPDX-License-Identifier: Apache-2.0

#include "engine/backend/aws/cloudformation.h"

#include <algorithm>

namespace cfnx {
namespace {

constexpr const char* kVersion = "2010-05-15";

std::string Text(const pugi::xml_node& node, const char* name) {
  return ChildText(node, name);
}

// The <member> children of `node`'s child `list`.
std::vector<pugi::xml_node> Members(const pugi::xml_node& node, const char* list) {
  std::vector<pugi::xml_node> out;
  for (pugi::xml_node m : node.child(list).children("member")) {
    out.push_back(m);
  }
  return out;
}

// Generic awsQuery XML as JSON: <member> lists become arrays, elements with children objects,
// leaves strings.
OrderedJson XmlToJson(const pugi::xml_node& node) {
  bool has_elements = false;
  bool all_members = true;
  for (pugi::xml_node c : node.children()) {
    if (c.type() == pugi::node_element) {
      has_elements = true;
      all_members = all_members && std::string_view(c.name()) == "member";
    }
  }
  if (!has_elements) {
    return node.text().as_string();
  }
  if (all_members) {
    OrderedJson array = OrderedJson::array();
    for (pugi::xml_node c : node.children("member")) {
      array.push_back(XmlToJson(c));
    }
    return array;
  }
  OrderedJson object = OrderedJson::object();
  for (pugi::xml_node c : node.children()) {
    if (c.type() == pugi::node_element) {
      object[c.name()] = XmlToJson(c);
    }
  }
  return object;
}

Error ServiceError(const QueryResponse& r, const std::string& action) {
  return Error{r.error->Describe("CloudFormation " + action)};
}

void AddList(FormParams& params, const std::string& name, const std::vector<std::string>& items) {
  for (size_t i = 0; i < items.size(); ++i) {
    params.emplace_back(name + ".member." + std::to_string(i + 1), items[i]);
  }
}

}  // namespace

bool IsStackMissing(const AwsServiceError& error) {
  return error.code == "ValidationError" &&
         error.message.find("does not exist") != std::string::npos;
}

ErrorOr<QueryResponse> CloudFormationClient::Call(const std::string& action,
                                                  const FormParams& params) {
  return client_.Query("cloudformation", kVersion, action, params);
}

ErrorOr<std::optional<AwsStack>> CloudFormationClient::DescribeStack(const std::string& stack) {
  ErrorOr<QueryResponse> r = Call("DescribeStacks", {{"StackName", stack}});
  if (!r.ok()) {
    return r.error();
  }
  if (!r->ok()) {
    if (IsStackMissing(*r->error)) {
      return std::optional<AwsStack>();
    }
    return ServiceError(*r, "DescribeStacks");
  }
  std::vector<pugi::xml_node> stacks = Members(r->result, "Stacks");
  if (stacks.empty()) {
    return std::optional<AwsStack>();
  }
  const pugi::xml_node& s = stacks.front();
  AwsStack out;
  StackState& st = out.state;
  st.stack_name = Text(s, "StackName");
  st.stack_id = Text(s, "StackId");
  st.status = Text(s, "StackStatus");
  st.status_reason = Text(s, "StackStatusReason");
  st.disable_rollback = Text(s, "DisableRollback") == "true";
  for (pugi::xml_node c : s.child("Capabilities").children("member")) {
    st.capabilities.push_back(c.text().as_string());
  }
  for (const pugi::xml_node& p : Members(s, "Parameters")) {
    st.parameters.push_back(
        {Text(p, "ParameterKey"), Text(p, "ParameterValue"), Text(p, "ResolvedValue")});
  }
  for (const pugi::xml_node& o : Members(s, "Outputs")) {
    st.outputs.push_back({Text(o, "OutputKey"), Text(o, "OutputValue"), Text(o, "Description"),
                          Text(o, "ExportName")});
  }
  for (const pugi::xml_node& t : Members(s, "Tags")) {
    out.tags.emplace_back(Text(t, "Key"), Text(t, "Value"));
  }
  out.creation_time = Text(s, "CreationTime");
  out.last_updated_time = Text(s, "LastUpdatedTime");
  out.termination_protection = Text(s, "EnableTerminationProtection") == "true";
  return std::optional<AwsStack>(std::move(out));
}

ErrorOr<std::vector<AwsStackSummary>> CloudFormationClient::ListStacks(bool all) {
  std::vector<AwsStackSummary> out;
  std::string token;
  do {
    FormParams params;
    if (!token.empty()) {
      params.emplace_back("NextToken", token);
    }
    ErrorOr<QueryResponse> r = Call("ListStacks", params);
    if (!r.ok()) {
      return r.error();
    }
    if (!r->ok()) {
      return ServiceError(*r, "ListStacks");
    }
    for (const pugi::xml_node& s : Members(r->result, "StackSummaries")) {
      AwsStackSummary summary{Text(s, "StackName"), Text(s, "StackId"), Text(s, "StackStatus"),
                              Text(s, "LastUpdatedTime")};
      if (summary.last_updated_time.empty()) {
        summary.last_updated_time = Text(s, "CreationTime");
      }
      if (all || summary.status != "DELETE_COMPLETE") {
        out.push_back(std::move(summary));
      }
    }
    token = Text(r->result, "NextToken");
  } while (!token.empty());
  std::sort(out.begin(), out.end(), [](const AwsStackSummary& a, const AwsStackSummary& b) {
    return a.name != b.name ? a.name < b.name : a.last_updated_time < b.last_updated_time;
  });
  return out;
}

ErrorOr<std::string> CloudFormationClient::GetTemplate(const std::string& stack,
                                                       const std::string& stage) {
  ErrorOr<QueryResponse> r = Call("GetTemplate", {{"StackName", stack}, {"TemplateStage", stage}});
  if (!r.ok()) {
    return r.error();
  }
  if (!r->ok()) {
    return ServiceError(*r, "GetTemplate");
  }
  return Text(r->result, "TemplateBody");
}

ErrorOr<std::vector<StackResource>> CloudFormationClient::ListStackResources(
    const std::string& stack) {
  std::vector<StackResource> out;
  std::string token;
  do {
    FormParams params = {{"StackName", stack}};
    if (!token.empty()) {
      params.emplace_back("NextToken", token);
    }
    ErrorOr<QueryResponse> r = Call("ListStackResources", params);
    if (!r.ok()) {
      return r.error();
    }
    if (!r->ok()) {
      return ServiceError(*r, "ListStackResources");
    }
    for (const pugi::xml_node& m : Members(r->result, "StackResourceSummaries")) {
      StackResource res;
      res.logical_id = Text(m, "LogicalResourceId");
      res.type = Text(m, "ResourceType");
      res.physical_id = Text(m, "PhysicalResourceId");
      res.status = Text(m, "ResourceStatus");
      res.status_reason = Text(m, "ResourceStatusReason");
      out.push_back(std::move(res));
    }
    token = Text(r->result, "NextToken");
  } while (!token.empty());
  return out;
}

ErrorOr<std::vector<StackExport>> CloudFormationClient::ListExports() {
  std::vector<StackExport> out;
  std::string token;
  do {
    FormParams params;
    if (!token.empty()) {
      params.emplace_back("NextToken", token);
    }
    ErrorOr<QueryResponse> r = Call("ListExports", params);
    if (!r.ok()) {
      return r.error();
    }
    if (!r->ok()) {
      return ServiceError(*r, "ListExports");
    }
    for (const pugi::xml_node& m : Members(r->result, "Exports")) {
      out.push_back({Text(m, "ExportingStackId"), Text(m, "Name"), Text(m, "Value"), {}});
    }
    token = Text(r->result, "NextToken");
  } while (!token.empty());
  return out;
}

ErrorOr<std::vector<std::string>> CloudFormationClient::ListImports(
    const std::string& export_name) {
  std::vector<std::string> out;
  std::string token;
  do {
    FormParams params = {{"ExportName", export_name}};
    if (!token.empty()) {
      params.emplace_back("NextToken", token);
    }
    ErrorOr<QueryResponse> r = Call("ListImports", params);
    if (!r.ok()) {
      return r.error();
    }
    if (!r->ok()) {
      // "Export 'x' is not imported by any stack."
      if (r->error->code == "ValidationError" &&
          r->error->message.find("not imported") != std::string::npos) {
        return out;
      }
      return ServiceError(*r, "ListImports");
    }
    for (pugi::xml_node m : r->result.child("Imports").children("member")) {
      out.push_back(m.text().as_string());
    }
    token = Text(r->result, "NextToken");
  } while (!token.empty());
  std::sort(out.begin(), out.end());
  return out;
}

ErrorOr<std::vector<StackEvent>> CloudFormationClient::DescribeStackEvents(
    const std::string& stack, const std::string& stop_at_event_id) {
  std::vector<StackEvent> out;
  std::string token;
  do {
    FormParams params = {{"StackName", stack}};
    if (!token.empty()) {
      params.emplace_back("NextToken", token);
    }
    ErrorOr<QueryResponse> r = Call("DescribeStackEvents", params);
    if (!r.ok()) {
      return r.error();
    }
    if (!r->ok()) {
      return ServiceError(*r, "DescribeStackEvents");
    }
    for (const pugi::xml_node& m : Members(r->result, "StackEvents")) {
      StackEvent e;
      e.event_id = Text(m, "EventId");
      if (!stop_at_event_id.empty() && e.event_id == stop_at_event_id) {
        return out;
      }
      e.stack_name = Text(m, "StackName");
      e.stack_id = Text(m, "StackId");
      e.logical_id = Text(m, "LogicalResourceId");
      e.physical_id = Text(m, "PhysicalResourceId");
      e.resource_type = Text(m, "ResourceType");
      e.timestamp = Text(m, "Timestamp");
      e.status = Text(m, "ResourceStatus");
      e.status_reason = Text(m, "ResourceStatusReason");
      out.push_back(std::move(e));
    }
    token = Text(r->result, "NextToken");
  } while (!token.empty());
  return out;
}

ErrorOr<std::string> CloudFormationClient::CreateChangeSet(const CreateChangeSetRequest& req) {
  FormParams params = {{"StackName", req.stack_name},
                       {"ChangeSetName", req.change_set_name},
                       {"ChangeSetType", req.change_set_type}};
  if (!req.template_url.empty()) {
    params.emplace_back("TemplateURL", req.template_url);
  } else {
    params.emplace_back("TemplateBody", req.template_body);
  }
  for (size_t i = 0; i < req.parameters.size(); ++i) {
    std::string p = "Parameters.member." + std::to_string(i + 1) + ".";
    params.emplace_back(p + "ParameterKey", req.parameters[i].key);
    if (req.parameters[i].use_previous_value) {
      params.emplace_back(p + "UsePreviousValue", "true");
    } else {
      params.emplace_back(p + "ParameterValue", req.parameters[i].value);
    }
  }
  AddList(params, "Capabilities", req.capabilities);
  AddList(params, "NotificationARNs", req.notification_arns);
  if (!req.role_arn.empty()) {
    params.emplace_back("RoleARN", req.role_arn);
  }
  for (size_t i = 0; i < req.tags.size(); ++i) {
    std::string p = "Tags.member." + std::to_string(i + 1) + ".";
    params.emplace_back(p + "Key", req.tags[i].first);
    params.emplace_back(p + "Value", req.tags[i].second);
  }
  if (!req.client_token.empty()) {
    params.emplace_back("ClientToken", req.client_token);
  }
  if (!req.on_stack_failure.empty()) {
    params.emplace_back("OnStackFailure", req.on_stack_failure);
  }
  for (size_t i = 0; i < req.resources_to_import.size(); ++i) {
    const ResourceToImport& r = req.resources_to_import[i];
    std::string p = "ResourcesToImport.member." + std::to_string(i + 1) + ".";
    params.emplace_back(p + "ResourceType", r.type);
    params.emplace_back(p + "LogicalResourceId", r.logical_id);
    size_t n = 0;
    for (const auto& [key, value] : r.identifier) {  // an awsQuery map: entry.N.key/value
      std::string e = p + "ResourceIdentifier.entry." + std::to_string(++n) + ".";
      params.emplace_back(e + "key", key);
      params.emplace_back(e + "value", value);
    }
  }
  ErrorOr<QueryResponse> r = Call("CreateChangeSet", params);
  if (!r.ok()) {
    return r.error();
  }
  if (!r->ok()) {
    return ServiceError(*r, "CreateChangeSet");
  }
  return Text(r->result, "Id");
}

ErrorOr<AwsChangeSet> CloudFormationClient::DescribeChangeSet(const std::string& stack,
                                                              const std::string& id) {
  AwsChangeSet out;
  std::string token;
  do {
    FormParams params = {{"StackName", stack}, {"ChangeSetName", id}};
    if (!token.empty()) {
      params.emplace_back("NextToken", token);
    }
    ErrorOr<QueryResponse> r = Call("DescribeChangeSet", params);
    if (!r.ok()) {
      return r.error();
    }
    if (!r->ok()) {
      return ServiceError(*r, "DescribeChangeSet");
    }
    out.id = Text(r->result, "ChangeSetId");
    out.stack_id = Text(r->result, "StackId");
    out.status = Text(r->result, "Status");
    out.status_reason = Text(r->result, "StatusReason");
    out.execution_status = Text(r->result, "ExecutionStatus");
    OrderedJson changes = XmlToJson(r->result.child("Changes"));
    if (changes.is_array()) {
      for (OrderedJson& c : changes) {
        out.changes.push_back(std::move(c));
      }
    }
    token = Text(r->result, "NextToken");
  } while (!token.empty());
  return out;
}

Status CloudFormationClient::ExecuteChangeSet(const std::string& stack, const std::string& id,
                                              const std::string& client_token,
                                              bool disable_rollback) {
  FormParams params = {{"StackName", stack}, {"ChangeSetName", id}};
  if (disable_rollback) {
    params.emplace_back("DisableRollback", "true");
  }
  if (!client_token.empty()) {
    params.emplace_back("ClientRequestToken", client_token);
  }
  ErrorOr<QueryResponse> r = Call("ExecuteChangeSet", params);
  if (!r.ok()) {
    return r.error();
  }
  if (!r->ok()) {
    return ServiceError(*r, "ExecuteChangeSet");
  }
  return Status();
}

Status CloudFormationClient::CallForStatus(const std::string& action, const FormParams& params) {
  ErrorOr<QueryResponse> r = Call(action, params);
  if (!r.ok()) {
    return r.error();
  }
  if (!r->ok()) {
    return ServiceError(*r, action);
  }
  return Status();
}

FormParams CloudFormationClient::StackActionParams(const std::string& stack,
                                                   const std::string& role_arn,
                                                   const std::string& client_token) {
  FormParams params = {{"StackName", stack}};
  if (!role_arn.empty()) {
    params.emplace_back("RoleARN", role_arn);
  }
  if (!client_token.empty()) {
    params.emplace_back("ClientRequestToken", client_token);
  }
  return params;
}

Status CloudFormationClient::DeleteChangeSet(const std::string& stack, const std::string& id) {
  return CallForStatus("DeleteChangeSet", {{"StackName", stack}, {"ChangeSetName", id}});
}

Status CloudFormationClient::DeleteStack(const std::string& stack, const std::string& role_arn,
                                         const std::string& client_token) {
  return CallForStatus("DeleteStack", StackActionParams(stack, role_arn, client_token));
}

Status CloudFormationClient::ContinueUpdateRollback(const std::string& stack,
                                                    const std::string& role_arn,
                                                    const std::string& client_token) {
  return CallForStatus("ContinueUpdateRollback", StackActionParams(stack, role_arn, client_token));
}

Status CloudFormationClient::RollbackStack(const std::string& stack, const std::string& role_arn,
                                           const std::string& client_token) {
  return CallForStatus("RollbackStack", StackActionParams(stack, role_arn, client_token));
}

ErrorOr<std::string> CloudFormationClient::AccountId() {
  ErrorOr<QueryResponse> r = client_.Query("sts", "2011-06-15", "GetCallerIdentity", {});
  if (!r.ok()) {
    return r.error();
  }
  if (!r->ok()) {
    return Error{r->error->Describe("STS GetCallerIdentity")};
  }
  return Text(r->result, "Account");
}

}  // namespace cfnx
