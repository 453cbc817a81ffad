#!/usr/bin/env python3
"""Driver of deploy/bench/hostile-input (issue 10, points 2 and 5). Stdlib only.

  imports:  POST lead files generated on the fly (never whole in memory) to lead-ingest; per import the answer's
            size, its status, and lead-ingest's heap after a forced GC (jcmd); stops early if the service died.
  logins:   N parallel qr-starts by N members -> how many were admitted (= live logins, nothing is cancelled);
            then 30 qr-starts by ONE member, 6 at a time (~1 s) -> how many succeeded.
"""
import argparse, concurrent.futures, json, os, subprocess, sys, time, urllib.error, urllib.request


def huge_profile_types(records, value_chars):
    value = b"p" * value_chars
    yield b"["
    for i in range(records):
        yield (b"," if i else b"") + b'{"telegram_id":%d,"name":"Huge %d","profile_type":"' % (900000 + i, i) + value \
            + b'","supervisor_score":1,"hustler_score":2}'
    yield b"]"


def one_duplicated_lead(total_bytes):
    lead = b'{"telegram_id":777,"name":"Same","profile_type":"hustler","supervisor_score":1,"hustler_score":2,"chat_type":"group"}'
    n = total_bytes // (len(lead) + 1)
    yield b"["
    for i in range(n):
        yield (b"," if i else b"") + lead
    yield b"]"


class Chunked:
    """A file-like body that pulls from a generator (urllib sends it with Transfer-Encoding: chunked)."""
    def __init__(self, gen):
        self.gen, self.buf, self.sent = gen, b"", 0

    def read(self, n=-1):
        while self.buf is not None and (n < 0 or len(self.buf) < n):
            try:
                self.buf += next(self.gen)
            except StopIteration:
                break
        out, self.buf = (self.buf, b"") if n < 0 else (self.buf[:n], self.buf[n:])
        self.sent += len(out)
        return out


def post_file(url, token, gen):
    body = Chunked(gen)
    req = urllib.request.Request(url, data=body, method="POST", headers={
        "Authorization": "Bearer " + token, "Content-Type": "application/json", "Transfer-Encoding": "chunked"})
    t0 = time.time()
    try:
        with urllib.request.urlopen(req, timeout=600) as r:
            data = r.read()
            status = r.status
    except urllib.error.HTTPError as e:
        data, status = e.read(), e.code
    except Exception as e:  # the service died or dropped the connection
        return {"status": None, "error": type(e).__name__ + ": " + str(e)[:200], "sent_bytes": body.sent}
    return {"status": status, "answer_bytes": len(data), "sent_bytes": body.sent, "seconds": round(time.time() - t0, 1),
            "head": data[:300].decode("utf-8", "replace")}


def heap_mb(jcmd, pid):
    try:
        subprocess.run([jcmd, str(pid), "GC.run"], check=True, capture_output=True, timeout=60)
        out = subprocess.run([jcmd, str(pid), "GC.heap_info"], check=True, capture_output=True, text=True,
                             timeout=60).stdout
    except Exception as e:
        return None
    # G1: " garbage-first heap   total 524288K, used 123456K [...]"; Serial/Parallel: per generation "used NK"
    for line in out.splitlines():
        if "heap" in line and "used" in line and "total" in line:
            used = line.split("used")[1].split("K")[0].strip()
            return round(int(used) / 1024, 1)
    return None


def alive(pid):
    try:
        os.kill(pid, 0)
        return True
    except OSError:
        return False


def cmd_imports(a):
    results = []
    for i in range(a.repeat):
        gen = huge_profile_types(a.records, a.value_chars) if a.kind == "huge-values" \
            else one_duplicated_lead(a.total_mb * 1024 * 1024)
        r = post_file(a.url + "/api/leads/import?import_id=%s-%d-%d" % (a.kind, int(time.time()), i), a.token, gen)
        r["heap_mb_after_gc"] = heap_mb(a.jcmd, a.pid) if alive(a.pid) else None
        r["service_alive"] = alive(a.pid)
        results.append(r)
        print(json.dumps({k: v for k, v in r.items() if k != "head"}), file=sys.stderr)
        if not r["service_alive"]:
            break
    json.dump(results, open(a.json_out, "w"), indent=1)


def qr_start(url, token):
    req = urllib.request.Request(url + "/api/outreach/telegram/qr-start", data=b"", method="POST",
                                 headers={"Authorization": "Bearer " + token})
    try:
        with urllib.request.urlopen(req, timeout=60) as r:
            return r.status, json.loads(r.read()).get("token")
    except urllib.error.HTTPError as e:
        return e.code, json.loads(e.read() or b"{}").get("error")


def cmd_logins(a):
    tokens = [l.strip() for l in open(a.tokens) if l.strip()]
    crowd, one = tokens[:-1], tokens[-1]
    t0 = time.time()
    with concurrent.futures.ThreadPoolExecutor(len(crowd)) as pool:
        crowd_answers = list(pool.map(lambda t: qr_start(a.url, t), crowd))
    crowd_s = time.time() - t0
    t0 = time.time()
    with concurrent.futures.ThreadPoolExecutor(6) as pool:
        one_answers = list(pool.map(lambda _: qr_start(a.url, one), range(30)))
    one_s = time.time() - t0
    out = {"parallel_starts": len(crowd), "parallel_admitted": sum(1 for s, _ in crowd_answers if s == 200),
           "parallel_refused": {str(s): sum(1 for x, _ in crowd_answers if x == s) for s in {x for x, _ in crowd_answers}},
           "parallel_seconds": round(crowd_s, 2),
           "one_member_starts": 30, "one_member_admitted": sum(1 for s, _ in one_answers if s == 200),
           "one_member_refused": sorted({str(e) for s, e in one_answers if s != 200}), "one_member_seconds": round(one_s, 2)}
    print(json.dumps(out), file=sys.stderr)
    json.dump(out, open(a.json_out, "w"), indent=1)


p = argparse.ArgumentParser()
sub = p.add_subparsers(dest="cmd", required=True)
i = sub.add_parser("imports")
i.add_argument("--kind", choices=["huge-values", "one-lead"], required=True)
i.add_argument("--records", type=int, default=120)
i.add_argument("--value-chars", type=int, default=1024 * 1024)
i.add_argument("--total-mb", type=int, default=50)
i.add_argument("--repeat", type=int, default=1)
for x in (i,):
    x.add_argument("--url", required=True); x.add_argument("--token", required=True)
    x.add_argument("--pid", type=int, required=True); x.add_argument("--jcmd", required=True)
    x.add_argument("--json-out", required=True)
l = sub.add_parser("logins")
l.add_argument("--url", required=True); l.add_argument("--tokens", required=True); l.add_argument("--json-out", required=True)
args = p.parse_args()
cmd_imports(args) if args.cmd == "imports" else cmd_logins(args)
