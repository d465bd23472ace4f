// Copyright 2026 The cfnx Authors.
// SPDX-License-Identifier: Apache-2.0
//
// `--resources-to-import FILE` of `cfnx plan` and `cfnx deploy --backend aws`: the resources an
// IMPORT change set brings under the stack, in the file format of `aws cloudformation
// create-change-set --resources-to-import file://FILE`:
//
//   [{"ResourceType": "AWS::S3::Bucket", "LogicalResourceId": "Legacy",
//     "ResourceIdentifier": {"BucketName": "legacy-data-bucket"}}]

#ifndef CFNX_ENGINE_CLI_RESOURCES_TO_IMPORT_H_
#define CFNX_ENGINE_CLI_RESOURCES_TO_IMPORT_H_

#include <map>
#include <string>

#include "cfnx/error_or.h"

namespace cfnx {

// Logical id -> resource identifier (property -> value); an Error naming the problem for a
// file that is unreadable, not that shape, or lists a logical id twice.
ErrorOr<std::map<std::string, std::map<std::string, std::string>>> ReadResourcesToImport(
    const std::string& path);

}  // namespace cfnx

#endif  // CFNX_ENGINE_CLI_RESOURCES_TO_IMPORT_H_
