#!/usr/bin/env python3
# Copyright 2026 The cfnx Authors.
# SPDX-License-Identifier: Apache-2.0
#
# Runs `cfnx render` on every corpus template whose parameters all have a Default (so render
# needs no --parameters) and checks that it does not crash and prints JSON on stdout.
# cfn-lint's decoder (a test-time oracle only) reads the templates to pick them.
#
#   python3 scripts/render_corpus.py [--cfnx build/cfnx] [--corpus ../shared/corpus] [-v]
#
# Exit status 0 when every selected template rendered; prints "render-corpus: N rendered,
# M failed (K skipped: parameters without Default or not a template)".
import argparse
import json
import os
import subprocess
import sys

from cfnlint.decode import decode


def templates(root):
    for dirpath, _, files in os.walk(root):
        for f in sorted(files):
            if f.endswith((".yaml", ".yml", ".json", ".template")) and "cfn-lint" not in f:
                yield os.path.join(dirpath, f)


def all_defaults(path):
    tpl, matches = decode(path)
    if not isinstance(tpl, dict) or "Resources" not in tpl:
        return False
    params = tpl.get("Parameters") or {}
    if not isinstance(params, dict):
        return False
    return all(isinstance(p, dict) and "Default" in p for p in params.values())


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    ap = argparse.ArgumentParser()
    ap.add_argument("--cfnx", default=os.path.join(here, "..", "build", "cfnx"))
    ap.add_argument("--corpus", default=os.path.join(here, "..", "..", "shared", "corpus"))
    ap.add_argument("-v", action="store_true")
    args = ap.parse_args()
    ok = failed = skipped = unprocessable = 0
    for path in sorted(templates(args.corpus)):
        try:
            if not all_defaults(path):
                skipped += 1
                continue
        except Exception:  # not a template cfn-lint can read
            skipped += 1
            continue
        proc = subprocess.run([args.cfnx, "render", path], capture_output=True, timeout=60)
        problem = None
        stderr = proc.stderr.decode()
        if proc.returncode == 2 and not proc.stdout and (" E0000:" in stderr or " E0001:" in stderr):
            # Not processable (parse error, or a transform the reference also rejects): cfnx
            # says why and prints nothing, which is the contract.
            unprocessable += 1
            if args.v:
                print("n/a  %s: %s" % (path, stderr.splitlines()[0] if stderr else ""))
            continue
        if proc.returncode < 0 or proc.returncode == 1 or proc.returncode > 14:
            problem = "exit %d: %s" % (proc.returncode, proc.stderr.decode()[-300:])
        else:
            try:
                if not isinstance(json.loads(proc.stdout), dict):
                    problem = "output is not a JSON object"
            except ValueError:
                problem = "no JSON on stdout (exit %d): %s" % (
                    proc.returncode, proc.stderr.decode()[-300:])
        if problem:
            failed += 1
            print("FAIL %s: %s" % (path, problem))
        else:
            ok += 1
            if args.v:
                print("ok   %s (exit %d)" % (path, proc.returncode))
    print("render-corpus: %d rendered, %d failed, %d not processable (E0000/E0001 reported), "
          "%d skipped (parameters without Default, or not a template)"
          % (ok, failed, unprocessable, skipped))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
