// Copyright 2026 The cfnx Authors.
// SPDX-License-Identifier: Apache-2.0
//
// Route 53 record sets (AWS::Route53::RecordSet, and each of an AWS::Route53::RecordSetGroup's
// RecordSets): the ResourceRecords must suit the record Type. An A record holds IPv4 addresses,
// AAAA IPv6 addresses, CNAME and SOA exactly one value, CAA, MX and TXT values have their own
// syntax, NS and PTR domain names. Route 53 rejects the change otherwise; cfn-lint's E3023 checks
// the same (its recordset_pattern.json).
// https://docs.aws.amazon.com/Route53/latest/DeveloperGuide/ResourceRecordTypes.html

#ifndef CFNX_RESOURCES_ROUTE53_RECORD_SETS_H_
#define CFNX_RESOURCES_ROUTE53_RECORD_SETS_H_

#include "cfnx/diagnostic.h"
#include "engine/model/template.h"

namespace cfnx {

// Checks the literal records of one resource (other types are ignored); values of intrinsic
// functions are known only at deploy time and skipped.
void CheckRecordSets(const Resource& resource, DiagnosticSink& diags);

}  // namespace cfnx

#endif  // CFNX_RESOURCES_ROUTE53_RECORD_SETS_H_
