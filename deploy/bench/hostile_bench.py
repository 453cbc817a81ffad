#!/usr/bin/env python3
"""Driver of deploy/bench/hostile-input (issue 10, points 1, 2 and 5). Stdlib only.

  text:     issue 10.1. For each repetition count N: a lead file with one lead whose extra field `notes` is "a." x N
            (what lead-ingest says about it) and two plain leads; the first plain lead then gets that analysis_data
            written into the graph directly (as an import without size limits did), so the generation path sees the
            same data before and after; then POST generate-message for it (timed), a second member's generation for
            the other plain lead started 0.5 s later (timed: is it stalled?), and a PUT edit of the message (timed).

  imports:  POST lead files generated on the fly (never whole in memory) to lead-ingest; per import the answer's
            size, its status, and lead-ingest's heap after a forced GC (jcmd); stops early if the service died.
  logins:   N parallel qr-starts by N members -> how many were admitted (= live logins, nothing is cancelled);
            then 30 qr-starts by ONE member, 6 at a time (~1 s) -> how many succeeded.
"""
import argparse, concurrent.futures, json, os, socket, subprocess, sys, threading, time, urllib.error, urllib.request


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
        try:
            body = json.loads(e.read() or b"{}")
        except ValueError:
            body = {}
        return e.code, "%d %s" % (e.code, body.get("code") or body.get("error") or "")


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


def resp(port, *args):
    """One command to FalkorDB over RESP (no client library here); the reply as nested lists."""
    with socket.create_connection(("127.0.0.1", port), timeout=120) as sock:
        out = b"*%d\r\n" % len(args)
        for x in args:
            b = x.encode() if isinstance(x, str) else x
            out += b"$%d\r\n%s\r\n" % (len(b), b)
        sock.sendall(out)
        f = sock.makefile("rb")

        def read():
            line = f.readline().rstrip(b"\r\n")
            kind, rest = line[:1], line[1:]
            if kind == b"+":
                return rest.decode()
            if kind == b"-":
                raise RuntimeError(rest.decode())
            if kind == b":":
                return int(rest)
            if kind == b"$":
                n = int(rest)
                return None if n < 0 else f.read(n + 2)[:-2].decode()
            if kind == b"*":
                n = int(rest)
                return None if n < 0 else [read() for _ in range(n)]
            raise RuntimeError("unexpected RESP reply " + repr(line[:80]))
        return read()


def cypher_string(text):
    return "'" + text.replace("\\", "\\\\").replace("'", "\\'") + "'"


def graph(port, name, query, **params):
    prefix = "CYPHER " + " ".join(k + "=" + (cypher_string(v) if isinstance(v, str) else str(v))
                                  for k, v in params.items()) + " " if params else ""
    return resp(port, "GRAPH.QUERY", name, prefix + query)


def timed_call(url, method, token, body=None, timeout=180):
    data = None if body is None else json.dumps(body).encode()
    req = urllib.request.Request(url, data=data, method=method, headers={"Authorization": "Bearer " + token,
                                                                         "Content-Type": "application/json"})
    t0 = time.time()
    try:
        with urllib.request.urlopen(req, timeout=timeout) as r:
            status, raw = r.status, r.read()
    except urllib.error.HTTPError as e:
        status, raw = e.code, e.read()
    except Exception as e:
        return {"status": None, "error": type(e).__name__ + ": " + str(e)[:200], "seconds": round(time.time() - t0, 2)}
    try:
        answer = json.loads(raw or b"{}")
    except ValueError:
        answer = {"raw": raw[:200].decode("utf-8", "replace")}
    return {"status": status, "seconds": round(time.time() - t0, 2), "answer": answer}


def slug_of(a, telegram_id, wait_s=60):
    deadline = time.time() + wait_s
    while time.time() < deadline:
        r = graph(a.falkordb_port, a.graph, "MATCH (c:U4_Contact_Lead {telegram_id: $t}) RETURN c.slug", t=telegram_id)
        if r and len(r) > 1 and r[1]:
            return r[1][0][0]
        time.sleep(0.5)
    return None


def cmd_text(a):
    tokens = [l.strip() for l in open(a.tokens) if l.strip()]
    alice, bob = tokens[0], tokens[1]
    results = []
    for n, reps in enumerate(a.repetitions):
        base = 880000 + 10 * n
        hostile = "a." * reps
        plain = lambda t, i: {"telegram_id": t, "name": "Plain %d" % i, "profile_type": "hustler",
                              "supervisor_score": 3, "hustler_score": 8, "chat_type": "group"}
        leads = [dict(plain(base, 0), name="Hostile", notes=hostile), plain(base + 1, 1), plain(base + 2, 2)]
        r = {"repetitions": reps, "loadavg_before": open("/proc/loadavg").read().split()[:3]}
        imp = timed_call(a.ingest + "/api/leads/import?import_id=hostile-text-%d-%d" % (reps, int(time.time())),
                         "POST", alice, leads)
        ans = imp.get("answer", {})
        r["ingest"] = {"status": imp.get("status"), "accepted": ans.get("accepted"), "rejected": ans.get("rejected"),
                       "rejection": (ans.get("rejections") or [{}])[0], "seconds": imp.get("seconds")}
        target, other = slug_of(a, base + 1), slug_of(a, base + 2)
        if not target or not other:
            r["error"] = "the plain leads did not arrive in the graph"
            results.append(r)
            continue
        graph(a.falkordb_port, a.graph, "MATCH (c:U4_Contact_Lead {telegram_id: $t}) SET c.analysis_data = $d",
              t=base + 1, d=json.dumps({"notes": hostile}))
        box = {}

        def second_member():
            time.sleep(0.5)
            box["other"] = timed_call(a.api + "/api/outreach/generate-message/" + other, "POST", bob)

        th = threading.Thread(target=second_member)
        th.start()
        gen = timed_call(a.api + "/api/outreach/generate-message/" + target, "POST", alice)
        th.join()
        r["generate"] = {k: gen.get(k) for k in ("status", "seconds", "error")}
        r["generate"]["generated_by"] = gen.get("answer", {}).get("generated_by")
        o = box.get("other", {})
        r["other_member_generate"] = {k: o.get(k) for k in ("status", "seconds", "error")}
        msg = gen.get("answer", {}).get("message_id") or gen.get("answer", {}).get("id")
        if msg:
            edit = timed_call(a.api + "/api/outreach/messages/" + msg, "PUT", alice,
                              {"message_text": "Hi! Saw your notes in the group. Would you be open to a short chat "
                                               "about building real projects with AI?"})
            r["edit"] = {"status": edit.get("status"), "seconds": edit.get("seconds"), "error": edit.get("error"),
                         "code": edit.get("answer", {}).get("code") or edit.get("answer", {}).get("error")}
        r["loadavg_after"] = open("/proc/loadavg").read().split()[:3]
        print(json.dumps(r), file=sys.stderr)
        results.append(r)
    json.dump(results, open(a.json_out, "w"), indent=1)


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
t = sub.add_parser("text")
t.add_argument("--api", required=True); t.add_argument("--ingest", required=True); t.add_argument("--tokens", required=True)
t.add_argument("--falkordb-port", type=int, required=True); t.add_argument("--graph", default="scopelock")
t.add_argument("--repetitions", type=int, nargs="+", default=[8000, 24000]); t.add_argument("--json-out", required=True)
args = p.parse_args()
{"imports": cmd_imports, "logins": cmd_logins, "text": cmd_text}[args.cmd](args)
