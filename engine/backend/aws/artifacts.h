// Copyright 2026 The cfnx Authors.
// SPDX-License-Identifier: Apache-2.0
//
// Local artifacts packaged as `sam package` / `aws cloudformation package` do, before a deploy
// through CloudFormation. A template as developers keep it names local paths where
// CloudFormation needs S3 locations:
//
//   AWS::Serverless::Function  CodeUri: ./src          -> s3://BUCKET/PREFIX/SHA256.zip
//   AWS::Lambda::Function      Code: ./src             -> {S3Bucket: BUCKET, S3Key: ...zip}
//   AWS::CloudFormation::Stack TemplateURL: child.yaml -> https://s3.REGION.amazonaws.com/...
//
// (the whole list is kArtifactProperties in artifacts.cc: SAM functions, layers, APIs, state
// machines, applications; Lambda, API Gateway, Step Functions, AppSync, Glue, Elastic
// Beanstalk, CodeCommit, nested stacks). A directory becomes a deterministic zip
// (zip_writer.h), a .zip/.jar file is sent as is, another file is zipped where the service
// needs a zip and sent as is otherwise; a nested template is packaged the same way (its paths
// relative to its own directory) and sent as a template. Each object's key is the SHA-256 of its
// bytes under --s3-prefix, so the packaged template is known before anything is uploaded (a
// template with errors uploads nothing) and an unchanged artifact is never uploaded twice.
//
// Only files inside the template's directory tree (and the directories the user named) are
// read: a path or a symlink leading elsewhere is refused with E5002 (FileRoots), a path that
// cannot be packaged (missing, unreadable, too large) is E9013. Values that are already S3 or
// https locations, intrinsic functions or dynamic references are left alone.
//
// The packaged template keeps the original text, lines and columns: each local path is
// replaced where it is written by a JSON value (a string, or a flow map, valid YAML too), so
// diagnostics on the packaged template still point at the user's lines.

#ifndef CFNX_ENGINE_BACKEND_AWS_ARTIFACTS_H_
#define CFNX_ENGINE_BACKEND_AWS_ARTIFACTS_H_

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "cfnx/diagnostic.h"
#include "cfnx/source.h"
#include "engine/source/file_roots.h"

namespace cfnx {

// Where packaged artifacts go (--s3-bucket, --s3-prefix) and the region their URLs name.
struct ArtifactStore {
  std::string bucket;
  std::string prefix;
  std::string region = "us-east-1";
};

struct PackagedArtifact {
  std::string key;     // PREFIX/SHA256.EXTENSION
  std::string body;    // what to upload
  std::string source;  // "Resources/Fn/Properties/CodeUri ./src" for messages
};

struct PackagedTemplate {
  std::string text;  // the template with its local paths replaced (the input when none)
  // AWS::Include locations replaced: the s3:// URI to the local file it was read from.
  std::map<std::string, std::string> include_files;
  // In template order (a nested template's artifacts before the template itself), each key
  // once.
  std::vector<PackagedArtifact> artifacts;
};

// Packages the local artifacts of the template `file` of `sources` (its path names the
// directory relative paths start from). nullopt after reporting E5002/E9013 to `diags`. A
// template that does not parse is returned as is: compiling it reports why.
std::optional<PackagedTemplate> PackageLocalArtifacts(SourceManager& sources, FileId file,
                                                      const FileRoots& roots,
                                                      const ArtifactStore& store,
                                                      DiagnosticSink& diags);

}  // namespace cfnx

#endif  // CFNX_ENGINE_BACKEND_AWS_ARTIFACTS_H_
