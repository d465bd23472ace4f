#!/usr/bin/env python3
# Copyright 2026 The cfnx Authors.
# SPDX-License-Identifier: Apache-2.0
"""A fault-injecting HTTP proxy on 127.0.0.1 in front of an AWS emulator (moto), for tests.

    fault_proxy.py --port P --upstream http://127.0.0.1:M --every 3 \
        --faults throttle,error500,drop,stall,slow --log faults.log [--list-imports]

Requests are numbered from 0 in the order they arrive. Request n is faulted when
n % EVERY == EVERY - 1, that is on a fixed share (1/EVERY) of calls; the faulted calls take the
kinds of --faults in turn. So the schedule is the same on every run, and a retry (the next
request) is never faulted again when EVERY > 1. The kinds:

  throttle  answer as the service does when it throttles, without forwarding: awsQuery
            400 <Code>Throttling</Code>; S3 503 <Code>SlowDown</Code>
  error500  answer 500 InternalFailure without forwarding
  drop      start an answer (status line, headers, part of the body) and close the connection
            in the middle of it, without forwarding (a hang-up before any byte would be retried
            by libcurl itself on a reused connection, invisible to the retry count)
  stall     hold the connection open for --stall-seconds, then close it without forwarding
            (longer than the client's read timeout: the client gives up and retries)
  slow      wait --slow-seconds, then forward and answer normally

Every fault is one line in --log: "N KIND METHOD PATH ACTION". Other requests are forwarded
unchanged (headers, so SigV4 signatures stay valid, and body) and answered with the
upstream's status, headers and body.

--list-imports answers CloudFormation's ListImports, which moto 5 does not implement (it
answers 500): the stacks whose template holds {"Fn::ImportValue": NAME} for a literal NAME, read
from the upstream's DescribeStacks and GetTemplate. Everything stays on the loopback interface.
"""

import argparse
import http.client
import http.server
import json
import socket
import threading
import time
import urllib.parse
from xml.sax.saxutils import escape
import xml.etree.ElementTree as ET

HOP_HEADERS = {"connection", "keep-alive", "transfer-encoding", "proxy-connection", "te",
               "trailer", "upgrade", "content-length"}


class State:
    def __init__(self, args):
        self.args = args
        self.kinds = [k for k in args.faults.split(",") if k]
        self.lock = threading.Lock()
        self.count = 0
        self.faulted = 0

    def next_fault(self):
        """The fault kind for the next request, or None; and its number."""
        with self.lock:
            n = self.count
            self.count += 1
            every = self.args.every
            if every > 0 and self.kinds and n % every == every - 1:
                kind = self.kinds[self.faulted % len(self.kinds)]
                self.faulted += 1
                return n, kind
            return n, None


def action_of(body):
    try:
        return urllib.parse.parse_qs(body.decode("utf-8")).get("Action", [""])[0]
    except UnicodeDecodeError:
        return ""


def upstream_call(upstream, action, params):
    """An unsigned awsQuery call to the emulator (moto does not check signatures by default)."""
    form = urllib.parse.urlencode([("Action", action), ("Version", "2010-05-15")] + params)
    url = urllib.parse.urlsplit(upstream)
    conn = http.client.HTTPConnection(url.hostname, url.port, timeout=30)
    conn.request("POST", "/", body=form, headers={
        "Content-Type": "application/x-www-form-urlencoded; charset=utf-8",
        "Authorization": "AWS4-HMAC-SHA256 Credential=AKIDPROXY/20260101/us-east-1/"
                         "cloudformation/aws4_request, SignedHeaders=host, Signature=0"})
    r = conn.getresponse()
    data = r.read()
    conn.close()
    return ET.fromstring(data)


def local(tag):
    return tag.rsplit("}", 1)[-1]


def find_all(root, name):
    return [e for e in root.iter() if local(e.tag) == name]


def imported_names(node, out):
    if isinstance(node, dict):
        if len(node) == 1 and "Fn::ImportValue" in node and isinstance(node["Fn::ImportValue"], str):
            out.add(node["Fn::ImportValue"])
        for v in node.values():
            imported_names(v, out)
    elif isinstance(node, list):
        for v in node:
            imported_names(v, out)


