// Copyright 2026 The cfnx Authors.
// SPDX-License-Identifier: Apache-2.0

#include "engine/backend/aws/url.h"

#include <cctype>

namespace cfnx {
namespace {

int DefaultPort(std::string_view scheme) {
  return scheme == "https" ? 443 : 80;
}

std::string Lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) {
    c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  }
  return out;
}

bool Unreserved(unsigned char c) {
  return std::isalnum(c) != 0 || c == '-' || c == '_' || c == '.' || c == '~';
}

void AppendHex(std::string& out, unsigned char c) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  out += '%';
  out += kHex[c >> 4];
  out += kHex[c & 15];
}

}  // namespace

std::string Url::HostHeader() const {
  if (port == 0 || port == DefaultPort(scheme)) {
    return host;
  }
  return host + ":" + std::to_string(port);
}

std::string Url::Origin() const {
  return scheme + "://" + HostHeader();
}

ErrorOr<Url> ParseUrl(std::string_view text) {
  Url url;
  size_t colon = text.find("://");
  if (colon == std::string_view::npos) {
    return Error{"'" + std::string(text) + "' is not an absolute URL (http://... or https://...)"};
  }
  url.scheme = Lower(text.substr(0, colon));
  if (url.scheme != "http" && url.scheme != "https") {
    return Error{"'" + std::string(text) + "': only http and https URLs are supported"};
  }
  std::string_view rest = text.substr(colon + 3);
  size_t end = rest.find_first_of("/?#");
  std::string_view authority = rest.substr(0, end);
  rest = end == std::string_view::npos ? std::string_view() : rest.substr(end);
  if (size_t at = authority.rfind('@'); at != std::string_view::npos) {
    authority = authority.substr(at + 1);  // userinfo is not part of the host
  }
  std::string_view host = authority;
  std::string_view port;
  if (!authority.empty() && authority[0] == '[') {
    size_t close = authority.find(']');
    if (close == std::string_view::npos) {
      return Error{"'" + std::string(text) + "': unterminated IPv6 address"};
    }
    host = authority.substr(0, close + 1);
    if (close + 1 < authority.size() && authority[close + 1] == ':') {
      port = authority.substr(close + 2);
    }
  } else if (size_t c = authority.rfind(':'); c != std::string_view::npos) {
    host = authority.substr(0, c);
    port = authority.substr(c + 1);
  }
  if (host.empty()) {
    return Error{"'" + std::string(text) + "' has no host"};
  }
  url.host = Lower(host);
  if (!port.empty()) {
    int value = 0;
    for (char c : port) {
      if (std::isdigit(static_cast<unsigned char>(c)) == 0 || value > 65535) {
        return Error{"'" + std::string(text) + "' has a bad port"};
      }
      value = value * 10 + (c - '0');
    }
    if (value <= 0 || value > 65535) {
      return Error{"'" + std::string(text) + "' has a bad port"};
    }
    url.port = value;
  }
  size_t hash = rest.find('#');
  if (hash != std::string_view::npos) {
    rest = rest.substr(0, hash);
  }
  size_t q = rest.find('?');
  url.path = std::string(rest.substr(0, q));
  if (q != std::string_view::npos) {
    url.query = std::string(rest.substr(q + 1));
  }
  return url;
}

std::string PercentEncode(std::string_view text, std::string_view keep) {
  std::string out;
  out.reserve(text.size());
  for (char ch : text) {
    auto c = static_cast<unsigned char>(ch);
    if (Unreserved(c) || keep.find(ch) != std::string_view::npos) {
      out += ch;
    } else {
      AppendHex(out, c);
    }
  }
  return out;
}

std::string FormEncode(const FormParams& params) {
  std::string out;
  auto append = [&out](std::string_view s) {
    for (char ch : s) {
      auto c = static_cast<unsigned char>(ch);
      if (Unreserved(c)) {
        out += ch;
      } else if (c == ' ') {
        out += '+';
      } else {
        AppendHex(out, c);
      }
    }
  };
  for (const auto& [key, value] : params) {
    if (!out.empty()) {
      out += '&';
    }
    append(key);
    out += '=';
    append(value);
  }
  return out;
}

}  // namespace cfnx
