// Copyright 2026 The cfnx Authors.
// SPDX-License-Identifier: Apache-2.0

#include "engine/backend/aws/session.h"

#include "engine/backend/aws/curl_transport.h"
#include "engine/backend/aws/region.h"
#include "engine/backend/aws/sts.h"

namespace cfnx {

ErrorOr<AwsClientOptions> MakeAwsClientOptions(const AwsSettings& settings) {
  EnvLookup env = settings.env ? settings.env : ProcessEnvironment();
  ErrorOr<AwsConfigFiles> loaded = LoadAwsConfigFiles(env);
  if (!loaded.ok()) {
    return loaded.error();
  }
  auto files = std::make_shared<AwsConfigFiles>(std::move(*loaded));
  std::string profile = ProfileName(env, settings.profile);
  if (!settings.profile.empty() && !files->HasProfile(profile)) {
    return Error{"--profile " + profile + ": no such profile in " + files->credentials_path +
                 " or " + files->config_path};
  }
  ErrorOr<std::string> region = ResolveRegion(settings.region, env, *files, profile);
  if (!region.ok()) {
    return region.error();
  }
  ErrorOr<int> attempts = MaxAttempts(env, *files, profile);
  if (!attempts.ok()) {
    return attempts.error();
  }
  AwsClientOptions options;
  options.region = *region;
  options.endpoints.flag = settings.endpoint_url;
  options.endpoints.env = env;
  options.endpoints.files = files;
  options.endpoints.profile = profile;
  options.max_attempts = *attempts;
  options.debug = settings.debug;
  options.transport = settings.transport;
  if (!options.transport) {
    CurlOptions curl;
    curl.ca_bundle = NonEmptyEnv(env, "AWS_CA_BUNDLE").value_or("");
    curl.connect_timeout_ms = settings.connect_timeout_s * 1000L;
    curl.read_timeout_s = settings.read_timeout_s;
    ErrorOr<std::unique_ptr<HttpTransport>> transport = MakeCurlTransport(curl);
    if (!transport.ok()) {
      return transport.error();
    }
    options.transport = std::move(*transport);
  }
  // The credentials chain runs at the first request; role profiles call STS through a client
  // sharing these options.
  AwsClientOptions base = options;
  CredentialOptions chain;
  chain.env = env;
  chain.profile = settings.profile;
  chain.assume = [base](const AwsCredentials& source, const AssumeRoleRequest& request) {
    return AssumeRole(base, source, request);
  };
  options.credentials = [chain, files]() {
    return ResolveCredentials(chain, *files);
  };
  return options;
}

}  // namespace cfnx
