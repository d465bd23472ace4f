# Copyright 2026 The cfnx Authors.
# SPDX-License-Identifier: Apache-2.0
#
# A local stand-in for template macros' Lambda functions (cfnx --macro NAME=COMMAND): reads the
# macro event on stdin, answers on stdout. What it does depends on the event's transformId.
import json
import sys

event = json.load(sys.stdin)
name = event["transformId"]
fragment = event["fragment"]
params = event["params"]


def answer(fragment, status="success", **extra):
    print(json.dumps(dict(requestId=event["requestId"], status=status, fragment=fragment, **extra)))


if name == "AddTags":
    # Transform-section macro: tags every SAM function with what the event carried, and adds a
    # topic. Runs before AWS::Serverless-2016-10-31 when listed first.
    for res in fragment.get("Resources", {}).values():
        if res.get("Type") == "AWS::Serverless::Function":
            tags = res.setdefault("Properties", {}).setdefault("Tags", {})
            tags["MacroRegion"] = event["region"]
            tags["MacroAccount"] = event["accountId"]
            tags["MacroEnv"] = event["templateParameterValues"].get("Env", "")
            tags["MacroSawTransform"] = str("Transform" in fragment)
    fragment["Resources"]["MacroTopic"] = {"Type": "AWS::SNS::Topic"}
    answer(fragment)
elif name == "Upper":
    answer(params["InputString"].upper())
elif name == "AddQueues":
    # Fn::Transform beside other keys: the fragment is those keys; the answer replaces them.
    for i in range(int(params["Count"])):
        fragment["Queue%d" % (i + 1)] = {"Type": "AWS::SQS::Queue"}
    answer(fragment)
elif name == "Fails":
    answer(fragment, status="failure", errorMessage="Fails: parameter Size must be at most 10")
elif name == "BadJson":
    print("this is not { json")
elif name == "Exits":
    sys.stderr.write("macro crashed: KeyError 'Size'\n")
    sys.exit(3)
elif name == "WrongId":
    print(json.dumps({"requestId": "not-the-one", "status": "success", "fragment": fragment}))
else:
    answer(fragment, status="failure", errorMessage="unknown transformId " + name)
