// Copyright 2026 The cfnx Authors.
// SPDX-License-Identifier: Apache-2.0

#include "engine/backend/aws/config_file.h"

#include <cctype>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

namespace cfnx {
namespace {

std::string Trim(const std::string& s) {
  size_t b = 0;
  size_t e = s.size();
  while (b < e && std::isspace(static_cast<unsigned char>(s[b])) != 0) {
    ++b;
  }
  while (e > b && std::isspace(static_cast<unsigned char>(s[e - 1])) != 0) {
    --e;
  }
  return s.substr(b, e - b);
}

std::string Lower(std::string s) {
  for (char& c : s) {
    c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  }
  return s;
}

// "~/x" with $HOME; other paths as given.
std::string ExpandHome(const std::string& path, const EnvLookup& env) {
  if (path.size() >= 1 && path[0] == '~' && (path.size() == 1 || path[1] == '/')) {
    std::optional<std::string> home = env("HOME");
    if (home) {
      return *home + path.substr(1);
    }
  }
  return path;
}

// The file's text; "" when it does not exist.
ErrorOr<std::string> ReadIfExists(const std::string& path) {
  std::error_code ec;
  if (!std::filesystem::exists(path, ec)) {
    return std::string();
  }
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    return Error{"cannot read '" + path + "'"};
  }
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

}  // namespace

EnvLookup ProcessEnvironment() {
  return [](const std::string& name) -> std::optional<std::string> {
    const char* value = std::getenv(name.c_str());
    if (value == nullptr) {
      return std::nullopt;
    }
    return std::string(value);
  };
}

std::optional<std::string> NonEmptyEnv(const EnvLookup& env, const std::string& name) {
  std::optional<std::string> value = env(name);
  if (value && value->empty()) {
    return std::nullopt;
  }
  return value;
}

bool AwsConfigFiles::HasProfile(const std::string& name) const {
  return credentials.count(name) != 0 || config.count(name) != 0;
}

std::optional<std::string> AwsConfigFiles::Get(const std::string& name,
                                               const std::string& key) const {
  for (const AwsProfiles* profiles : {&credentials, &config}) {
    auto p = profiles->find(name);
    if (p == profiles->end()) {
      continue;
    }
    auto v = p->second.find(key);
    if (v != p->second.end()) {
      return v->second;
    }
  }
  return std::nullopt;
}

ErrorOr<AwsProfiles> ParseIni(const std::string& text, const std::string& where) {
  AwsProfiles sections;
  AwsProfile* section = nullptr;
  std::string* last_value = nullptr;
  std::istringstream in(text);
  std::string line;
  int number = 0;
  while (std::getline(in, line)) {
    ++number;
    if (!line.empty() && line.back() == '\r') {
      line.pop_back();
    }
    std::string trimmed = Trim(line);
    if (trimmed.empty() || trimmed[0] == '#' || trimmed[0] == ';') {
      continue;
    }
    bool indented = std::isspace(static_cast<unsigned char>(line[0])) != 0;
    if (indented && last_value != nullptr) {
      // A continuation line (nested settings): kept as text.
      *last_value += "\n" + trimmed;
      continue;
    }
    if (trimmed[0] == '[') {
      if (trimmed.back() != ']') {
        return Error{where + ":" + std::to_string(number) + ": malformed section header"};
      }
      section = &sections[Trim(trimmed.substr(1, trimmed.size() - 2))];
      last_value = nullptr;
      continue;
    }
    size_t delim = trimmed.find_first_of("=:");
    if (delim == std::string::npos || section == nullptr) {
      return Error{
          where + ":" + std::to_string(number) +
          (section == nullptr ? ": a setting before any [section]" : ": expected 'name = value'")};
    }
    std::string key = Lower(Trim(trimmed.substr(0, delim)));
    last_value = &((*section)[key] = Trim(trimmed.substr(delim + 1)));
  }
  return sections;
}

ErrorOr<AwsConfigFiles> ParseAwsConfigFiles(const std::string& credentials_text,
                                            const std::string& config_text,
                                            const std::string& credentials_where,
                                            const std::string& config_where) {
  AwsConfigFiles files;
  ErrorOr<AwsProfiles> credentials = ParseIni(credentials_text, credentials_where);
  if (!credentials.ok()) {
    return credentials.error();
  }
  files.credentials = std::move(*credentials);
  ErrorOr<AwsProfiles> config = ParseIni(config_text, config_where);
  if (!config.ok()) {
    return config.error();
  }
  for (auto& [section, settings] : *config) {
    // [default], [profile NAME] (botocore also accepts [profile default]); other sections
    // ([sso-session X], [services X]) are not profiles.
    if (section == "default") {
      files.config.emplace("default", settings);
    } else if (section.rfind("profile", 0) == 0 && section.size() > 7 &&
               std::isspace(static_cast<unsigned char>(section[7])) != 0) {
      files.config[Trim(section.substr(7))] = settings;
    }
  }
  return files;
}

ErrorOr<AwsConfigFiles> LoadAwsConfigFiles(const EnvLookup& env) {
  std::string credentials_path = ExpandHome(
      NonEmptyEnv(env, "AWS_SHARED_CREDENTIALS_FILE").value_or("~/.aws/credentials"), env);
  std::string config_path =
      ExpandHome(NonEmptyEnv(env, "AWS_CONFIG_FILE").value_or("~/.aws/config"), env);
  ErrorOr<std::string> credentials_text = ReadIfExists(credentials_path);
  if (!credentials_text.ok()) {
    return credentials_text.error();
  }
  ErrorOr<std::string> config_text = ReadIfExists(config_path);
  if (!config_text.ok()) {
    return config_text.error();
  }
  ErrorOr<AwsConfigFiles> files =
      ParseAwsConfigFiles(*credentials_text, *config_text, credentials_path, config_path);
  if (files.ok()) {
    files->credentials_path = credentials_path;
    files->config_path = config_path;
  }
  return files;
}

std::string ProfileName(const EnvLookup& env, const std::string& flag) {
  if (!flag.empty()) {
    return flag;
  }
  if (std::optional<std::string> p = NonEmptyEnv(env, "AWS_PROFILE")) {
    return *p;
  }
  if (std::optional<std::string> p = NonEmptyEnv(env, "AWS_DEFAULT_PROFILE")) {
    return *p;
  }
  return "default";
}

}  // namespace cfnx
