/* Copyright 2026 The cfnx Authors.
 * SPDX-License-Identifier: Apache-2.0
 *
 * cfnx/c_api.h used from C (compiled as C11, not C++): validates `text` and returns the result
 * JSON (caller frees with cfnx_string_free), or an error message for bad options. Driven by
 * c_api_test.cc. */
#include <stddef.h>

#include "cfnx/c_api.h"

char* cfnx_test_c_validate(const char* options, const char* text) {
  char* error = NULL;
  cfnx_compiler* compiler = cfnx_compiler_new(options, &error);
  if (compiler == NULL)
    return error;
  char* result = cfnx_validate(compiler, "template.yaml", text);
  cfnx_compiler_free(compiler);
  return result;
}
