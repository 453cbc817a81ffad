#!/usr/bin/env python3
"""Sends each service the requests its HTTP layer must refuse, over a raw socket (as written, no client
library fixing them up), and checks that every refusal is RFC 9457 application/problem+json.

    http_problems.py TOKEN name=port [name=port ...]      exit 1 if any answer is not a problem
"""
import json
import socket
import sys

# per service: an operation that reads a JSON body (415, 413) and one that answers JSON to a GET (406)
BODY_OP = {
    "outreach-api": "/api/outreach/telegram/disconnect",
    "lead-ingest": "/api/leads/import",
    "telegram-auth-service": "/api/outreach/telegram/qr-password/abcdefghijklmnop",
    "message-generator": "/api/generator/preview",
}
# an operation called with a method it does not have (405)
WRONG_METHOD = {
    "outreach-api": ("DELETE", "/api/outreach/queue"),
    "lead-ingest": ("DELETE", "/api/leads/import"),
    "telegram-auth-service": ("GET", "/api/outreach/telegram/qr-start"),
    "message-generator": ("GET", "/api/generator/preview"),
}
GET_OP = {
    "outreach-api": "/api/outreach/queue",
    "lead-ingest": "/api/leads/imports/abcd",
    "telegram-auth-service": "/api/outreach/telegram/qr-check/abcdefghijklmnop",
}


def send(port, method, target, headers):
    head = f"{method} {target} HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nConnection: close\r\n"
    head += "".join(f"{k}: {v}\r\n" for k, v in headers.items()) + "\r\n"
    with socket.create_connection(("127.0.0.1", port), timeout=15) as s:
        s.sendall(head.encode("latin-1"))
        data = b""
        while True:
            try:
                chunk = s.recv(65536)
            except ConnectionResetError:
                break
            if not chunk:
                break
            data += chunk
    raw_head, _, body = data.partition(b"\r\n\r\n")
    lines = raw_head.decode("latin-1").split("\r\n")
    status = int(lines[0].split(" ")[1]) if lines and lines[0] else 0
    hdrs = {}
    for line in lines[1:]:
        k, _, v = line.partition(":")
        hdrs[k.strip().lower()] = v.strip()
    if hdrs.get("transfer-encoding", "").lower() == "chunked":
        out, rest = b"", body
        while rest:
            size_line, _, rest = rest.partition(b"\r\n")
            size = int(size_line.strip() or b"0", 16)
            if size == 0:
                break
            out, rest = out + rest[:size], rest[size + 2:]
        body = out
    return status, hdrs, body


def cases(name, token):
    auth = {"Authorization": f"Bearer {token}"}
    yield "401 forged token", 401, "GET", "/api/anything", {"Authorization": "Bearer not.a.token"}
    yield "404 unknown path", 404, "GET", "/api/no-such-path", dict(auth)
    if name in WRONG_METHOD:
        yield "405 wrong method", 405, WRONG_METHOD[name][0], WRONG_METHOD[name][1], dict(auth)
    if name in GET_OP:
        yield "406 Accept xml", 406, "GET", GET_OP[name], {**auth, "Accept": "application/xml"}
    if name in BODY_OP:
        yield "413 declared body", 413, "POST", BODY_OP[name], {**auth, "Content-Type": "application/json",
                                                                 "Content-Length": str(10 ** 12)}
        yield "415 text/csv", 415, "POST", BODY_OP[name], {**auth, "Content-Type": "text/csv", "Content-Length": "0"}
    yield "414 9 KB URI", 414, "GET", "/q/health/live?x=" + "a" * 9000, {}
    yield "431 30 KB headers", 431, "GET", "/q/health/live", {f"X-Filler-{i}": "b" * 5000 for i in range(6)}


def main():
    token, services = sys.argv[1], [a.split("=") for a in sys.argv[2:]]
    failed = 0
    print(f"{'service':24} {'case':22} {'status':>6}  content-type / code")
    for name, port in services:
        for label, expected, method, target, headers in cases(name, token):
            try:
                status, hdrs, body = send(int(port), method, target, headers)
            except OSError as e:
                status, hdrs, body = 0, {}, str(e).encode()
            ctype = hdrs.get("content-type", "-")
            try:
                code = json.loads(body).get("code", "?") if ctype.startswith("application/problem+json") else ""
            except ValueError:
                code = "(not JSON)"
            ok = status == expected and ctype.startswith("application/problem+json") and code
            failed += not ok
            print(f"{name:24} {label:22} {status:>6}  {ctype} {code} {'' if ok else '  <-- FAIL'}")
    print(f"http-problems: {failed} refusal(s) not answered as problem+json with the expected status")
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
