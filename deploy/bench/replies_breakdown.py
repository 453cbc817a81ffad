#!/usr/bin/env python3
"""Splits the reply latency of a deploy/bench/replies run into its two halves, joining the driver's per-reply
record (ReplyBench's <json-out>.replies.tsv: conversation, message id, simulator write start/end and SSE receipt,
epoch ms) with reply-monitor's log line "reply <message id> in <conversation> detected (live|reconcile)"
(its timestamp, ms resolution, same machine clock):
   write start → reply-monitor logs the detection   (simulator delivery + reply-monitor)
   detection   → SSE event read by the driver       (Kafka → outreach-api live consumer → SSE)
usage: replies_breakdown.py REPLIES_TSV REPLY_MONITOR_LOG  → JSON on stdout"""
import calendar
import json
import re
import sys
import time

LINE = re.compile(r"^(\d{4}-\d\d-\d\d \d\d:\d\d:\d\d),(\d{3}) .* reply (\d+) in (\S+) detected \((\w+)\)")


def pct(v, p):
    s = sorted(v)
    return round(s[min(len(s) - 1, int(round(p / 100 * (len(s) - 1))))], 1) if s else None


def stats(v):
    return {"n": len(v), "p50": pct(v, 50), "p95": pct(v, 95), "p99": pct(v, 99), "max": round(max(v), 1) if v else None}


def main():
    tsv, log = sys.argv[1], sys.argv[2]
    detected = {}
    for line in open(log, errors="replace"):
        m = LINE.match(line)
        if m:
            t = calendar.timegm(time.strptime(m.group(1), "%Y-%m-%d %H:%M:%S")) * 1000 + int(m.group(2))
            key = (m.group(4), m.group(3))
            if key not in detected:
                detected[key] = (t, m.group(5))
    to_rm, rm_to_sse, paths = [], [], {}
    rows = [l.rstrip("\n").split("\t") for l in open(tsv)][1:]
    for i, conv, mid, ws, we, sse in rows:
        d = detected.get((conv, mid))
        if not d:
            continue
        paths[d[1]] = paths.get(d[1], 0) + 1
        to_rm.append(d[0] - int(ws))
        if int(sse) > 0:
            rm_to_sse.append(int(sse) - d[0])
    # the same end-to-end latency without the first 10 s of the run (warm-up of the live path), and of those 10 s
    first = min((int(r[3]) for r in rows), default=0)
    e2e = lambda keep: [int(r[5]) - int(r[3]) for r in rows if int(r[5]) > 0 and keep(int(r[3]) - first)]
    print(json.dumps({"joined": len(to_rm), "of": len(rows), "detection_path": paths,
                      "latency_first_10s_ms": stats(e2e(lambda t: t < 10_000)),
                      "latency_after_first_10s_ms": stats(e2e(lambda t: t >= 10_000)),
                      "write_to_detection_ms": stats(to_rm), "detection_to_sse_ms": stats(rm_to_sse)}))


if __name__ == "__main__":
    main()
