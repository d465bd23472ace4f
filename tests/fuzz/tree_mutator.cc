// Copyright 2026 The cfnx Authors.
// SPDX-License-Identifier: Apache-2.0

#include "tests/fuzz/tree_mutator.h"

#include <map>
#include <random>
#include <vector>

#include "engine/ast/json_convert.h"
#include "engine/parse/loader.h"
#include "tests/fuzz/fuzz_target.h"

namespace cfnx::fuzz {
namespace {

using Json = nlohmann::ordered_json;

constexpr size_t kMaxTemplateBytes = 64 * 1024;

// A node of the tree and where it sits, so it can be replaced or removed.
struct Site {
  Json* node;
  Json* parent;     // nullptr for the root
  std::string key;  // in a map parent
  size_t index;     // in a list parent
};

void Collect(Json& node, Json* parent, const std::string& key, size_t index,
             std::vector<Site>* out) {
  out->push_back({&node, parent, key, index});
  if (node.is_object()) {
    for (auto it = node.begin(); it != node.end(); ++it) {
      Collect(it.value(), &node, it.key(), 0, out);
    }
  } else if (node.is_array()) {
    for (size_t i = 0; i < node.size(); ++i) {
      Collect(node[i], &node, "", i, out);
    }
  }
}

class Mutator {
 public:
  Mutator(Json& root, unsigned int seed) : root_(root), rng_(seed) {
    for (const char* section : {"Resources", "Parameters", "Conditions", "Mappings", "Outputs"}) {
      if (root_.is_object() && root_.contains(section) && root_[section].is_object()) {
        for (auto it = root_[section].begin(); it != root_[section].end(); ++it) {
          names_[section].push_back(it.key());
        }
      }
    }
  }

  bool MutateOnce() {
    std::vector<Site> sites;
    Collect(root_, nullptr, "", 0, &sites);
    if (sites.size() < 2)
      return false;
    Site& site = sites[1 + Below(sites.size() - 1)];  // never the root itself
    switch (Below(8)) {
      case 0:
        *site.node = Json{{"Ref", Pick(RefTargets())}};
        return true;
      case 1:
        *site.node =
            Json{{"Fn::GetAtt", Json::array({Pick(names_["Resources"]), PickAttribute()})}};
        return true;
      case 2:
        *site.node = WrapInFunction(*site.node, *sites[Below(sites.size())].node);
        return true;
      case 3:
        *site.node = Boundary();
        return true;
      case 4:
        return Remove(site);
      case 5: {
        Json copy = *site.node;
        Site& into = sites[Below(sites.size())];
        if (into.node->is_object()) {
          (*into.node)[Pick(AllNames())] = std::move(copy);
        } else if (into.node->is_array()) {
          into.node->push_back(std::move(copy));
        } else {
          return false;
        }
        return true;
      }
      case 6: {
        if (site.parent == nullptr || !site.parent->is_object())
          return false;
        Json value = std::move(*site.node);
        site.parent->erase(site.key);
        (*site.parent)[Pick(AllNames())] = std::move(value);
        return true;
      }
      default: {
        Json copy = *sites[Below(sites.size())].node;
        *site.node = std::move(copy);
        return true;
      }
    }
  }

 private:
  size_t Below(size_t n) {
    return n == 0 ? 0 : std::uniform_int_distribution<size_t>(0, n - 1)(rng_);
  }

  std::string Pick(const std::vector<std::string>& pool) {
    return pool.empty() ? "Missing" : pool[Below(pool.size())];
  }

  std::vector<std::string> RefTargets() {
    std::vector<std::string> pool = names_["Resources"];
    pool.insert(pool.end(), names_["Parameters"].begin(), names_["Parameters"].end());
    for (const char* pseudo : {"AWS::Region", "AWS::AccountId", "AWS::StackName", "AWS::NoValue",
                               "AWS::Partition", "AWS::URLSuffix", "AWS::NotificationARNs"}) {
      pool.push_back(pseudo);
    }
    return pool;
  }

  std::vector<std::string> AllNames() {
    std::vector<std::string> pool;
    for (auto& [section, names] : names_) {
      pool.insert(pool.end(), names.begin(), names.end());
      pool.push_back(section);
    }
    for (const char* key : {"Type", "Properties", "DependsOn", "Condition", "DeletionPolicy",
                            "Value", "Export", "Default", "Fn::If", "Ref", "Metadata"}) {
      pool.push_back(key);
    }
    return pool;
  }

