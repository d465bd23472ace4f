#!/usr/bin/env python3
"""Differential test of `cfnx transform` against the reference SAM translator.

Takes a SAM template, mutates one value at a time (random path under PREFIX, replaced by null,
a number, a string, a list, a dict, an intrinsic, ...), runs the installed reference
(aws-sam-translator, python3's site-packages) in process and cfnx as a subprocess with the
settings of ../shared/conformance/sam/README.md, and prints every mutation where they disagree:
a different template (compared as sam-conformance does: unordered objects and arrays) or a
different error message. Mutations the reference itself crashes on are skipped.

Usage: scripts/sam_differential.py TEMPLATE [--prefix '["Resources","Api"]'] [-n 200]
                                   [--seed 1] [--cfnx build/cfnx] [--corpus DIR]
Templates without a Transform section are read as SAM by both only while they keep an
AWS::Serverless resource; mutations that remove the last one show up as differences.
"""
import argparse
import copy
import json
import os
import random
import subprocess
import sys
import tempfile
from unittest.mock import Mock

from samtranslator.model.exceptions import InvalidDocumentException
from samtranslator.translator.arn_generator import ArnGenerator
from samtranslator.translator.transform import transform
from samtranslator.yaml_helper import yaml_parse

HERE = os.path.dirname(os.path.abspath(__file__))
PARAMS = {"param1": "value1", "param2": "value2"}
VALUES = [None, 5, "x", [], {}, {"Ref": "X"}, True, "", ["a"], {"Z": 1}]


def reference(template, managed_policies):
    ArnGenerator.BOTO_SESSION_REGION_NAME = "ap-southeast-1"
    loader = Mock()
    loader.load.return_value = managed_policies
    try:
        return "ok", transform(copy.deepcopy(template), dict(PARAMS), loader)
    except InvalidDocumentException as e:
        key = lambda c: getattr(c, "_logical_id", None) or getattr(c, "_event_id", None) or c.message
        messages = []
        for cause in sorted(e.causes, key=key):
            if cause.message not in messages:
                messages.append(cause.message)
        return "error", " ".join(messages)
    except Exception as e:  # the reference's own crashes: nothing to compare
        return "crash", repr(e)


def cfnx(binary, template, corpus, scratch):
    path = os.path.join(scratch, "template.json")
    with open(path, "w") as f:
        json.dump(template, f)
    args = [binary, "transform", path, "--region", "ap-southeast-1", "--partition", "aws",
            "--parameters", *[f"{k}={v}" for k, v in PARAMS.items()],
            "--managed-policies", os.path.join(corpus, "managed_policies.json"),
            "--sar-mock", os.path.join(corpus, "sar_mock.json"), "--diagnostics-format", "json"]
    run = subprocess.run(args, capture_output=True, text=True)
    if run.returncode < 0 or run.returncode == 1 or run.returncode > 15:
        return "crash", f"exit {run.returncode}: {run.stderr[-300:]}"
    if run.returncode & 2:
        messages = []
        for d in json.loads(run.stderr):
            if d.get("Level") == "Error" and d["Message"] not in messages:
                messages.append(d["Message"])
        return "error", " ".join(messages)
    return "ok", json.loads(run.stdout)


def canon(v):
    if isinstance(v, dict):
        return {k: canon(x) for k, x in v.items()}
    if isinstance(v, list):
        return sorted((canon(x) for x in v), key=lambda x: json.dumps(x, sort_keys=True))
    if isinstance(v, bool) or v is None or isinstance(v, str):
        return v
    if isinstance(v, (int, float)):
        return float(v)
    return v


def paths(v, prefix=()):
    yield prefix
    items = v.items() if isinstance(v, dict) else enumerate(v) if isinstance(v, list) else []
    for k, x in items:
        yield from paths(x, prefix + (k,))


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("template")
    ap.add_argument("--prefix", default="[]", help="JSON list: mutate only below this path")
    ap.add_argument("-n", type=int, default=200)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--cfnx", default="build/cfnx")
    ap.add_argument("--corpus", default=os.path.normpath(os.path.join(HERE, "..", "..", "shared", "conformance", "sam")))
    args = ap.parse_args()
    with open(os.path.join(args.corpus, "managed_policies.json")) as f:
        managed_policies = json.load(f)
    with open(args.template) as f:
        base = json.loads(json.dumps(yaml_parse(f.read())))
    prefix = tuple(json.loads(args.prefix))
    candidates = [p for p in paths(base) if len(p) > len(prefix) and p[: len(prefix)] == prefix]
    if not candidates:
        sys.exit("sam_differential: nothing to mutate under the prefix")
    rng = random.Random(args.seed)
    diffs = 0
    with tempfile.TemporaryDirectory() as scratch:
        for _ in range(args.n):
            path, value = rng.choice(candidates), rng.choice(VALUES)
            template = copy.deepcopy(base)
            node = template
            for k in path[:-1]:
                node = node[k]
            node[path[-1]] = value
            want = reference(template, managed_policies)
            if want[0] == "crash":
                continue
            got = cfnx(args.cfnx, template, args.corpus, scratch)
            same = want[0] == got[0] and (canon(want[1]) == canon(got[1]) if want[0] == "ok" else want[1] == got[1])
            if not same:
                diffs += 1
                show = lambda r: r[0] if r[0] == "ok" else f"{r[0]}: {str(r[1])[:300]}"
                print(f"DIFF at {list(path)} = {value!r}\n  reference: {show(want)}\n  cfnx:      {show(got)}")
    print(f"sam_differential: {args.n} mutations, {diffs} differences")
    return 1 if diffs else 0


if __name__ == "__main__":
    sys.exit(main())
