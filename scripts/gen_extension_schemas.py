#!/usr/bin/env python3
# Copyright 2026 The cfnx Authors.
# SPDX-License-Identifier: Apache-2.0
"""Writes schemas/cfn/extensions.jsonl: cfn-lint's extension schemas, the service rules it layers
on the provider schemas (data/schemas/extensions/<type>/*.json: RDS engines, ECS/Fargate,
Lambda ZipFile runtimes, DynamoDB billing modes, load balancer protocols, instance types per
region, ...), each with the id of the rule that applies it and where it applies.

The rules are read from the installed `cfnlint` package: every CfnLintJsonSchema rule that brings
its own schema and applies it under `Resources/<type>/...`. Left out: rules whose schema uses
cfn-lint's cross-resource keywords (cfnContext, $data, functions) outside a cfnGather, and rules
that post-process their schema in code (Step Functions definitions, SSM documents). Rules whose
whole schema is a cfnGather (the values of this resource and of
the resources it references, validated together, with $data and $lookup pointing between them)
are kept: resources/extension_checker.cc implements that keyword.

One JSON object per line, sorted by rule id then first path, "schema" last:
  {"rule": "E3678", "paths": ["AWS::Lambda::Function/Properties"], "all": false,
   "message": "...", "lowercase": ["Engine"], "regions": ["us-east-1", ...], "schema": {...}}
  * paths: where the schema applies, below Resources/ ("*" = every list item);
  * all: report every error (cfn-lint's all_matches) rather than the best one;
  * message: the rule's short description, for rules that word their own message;
  * lowercase: properties whose string value cfn-lint lower-cases before checking (RDS Engine);
  * scenarios: false for rules that do not resolve Fn::If into condition scenarios;
  * regions: only for regional rules (one line per distinct schema); absent = every region;
  * taggable: only for types whose provider schema says they take tags (path type "*").
read by resources/extension_schemas.cc.

usage: scripts/gen_extension_schemas.py [OUT]   (default: schemas/cfn/extensions.jsonl)
"""
import json
import os
import sys

import cfnlint.rules as rules_pkg
from cfnlint.rules import Rules
from cfnlint.rules.jsonschema.CfnLintJsonSchema import CfnLintJsonSchema
from cfnlint.rules.jsonschema.CfnLintJsonSchemaRegional import CfnLintJsonSchemaRegional

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
CROSS_RESOURCE = {"cfnGather", "cfnContext", "$data", "functions", "$lookup"}
# Schemas that their rule rewrites in code before use (see the module docstring), and E3042,
# whose array schema cfn-lint applies to each container definition (an object), where it never
# reports.
POST_PROCESSED = {"E3601", "E3051", "E3042"}
# cfnx checks these elsewhere (resources/ec2/security_group_ports.cc, route53/record_sets.cc).
ALREADY_CHECKED = {"E3687", "E3023"}
# Rules that lower-case Engine before checking (their validate() says so).
LOWERCASE_ENGINE = {"E3025", "E3062", "E3682", "E3691"}
# Rules that validate with functions turned off (`functions=[]` in their validate()): an Fn::If
# is not resolved into scenarios, so a value behind one never matches.
NO_SCENARIOS = {"E3025", "E3062", "E3694"}


def keywords(schema, acc):
    if isinstance(schema, dict):
        for k, v in schema.items():
            acc.add(k)
            if k in ("properties", "patternProperties", "dependentExcluded", "dependentRequired",
                     "definitions"):
                if isinstance(v, dict):
                    for sub in v.values():
                        keywords(sub, acc)
            elif k not in ("enum", "required", "const"):
                keywords(v, acc)
    elif isinstance(schema, list):
        for v in schema:
            keywords(v, acc)
    return acc


SUBSCHEMA = {"if", "then", "else", "not", "items", "contains", "additionalProperties",
             "propertyNames"}
SUBSCHEMA_LISTS = {"allOf", "anyOf", "oneOf"}
SUBSCHEMA_MAPS = {"properties", "patternProperties", "definitions"}


def subschemas(schema):
    """The (container, key) of every subschema directly inside `schema`."""
    if not isinstance(schema, dict):
        return
    for k, v in schema.items():
        if k in SUBSCHEMA and isinstance(v, dict):
            yield schema, k
        elif k in SUBSCHEMA_LISTS and isinstance(v, list):
            for i, item in enumerate(v):
                if isinstance(item, dict):
                    yield v, i
        elif k in SUBSCHEMA_MAPS and isinstance(v, dict):
            for name, item in v.items():
                if isinstance(item, dict):
                    yield v, name


