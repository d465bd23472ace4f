// Copyright 2026 The cfnx Authors.
// SPDX-License-Identifier: Apache-2.0

#include "engine/backend/aws/credentials.h"

#include <chrono>
#include <cstdio>
#include <set>
#include <vector>

#include <nlohmann/json.hpp>

#include <sys/wait.h>

namespace cfnx {
namespace {

using Tried = std::vector<std::string>;

std::optional<AwsCredentials> FromEnvironment(const EnvLookup& env) {
  std::optional<std::string> id = NonEmptyEnv(env, "AWS_ACCESS_KEY_ID");
  std::optional<std::string> secret = NonEmptyEnv(env, "AWS_SECRET_ACCESS_KEY");
  if (!id || !secret) {
    return std::nullopt;
  }
  AwsCredentials c;
  c.access_key_id = *id;
  c.secret_access_key = *secret;
  c.session_token = NonEmptyEnv(env, "AWS_SESSION_TOKEN")
                        .value_or(NonEmptyEnv(env, "AWS_SECURITY_TOKEN").value_or(""));
  c.source = "environment (AWS_ACCESS_KEY_ID)";
  return c;
}

// Static keys of `profile` in one file's profiles.
std::optional<AwsCredentials> FromProfileKeys(const AwsProfiles& profiles,
                                              const std::string& profile,
                                              const std::string& where) {
  auto p = profiles.find(profile);
  if (p == profiles.end()) {
    return std::nullopt;
  }
  auto id = p->second.find("aws_access_key_id");
  auto secret = p->second.find("aws_secret_access_key");
  if (id == p->second.end() || secret == p->second.end() || id->second.empty()) {
    return std::nullopt;
  }
  AwsCredentials c;
  c.access_key_id = id->second;
  c.secret_access_key = secret->second;
  for (const char* key : {"aws_session_token", "aws_security_token"}) {
    if (auto t = p->second.find(key); t != p->second.end() && c.session_token.empty()) {
      c.session_token = t->second;
    }
  }
  c.source = "profile " + profile + " (" + where + ")";
  return c;
}

ErrorOr<AwsCredentials> RunCredentialProcess(const std::string& command,
                                             const std::string& profile) {
  std::string source = "profile " + profile + " credential_process";
  FILE* pipe = popen(command.c_str(), "r");
  if (pipe == nullptr) {
    return Error{source + ": cannot run the command"};
  }
  std::string out;
  char buffer[4096];
  size_t n = 0;
  while ((n = fread(buffer, 1, sizeof(buffer), pipe)) > 0) {
    out.append(buffer, n);
  }
  int status = pclose(pipe);
  if (status == -1 || !WIFEXITED(status) || WEXITSTATUS(status) != 0) {
    // Neither the command nor its output is repeated: either may hold secrets.
    return Error{source + ": the command failed (exit status " +
                 std::to_string(WIFEXITED(status) ? WEXITSTATUS(status) : -1) + ")"};
  }
  return ParseProcessCredentials(out, source);
}

struct Resolver {
  const CredentialOptions& options;
  const AwsConfigFiles& files;
  Tried tried;

  // Credentials of `profile` from its own settings (steps 2a-2d), or nullopt when it has none.
  ErrorOr<std::optional<AwsCredentials>> Profile(const std::string& profile,
                                                 std::set<std::string>& visiting) {
    if (!files.HasProfile(profile)) {
      tried.push_back("profile " + profile + ": not in " + files.credentials_path + " or " +
                      files.config_path);
      return std::optional<AwsCredentials>();
    }
    if (std::optional<std::string> role = files.Get(profile, "role_arn")) {
      ErrorOr<AwsCredentials> assumed = AssumeRole(profile, *role, visiting);
      if (!assumed.ok()) {
        return assumed.error();
      }
      return std::optional<AwsCredentials>(std::move(*assumed));
    }
    if (std::optional<AwsCredentials> c =
            FromProfileKeys(files.credentials, profile, "credentials file")) {
      return c;
    }
    tried.push_back("profile " + profile + ": no aws_access_key_id in " + files.credentials_path);
    if (std::optional<std::string> process = files.Get(profile, "credential_process")) {
      ErrorOr<AwsCredentials> c = RunCredentialProcess(*process, profile);
      if (!c.ok()) {
        return c.error();
      }
      return std::optional<AwsCredentials>(std::move(*c));
    }
    tried.push_back("profile " + profile + ": no credential_process");
    if (std::optional<AwsCredentials> c = FromProfileKeys(files.config, profile, "config file")) {
      return c;
    }
    tried.push_back("profile " + profile + ": no aws_access_key_id in " + files.config_path);
    return std::optional<AwsCredentials>();
  }