  std::string PickAttribute() {
    static const std::vector<std::string> kAttributes = {
        "Arn",         "Name",      "Id",
        "TopicName",   "QueueUrl",  "Endpoint.Address",
        "Outputs.Out", "CidrBlock", "Ipv6CidrBlocks",
        "DomainName",  "Nope"};
    return Pick(kAttributes);
  }

  Json Boundary() {
    switch (Below(12)) {
      case 0:
        return 0;
      case 1:
        return -1;
      case 2:
        return 2147483648LL;
      case 3:
        return 1e308;
      case 4:
        return "";
      case 5:
        return "${" + Pick(RefTargets()) + "}-${AWS::Region}";
      case 6:
        return "a,,b,";
      case 7:
        return true;
      case 8:
        return nullptr;
      case 9:
        return Json::array();
      case 10:
        return Json::object();
      default:
        return std::string(Below(2000), 'x');
    }
  }

  Json WrapInFunction(const Json& a, const Json& b) {
    std::string condition = Pick(names_["Conditions"]);
    std::string mapping = Pick(names_["Mappings"]);
    switch (Below(14)) {
      case 0:
        return Json{{"Fn::If", Json::array({condition, a, b})}};
      case 1:
        return Json{{"Fn::Select", Json::array({Below(3), Json::array({a, b})})}};
      case 2:
        return Json{{"Fn::Join", Json::array({"-", Json::array({a, b})})}};
      case 3:
        return Json{{"Fn::Split", Json::array({",", a})}};
      case 4:
        return Json{
            {"Fn::Sub", Json::array({"${Var}-${" + Pick(RefTargets()) + "}", Json{{"Var", a}}})}};
      case 5:
        return Json{{"Fn::Base64", a}};
      case 6:
        return Json{{"Fn::FindInMap", Json::array({mapping, a, b})}};
      case 7:
        return Json{{"Fn::GetAZs", a}};
      case 8:
        return Json{{"Fn::Cidr", Json::array({a, Below(300), Below(130)})}};
      case 9:
        return Json{{"Fn::ImportValue", a}};
      case 10:
        return Json{{"Fn::Equals", Json::array({a, b})}};
      case 11:
        return Json{{"Fn::And", Json::array({Json{{"Condition", condition}},
                                             Json{{"Fn::Not", Json::array({a})}}})}};
      case 12:
        return Json{{"Fn::Length", a}};
      default:
        return Json{{"Fn::ToJsonString", a}};
    }
  }

  bool Remove(const Site& site) {
    if (site.parent == nullptr)
      return false;
    if (site.parent->is_object()) {
      site.parent->erase(site.key);
    } else {
      site.parent->erase(site.index);
    }
    return true;
  }

  Json& root_;
  std::mt19937 rng_;
  std::map<std::string, std::vector<std::string>> names_;
};

// The template `text` as a tree: JSON as it is, YAML through cfnx's loader (functions in
// their long form).
std::optional<Json> ReadTree(std::string_view text) {
  Json json = Json::parse(text, nullptr, /*allow_exceptions=*/false);
  if (!json.is_discarded())
    return json;
  SourceManager sources;
  FileId file = sources.AddFile("mutant.yaml", std::string(text));
  DiagnosticCollector diags;
  LoadOptions options;
  options.require_map_root = false;
  options.max_expanded_nodes = 100'000;
  Document doc = LoadTemplate(sources, file, diags, options);
  if (doc.root() == nullptr)
    return std::nullopt;
  return ToJson(*doc.root());
}

}  // namespace

std::optional<std::string> MutateTemplateTree(std::string_view input, unsigned int seed) {
  std::vector<std::string_view> parts = SplitParts(input);
  if (parts[0].size() > kMaxTemplateBytes)
    return std::nullopt;
  std::optional<Json> tree = ReadTree(parts[0]);
  if (!tree.has_value())
    return std::nullopt;
  Mutator mutator(*tree, seed);
  bool changed = false;
  for (unsigned int i = 0, n = 1 + seed % 3; i < n; ++i) {
    changed = mutator.MutateOnce() || changed;
  }
  if (!changed)
    return std::nullopt;
  std::string out = tree->dump(-1, ' ', false, Json::error_handler_t::replace);
  for (size_t i = 1; i < parts.size(); ++i) {
    out += kPartSeparator;
    out += parts[i];
  }
  return out;
}

}  // namespace cfnx::fuzz
