// Copyright 2026 The cfnx Authors.
// SPDX-License-Identifier: Apache-2.0
//
// The two digests AWS request signing needs, over OpenSSL's libcrypto: SHA-256 (payload and
// canonical-request hashes, S3 content hashes) and HMAC-SHA-256 (the SigV4 signing-key chain).

#ifndef CFNX_ENGINE_BACKEND_AWS_DIGEST_H_
#define CFNX_ENGINE_BACKEND_AWS_DIGEST_H_

#include <array>
#include <cstdint>
#include <string>
#include <string_view>

namespace cfnx {

using Sha256Digest = std::array<uint8_t, 32>;

Sha256Digest Sha256(std::string_view data);
Sha256Digest HmacSha256(std::string_view key, std::string_view data);

// Lowercase hex of a digest (64 characters).
std::string HexDigest(const Sha256Digest& digest);
// HexDigest(Sha256(data)).
std::string Sha256Hex(std::string_view data);

}  // namespace cfnx

#endif  // CFNX_ENGINE_BACKEND_AWS_DIGEST_H_
