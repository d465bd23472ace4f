// Copyright 2026 The cfnx Authors.
// SPDX-License-Identifier: Apache-2.0
//
// `cfnx schemas import PATH [--schemas-dir DIR]`: regenerates the user's resource type registry
// from AWS resource provider schemas (a directory or zip of documents, e.g. AWS's
// CloudformationSchema.zip; see resources/schema_import.h for every accepted layout), so users
// refresh what cfnx knows without a new release. Writes $CFNX_SCHEMAS_DIR or ~/.cfnx/schemas
// by default, atomically: bad or partial input is an error (exit 1) and leaves the previous
// registry untouched. `cfnx validate` uses that registry when present.

#include <iostream>

#include "engine/api/schema_registry.h"
#include "engine/cli/command.h"
#include "resources/schema_import.h"

namespace cfnx {

Command AddSchemasCommand(CLI::App& app) {
  struct Flags {
    std::string input;
    std::string schemas_dir;
  };
  auto flags = std::make_shared<Flags>();
  CLI::App* schemas = app.add_subcommand("schemas", "Manage the resource type registry");
  schemas->require_subcommand(1);
  CLI::App* import = schemas->add_subcommand(
      "import", "Regenerate the registry from AWS resource provider schemas (directory or zip)");
  import->add_option("path", flags->input, "directory or zip of provider schema documents")
      ->required();
  import->add_option("--schemas-dir", flags->schemas_dir,
                     "where to write the registry (default: $CFNX_SCHEMAS_DIR or ~/.cfnx/schemas)");

  auto run = [flags, import]() -> int {
    if (!import->parsed()) {
      return CouldNotRun("schemas: expected a subcommand (import)");
    }
    std::string out = flags->schemas_dir.empty() ? DefaultUserSchemasDir() : flags->schemas_dir;
    if (out.empty()) {
      return CouldNotRun(
          "schemas import: no --schemas-dir given and neither CFNX_SCHEMAS_DIR nor "
          "HOME is set");
    }
    ErrorOr<SchemaImportSummary> summary = ImportProviderSchemas(flags->input, out);
    if (!summary.ok()) {
      return CouldNotRun("schemas import: " + summary.error().message +
                         " (the existing registry was left unchanged)");
    }
    std::cout << "Imported " << summary->types << " resource types (" << summary->variants
              << " schema variants, " << summary->regions << " regions) into " << out << "\n";
    return 0;
  };
  return Command{schemas, run};
}

}  // namespace cfnx
