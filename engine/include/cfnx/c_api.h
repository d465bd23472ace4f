/* Copyright 2026 The cfnx Authors.
 * SPDX-License-Identifier: Apache-2.0
 *
 * File: cfnx/c_api.h
 *
 * cfnx from C (and from anything that calls C: Python's ctypes, Go's cgo, Rust's FFI).
 * Opaque handles, UTF-8 strings in, JSON text out, no C++ exception ever crosses this boundary.
 *
 *   char* error = NULL;
 *   cfnx_compiler* c = cfnx_compiler_new("{\"region\": \"eu-west-1\"}", &error);
 *   if (c == NULL) { fprintf(stderr, "%s\n", error); cfnx_string_free(error); return 1; }
 *   char* result = cfnx_validate(c, "template.yaml", text);
 *   // {"exit_code": 2, "diagnostics": [{"Rule": {"Id": "E3002", ...}, "Level": "Error", ...}]}
 *   cfnx_string_free(result);
 *   cfnx_compiler_free(c);
 *
 * Options (a JSON object; NULL or "" for the defaults), each optional:
 *   "region", "partition", "account_id", "stack_name": strings as the CLI's flags;
 *   "parameters": {"Name": "value", ...};  "include_roots": ["dir", ...];  "s3_root": "dir".
 *
 * Every result is a JSON object the caller frees with cfnx_string_free:
 *   {"exit_code": N, "diagnostics": [...], "template": {...}}
 * where exit_code is cfn-lint's bitmask (0 clean, 2 errors, 4 warnings, 8 informational),
 * diagnostics use cfn-lint's JSON shape (`cfnx validate --format json`), and "template" (transform
 * and render only) is the processed template, or null when it could not be produced. When cfnx
 * itself cannot run (unreadable file, bad arguments) the object is {"error": "message"} and
 * exit_code is 1. A handle is not thread-safe; use one per thread.
 */
#ifndef CFNX_ENGINE_INCLUDE_CFNX_C_API_H_
#define CFNX_ENGINE_INCLUDE_CFNX_C_API_H_

#ifdef __cplusplus
extern "C" {
#endif

typedef struct cfnx_compiler cfnx_compiler;

/* "0.1.0". Static storage: do not free. */
const char* cfnx_version(void);

/* A compiler with `options_json` (see above). NULL on bad options, with *error (when error is
 * not NULL) set to a message the caller frees with cfnx_string_free. */
cfnx_compiler* cfnx_compiler_new(const char* options_json, char** error);
void cfnx_compiler_free(cfnx_compiler* compiler);

/* `cfnx validate` of `text` (YAML or JSON), reported under the file name `name`. */
char* cfnx_validate(cfnx_compiler* compiler, const char* name, const char* text);
/* `cfnx validate PATH`: reads the file. */
char* cfnx_validate_file(cfnx_compiler* compiler, const char* path);
/* `cfnx transform`: the template with its transforms applied, in "template". */
char* cfnx_transform(cfnx_compiler* compiler, const char* name, const char* text);
/* `cfnx render`: parameters and conditions applied, functions evaluated, in "template". */
char* cfnx_render(cfnx_compiler* compiler, const char* name, const char* text);

/* Frees a string this API returned. NULL is fine. */
void cfnx_string_free(char* s);

#ifdef __cplusplus
}
#endif

#endif /* CFNX_ENGINE_INCLUDE_CFNX_C_API_H_ */