  ErrorOr<AwsCredentials> AssumeRole(const std::string& profile, const std::string& role_arn,
                                     std::set<std::string>& visiting) {
    std::string where = "profile " + profile + " (role_arn " + role_arn + ")";
    if (!visiting.insert(profile).second) {
      return Error{where + ": source_profile chain loops back to profile " + profile};
    }
    AwsCredentials source;
    std::optional<std::string> source_profile = files.Get(profile, "source_profile");
    std::optional<std::string> credential_source = files.Get(profile, "credential_source");
    if (source_profile && credential_source) {
      return Error{where + ": sets both source_profile and credential_source"};
    }
    if (source_profile) {
      std::optional<AwsCredentials> from;
      if (*source_profile == profile) {
        // A profile may name itself: its own static keys are the source.
        from = FromProfileKeys(files.credentials, profile, "credentials file");
        if (!from) {
          from = FromProfileKeys(files.config, profile, "config file");
        }
      } else {
        ErrorOr<std::optional<AwsCredentials>> got = Profile(*source_profile, visiting);
        if (!got.ok()) {
          return got.error();
        }
        from = std::move(*got);
      }
      if (!from) {
        return Error{where + ": source_profile " + *source_profile + " has no credentials"};
      }
      source = std::move(*from);
    } else if (credential_source) {
      if (*credential_source != "Environment") {
        return Error{where + ": credential_source " + *credential_source +
                     " is not supported by cfnx (only Environment)"};
      }
      std::optional<AwsCredentials> env = FromEnvironment(options.env);
      if (!env) {
        return Error{where + ": credential_source Environment, but AWS_ACCESS_KEY_ID and " +
                     "AWS_SECRET_ACCESS_KEY are not set"};
      }
      source = std::move(*env);
    } else {
      return Error{where + ": needs source_profile or credential_source"};
    }
    if (files.Get(profile, "mfa_serial")) {
      return Error{where + ": mfa_serial (an MFA code prompt) is not supported by cfnx"};
    }
    if (!options.assume) {
      return Error{where + ": STS is not available"};
    }
    AssumeRoleRequest request;
    request.role_arn = role_arn;
    request.session_name =
        files.Get(profile, "role_session_name")
            .value_or("cfnx-" +
                      std::to_string(std::chrono::duration_cast<std::chrono::seconds>(
                                         std::chrono::system_clock::now().time_since_epoch())
                                         .count()));
    request.external_id = files.Get(profile, "external_id").value_or("");
    if (std::optional<std::string> d = files.Get(profile, "duration_seconds")) {
      request.duration_seconds = std::atoi(d->c_str());
    }
    request.region = files.Get(profile, "region").value_or("");
    ErrorOr<AwsCredentials> assumed = options.assume(source, request);
    if (!assumed.ok()) {
      return Error{where + ": AssumeRole with " + source.Describe() +
                   " failed: " + assumed.error().message};
    }
    assumed->source = where + " via " + source.source;
    return assumed;
  }
};

}  // namespace

std::string AwsCredentials::Describe() const {
  std::string id = access_key_id.size() > 8 ? access_key_id.substr(0, 4) + "..." +
                                                  access_key_id.substr(access_key_id.size() - 4)
                                            : std::string("****");
  return "key " + id + " from " + source;
}

ErrorOr<AwsCredentials> ParseProcessCredentials(const std::string& json,
                                                const std::string& source) {
  nlohmann::json doc = nlohmann::json::parse(json, nullptr, /*allow_exceptions=*/false);
  if (doc.is_discarded() || !doc.is_object()) {
    return Error{source + ": the command did not print a JSON object"};
  }
  if (!doc.contains("Version") || doc["Version"] != 1) {
    return Error{source + ": unsupported output Version (expected 1)"};
  }
  auto text = [&doc](const char* key) {
    return doc.contains(key) && doc[key].is_string() ? doc[key].get<std::string>() : "";
  };
  AwsCredentials c;
  c.access_key_id = text("AccessKeyId");
  c.secret_access_key = text("SecretAccessKey");
  c.session_token = text("SessionToken");
  c.expiration = text("Expiration");
  c.source = source;
  if (c.access_key_id.empty() || c.secret_access_key.empty()) {
    return Error{source + ": the output lacks AccessKeyId or SecretAccessKey"};
  }
  return c;
}

ErrorOr<AwsCredentials> ResolveCredentials(const CredentialOptions& options,
                                           const AwsConfigFiles& files) {
  Resolver resolver{options, files, {}};
  // botocore: an explicitly named profile takes the environment's keys out of the chain.
  if (options.profile.empty()) {
    if (std::optional<AwsCredentials> env = FromEnvironment(options.env)) {
      return *env;
    }
    resolver.tried.push_back("environment: AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY not set");
  } else {
    resolver.tried.push_back("environment: skipped, --profile " + options.profile + " given");
  }
  std::string profile = ProfileName(options.env, options.profile);
  std::set<std::string> visiting;
  ErrorOr<std::optional<AwsCredentials>> got = resolver.Profile(profile, visiting);
  if (!got.ok()) {
    return got.error();
  }
  if (*got) {
    return std::move(**got);
  }
  std::string message = "no AWS credentials found; tried:";
  for (const std::string& t : resolver.tried) {
    message += "\n  - " + t;
  }
  message +=
      "\n  set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY, or configure a profile (aws "
      "configure) and pass --profile NAME or set AWS_PROFILE";
  return Error{message};
}

}  // namespace cfnx
