#!/usr/bin/env python3
# Copyright 2026 The cfnx Authors.
# SPDX-License-Identifier: Apache-2.0
#
# Writes sigv4_vectors.json: requests signed by botocore's SigV4Auth / S3SigV4Auth at a fixed
# clock, which engine/backend/aws/sigv4_test.cc checks cfnx's signer against byte for byte.
#   python3 tests/golden/aws/sigv4_vectors.py > tests/golden/aws/sigv4_vectors.json
# The test also runs this script (when python3 and botocore are installed) and compares.
import datetime
import json
import sys

import botocore.auth
from botocore.awsrequest import AWSRequest
from botocore.credentials import Credentials

CASES = [
    {"name": "cloudformation_describe_stacks", "service": "cloudformation",
     "region": "us-east-1", "method": "POST",
     "url": "https://cloudformation.us-east-1.amazonaws.com/",
     "headers": [["Content-Type", "application/x-www-form-urlencoded; charset=utf-8"]],
     "body": "Action=DescribeStacks&Version=2010-05-15&StackName=my-stack"},
    {"name": "session_token", "service": "cloudformation", "region": "eu-west-3",
     "method": "POST", "url": "https://cloudformation.eu-west-3.amazonaws.com",
     "headers": [["Content-Type", "application/x-www-form-urlencoded; charset=utf-8"],
                 ["User-Agent", "cfnx/0.1.0"]],
     "body": "Action=GetTemplate&Version=2010-05-15&StackName=a%2Fb+c&TemplateStage=Original",
     "token": "FQoGZXIvYXdzEBYaDNtoken+/="},
    {"name": "loopback_port", "service": "cloudformation", "region": "us-west-2",
     "method": "POST", "url": "http://127.0.0.1:5000/",
     "headers": [["Content-Type", "application/x-www-form-urlencoded; charset=utf-8"]],
     "body": "Action=ListExports&Version=2010-05-15"},
    {"name": "query_and_path", "service": "sts", "region": "us-east-1", "method": "GET",
     "url": "https://sts.amazonaws.com/a/./b/../c//d/?b=2&a=3&a=1&c&x%20y=%2F",
     "headers": [["X-Custom", "  several   spaces\there  "], ["x-custom", "second"],
                 ["Expect", "100-continue"]],
     "body": ""},
    {"name": "default_port_dropped", "service": "sts", "region": "us-east-1", "method": "POST",
     "url": "https://STS.us-east-1.amazonaws.com:443/",
     "headers": [["Content-Type", "application/x-www-form-urlencoded; charset=utf-8"]],
     "body": "Action=AssumeRole&Version=2011-06-15&RoleArn=arn%3Aaws%3Aiam%3A%3A123456789012%3Arole%2Fdeploy&RoleSessionName=cfnx-1"},
    {"name": "s3_put_object", "service": "s3", "region": "us-east-1", "method": "PUT",
     "url": "http://127.0.0.1:5000/my-bucket/cfnx/a%20b/template%2B1.json",
     "headers": [["Content-Type", "application/json"]],
     "body": "{\"Resources\": {}}"},
    {"name": "s3_https_token", "service": "s3", "region": "eu-central-1", "method": "PUT",
     "url": "https://my-bucket.s3.eu-central-1.amazonaws.com/prefix/./x//y.zip",
     "headers": [], "body": "PK\u0003\u0004 zip bytes", "token": "tok"},
    {"name": "s3_head_empty", "service": "s3", "region": "us-east-1", "method": "HEAD",
     "url": "https://s3.us-east-1.amazonaws.com/bucket/key", "headers": [], "body": ""},
]

FIXED = datetime.datetime(2026, 3, 4, 5, 6, 7)


def sign(case):
    botocore.auth.get_current_datetime = lambda *a, **k: FIXED
    creds = Credentials("AKIDEXAMPLE12345678", "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY",
                        case.get("token"))
    cls = botocore.auth.S3SigV4Auth if case["service"] == "s3" else botocore.auth.SigV4Auth
    auth = cls(creds, case["service"], case["region"])
    req = AWSRequest(method=case["method"], url=case["url"], data=case["body"].encode())
    for name, value in case["headers"]:
        req.headers[name] = value  # HTTPHeaders appends: repeated names are kept
    seen = {}
    canonical_request, string_to_sign = auth.canonical_request, auth.string_to_sign
    auth.canonical_request = lambda r: seen.setdefault("cr", canonical_request(r))
    auth.string_to_sign = lambda r, c: seen.setdefault("sts", string_to_sign(r, c))
    auth.add_auth(req)
    canonical, sts = seen["cr"], seen["sts"]
    out = dict(case)
    out["amz_date"] = FIXED.strftime("%Y%m%dT%H%M%SZ")
    out["canonical_request"] = canonical
    out["string_to_sign"] = sts
    out["signed_headers"] = [[k, v] for k, v in req.headers.items()]
    return out


json.dump([sign(c) for c in CASES], sys.stdout, indent=1)
sys.stdout.write("\n")
