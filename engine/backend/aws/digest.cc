// Copyright 2026 The cfnx Authors.
// SPDX-License-Identifier: Apache-2.0

#include "engine/backend/aws/digest.h"

#include "cfnx/error_or.h"

#include <openssl/evp.h>
#include <openssl/hmac.h>
#include <openssl/sha.h>

namespace cfnx {

Sha256Digest Sha256(std::string_view data) {
  Sha256Digest out{};
  CFNX_CHECK(SHA256(reinterpret_cast<const unsigned char*>(data.data()), data.size(), out.data()) !=
             nullptr);
  return out;
}

Sha256Digest HmacSha256(std::string_view key, std::string_view data) {
  Sha256Digest out{};
  unsigned int length = 0;
  CFNX_CHECK(HMAC(EVP_sha256(), key.data(), static_cast<int>(key.size()),
                  reinterpret_cast<const unsigned char*>(data.data()), data.size(), out.data(),
                  &length) != nullptr);
  CFNX_CHECK(length == out.size());
  return out;
}

std::string HexDigest(const Sha256Digest& digest) {
  static constexpr char kHex[] = "0123456789abcdef";
  std::string out;
  out.reserve(digest.size() * 2);
  for (uint8_t b : digest) {
    out += kHex[b >> 4];
    out += kHex[b & 15];
  }
  return out;
}

std::string Sha256Hex(std::string_view data) {
  return HexDigest(Sha256(data));
}

}  // namespace cfnx
