// Copyright 2026 The cfnx Authors.
// SPDX-License-Identifier: Apache-2.0

#include "engine/backend/aws/sigv4.h"

#include <algorithm>
#include <cctype>
#include <ctime>
#include <map>
#include <vector>

#include "engine/backend/aws/digest.h"
#include "engine/backend/aws/url.h"

namespace cfnx {
namespace {

// botocore's SIGNED_HEADERS_BLACKLIST.
constexpr std::string_view kUnsignedHeaders[] = {"connection",
                                                 "expect",
                                                 "keep-alive",
                                                 "proxy-authenticate",
                                                 "proxy-authorization",
                                                 "te",
                                                 "trailer",
                                                 "transfer-encoding",
                                                 "upgrade",
                                                 "user-agent",
                                                 "x-amzn-trace-id"};

std::string Lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) {
    c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  }
  return out;
}

// Python's ' '.join(value.split()).
std::string TrimAll(std::string_view value) {
  std::string out;
  bool space = false;
  for (char c : value) {
    if (std::isspace(static_cast<unsigned char>(c)) != 0) {
      space = !out.empty();
      continue;
    }
    if (space) {
      out += ' ';
      space = false;
    }
    out += c;
  }
  return out;
}

// botocore.utils.remove_dot_segments: empty and "." segments dropped, ".." pops.
std::string RemoveDotSegments(std::string_view path) {
  if (path.empty()) {
    return "/";
  }
  std::vector<std::string_view> out;
  size_t start = 0;
  while (start <= path.size()) {
    size_t slash = path.find('/', start);
    std::string_view seg = path.substr(
        start, slash == std::string_view::npos ? std::string_view::npos : slash - start);
    if (!seg.empty() && seg != ".") {
      if (seg == "..") {
        if (!out.empty()) {
          out.pop_back();
        }
      } else {
        out.push_back(seg);
      }
    }
    if (slash == std::string_view::npos) {
      break;
    }
    start = slash + 1;
  }
  std::string result = path[0] == '/' ? "/" : "";
  for (size_t i = 0; i < out.size(); ++i) {
    result += (i > 0 ? "/" : "");
    result += out[i];
  }
  if (path.back() == '/' && !out.empty()) {
    result += '/';
  }
  return result;
}

// botocore's _canonical_query_string_url: pairs as written, sorted by key then value.
std::string CanonicalQuery(std::string_view query) {
  if (query.empty()) {
    return "";
  }
  std::vector<std::pair<std::string, std::string>> pairs;
  size_t start = 0;
  while (start <= query.size()) {
    size_t amp = query.find('&', start);
    std::string_view pair =
        query.substr(start, amp == std::string_view::npos ? std::string_view::npos : amp - start);
    size_t eq = pair.find('=');
    pairs.emplace_back(std::string(pair.substr(0, eq)),
                       eq == std::string_view::npos ? "" : std::string(pair.substr(eq + 1)));
    if (amp == std::string_view::npos) {
      break;
    }
    start = amp + 1;
  }
  std::sort(pairs.begin(), pairs.end());
  std::string out;
  for (const auto& [k, v] : pairs) {
    out += (out.empty() ? "" : "&") + k + "=" + v;
  }
  return out;
}

std::string AsString(const Sha256Digest& d) {
  return std::string(reinterpret_cast<const char*>(d.data()), d.size());
}

}  // namespace

std::string AmzDate(std::chrono::system_clock::time_point time) {
  std::time_t t = std::chrono::system_clock::to_time_t(time);
  std::tm tm{};
  gmtime_r(&t, &tm);
  char buffer[32];
  std::strftime(buffer, sizeof(buffer), "%Y%m%dT%H%M%SZ", &tm);
  return buffer;
}

ErrorOr<SigV4Result> SignV4(HttpRequest& request, const AwsCredentials& credentials,
                            const SigV4Scope& scope, std::string_view amz_date) {
  ErrorOr<Url> url = ParseUrl(request.url);
  if (!url.ok()) {
    return url.error();
  }
  bool s3 = scope.service == "s3";
  std::string date(amz_date);
  // _modify_request_before_signing.
  std::erase_if(request.headers, [](const auto& h) { return Lower(h.first) == "authorization"; });
  SetHeader(request.headers, "X-Amz-Date", date);
  if (!credentials.session_token.empty()) {
    SetHeader(request.headers, "X-Amz-Security-Token", credentials.session_token);
  }
  std::string payload_hash = Sha256Hex(request.body);
  if (s3) {
    SetHeader(request.headers, "X-Amz-Content-SHA256", payload_hash);
  } else if (const std::string* given = FindHeader(request.headers, "X-Amz-Content-SHA256")) {
    payload_hash = *given;
  }

  // headers_to_sign: lowercased names (values of repeated names joined with ','), Host added.
  std::map<std::string, std::string> signed_headers;
  for (const auto& [name, value] : request.headers) {
    std::string lname = Lower(name);
    if (std::find(std::begin(kUnsignedHeaders), std::end(kUnsignedHeaders), lname) !=
        std::end(kUnsignedHeaders)) {
      continue;
    }
    auto [it, inserted] = signed_headers.emplace(lname, TrimAll(value));
    if (!inserted) {
      it->second += "," + TrimAll(value);
    }
  }
  if (signed_headers.count("host") == 0) {
    signed_headers.emplace("host", url->HostHeader());
  }
  std::string canonical_headers;
  std::string signed_names;
  for (const auto& [name, value] : signed_headers) {
    canonical_headers += name + ":" + value + "\n";
    signed_names += (signed_names.empty() ? "" : ";") + name;
  }
  std::string path = s3 ? (url->path.empty() ? "/" : url->path)
                        : PercentEncode(RemoveDotSegments(url->path), "/~");

  SigV4Result out;
  out.canonical_request = request.method + "\n" + path + "\n" + CanonicalQuery(url->query) + "\n" +
                          canonical_headers + "\n" + signed_names + "\n" + payload_hash;
  std::string day = date.substr(0, 8);
  std::string credential_scope = day + "/" + scope.region + "/" + scope.service + "/aws4_request";
  out.string_to_sign = "AWS4-HMAC-SHA256\n" + date + "\n" + credential_scope + "\n" +
                       Sha256Hex(out.canonical_request);
  Sha256Digest key = HmacSha256("AWS4" + credentials.secret_access_key, day);
  key = HmacSha256(AsString(key), scope.region);
  key = HmacSha256(AsString(key), scope.service);
  key = HmacSha256(AsString(key), "aws4_request");
  out.signature = HexDigest(HmacSha256(AsString(key), out.string_to_sign));
  request.headers.emplace_back("Authorization",
                               "AWS4-HMAC-SHA256 Credential=" + credentials.access_key_id + "/" +
                                   credential_scope + ", SignedHeaders=" + signed_names +
                                   ", Signature=" + out.signature);
  return out;
}

}  // namespace cfnx
