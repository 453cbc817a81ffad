#!/usr/bin/env python3
"""Drives the analytics benchmark against a running outreach-api (deploy/bench/analytics does the set-up):
GET /api/outreach/analytics over REQUESTS sequential requests, cycling group_by (variant, hook_type,
profile_type, member, generated_by, week) and owner (team, me) in the order GraphHistory's analytics-floor does.
Prints one JSON line: client-side latency percentiles (ms), the team totals of the last answer."""
import argparse
import http.client
import json
import time

GROUP_BY = ["variant", "hook_type", "profile_type", "member", "generated_by", "week"]


def pct(values, p):
    s = sorted(values)
    return s[min(len(s) - 1, max(0, -(-len(s) * p // 100) - 1))]


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--port", type=int, required=True)
    ap.add_argument("--token", required=True)
    ap.add_argument("--requests", type=int, default=300)
    a = ap.parse_args()
    conn = http.client.HTTPConnection("127.0.0.1", a.port, timeout=60)
    times, totals = [], None
    for i in range(-20, a.requests):  # 20 warm-up requests
        team = i % 2 == 0
        path = "/api/outreach/analytics?group_by=%s&owner=%s" % (GROUP_BY[i % len(GROUP_BY)], "team" if team else "me")
        t0 = time.perf_counter()
        conn.request("GET", path, headers={"Authorization": "Bearer " + a.token})
        r = conn.getresponse()
        body = r.read()
        took = (time.perf_counter() - t0) * 1000
        if r.status != 200:
            raise SystemExit(f"GET {path} -> {r.status}: {body[:300]!r}")
        if i >= 0:
            times.append(took)
        if team:
            totals = json.loads(body)["total"]
    print(json.dumps({"requests": a.requests, "p50_ms": round(pct(times, 50), 2), "p95_ms": round(pct(times, 95), 2),
                      "p99_ms": round(pct(times, 99), 2), "max_ms": round(max(times), 2),
                      "team_sent": totals["sent"], "team_replied": totals["replied"],
                      "team_positive": totals["positive"]}))


if __name__ == "__main__":
    main()
