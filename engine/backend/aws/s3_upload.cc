// Copyright 2026 The cfnx Authors.
// SPDX-License-Identifier: Apache-2.0

#include "engine/backend/aws/s3_upload.h"

#include "engine/backend/aws/digest.h"
#include "engine/backend/aws/region.h"
#include "engine/backend/aws/url.h"

namespace cfnx {

std::string ContentAddressedKey(const std::string& prefix, std::string_view body,
                                const std::string& extension) {
  std::string trimmed = prefix;
  while (!trimmed.empty() && trimmed.back() == '/') {
    trimmed.pop_back();
  }
  return (trimmed.empty() ? "" : trimmed + "/") + Sha256Hex(body) +
         (extension.empty() ? "" : "." + extension);
}

std::string S3ObjectUrl(const std::string& region, const std::string& bucket,
                        const std::string& key) {
  std::string suffix = PartitionOfRegion(region) == "aws-cn" ? "amazonaws.com.cn" : "amazonaws.com";
  return "https://s3." + region + "." + suffix + "/" + PercentEncode(bucket) + "/" +
         PercentEncode(key, "/");
}

ErrorOr<S3Upload> UploadToS3(AwsClient& client, const std::string& bucket,
                             const std::string& prefix, const std::string& body,
                             const std::string& extension) {
  return PutObjectUnlessPresent(client, bucket, ContentAddressedKey(prefix, body, extension), body);
}

ErrorOr<S3Upload> PutObjectUnlessPresent(AwsClient& client, const std::string& bucket,
                                         const std::string& key, const std::string& body) {
  S3Upload out;
  out.key = key;
  std::string path = "/" + PercentEncode(bucket) + "/" + PercentEncode(out.key, "/");
  out.url = S3ObjectUrl(client.region(), bucket, out.key);

  ErrorOr<AwsClient::RestResponse> head = client.Rest(
      "s3", "S3 HeadObject s3://" + bucket + "/" + out.key, HttpRequest{"HEAD", path, {}, ""});
  if (!head.ok()) {
    return head.error();
  }
  if (!head->error) {
    out.skipped = true;
    return out;
  }
  if (head->error->http_status != 404) {
    return Error{head->error->Describe("S3 HeadObject s3://" + bucket + "/" + out.key)};
  }
  HttpRequest put{"PUT", path, {{"Content-Type", "application/octet-stream"}}, body};
  ErrorOr<AwsClient::RestResponse> r =
      client.Rest("s3", "S3 PutObject s3://" + bucket + "/" + out.key, std::move(put));
  if (!r.ok()) {
    return r.error();
  }
  if (r->error) {
    return Error{r->error->Describe("S3 PutObject s3://" + bucket + "/" + out.key)};
  }
  return out;
}

}  // namespace cfnx
