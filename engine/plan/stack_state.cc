// Copyright 2026 The cfnx Authors.
// SPDX-License-Identifier: Apache-2.0

#include "cfnx/stack_state.h"

#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <memory>
#include <string_view>

#include "engine/plan/json_fields.h"

namespace cfnx {

bool StackState::exists() const {
  return !status.empty() && status != "DELETE_COMPLETE" && status != "REVIEW_IN_PROGRESS";
}

const StackResource* StackState::FindResource(std::string_view logical_id) const {
  for (const StackResource& r : resources) {
    if (r.logical_id == logical_id) {
      return &r;
    }
  }
  return nullptr;
}

const StackParameter* StackState::FindParameter(std::string_view key) const {
  for (const StackParameter& p : parameters) {
    if (p.key == key) {
      return &p;
    }
  }
  return nullptr;
}

const StackExport* StackState::FindExport(std::string_view name) const {
  for (const StackExport& e : exports) {
    if (e.name == name) {
      return &e;
    }
  }
  return nullptr;
}

namespace {

using internal::JsonReader;

OrderedJson ResourceToJson(const StackResource& r) {
  OrderedJson j = OrderedJson::object();
  j["LogicalResourceId"] = r.logical_id;
  j["ResourceType"] = r.type;
  j["PhysicalResourceId"] = r.physical_id;
  j["ResourceStatus"] = r.status;
  j["ResourceStatusReason"] = r.status_reason;
  j["Properties"] = r.properties;
  j["Attributes"] = r.attributes;
  return j;
}

void ReadResource(JsonReader& in, StackResource* r) {
  in.RequiredString("LogicalResourceId", &r->logical_id);
  in.RequiredString("ResourceType", &r->type);
  in.String("PhysicalResourceId", &r->physical_id);
  in.String("ResourceStatus", &r->status);
  in.String("ResourceStatusReason", &r->status_reason);
  in.Object("Properties", &r->properties);
  in.Object("Attributes", &r->attributes);
}

void ReadParameter(JsonReader& in, StackParameter* p) {
  in.RequiredString("ParameterKey", &p->key);
  in.String("ParameterValue", &p->value);
  in.String("ResolvedValue", &p->resolved_value);
}

void ReadOutput(JsonReader& in, StackOutput* o) {
  in.RequiredString("OutputKey", &o->key);
  in.String("OutputValue", &o->value);
  in.String("Description", &o->description);
  in.String("ExportName", &o->export_name);
}

void ReadExport(JsonReader& in, StackExport* e) {
  in.String("ExportingStackId", &e->exporting_stack_id);
  in.RequiredString("Name", &e->name);
  in.String("Value", &e->value);
  in.StringList("ImportingStacks", &e->importing_stacks);
}

}  // namespace

OrderedJson StackStateToJson(const StackState& state) {
  OrderedJson j = OrderedJson::object();
  j["StackName"] = state.stack_name;
  j["StackId"] = state.stack_id;
  j["StackStatus"] = state.status;
  j["StackStatusReason"] = state.status_reason;
  j["DisableRollback"] = state.disable_rollback;
  j["Capabilities"] = state.capabilities;
  // Written only when set, so states (and their fingerprints) without them are unchanged.
  if (state.termination_protection) {
    j["EnableTerminationProtection"] = true;
  }
  if (!state.stack_policy.is_null()) {
    j["StackPolicyBody"] = state.stack_policy;
  }
  j["TemplateBody"] = state.template_body;
  OrderedJson params = OrderedJson::array();
  for (const StackParameter& p : state.parameters) {
    OrderedJson pj = {{"ParameterKey", p.key}, {"ParameterValue", p.value}};
    if (!p.resolved_value.empty()) {
      pj["ResolvedValue"] = p.resolved_value;
    }
    params.push_back(std::move(pj));
  }
  j["Parameters"] = std::move(params);
  OrderedJson resources = OrderedJson::array();
  for (const StackResource& r : state.resources) {
    resources.push_back(ResourceToJson(r));
  }
  j["Resources"] = std::move(resources);
  OrderedJson outputs = OrderedJson::array();
  for (const StackOutput& o : state.outputs) {
    outputs.push_back({{"OutputKey", o.key},
                       {"OutputValue", o.value},
                       {"Description", o.description},
                       {"ExportName", o.export_name}});
  }
  j["Outputs"] = std::move(outputs);
  OrderedJson exports = OrderedJson::array();
  for (const StackExport& e : state.exports) {
    exports.push_back({{"ExportingStackId", e.exporting_stack_id},
                       {"Name", e.name},
                       {"Value", e.value},
                       {"ImportingStacks", e.importing_stacks}});
  }
  j["Exports"] = std::move(exports);
  return j;
}

ErrorOr<StackState> StackStateFromJson(const OrderedJson& json) {
  StackState state;
  JsonReader in(json, "");
  in.String("StackName", &state.stack_name);
  in.String("StackId", &state.stack_id);
  in.String("StackStatus", &state.status);
  in.String("StackStatusReason", &state.status_reason);
  in.Bool("DisableRollback", &state.disable_rollback);
  in.StringList("Capabilities", &state.capabilities);
  in.Bool("EnableTerminationProtection", &state.termination_protection);
  in.Object("StackPolicyBody", &state.stack_policy);
  if (in.ok() && json.is_object() && json.contains("TemplateBody")) {
    state.template_body = json["TemplateBody"];
  }
  in.List("Parameters", &state.parameters, ReadParameter);
  in.List("Resources", &state.resources, ReadResource);
  in.List("Outputs", &state.outputs, ReadOutput);
  in.List("Exports", &state.exports, ReadExport);
  if (!in.ok()) {
    return Error{"invalid stack state: " + in.error()};
  }
  for (StackExport& e : state.exports) {
    std::sort(e.importing_stacks.begin(), e.importing_stacks.end());
  }
  return state;
}

ErrorOr<StackState> StackStateFromJsonText(std::string_view text) {
  OrderedJson json = OrderedJson::parse(text, nullptr, /*allow_exceptions=*/false);
  if (json.is_discarded()) {
    return Error{"invalid stack state: not valid JSON"};
  }
  return StackStateFromJson(json);
}

namespace {

// FNV-1a fed with JSON text as nlohmann's dump() writes it, without building the text.
class Fnv1a : public nlohmann::detail::output_adapter_protocol<char> {
 public:
  void write_character(char c) override { Feed(static_cast<unsigned char>(c)); }
  void write_characters(const char* s, std::size_t length) override {
    for (std::size_t i = 0; i < length; ++i) {
      Feed(static_cast<unsigned char>(s[i]));
    }
  }
  void Text(std::string_view text) { write_characters(text.data(), text.size()); }
  uint64_t hash() const { return hash_; }