def list_imports(upstream, export_name):
    stacks = upstream_call(upstream, "DescribeStacks", [])
    importers = []
    for s in find_all(stacks, "StackName"):
        name = s.text or ""
        body = find_all(upstream_call(upstream, "GetTemplate", [("StackName", name)]),
                        "TemplateBody")
        try:
            template = json.loads(body[0].text if body and body[0].text else "{}")
        except ValueError:
            continue
        names = set()
        imported_names(template, names)
        if export_name in names:
            importers.append(name)
    if not importers:
        return 400, ("<ErrorResponse><Error><Type>Sender</Type><Code>ValidationError</Code>"
                     "<Message>Export '%s' is not imported by any stack.</Message></Error>"
                     "<RequestId>proxy</RequestId></ErrorResponse>" % escape(export_name))
    members = "".join("<member>%s</member>" % escape(n) for n in sorted(importers))
    return 200, ("<ListImportsResponse><ListImportsResult><Imports>%s</Imports>"
                 "</ListImportsResult><ResponseMetadata><RequestId>proxy</RequestId>"
                 "</ResponseMetadata></ListImportsResponse>" % members)


class Handler(http.server.BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    state = None

    def log_message(self, fmt, *args):  # quiet: the fault log is the record
        pass

    def answer(self, status, body, content_type="text/xml"):
        data = body.encode("utf-8")
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(data)

    def hang_up(self):
        self.close_connection = True
        try:
            self.connection.shutdown(socket.SHUT_RDWR)
        except OSError:
            pass

    def handle_any(self):
        length = int(self.headers.get("Content-Length") or 0)
        body = self.rfile.read(length) if length else b""
        if self.path.startswith("/moto-api/"):  # the tests' readiness probe: not numbered
            return self.forward(body)
        query = self.headers.get("Content-Type", "").startswith("application/x-www-form-urlencoded")
        action = action_of(body) if query else ""
        args = self.state.args
        n, kind = self.state.next_fault()
        if kind is not None:
            with open(args.log, "a") as log:
                log.write("%d %s %s %s %s\n" % (n, kind, self.command, self.path.split("?")[0],
                                                action or "-"))
        if kind == "throttle":
            if query:
                return self.answer(400, "<ErrorResponse><Error><Type>Sender</Type>"
                                        "<Code>Throttling</Code><Message>Rate exceeded</Message>"
                                        "</Error><RequestId>proxy-%d</RequestId></ErrorResponse>" % n)
            return self.answer(503, "<Error><Code>SlowDown</Code><Message>Please reduce your "
                                    "request rate.</Message><RequestId>proxy-%d</RequestId></Error>"
                                    % n, "application/xml")
        if kind == "error500":
            return self.answer(500, "<ErrorResponse><Error><Type>Receiver</Type>"
                                    "<Code>InternalFailure</Code><Message>injected</Message>"
                                    "</Error><RequestId>proxy-%d</RequestId></ErrorResponse>" % n)
        if kind == "drop":
            self.wfile.write(b"HTTP/1.1 200 OK\r\nContent-Type: text/xml\r\n"
                             b"Content-Length: 4096\r\n\r\n<Partial")
            self.wfile.flush()
            return self.hang_up()
        if kind == "stall":
            time.sleep(args.stall_seconds)
            return self.hang_up()
        if kind == "slow":
            time.sleep(args.slow_seconds)
        if action == "ListImports" and args.list_imports:
            export = urllib.parse.parse_qs(body.decode("utf-8")).get("ExportName", [""])[0]
            status, text = list_imports(args.upstream, export)
            return self.answer(status, text)
        self.forward(body)

    def forward(self, body):
        url = urllib.parse.urlsplit(self.state.args.upstream)
        conn = http.client.HTTPConnection(url.hostname, url.port, timeout=60)
        headers = {k: v for k, v in self.headers.items() if k.lower() not in HOP_HEADERS}
        if body or self.command in ("POST", "PUT"):
            headers["Content-Length"] = str(len(body))
        conn.request(self.command, self.path, body=body if body else None, headers=headers)
        r = conn.getresponse()
        data = r.read()
        conn.close()
        self.send_response(r.status)
        for k, v in r.getheaders():
            if k.lower() not in HOP_HEADERS:
                self.send_header(k, v)
        if self.command == "HEAD":
            self.send_header("Content-Length", r.getheader("Content-Length") or "0")
        else:
            self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(data)

    do_GET = do_POST = do_PUT = do_HEAD = do_DELETE = handle_any


def main():
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--port", type=int, required=True)
    p.add_argument("--upstream", required=True)
    p.add_argument("--every", type=int, default=0, help="fault one request in EVERY (0: none)")
    p.add_argument("--faults", default="throttle,error500,drop,stall,slow")
    p.add_argument("--stall-seconds", type=float, default=4.0)
    p.add_argument("--slow-seconds", type=float, default=1.0)
    p.add_argument("--log", default="/dev/null")
    p.add_argument("--list-imports", action="store_true")
    args = p.parse_args()
    Handler.state = State(args)
    server = http.server.ThreadingHTTPServer(("127.0.0.1", args.port), Handler)
    server.daemon_threads = True
    server.serve_forever()


if __name__ == "__main__":
    main()
