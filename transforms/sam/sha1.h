// Copyright 2026 The cfnx Authors.
// SPDX-License-Identifier: Apache-2.0
//
// SHA-1 (FIPS 180-4), for the SAM reference's logical-id hashes only: it names resources,
// it protects nothing. Kept in-house so the transform needs no crypto library, whose
// loading and initialization cost more than a whole `cfnx transform` run.

#ifndef CFNX_TRANSFORMS_SAM_SHA1_H_
#define CFNX_TRANSFORMS_SAM_SHA1_H_

#include <string>
#include <string_view>

namespace cfnx::sam {

// The 40 lower-case hex digits of SHA-1(data).
std::string Sha1Hex(std::string_view data);

}  // namespace cfnx::sam

#endif  // CFNX_TRANSFORMS_SAM_SHA1_H_
