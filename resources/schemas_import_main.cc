// Copyright 2026 The cfnx Authors.
// SPDX-License-Identifier: Apache-2.0
//
// cfnx_schemas_import INPUT OUT_DIR: the registry generator as a build-tree tool, used by
// scripts/update-schemas.sh to regenerate schemas/cfn/ (users run `cfnx schemas import`).

#include <iostream>

#include "resources/schema_import.h"

int main(int argc, char** argv) {
  if (argc != 3) {
    std::cerr << "usage: cfnx_schemas_import INPUT OUT_DIR\n";
    return 1;
  }
  auto summary = cfnx::ImportProviderSchemas(argv[1], argv[2]);
  if (!summary.ok()) {
    std::cerr << "cfnx_schemas_import: " << summary.error().message << "\n";
    return 1;
  }
  std::cout << "wrote " << argv[2] << ": " << summary->types << " types (" << summary->variants
            << " variants), " << summary->regions << " regions, " << summary->blob_bytes
            << " bytes of schemas, " << summary->index_bytes << " bytes of index\n";
  return 0;
}
