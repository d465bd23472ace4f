// Copyright 2026 The cfnx Authors.
// SPDX-License-Identifier: Apache-2.0

#include "resources/route53/record_sets.h"

#include <string>
#include <string_view>

#include "resources/ecma_regex.h"
#include "resources/formats.h"

namespace cfnx {
namespace {

#define CFNX_DOMAIN_CHARS                             \
  "[a-zA-Z0-9\\!\"\\#\\$\\%\\&\\'\\(\\)\\*\\+\\,-\\/" \
  "\\:\\;\\<\\=\\>\\?\\@\\[\\\\\\]\\^\\_\\`\\{\\|\\}\\~\\.]+"

constexpr std::string_view kDomainName = "^" CFNX_DOMAIN_CHARS "$";
constexpr std::string_view kAcmValidation = "^.*\\.acm-validations\\.aws\\.?$";
constexpr std::string_view kCaa = "^(0|128)\\s([a-zA-Z0-9]+)\\s(\".+\")$";
constexpr std::string_view kMx =
    "^([0-9]{1,4}|[1-5][0-9]{4}|6[0-4][0-9]{1,3}|65[0-4][0-9]{1,2}|655[0-2][0-9]|6553[0-5])"
    "\\s" CFNX_DOMAIN_CHARS "$";
constexpr std::string_view kTxt = "^(\"[^\"]{1,255}\" *)*\"[^\"]{1,255}\"$";

#undef CFNX_DOMAIN_CHARS

bool Matches(std::string_view pattern, const std::string& value) {
  bool supported = true;
  std::string why;
  return EcmaRegexSearch(pattern, value, &supported, &why);
}

// Why `value` cannot be a record of `type`, or "" when it can (or cfnx does not check `type`).
std::string Problem(std::string_view type, const std::string& value) {
  if (type == "A")
    return IsIpv4Address(value) ? "" : "is not an IPv4 address";
  if (type == "AAAA")
    return IsIpv6Address(value) ? "" : "is not an IPv6 address";
  if (type == "CAA")
    return Matches(kCaa, value) ? "" : "is not a CAA record (flags tag \"value\")";
  if (type == "CNAME") {
    return Matches(kDomainName, value) || Matches(kAcmValidation, value) ? ""
                                                                         : "is not a domain name";
  }
  if (type == "MX")
    return Matches(kMx, value) ? "" : "is not an MX record (priority domain-name)";
  if (type == "NS" || type == "PTR")
    return Matches(kDomainName, value) ? "" : "is not a domain name";
  if (type == "TXT")
    return Matches(kTxt, value) ? ""
                                : "is not a TXT record (quoted strings of 1 to 255 characters)";
  return "";
}

void CheckRecordSet(const MapNode* set, const TemplatePath& path, DiagnosticSink& diags) {
  const auto* type = dyn_cast<StringNode>(set->Get("Type"));
  const MapEntry* records = set->Find("ResourceRecords");
  const auto* list = records != nullptr ? dyn_cast<ListNode>(records->value) : nullptr;
  if (type == nullptr || list == nullptr)
    return;
  const std::string& t = type->value();
  TemplatePath records_path = path.Child("ResourceRecords");
  if ((t == "CNAME" || t == "SOA") && list->size() > 1) {
    diags.Report(
        DiagCode::kE3023, records->key->range(), records_path,
        "A " + t + " record set holds one record; got " + std::to_string(list->size()) + ".");
  }
  for (size_t i = 0; i < list->size(); ++i) {
    const auto* value = dyn_cast<StringNode>(list->items()[i]);
    if (value == nullptr)
      continue;
    std::string problem = Problem(t, value->value());
    if (!problem.empty()) {
      diags.Report(DiagCode::kE3023, value->range(), records_path.Child(i),
                   "'" + value->value() + "' " + problem + ", as a " + t + " record must be.");
    }
  }
}

}  // namespace

void CheckRecordSets(const Resource& resource, DiagnosticSink& diags) {
  const auto* props =
      resource.properties != nullptr ? dyn_cast<MapNode>(resource.properties) : nullptr;
  if (props == nullptr)
    return;
  TemplatePath path{"Resources", resource.logical_id, "Properties"};
  if (resource.type == "AWS::Route53::RecordSet") {
    CheckRecordSet(props, path, diags);
    return;
  }
  if (resource.type != "AWS::Route53::RecordSetGroup")
    return;
  const auto* sets = dyn_cast<ListNode>(props->Get("RecordSets"));
  if (sets == nullptr)
    return;
  for (size_t i = 0; i < sets->size(); ++i) {
    if (const auto* set = dyn_cast<MapNode>(sets->items()[i]))
      CheckRecordSet(set, path.Child("RecordSets").Child(i), diags);
  }
}

}  // namespace cfnx
