#!/usr/bin/env python3
# Copyright 2026 The cfnx Authors.
# SPDX-License-Identifier: Apache-2.0
"""Writes each fuzz harness's seed corpus: tests/golden/ inputs chosen per harness (capped in
size and count) plus tests/fuzz/seeds/<harness>/. Usage: make_corpus.py OUT_DIR [HARNESS...]
(default: every harness). OUT_DIR/<harness>/ is replaced; file names are content hashes, so
reruns are stable."""

import hashlib
import pathlib
import shutil
import sys

MAX_BYTES = 64 * 1024  # libFuzzer's -max_len in scripts/fuzz
MAX_FILES = 400
SEPARATOR = b"\n#%%\n"  # fuzz::kPartSeparator


def templates(golden, dirs, suffixes=(".yaml", ".yml", ".json", ".template")):
    """Template inputs under golden/<dirs>: not expectations, options or other companions."""
    for d in dirs:
        for path in sorted((golden / d).rglob("*")):
            name = path.name
            if not path.is_file() or not name.endswith(suffixes):
                continue
            if any(part in name for part in (".expected.", ".options.", ".state.", ".args")):
                continue
            yield path.read_bytes()


def plan_pairs(golden):
    """Planner inputs: <case>.yaml, the separator, <case>.state.json (when there is one)."""
    for path in sorted((golden / "plan").glob("*.yaml")):
        if path.name.endswith(".prev.yaml"):
            continue
        state = path.with_name(path.name[: -len(".yaml")] + ".state.json")
        data = path.read_bytes()
        if state.exists():
            data += SEPARATOR + state.read_bytes()
        yield data


def saved_plans(golden):
    for path in sorted((golden / "plan").glob("*.expected.json")):
        yield path.read_bytes()


def main():
    out = pathlib.Path(sys.argv[1])
    only = set(sys.argv[2:])
    source = pathlib.Path(__file__).resolve().parents[2]
    golden = source / "tests" / "golden"
    every_yaml = list(templates(golden, ["."], (".yaml", ".yml")))
    every_json = list(templates(golden, ["."], (".json",)))
    harnesses = {
        "yaml_reader": every_yaml,
        "yaml_differential": every_yaml,
        "json_reader": every_json,
        "validate": list(templates(golden, ["validate", "parse", "resources", "nested_stacks"])),
        "render": list(templates(golden, ["render", "functions"])),
        "sam": list(templates(golden, ["transforms/sam"])),
        "language_extensions": list(
            templates(golden, ["transforms/language_extensions", "transforms/aws_include"])),
        "planner": list(plan_pairs(golden)),
        "saved_plan": list(saved_plans(golden)),
        "state_db": [],
        "parameters": [],
    }
    for harness, inputs in harnesses.items():
        if only and harness not in only:
            continue
        target = out / harness
        shutil.rmtree(target, ignore_errors=True)
        target.mkdir(parents=True)
        seeds = source / "tests" / "fuzz" / "seeds" / harness
        if seeds.is_dir():
            inputs = inputs + [p.read_bytes() for p in sorted(seeds.rglob("*")) if p.is_file()]
        kept = 0
        for data in inputs:
            if len(data) > MAX_BYTES or kept >= MAX_FILES:
                continue
            name = hashlib.sha1(data).hexdigest()
            if not (target / name).exists():
                (target / name).write_bytes(data)
                kept += 1
        print(f"{harness}: {kept} seeds", file=sys.stderr)


if __name__ == "__main__":
    main()
