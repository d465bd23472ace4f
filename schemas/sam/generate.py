#!/usr/bin/env python3
# Copyright 2026 The cfnx Authors.
# SPDX-License-Identifier: Apache-2.0
"""Regenerates schemas/sam/ from an installed aws-sam-translator (see README.md).

  python3 schemas/sam/generate.py            # writes policy_templates.tsv, managed_policies.tsv,
                                               # connector_profiles.tsv
"""
import json
import os

import samtranslator

HERE = os.path.dirname(os.path.abspath(__file__))
SRC = os.path.dirname(samtranslator.__file__)

with open(os.path.join(SRC, "policy_templates_data", "policy_templates.json"), encoding="utf-8") as f:
    templates = json.load(f)["Templates"]
with open(os.path.join(HERE, "policy_templates.tsv"), "w", encoding="utf-8") as out:
    for name in sorted(templates):
        t = templates[name]
        body = {"Parameters": t.get("Parameters", {}), "Definition": t.get("Definition", {})}
        out.write(name + "\t" + json.dumps(body, separators=(",", ":"), ensure_ascii=False) + "\n")

with open(os.path.join(SRC, "internal", "data", "aws_managed_policies.json"), encoding="utf-8") as f:
    policies = json.load(f)
with open(os.path.join(HERE, "managed_policies.tsv"), "w", encoding="utf-8") as out:
    for partition in sorted(policies):
        for name in sorted(policies[partition]):
            out.write(partition + "\t" + name + "\t" + policies[partition][name] + "\n")
with open(os.path.join(SRC, "model", "connector_profiles", "profiles.json"), encoding="utf-8") as f:
    profiles = json.load(f)
with open(os.path.join(HERE, "connector_profiles.tsv"), "w", encoding="utf-8") as out:
    out.write("version\t" + json.dumps(profiles["Version"]) + "\n")
    for source in profiles["Permissions"]:
        for dest, profile in profiles["Permissions"][source].items():
            body = json.dumps(profile, separators=(",", ":"), ensure_ascii=False)
            out.write("permission\t" + source + "\t" + dest + "\t" + body + "\n")
    for rtype, props in profiles["CfnResourceProperties"].items():
        body = json.dumps(props, separators=(",", ":"), ensure_ascii=False)
        out.write("resource\t" + rtype + "\t" + body + "\n")
print("samtranslator", samtranslator.__version__)
