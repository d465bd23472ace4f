// Copyright 2026 The cfnx Authors.
// SPDX-License-Identifier: Apache-2.0
//
// Template-level checks that need no resource schemas: limits, names, parameter declarations,
// mappings, resource attributes (CheckStructure), and that every Ref, Fn::GetAtt resource,
// Fn::Sub variable, condition name, DependsOn target and static Fn::FindInMap key resolves
// (CheckReferences). Both report to a DiagnosticSink and never stop at the first problem.

#ifndef CFNX_ENGINE_VALIDATE_VALIDATE_H_
#define CFNX_ENGINE_VALIDATE_VALIDATE_H_

#include <string>
#include <string_view>
#include <vector>

#include "cfnx/diagnostic.h"
#include "engine/model/sub_variables.h"
#include "engine/model/template.h"
#include "engine/source/file_roots.h"

namespace cfnx {

struct StructureOptions {
  size_t template_bytes = 0;  // size of the template body, for the size limits
};

void CheckStructure(const Template& t, const StructureOptions& options, DiagnosticSink& diags);

void CheckReferences(const Template& t, DiagnosticSink& diags);

// Dynamic references ({{resolve:...}}): syntax, the per-template limit and where each service's
// references are resolved (dynamic_references.cc).
void CheckDynamicReferences(const Template& t, DiagnosticSink& diags);
// Every resource on a circular dependency (DependsOn, Ref, Fn::GetAtt, Fn::Sub), reported at its
// logical id with one cycle through it (E3004).
void CheckCycles(const Template& t, DiagnosticSink& diags);

// Nested stacks (AWS::CloudFormation::Stack) whose TemplateURL is a local file, resolved against
// the directory of `template_path`: the Parameters passed must exist in the nested template and
// cover its parameters without a Default (E3043). Remote URLs are not fetched; a local file
// outside `roots` is not read (E5002).
void CheckNestedStackParameters(const Template& t, const FileRoots& roots,
                                std::string_view template_path, DiagnosticSink& diags);

// The template's Metadata AWS::CloudFormation::Interface: parameter groups and labels in the
// shape the console reads (E4001; metadata_interface.cc). CheckStructure runs it.
void CheckMetadataInterface(const Template& t, DiagnosticSink& diags);
// The parameter types CloudFormation accepts, for checks and suggestions.
bool IsValidParameterType(std::string_view type);

}  // namespace cfnx

#endif  // CFNX_ENGINE_VALIDATE_VALIDATE_H_
