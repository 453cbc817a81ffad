#!/usr/bin/env python3
"""Drives the generation benchmark against a running stack (deploy/bench/generation does the set-up).

  import  : writes COUNT leads named GenLead0001… (one snippet each), imports them through lead-ingest, waits
            until the queue shows them all, writes {telegram_id: contact_id} to --ids
  run     : POST /api/outreach/generate-message/{id} for each lead (a different lead per request) with
            --concurrency parallel callers; joins each answer with the fake CLI's own start/end log line (the
            CLI greps GenLeadNNNN from its prompt) and writes the per-request figures to --json-out
"""
import argparse
import concurrent.futures
import http.client
import json
import sys
import time
import urllib.parse


def call(base, method, path, token, body=None, timeout=60):
    u = urllib.parse.urlsplit(base)
    c = http.client.HTTPConnection(u.hostname, u.port, timeout=timeout)
    h = {"Authorization": "Bearer " + token}
    if body is not None:
        h["Content-Type"] = "application/json"
    c.request(method, path, body=body, headers=h)
    r = c.getresponse()
    data = r.read()
    c.close()
    return r.status, data


def pct(values, p):
    s = sorted(values)
    if not s:
        return None
    return round(s[min(len(s) - 1, int(round(p / 100 * (len(s) - 1))))], 1)


def do_import(a):
    leads = []
    for i in range(1, a.count + 1):
        leads.append({"telegram_id": 30_000_000_000 + i, "name": "GenLead%04d Bench" % i, "chat_type": "personal_chat",
                      "profile_type": "hustler", "supervisor_score": 3, "hustler_score": 9, "signals": {"hustler": 9},
                      "sample_messages": ["Finished %d tasks today" % (i % 50 + 2)],
                      "matching_messages": [{"message_id": 1000 + i, "date": "2025-10-01T10:00:00",
                                             "text_snippet": "Finished %d tasks today, send more" % (i % 50 + 2),
                                             "signal_type": "hustler"}]})
    body = json.dumps({"source": "deploy/bench/generation", "total": len(leads), "team_members": leads}).encode()
    st, data = call(a.ingest, "POST", "/api/leads/import?import_id=gen-bench-%d" % int(time.time()), a.token, body, 600)
    if st != 200:
        sys.exit("import -> %d %s" % (st, data[:300]))
    deadline = time.time() + 120
    ids = {}
    while time.time() < deadline:
        ids = {}
        offset = 0
        while True:
            st, data = call(a.api, "GET", "/api/outreach/queue?limit=100&offset=%d&show_claimed=true" % offset, a.token)
            if st != 200:
                sys.exit("queue -> %d %s" % (st, data[:300]))
            page = json.loads(data)
            for c in page["contacts"]:
                ids[str(c["telegram_id"])] = c["id"]
            offset += 100
            if offset >= page["filtered_count"] or not page["contacts"]:
                break
        if len(ids) >= a.count:
            break
        time.sleep(0.5)
    if len(ids) < a.count:
        sys.exit("only %d of %d leads in the queue" % (len(ids), a.count))
    json.dump(ids, open(a.ids, "w"))
    print("imported %d leads" % len(ids))


def do_run(a):
    ids = json.load(open(a.ids))
    order = sorted(ids)[a.skip:a.skip + a.requests]
    if len(order) < a.requests:
        sys.exit("not enough leads")

    def one(tid):
        t0 = time.time()
        st, data = call(a.api, "POST", "/api/outreach/generate-message/" + ids[tid], a.token, b"", 30)
        t1 = time.time()
        r = {"telegram_id": tid, "status": st, "start": t0, "end": t1, "ms": (t1 - t0) * 1000}
        if st == 200:
            m = json.loads(data)
            r["generated_by"] = m.get("generated_by")
            r["warning"] = m.get("warning")
        else:
            r["body"] = data[:200].decode(errors="replace")
        return r

    t0 = time.time()
    with concurrent.futures.ThreadPoolExecutor(a.concurrency) as ex:
        results = list(ex.map(one, order))
    wall = time.time() - t0
    cli = {}
    if a.cli_log:
        try:
            for line in open(a.cli_log):
                parts = line.split()
                if len(parts) == 3 and parts[0].startswith("GenLead"):
                    cli.setdefault(int(parts[0][7:]), []).append((int(parts[1]) / 1e9, int(parts[2]) / 1e9))
        except FileNotFoundError:
            pass
    overheads, cli_ms, e2e = [], [], []
    for r in results:
        e2e.append(r["ms"])
        n = int(r["telegram_id"]) - 30_000_000_000
        runs = [c for c in cli.get(n, []) if c[0] >= r["start"] - 0.01 and c[1] <= r["end"] + 0.01]
        if runs:
            own = sum(e - s for s, e in runs) * 1000
            r["cli_ms"] = own
            r["cli_runs"] = len(runs)
            cli_ms.append(own)
            overheads.append(r["ms"] - own)
    by = {}
    for r in results:
        by[r.get("generated_by") or "http-%d" % r["status"]] = by.get(r.get("generated_by") or "http-%d" % r["status"], 0) + 1
    warnings = {}
    for r in results:
        if r.get("warning"):
            w = r["warning"]
            warnings[w] = warnings.get(w, 0) + 1
    out = {"requests": len(results), "concurrency": a.concurrency, "wall_s": round(wall, 2),
           "generated_by": by, "warnings": warnings,
           "e2e_ms": {"p50": pct(e2e, 50), "p95": pct(e2e, 95), "p99": pct(e2e, 99), "max": round(max(e2e), 1),
                      "min": round(min(e2e), 1)},
           "cli_ms": {"p50": pct(cli_ms, 50), "p95": pct(cli_ms, 95), "matched": len(cli_ms)},
           "overhead_ms": {"p50": pct(overheads, 50), "p95": pct(overheads, 95), "p99": pct(overheads, 99),
                           "max": round(max(overheads), 1) if overheads else None},
           "over_10500_ms": sum(1 for x in e2e if x > 10500), "non_200": sum(1 for r in results if r["status"] != 200),
           "results": results}
    json.dump(out, open(a.json_out, "w"), indent=1)
    summary = {k: v for k, v in out.items() if k != "results"}
    print(json.dumps(summary))


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("mode", choices=["import", "run"])
    ap.add_argument("--ingest")
    ap.add_argument("--api", required=True)
    ap.add_argument("--token", required=True)
    ap.add_argument("--ids", required=True)
    ap.add_argument("--count", type=int, default=300)
    ap.add_argument("--requests", type=int, default=200)
    ap.add_argument("--skip", type=int, default=0)
    ap.add_argument("--concurrency", type=int, default=4)
    ap.add_argument("--cli-log")
    ap.add_argument("--json-out")
    a = ap.parse_args()
    do_import(a) if a.mode == "import" else do_run(a)


if __name__ == "__main__":
    main()