 private:
  void Feed(unsigned char c) {
    hash_ ^= c;
    hash_ *= 1099511628211ULL;
  }
  uint64_t hash_ = 1469598103934665603ULL;
};

// Feeds `j.dump()` to `out`.
void FeedDump(const std::shared_ptr<Fnv1a>& out, const OrderedJson& j) {
  // Invalid UTF-8 in a stored state (outside input) is replaced, not thrown on (type_error.316).
  nlohmann::detail::serializer<OrderedJson> serializer(out, ' ',
                                                       OrderedJson::error_handler_t::replace);
  serializer.dump(j, /*pretty_print=*/false, /*ensure_ascii=*/false, /*indent_step=*/0);
}

}  // namespace

std::string StackStateFingerprint(const StackState& state) {
  // FNV-1a over StackStateToJson(state).dump(), fed piece by piece so that neither the JSON of
  // the whole state nor its text (megabytes for a large stack) is built: the hash of the
  // concatenation is the hash of the whole text.
  auto out = std::make_shared<Fnv1a>();
  auto member = [&](std::string_view key, const OrderedJson& value) {
    out->Text(",\"");
    out->Text(key);
    out->Text("\":");
    FeedDump(out, value);
  };
  StackState small;  // everything but the template and the resources
  small.stack_name = state.stack_name;
  small.stack_id = state.stack_id;
  small.status = state.status;
  small.status_reason = state.status_reason;
  small.disable_rollback = state.disable_rollback;
  small.capabilities = state.capabilities;
  small.parameters = state.parameters;
  small.outputs = state.outputs;
  small.exports = state.exports;
  OrderedJson head = StackStateToJson(small);
  std::string head_text = head.dump(-1, ' ', false, OrderedJson::error_handler_t::replace);
  // Everything before "TemplateBody", as StackStateToJson writes it.
  out->Text(std::string_view(head_text).substr(0, head_text.find(",\"TemplateBody\":")));
  member("TemplateBody", state.template_body);
  member("Parameters", head["Parameters"]);
  out->Text(",\"Resources\":[");
  for (size_t i = 0; i < state.resources.size(); ++i) {
    // ResourceToJson(r).dump(), without copying the properties and attributes.
    const StackResource& r = state.resources[i];
    out->Text(i == 0 ? "{\"LogicalResourceId\":" : ",{\"LogicalResourceId\":");
    FeedDump(out, r.logical_id);
    out->Text(",\"ResourceType\":");
    FeedDump(out, r.type);
    out->Text(",\"PhysicalResourceId\":");
    FeedDump(out, r.physical_id);
    out->Text(",\"ResourceStatus\":");
    FeedDump(out, r.status);
    out->Text(",\"ResourceStatusReason\":");
    FeedDump(out, r.status_reason);
    out->Text(",\"Properties\":");
    FeedDump(out, r.properties);
    out->Text(",\"Attributes\":");
    FeedDump(out, r.attributes);
    out->Text("}");
  }
  out->Text("]");
  member("Outputs", head["Outputs"]);
  member("Exports", head["Exports"]);
  out->Text("}");
  char buf[17];
  std::snprintf(buf, sizeof(buf), "%016llx", static_cast<unsigned long long>(out->hash()));
  return buf;
}

bool IsStableStackStatus(std::string_view status) {
  static constexpr std::string_view kStable[] = {
      "CREATE_COMPLETE", "UPDATE_COMPLETE",          "UPDATE_ROLLBACK_COMPLETE",
      "IMPORT_COMPLETE", "IMPORT_ROLLBACK_COMPLETE",
  };
  return std::find(std::begin(kStable), std::end(kStable), status) != std::end(kStable);
}

}  // namespace cfnx
