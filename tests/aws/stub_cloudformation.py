#!/usr/bin/env python3
# Copyright 2026 The cfnx Authors.
# SPDX-License-Identifier: Apache-2.0
"""A CloudFormation stand-in on 127.0.0.1 that answers from recorded responses, for tests.

    stub_cloudformation.py --port P --scenario tests/golden/aws/stub/NAME.json --log calls.log

AWS emulators leave out what the tests of cfnx's comparison and rollback paths need (moto's
change sets carry no Replacement or Details, and it has no rollback state machine), so these
tests play recorded, AWS-shaped awsQuery answers instead. A scenario is a JSON object:

    {"DescribeStacks": ["<DescribeStacksResult>...</DescribeStacksResult>", ...],
     "DeleteChangeSet": [""],
     "ExecuteChangeSet": [{"status": 400, "body": "<ErrorResponse>...</ErrorResponse>"}]}

Each action's answers are given in order; the last one repeats. A string answer is the body of
<ActionResult> (HTTP 200, wrapped in <ActionResponse> with a request id); an object gives the
status and the whole body. An action without answers gets 400 with an error naming it, so a
test sees any call it did not expect. Every call is one line in --log: the action and its
form parameters other than Version (sorted, TemplateBody shortened to its length), so a test
can check what cfnx asked for. The process never talks to anything else.
"""

import argparse
import http.server
import json
import threading
import urllib.parse


class Handler(http.server.BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    scenario = {}
    log_path = "/dev/null"
    lock = threading.Lock()

    def log_message(self, fmt, *args):
        pass

    def answer(self, status, body):
        data = body.encode("utf-8")
        self.send_response(status)
        self.send_header("Content-Type", "text/xml")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def do_GET(self):  # the tests' readiness probe
        self.answer(200, "<ok/>")

    def do_POST(self):
        length = int(self.headers.get("Content-Length") or 0)
        form = urllib.parse.parse_qsl(self.rfile.read(length).decode("utf-8"),
                                      keep_blank_values=True)
        params = dict(form)
        action = params.get("Action", "")
        shown = []
        for key, value in sorted(form):
            if key in ("Action", "Version"):
                continue
            if key == "TemplateBody":
                value = "<%d bytes>" % len(value)
            shown.append("%s=%s" % (key, value))
        with self.lock:
            with open(self.log_path, "a") as log:
                log.write(" ".join([action] + shown) + "\n")
            answers = self.scenario.get(action)
            if not answers:
                return self.answer(400, "<ErrorResponse><Error><Type>Sender</Type>"
                                        "<Code>StubNotScripted</Code><Message>the scenario has no "
                                        "answer for %s</Message></Error><RequestId>stub"
                                        "</RequestId></ErrorResponse>" % action)
            reply = answers[0] if len(answers) == 1 else answers.pop(0)
        if isinstance(reply, dict):
            return self.answer(int(reply.get("status", 200)), reply.get("body", ""))
        self.answer(200, "<%sResponse xmlns=\"http://cloudformation.amazonaws.com/doc/2010-05-15/\">"
                         "<%sResult>%s</%sResult><ResponseMetadata><RequestId>stub</RequestId>"
                         "</ResponseMetadata></%sResponse>"
                    % (action, action, reply, action, action))


def main():
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--port", type=int, required=True)
    p.add_argument("--scenario", required=True)
    p.add_argument("--log", default="/dev/null")
    args = p.parse_args()
    with open(args.scenario) as f:
        Handler.scenario = json.load(f)
    Handler.log_path = args.log
    server = http.server.ThreadingHTTPServer(("127.0.0.1", args.port), Handler)
    server.daemon_threads = True
    server.serve_forever()


if __name__ == "__main__":
    main()
