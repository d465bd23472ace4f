#!/usr/bin/env python3
# Copyright 2026 The cfnx Authors.
# SPDX-License-Identifier: Apache-2.0
"""Writes a stack state JSON (engine/include/cfnx/stack_state.h) for a golden plan case, as if
PREV had been deployed: the processed template (via `cfnx transform`), the parameter values,
and one resource per (unconditional) template resource with a deterministic physical id,
the literal parts of its properties, and an Arn attribute. An optional overlay JSON is merged
into the top level (StackStatus, Outputs, Exports, ...).

  scripts/make_plan_state.py build/cfnx tests/golden/plan/x.prev.yaml tests/golden/plan/x.state.json \
      [--param K=V ...] [--overlay tests/golden/plan/x.overlay.json]
"""
import argparse
import json
import subprocess


def literal(v):
    """The value with intrinsic-function subtrees dropped (they are known only once deployed)."""
    if isinstance(v, dict):
        if len(v) == 1 and (next(iter(v)) == "Ref" or next(iter(v)).startswith("Fn::")):
            return None
        out = {}
        for k, x in v.items():
            y = literal(x)
            if y is not None:
                out[k] = y
        return out
    if isinstance(v, list):
        return [y for y in (literal(x) for x in v) if y is not None]
    return v


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("cfnx")
    ap.add_argument("prev")
    ap.add_argument("out")
    ap.add_argument("--param", action="append", default=[])
    ap.add_argument("--overlay")
    ap.add_argument("--stack", default="app")
    a = ap.parse_args()
    body = json.loads(subprocess.check_output([a.cfnx, "transform", a.prev]))
    params = dict(p.split("=", 1) for p in a.param)
    for name, p in body.get("Parameters", {}).items():
        if name not in params and "Default" in p:
            d = p["Default"]
            params[name] = d if isinstance(d, str) else json.dumps(d)
    stack_id = f"arn:aws:cloudformation:us-east-1:123456789012:stack/{a.stack}/0001"
    resources = []
    for i, (lid, r) in enumerate(body.get("Resources", {}).items()):
        if "Condition" in r:
            continue  # write conditional ones through the overlay
        physical = f"{a.stack}-{lid}-{i + 1:04d}"
        props = literal(r.get("Properties", {})) or {}
        resources.append({
            "LogicalResourceId": lid, "ResourceType": r["Type"], "PhysicalResourceId": physical,
            "ResourceStatus": "CREATE_COMPLETE", "ResourceStatusReason": "",
            "Properties": props, "Attributes": {"Arn": f"arn:aws:test:::{physical}"}})
    state = {
        "StackName": a.stack, "StackId": stack_id, "StackStatus": "CREATE_COMPLETE",
        "StackStatusReason": "", "DisableRollback": False, "Capabilities": [],
        "TemplateBody": body,
        "Parameters": [{"ParameterKey": k, "ParameterValue": v} for k, v in params.items()],
        "Resources": resources, "Outputs": [], "Exports": []}
    if a.overlay:
        overlay = json.load(open(a.overlay))
        extra = overlay.pop("ExtraResources", [])
        state.update(overlay)
        state["Resources"] += extra
    with open(a.out, "w") as f:
        json.dump(state, f, indent=2)
        f.write("\n")


if __name__ == "__main__":
    main()
