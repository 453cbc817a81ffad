#!/usr/bin/env python3
"""Drives the lead benchmark against a running stack (deploy/bench/leads does the set-up):
(a) time from the start of POST /api/leads/import until GET /api/outreach/queue reports every lead,
(b) queue latency over REQUESTS requests with mixed filters and offsets,
(c) for comparison, FalkorDB's own ORDER BY ... SKIP ... LIMIT over all pending leads (the naive query)."""
import argparse
import http.client
import json
import random
import socket
import statistics
import time
import urllib.parse


def call(conn, method, path, token, body=None, headers=None):
    h = {"Authorization": "Bearer " + token}
    h.update(headers or {})
    conn.request(method, path, body=body, headers=h)
    r = conn.getresponse()
    data = r.read()
    if r.status != 200:
        raise SystemExit(f"{method} {path} -> {r.status}: {data[:300]!r}")
    return json.loads(data)


def pct(values, p):
    s = sorted(values)
    return s[min(len(s) - 1, int(round(p / 100 * (len(s) - 1))))]


def resp_command(sock_file, sock, *args):
    out = b"*%d\r\n" % len(args)
    for a in args:
        b = a.encode()
        out += b"$%d\r\n%s\r\n" % (len(b), b)
    sock.sendall(out)
    return read_resp(sock_file)


def read_resp(f):
    line = f.readline()
    kind, rest = line[:1], line[1:-2]
    if kind == b"*":
        return [read_resp(f) for _ in range(int(rest))]
    if kind == b"$":
        n = int(rest)
        return None if n < 0 else f.read(n + 2)[:-2]
    if kind == b":":
        return int(rest)
    if kind == b"-":
        raise RuntimeError(rest.decode())
    return rest


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--ingest", required=True)
    ap.add_argument("--api", required=True)
    ap.add_argument("--token", required=True)
    ap.add_argument("--file", required=True)
    ap.add_argument("--expected", type=int, required=True)
    ap.add_argument("--requests", type=int, default=1500)
    ap.add_argument("--falkordb-port", type=int, required=True)
    ap.add_argument("--graph", default="scopelock")
    ap.add_argument("--json-out", required=True)
    a = ap.parse_args()

    ingest = urllib.parse.urlsplit(a.ingest)
    api = urllib.parse.urlsplit(a.api)
    body = open(a.file, "rb").read()
    results = {"leads": a.expected, "file_bytes": len(body)}

    t0 = time.perf_counter()
    ic = http.client.HTTPConnection(ingest.hostname, ingest.port, timeout=600)
    report = call(ic, "POST", "/api/leads/import?import_id=bench-%d" % int(time.time()), a.token, body,
                  {"Content-Type": "application/json"})
    t_answer = time.perf_counter() - t0
    ac = http.client.HTTPConnection(api.hostname, api.port, timeout=60)
    total = 0
    while total < a.expected:
        total = call(ac, "GET", "/api/outreach/queue?limit=1", a.token)["total_count"]
        if time.perf_counter() - t0 > 600:
            raise SystemExit(f"only {total} of {a.expected} leads queryable after 600 s")
        if total < a.expected:
            time.sleep(0.05)
    t_queryable = time.perf_counter() - t0
    results.update(import_answer_s=round(t_answer, 2), queryable_s=round(t_queryable, 2),
                   accepted=report["accepted"], rejected=report["rejected"])
    print(f"import: answered in {t_answer:.2f} s (accepted {report['accepted']}), all queryable after {t_queryable:.2f} s")

    rng = random.Random(7)
    types = [None, "supervisor", "hustler", "both", "unknown"]
    shapes = []
    for _ in range(a.requests):
        q = {"limit": rng.choice([20, 20, 50, 100])}
        t = rng.choice(types)
        if t:
            q["profile_type"] = t
        if rng.random() < 0.5:
            q["min_score"] = rng.choice([0, 3, 6, 10, 15, 20])
        q["offset"] = rng.choice([0, 0, 20, 40, 100, 500, 2000, 10000, rng.randint(0, 60000)])
        shapes.append(q)
    for q in shapes[:50]:
        call(ac, "GET", "/api/outreach/queue?" + urllib.parse.urlencode(q), a.token)
    lat, deep = [], []
    for q in shapes:
        t = time.perf_counter()
        call(ac, "GET", "/api/outreach/queue?" + urllib.parse.urlencode(q), a.token)
        ms = (time.perf_counter() - t) * 1000
        lat.append(ms)
        if q["offset"] >= 2000:
            deep.append(ms)
    results["queue"] = {"requests": len(lat), "p50_ms": round(pct(lat, 50), 2), "p95_ms": round(pct(lat, 95), 2),
                        "p99_ms": round(pct(lat, 99), 2), "max_ms": round(max(lat), 2),
                        "deep_offset_p95_ms": round(pct(deep, 95), 2), "deep_offset_requests": len(deep)}
    print("queue:", results["queue"])

    sock = socket.create_connection(("127.0.0.1", a.falkordb_port))
    f = sock.makefile("rb")
    naive = {}
    for label, skip in (("first_page", 0), ("offset_10000", 10000), ("offset_50000", 50000)):
        q = ("CYPHER skip=%d MATCH (c:U4_Contact_Lead) WHERE c.outreach_status = 'pending' RETURN c.slug, c.name "
             "ORDER BY c.total_score DESC, c.telegram_id ASC SKIP $skip LIMIT 20") % skip
        ts = []
        for _ in range(30):
            t = time.perf_counter()
            resp_command(f, sock, "GRAPH.RO_QUERY", a.graph, q)
            ts.append((time.perf_counter() - t) * 1000)
        naive[label] = {"p50_ms": round(statistics.median(ts), 2), "p95_ms": round(pct(ts, 95), 2)}
    results["naive_order_by"] = naive
    print("naive ORDER BY over all pending leads:", naive)
    json.dump(results, open(a.json_out, "w"), indent=2)


if __name__ == "__main__":
    main()
