// Copyright 2026 The cfnx Authors.
// SPDX-License-Identifier: Apache-2.0
//
// Objects cfnx puts in S3 for CloudFormation to read: a template over CloudFormation's inline
// limit (51,200 bytes) and the local artifacts a template names (artifacts.h). The key is
// content-addressed (PREFIX/SHA256.EXTENSION), as `sam package` names artifacts, so an upload
// is skipped when the object is already there (HeadObject).
// Requests are path-style (https://s3.REGION.amazonaws.com/BUCKET/KEY, or the configured
// endpoint), signed with SigV4 over the payload's SHA-256.

#ifndef CFNX_ENGINE_BACKEND_AWS_S3_UPLOAD_H_
#define CFNX_ENGINE_BACKEND_AWS_S3_UPLOAD_H_

#include <string>
#include <string_view>

#include "engine/backend/aws/aws_client.h"

namespace cfnx {

// CloudFormation's limit on TemplateBody.
inline constexpr size_t kMaxInlineTemplateBytes = 51200;

struct S3Upload {
  std::string key;
  std::string url;       // the https URL CloudFormation reads (TemplateURL)
  bool skipped = false;  // already there
};

// PREFIX/SHA256.EXTENSION, the key `body` is stored under (trailing '/' of the prefix ignored;
// no extension: PREFIX/SHA256).
std::string ContentAddressedKey(const std::string& prefix, std::string_view body,
                                const std::string& extension);
// The path-style https URL CloudFormation reads an object from (TemplateURL).
std::string S3ObjectUrl(const std::string& region, const std::string& bucket,
                        const std::string& key);

// Puts `body` at BUCKET/PREFIX/SHA256.`extension` unless it exists.
ErrorOr<S3Upload> UploadToS3(AwsClient& client, const std::string& bucket,
                             const std::string& prefix, const std::string& body,
                             const std::string& extension);
// Puts `body` at BUCKET/`key` unless an object is there already (HeadObject): for keys that
// are content-addressed already (artifacts.h).
ErrorOr<S3Upload> PutObjectUnlessPresent(AwsClient& client, const std::string& bucket,
                                         const std::string& key, const std::string& body);

}  // namespace cfnx

#endif  // CFNX_ENGINE_BACKEND_AWS_S3_UPLOAD_H_
