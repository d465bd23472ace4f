// Copyright 2026 The cfnx Authors.
// SPDX-License-Identifier: Apache-2.0
//
// HTTP and WebSocket APIs (API Gateway v2): the resource translators, the template-level step
// that builds the implicit ServerlessHttpApi from Function `HttpApi` events, and the `HttpApi`
// event source itself.

#ifndef CFNX_TRANSFORMS_SAM_HTTP_API_H_
#define CFNX_TRANSFORMS_SAM_HTTP_API_H_

#include <vector>

#include "transforms/sam/events/event.h"
#include "transforms/sam/sam.h"

namespace cfnx::sam {

// Before Globals, as the reference's DefaultDefinitionBodyPlugin (HttpApi part) and
// ImplicitHttpApiPlugin do: gives explicit HttpApis without a definition the OpenAPI skeleton,
// adds ServerlessHttpApi for events without ApiId, completes each event's ApiId/Path/Method, and
// adds the events' paths and RouteSettings to the APIs SAM manages. Errors of single functions
// are collected in `errors`; a non-ok result stops the whole translation.
Status PrepareHttpApis(Json& input, Context& ctx, std::vector<Error>* errors);

Status TranslateHttpApi(SamResource& resource, Context& ctx, GeneratedList* out);
Status TranslateWebSocketApi(SamResource& resource, Context& ctx, GeneratedList* out);

// The Function event `HttpApi`: its permission and its route in the API's OpenAPI body.
Status TranslateHttpApiEvent(const EventSource& event, const FunctionInfo& fn, Context& ctx,
                             GeneratedList* out);
std::vector<PropertySpec> HttpApiEventSpecs(const std::string& type);

}  // namespace cfnx::sam

#endif  // CFNX_TRANSFORMS_SAM_HTTP_API_H_
