// Copyright 2026 The cfnx Authors.
// SPDX-License-Identifier: Apache-2.0

#include "engine/diag/rules_catalogue.h"

#include <algorithm>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "cfnx/diagnostic.h"
#include "tests/testing/golden.h"

namespace cfnx {
namespace {

constexpr char kDocs[] = "docs/rules.md";

std::set<std::string> RegistryIds() {
  std::set<std::string> ids;
  for (const DiagCodeInfo& info : AllDiagCodes())
    ids.insert(std::string(info.id));
  return ids;
}

struct Row {
  int line;
  std::string cfn_lint;
  std::vector<std::string> cfnx;
  std::string status;
};

// The table rows of docs/rules.md as it is in the source tree (not as rendered now), so a
// hand edit that names a code the registry does not have fails here too.
std::vector<Row> DocsRows() {
  std::istringstream in(testing::ReadFileOrEmpty(testing::SourcePath(kDocs)));
  std::vector<Row> rows;
  std::string line;
  for (int n = 1; std::getline(in, line); ++n) {
    if (line.rfind("| ", 0) != 0)
      continue;
    std::vector<std::string> cells;
    size_t start = 2;
    while (start < line.size()) {
      size_t bar = line.find(" |", start);
      if (bar == std::string::npos)
        break;
      cells.push_back(line.substr(start, bar - start));
      start = bar + 3;
    }
    if (cells.size() != 4 || cells[0] == "cfn-lint")
      continue;
    Row row{n, cells[0], {}, cells[2]};
    std::istringstream codes(cells[1]);
    for (std::string code; codes >> code;) {
      if (code != "-")
        row.cfnx.push_back(code);
    }
    rows.push_back(row);
  }
  return rows;
}

TEST(RulesCatalogueTest, DocsAreRenderedFromTheRegistry) {
  EXPECT_TRUE(testing::CompareGolden(kDocs, RenderRulesCatalogue()));
}

TEST(RulesCatalogueTest, EveryRegistryCodeHasARow) {
  std::vector<Row> rows = DocsRows();
  ASSERT_FALSE(rows.empty()) << kDocs << " has no table rows";
  std::set<std::string> in_docs;
  for (const Row& row : rows)
    in_docs.insert(row.cfnx.begin(), row.cfnx.end());
  for (const std::string& id : RegistryIds())
    EXPECT_TRUE(in_docs.count(id))
        << id << " is in diagnostic_codes.def but has no row in " << kDocs;
}

TEST(RulesCatalogueTest, EveryRowNamesExistingCodes) {
  std::set<std::string> registry = RegistryIds();
  for (const Row& row : DocsRows()) {
    for (const std::string& code : row.cfnx)
      EXPECT_TRUE(registry.count(code))
          << kDocs << ":" << row.line << " names " << code << ", which is not in the registry";
  }
  for (const CfnLintRule& rule : CfnLintRules()) {
    for (std::string_view code : CfnxCodesOf(rule))
      EXPECT_TRUE(registry.count(std::string(code)))
          << rule.id << " names " << code << ", which is not in the registry";
  }
}

TEST(RulesCatalogueTest, EveryCfnLintRuleHasOneRowWithAStatus) {
  std::set<std::string> seen;
  for (const Row& row : DocsRows()) {
    if (row.cfn_lint == "-") {
      EXPECT_EQ(row.status, "cfnx only") << kDocs << ":" << row.line;
      continue;
    }
    EXPECT_TRUE(seen.insert(row.cfn_lint).second) << row.cfn_lint << " has two rows";
    static const std::set<std::string> kStatuses = {"implemented", "partial", "different",
                                                    "not applicable", "missing"};
    EXPECT_TRUE(kStatuses.count(row.status)) << kDocs << ":" << row.line << ": " << row.status;
  }
  EXPECT_EQ(seen.size(), CfnLintRules().size());
}

// A cfnx code that reuses a cfn-lint id means the same check, so that rule names it (or says
// why not); rules cfnx implements name their codes; the others say why in a note.
TEST(RulesCatalogueTest, StatusesAreConsistent) {
  std::set<std::string_view> previous;
  for (const CfnLintRule& rule : CfnLintRules()) {
    std::vector<std::string_view> codes = CfnxCodesOf(rule);
    switch (rule.status) {
      case CfnLintRuleStatus::kImplemented:
      case CfnLintRuleStatus::kPartial:
        EXPECT_FALSE(codes.empty()) << rule.id << " is implemented but names no cfnx code";
        break;
      case CfnLintRuleStatus::kMissing:
        EXPECT_TRUE(codes.empty()) << rule.id << " is missing but names cfnx codes";
        break;
      case CfnLintRuleStatus::kDifferent:
      case CfnLintRuleStatus::kNotApplicable:
        EXPECT_FALSE(rule.note.empty()) << rule.id << " needs a note saying why";
        break;
    }
    if (rule.status == CfnLintRuleStatus::kPartial) {
      EXPECT_FALSE(rule.note.empty()) << rule.id << " needs a note saying which part";
    }
    bool reused = RegistryIds().count(std::string(rule.id)) > 0;
    bool named = std::find(codes.begin(), codes.end(), rule.id) != codes.end();
    if (reused && rule.status != CfnLintRuleStatus::kDifferent) {
      EXPECT_TRUE(named) << "cfnx's " << rule.id << " reuses the cfn-lint id, so " << rule.id
                         << "'s row must name it";
    }
  }
}

TEST(RulesCatalogueTest, RuleIdsAreSortedAndUnique) {
  const std::vector<CfnLintRule>& rules = CfnLintRules();
  for (size_t i = 1; i < rules.size(); ++i) {
    std::string a = std::string(rules[i - 1].id.substr(1)) + rules[i - 1].id[0];
    std::string b = std::string(rules[i].id.substr(1)) + rules[i].id[0];
    EXPECT_LT(a, b) << rules[i - 1].id << " then " << rules[i].id;
  }
}

}  // namespace
}  // namespace cfnx