def dedupe(schema, min_size=200):
    """Moves every subschema of over `min_size` bytes that occurs more than once into
    `definitions`, referenced by `$ref` (E3062 repeats 17 instance class lists 924 times): the
    same schema, a tenth of the bytes to parse."""
    counts = {}

    def count(node):
        for container, key in subschemas(node):
            text = json.dumps(container[key], sort_keys=True)
            if len(text) > min_size:
                counts[text] = counts.get(text, 0) + 1
            count(container[key])

    count(schema)
    names = {text: f"cfnx{i}" for i, text in enumerate(t for t, n in sorted(counts.items()) if n > 1)}
    if not names:
        return schema
    definitions = {}

    def replace(node):
        for container, key in list(subschemas(node)):
            text = json.dumps(container[key], sort_keys=True)
            if text in names:
                if names[text] not in definitions:
                    definitions[names[text]] = True  # reserved while its own subschemas are done
                    replace(container[key])
                    definitions[names[text]] = container[key]
                container[key] = {"$ref": "#/definitions/" + names[text]}
            else:
                replace(container[key])

    out = json.loads(json.dumps(schema))
    replace(out)
    out.setdefault("definitions", {}).update(definitions)
    return out


def main():
    out_path = sys.argv[1] if len(sys.argv) > 1 else os.path.join(ROOT, "schemas", "cfn",
                                                                   "extensions.jsonl")
    rules = Rules.create_from_directory(os.path.dirname(rules_pkg.__file__))
    lines = []
    for rid, rule in sorted(rules.items()):
        if not isinstance(rule, CfnLintJsonSchema) or rule._use_schema_arg:
            continue
        if rid in POST_PROCESSED or rid in ALREADY_CHECKED:
            continue
        paths = [k[len("Resources/"):] for k in rule.keywords if k.startswith("Resources/AWS::")]
        if not paths or len(paths) != len(rule.keywords):
            continue
        base = {"rule": rid, "paths": paths, "all": bool(rule.all_matches)}
        if type(rule).message is not CfnLintJsonSchema.message and not isinstance(
                rule, CfnLintJsonSchemaRegional):
            base["message"] = rule.shortdesc
        if rid in LOWERCASE_ENGINE:
            base["lowercase"] = ["Engine"]
        if rid in NO_SCENARIOS:
            base["scenarios"] = False
        if isinstance(rule, CfnLintJsonSchemaRegional):
            by_schema = {}
            for region, schema in sorted(rule.schema.items()):
                if isinstance(schema, dict):  # not "description"
                    by_schema.setdefault(json.dumps(schema, sort_keys=True), []).append(region)
            for text, regions in sorted(by_schema.items(), key=lambda kv: kv[1][0]):
                lines.append(dict(base, regions=regions, schema=dedupe(json.loads(text))))
            continue
        if set(rule.schema) == {"cfnGather"}:
            # Cross-resource rules: resources/extension_checker.cc gathers the values the
            # schema names (from this resource and the ones it references) and validates them.
            lines.append(dict(base, schema=rule.schema))
            continue
        if keywords(rule.schema, set()) & CROSS_RESOURCE:
            continue
        lines.append(dict(base, schema=dedupe(rule.schema)))
    # E3024 applies its tagging schema to the properties of every taggable type (the provider
    # schema's `tagging.taggable`), through the `tagging` keyword rather than a path.
    tagging = rules["E3024"]
    lines.append({"rule": "E3024", "paths": ["*/Properties"], "all": True, "taggable": True,
                  "schema": tagging._schema})
    with open(out_path, "w") as out:
        for line in lines:
            # The header first and "schema" last, so a reader can take the header alone.
            head = {k: v for k, v in line.items() if k != "schema"}
            out.write(json.dumps(head, sort_keys=True, separators=(",", ":"))[:-1] +
                      ',"schema":' + json.dumps(line["schema"], sort_keys=True,
                                                separators=(",", ":")) + "}\n")
    print(f"{out_path}: {len(lines)} lines, "
          f"{len({line['rule'] for line in lines})} rules", file=sys.stderr)


if __name__ == "__main__":
    main()
