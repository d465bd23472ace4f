// Copyright 2026 The cfnx Authors.
// SPDX-License-Identifier: Apache-2.0
//
// SHA-1 (FIPS 180-4), for names only: the SAM reference's logical-id hashes and the stable ids
// of findings (JSON Id, SARIF partialFingerprints). It protects nothing. Kept in-house so
// validate and transform need no crypto library, whose loading and initialization cost more
// than a whole `cfnx transform` run.

#ifndef CFNX_ENGINE_BASE_SHA1_H_
#define CFNX_ENGINE_BASE_SHA1_H_

#include <string>
#include <string_view>

namespace cfnx {

// The 40 lower-case hex digits of SHA-1(data).
std::string Sha1Hex(std::string_view data);

}  // namespace cfnx

#endif  // CFNX_ENGINE_BASE_SHA1_H_
