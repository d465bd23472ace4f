#!/usr/bin/env python3
# Copyright 2026 The cfnx Authors.
# SPDX-License-Identifier: Apache-2.0
"""Writes schemas/cfn/attributes.jsonl: the schemas of the resource attributes CreationPolicy and
UpdatePolicy, per resource type, from cfn-lint's data (the installed `cfnlint` package):

  * UpdatePolicy: data/schemas/other/resources/update_policy.json (rule E3016). Its `allOf` holds
    one `if Type is X then UpdatePolicy: {$ref}` per supported type and an `else` that forbids
    UpdatePolicy on every other type.
  * CreationPolicy: the per-type schemas of rules/resources/CreationPolicy.py (rule E3055).

One JSON object per line, sorted by attribute then type:
  {"typeName": "<type> <Attribute>", "attribute": "<Attribute>", "resourceType": "<type>",
   "cfnLintVersion": "...", <the attribute value's schema>, "definitions": {...}}
read by resources/attribute_schemas.cc as resource-type documents (resources/resource_type.h), so
the property checker validates attribute values the way it validates properties.

usage: scripts/gen_attribute_schemas.py [OUT]   (default: schemas/cfn/attributes.jsonl)
"""
import json
import os
import sys

import cfnlint
from cfnlint.rules.resources.CreationPolicy import CreationPolicy

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
DATA = os.path.join(os.path.dirname(cfnlint.__file__), "data", "schemas", "other", "resources")
# The types CreationPolicy.py gives a schema (every other type: any object).
CREATION_POLICY_TYPES = ["AWS::AppStream::Fleet", "AWS::AutoScaling::AutoScalingGroup",
                         "AWS::CloudFormation::WaitCondition"]


def used_definitions(schema, definitions, out):
    """The definitions `schema` reaches through $ref, transitively."""
    if isinstance(schema, dict):
        ref = schema.get("$ref")
        if isinstance(ref, str) and ref.startswith("#/definitions/"):
            name = ref[len("#/definitions/"):]
            if name not in out:
                out[name] = definitions[name]
                used_definitions(definitions[name], definitions, out)
        for v in schema.values():
            used_definitions(v, definitions, out)
    elif isinstance(schema, list):
        for v in schema:
            used_definitions(v, definitions, out)
    return out


def entry(attribute, rtype, schema, definitions):
    doc = {"typeName": f"{rtype} {attribute}", "attribute": attribute, "resourceType": rtype,
           "cfnLintVersion": cfnlint.__version__ if hasattr(cfnlint, "__version__") else ""}
    doc.update(schema)
    defs = used_definitions(schema, definitions, {})
    if defs:
        doc["definitions"] = dict(sorted(defs.items()))
    return doc


def main():
    out_path = sys.argv[1] if len(sys.argv) > 1 else os.path.join(ROOT, "schemas", "cfn",
                                                                  "attributes.jsonl")
    from cfnlint.version import __version__
    cfnlint.__version__ = __version__
    update = json.load(open(os.path.join(DATA, "update_policy.json")))
    definitions = update.get("definitions", {})
    docs = []
    for branch in update["allOf"]:
        then = branch.get("then")
        if not then:
            continue
        type_schema = branch["if"]["properties"]["Type"]
        types = [type_schema["const"]] if "const" in type_schema else type_schema["enum"]
        schema = then["properties"]["UpdatePolicy"]
        for t in types:
            docs.append(entry("UpdatePolicy", t, schema, definitions))
    rule = CreationPolicy()
    for t in CREATION_POLICY_TYPES:
        docs.append(entry("CreationPolicy", t, rule._get_schema(t), {}))
    docs.sort(key=lambda d: (d["attribute"], d["resourceType"]))
    with open(out_path, "w") as f:
        for d in docs:
            f.write(json.dumps(d, sort_keys=False, separators=(",", ":")) + "\n")
    print(f"wrote {len(docs)} attribute schemas to {out_path}")


if __name__ == "__main__":
    main()
