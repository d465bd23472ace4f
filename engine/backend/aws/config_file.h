// Copyright 2026 The cfnx Authors.
// SPDX-License-Identifier: Apache-2.0
//
// The AWS CLI's shared files: ~/.aws/credentials (sections `[NAME]`) and ~/.aws/config
// (`[default]`, `[profile NAME]`), or the files AWS_SHARED_CREDENTIALS_FILE and AWS_CONFIG_FILE
// name. They are INI files as Python's configparser reads them (botocore): `key = value` or
// `key: value`, names lowercased, `#`/`;` comment lines, indented lines continuing the value
// before (nested settings such as `s3 =` blocks are kept as text and not used). A missing file
// is empty, as for the SDKs. The environment is read through an `EnvLookup` so tests choose it.

#ifndef CFNX_ENGINE_BACKEND_AWS_CONFIG_FILE_H_
#define CFNX_ENGINE_BACKEND_AWS_CONFIG_FILE_H_

#include <functional>
#include <map>
#include <optional>
#include <string>

#include "cfnx/error_or.h"

namespace cfnx {

// Reads one environment variable; nullopt when unset.
using EnvLookup = std::function<std::optional<std::string>(const std::string& name)>;
// getenv.
EnvLookup ProcessEnvironment();
// A value of `env` that is set and not empty.
std::optional<std::string> NonEmptyEnv(const EnvLookup& env, const std::string& name);

// One profile's settings, names lowercased.
using AwsProfile = std::map<std::string, std::string>;
using AwsProfiles = std::map<std::string, AwsProfile>;

struct AwsConfigFiles {
  std::string credentials_path;
  std::string config_path;
  AwsProfiles credentials;  // by profile name, from the credentials file
  AwsProfiles config;       // by profile name, from the config file

  // Whether either file has the profile.
  bool HasProfile(const std::string& name) const;
  // `key` of profile `name`: the credentials file's value, else the config file's.
  std::optional<std::string> Get(const std::string& name, const std::string& key) const;
};

// Sections of one INI text: section name -> settings. `where` names the file for messages.
ErrorOr<AwsProfiles> ParseIni(const std::string& text, const std::string& where);

// The profiles of both files' texts (config sections mapped to profile names).
// `*_where` name the files in messages.
ErrorOr<AwsConfigFiles> ParseAwsConfigFiles(const std::string& credentials_text,
                                            const std::string& config_text,
                                            const std::string& credentials_where = "credentials",
                                            const std::string& config_where = "config");
// Reads the files the environment names (or ~/.aws/credentials and ~/.aws/config).
ErrorOr<AwsConfigFiles> LoadAwsConfigFiles(const EnvLookup& env);

// --profile when given, else AWS_PROFILE (or AWS_DEFAULT_PROFILE), else "default".
std::string ProfileName(const EnvLookup& env, const std::string& flag);

}  // namespace cfnx

#endif  // CFNX_ENGINE_BACKEND_AWS_CONFIG_FILE_H_
