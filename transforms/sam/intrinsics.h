// Copyright 2026 The cfnx Authors.
// SPDX-License-Identifier: Apache-2.0
//
// The reference translator's intrinsic resolver: it resolves only a few functions inside SAM
// properties (Ref to parameters and pseudo parameters, parameters inside Fn::Sub, Fn::FindInMap
// against the template's Mappings) and rewrites references to SAM-generated resources
// ("Fn.Alias", a LayerVersion's hashed id) once the translation is done.

#ifndef CFNX_TRANSFORMS_SAM_INTRINSICS_H_
#define CFNX_TRANSFORMS_SAM_INTRINSICS_H_

#include <map>
#include <string>

#include "transforms/sam/sam.h"

namespace cfnx::sam {

// Replaces {"Ref": P} by the value of parameter P and ${P} inside Fn::Sub strings, recursively.
Json ResolveParameterRefs(const Json& value, const Json& parameters);
// In place, as the reference does when it resolves a value it keeps.
void ResolveParameterRefsInPlace(Json& value, const Json& parameters);
// Replaces Fn::FindInMap whose keys are known by the mapped value. Reports malformed calls.
Status ResolveFindInMap(Json& value, const Json& mappings);
// {"Ref": "Fn.Alias"} -> {"Ref": "FnAliaslive"}, GetAtt and ${Fn.Alias} likewise.
void ResolveResourceRefs(Json& value,
                         const std::map<std::string, std::map<std::string, std::string>>& refs);
// {"Ref": "Layer"} -> {"Ref": "Layer<hash>"} for resources whose logical id changed.
void ResolveResourceIdRefs(Json& value, const std::map<std::string, std::string>& changed);
// DependsOn entries naming a changed logical id.
void ResolveDependsOn(Json& resources, const std::map<std::string, std::string>& changed);

}  // namespace cfnx::sam

#endif  // CFNX_TRANSFORMS_SAM_INTRINSICS_H_
