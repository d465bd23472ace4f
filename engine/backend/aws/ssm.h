// Copyright 2026 The cfnx Authors.
// SPDX-License-Identifier: Apache-2.0
//
// Systems Manager Parameter Store, as much as planning needs: GetParameters (awsJson1.1, ten
// names per call, without decryption, as CloudFormation resolves SSM parameter types: a
// SecureString is not allowed there). Names SSM does not know are left out of the answer; the
// planner reports them (E9015).

#ifndef CFNX_ENGINE_BACKEND_AWS_SSM_H_
#define CFNX_ENGINE_BACKEND_AWS_SSM_H_

#include <map>
#include <string>
#include <vector>

#include "cfnx/error_or.h"
#include "engine/backend/aws/aws_client.h"

namespace cfnx {

// name -> value of each of `names` SSM holds (a StringList's value as SSM gives it, comma
// separated).
ErrorOr<std::map<std::string, std::string>> GetSsmParameters(AwsClient& client,
                                                             const std::vector<std::string>& names);

}  // namespace cfnx

#endif  // CFNX_ENGINE_BACKEND_AWS_SSM_H_
