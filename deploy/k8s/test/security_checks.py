"""Security checks of the rendered manifests (issue: Kafka without TLS/auth, data stores without passwords, no
NetworkPolicies): per-service KafkaUsers whose ACLs equal the README's topic table, passwords from Secrets for
FalkorDB and Redis, and a NetworkPolicy set that allows the suite's flows and denies everything else."""
import os
import re

SERVICES = ["outreach-api", "telegram-auth-service", "reply-monitor", "message-generator", "lead-ingest"]
CONSUMER_GROUP_SERVICES = {"outreach-api", "message-generator", "reply-monitor"}
# a transactional producer (one Kafka transaction per import file) needs its transactional ids, prefixed with its name
TRANSACTIONAL_SERVICES = {"lead-ingest"}


def readme_acls(root):
    """{service: {topic: {operations}}} from the README topic table: producers Write, consumers Read (+ Write .dlq)."""
    acls = {}
    with open(os.path.join(root, "README.md")) as f:
        for line in f:
            m = re.match(r"\| `([a-z]+\.[a-z.\-]+)` \|[^|]*\| ([^|]*→[^|]*) \|", line)
            if not m:
                continue
            topic, flow = m.group(1), m.group(2)
            producers, consumers = flow.split("→")
            for p in producers.split(","):
                p = re.sub(r"\(.*?\)", "", p).strip()
                acls.setdefault(p, {}).setdefault(topic, set()).update({"Write", "Describe"})
            for c in consumers.split(","):
                c = c.strip()
                if c == "external":
                    continue
                acls.setdefault(c, {}).setdefault(topic, set()).update({"Read", "Describe"})
                acls[c].setdefault(topic + ".dlq", set()).update({"Write", "Describe"})
    return acls


def selects(selector, labels):
    if selector is None:
        return False
    for k, v in selector.get("matchLabels", {}).items():
        if labels.get(k) != v:
            return False
    for e in selector.get("matchExpressions", []):
        op, key, values = e["operator"], e["key"], e.get("values", [])
        if op == "In" and labels.get(key) not in values:
            return False
        if op == "NotIn" and labels.get(key) in values:
            return False
        if op == "Exists" and key not in labels:
            return False
        if op == "DoesNotExist" and key in labels:
            return False
    return True


def peer_matches(peer, pod):
    """pod = (namespace labels, pod labels, is_internet)"""
    ns_labels, pod_labels, internet = pod
    if "ipBlock" in peer:
        return internet
    if internet:
        return False
    ns_ok = selects(peer["namespaceSelector"], ns_labels) if "namespaceSelector" in peer else ns_labels.get("own")
    pod_ok = selects(peer["podSelector"], pod_labels) if "podSelector" in peer else True
    return bool(ns_ok) and pod_ok


def port_matches(rule_ports, port, named):
    if not rule_ports:
        return True
    return any(rp.get("port") in (port, named) or rp.get("port") is None for rp in rule_ports)


def allowed(policies, direction, subject, peer, port, named=None):
    """Is traffic allowed for `subject` (pod labels, in our namespace) in `direction` to/from `peer`?"""
    kind = "Ingress" if direction == "ingress" else "Egress"
    key = "from" if direction == "ingress" else "to"
    applying = [p for p in policies if kind in p["spec"].get("policyTypes", ["Ingress"])
                and selects(p["spec"]["podSelector"], subject)]
    if not applying:
        return True
    for p in applying:
        for rule in p["spec"].get(direction, []):
            peers = rule.get(key)
            if (not peers or any(peer_matches(x, peer) for x in peers)) and port_matches(rule.get("ports"), port, named):
                return True
    return False


def flow(policies, src, dst, port, named=None):
    """src/dst: ('pod', labels) in our namespace, ('ns', ns_labels, pod_labels) elsewhere, or ('internet',)."""
    def as_peer(x):
        if x[0] == "pod":
            return ({"own": True}, x[1], False)
        if x[0] == "ns":
            return (x[1], x[2], False)
        return ({}, {}, True)
    ok = True
    if src[0] == "pod":
        ok &= allowed(policies, "egress", src[1], as_peer(dst), port, named)
    if dst[0] == "pod":
        ok &= allowed(policies, "ingress", dst[1], as_peer(src), port, named)
    return ok


def security_checks(render, objs, root, check):
    by = {(o["kind"], o["metadata"]["name"]): o for o in objs}
    # --- Kafka users ------------------------------------------------------------------------------------------------
    p = []
    want = readme_acls(root)
    kafka = next((o for o in objs if o["kind"] == "Kafka"), None)
    cluster = kafka["metadata"]["name"] if kafka else None
    for svc in SERVICES:
        user = by.get(("KafkaUser", svc))
        if user is None:
            p.append(f"no KafkaUser {svc}")
            continue
        if user["metadata"].get("labels", {}).get("strimzi.io/cluster") != cluster:
            p.append(f"KafkaUser {svc} not labelled strimzi.io/cluster={cluster}")
        if user["spec"].get("authentication", {}).get("type") != "scram-sha-512":
            p.append(f"KafkaUser {svc}: authentication is not scram-sha-512")
        topics, groups, transactional = {}, [], []
        for acl in user["spec"].get("authorization", {}).get("acls", []):
            r = acl["resource"]
            if acl.get("type", "allow") != "allow":
                continue
            if r["type"] == "topic":
                if r.get("patternType", "literal") != "literal" or r.get("name") in (None, "*"):
                    p.append(f"KafkaUser {svc}: topic ACL {r.get('name')} is not a literal topic name")
                topics.setdefault(r.get("name"), set()).update(acl["operations"])
            elif r["type"] == "group":
                groups.append((r.get("name"), r.get("patternType", "literal")))
            elif r["type"] == "transactionalId":
                transactional.append((r.get("name"), r.get("patternType", "literal"), tuple(sorted(acl["operations"]))))
            else:
                p.append(f"KafkaUser {svc}: ACL on {r['type']} is more than a service needs")
        expected = want.get(svc, {})
        for t in sorted(set(topics) | set(expected)):
            if topics.get(t, set()) != expected.get(t, set()):
                p.append(f"KafkaUser {svc}: {t} allows {sorted(topics.get(t, set()))}, the README topic table "
                         f"says {sorted(expected.get(t, set()))}")
        want_groups = [(svc, "prefix")] if svc in CONSUMER_GROUP_SERVICES else []
        if sorted(groups) != want_groups:
            p.append(f"KafkaUser {svc}: consumer groups {groups}, expected {want_groups}")
        want_tx = [(svc, "prefix", ("Describe", "Write"))] if svc in TRANSACTIONAL_SERVICES else []
        if sorted(transactional) != want_tx:
            p.append(f"KafkaUser {svc}: transactional ids {transactional}, expected {want_tx}")
        deploy = by.get(("Deployment", svc))
        if deploy:
            c = deploy["spec"]["template"]["spec"]["containers"][0]
            ref = next((e.get("valueFrom", {}).get("secretKeyRef") for e in c.get("env", [])
                        if e["name"] == "KAFKA_SASL_JAAS_CONFIG"), None)
            if ref != {"name": svc, "key": "sasl.jaas.config"}:
                p.append(f"{svc}: KAFKA_SASL_JAAS_CONFIG does not come from Secret {svc} key sasl.jaas.config")
            vols = {v["name"]: v for v in deploy["spec"]["template"]["spec"].get("volumes", [])}
            ca = next((m for m in c.get("volumeMounts", []) if vols.get(m["name"], {}).get("secret", {})
                       .get("secretName") == f"{cluster}-cluster-ca-cert"), None)
            common = next((o for o in objs if o["kind"] == "ConfigMap" and o["metadata"]["name"].startswith("outreach-common")), None)
            location = (common or {}).get("data", {}).get("KAFKA_SSL_TRUSTSTORE_LOCATION", "")
            if ca is None or not location.startswith(ca["mountPath"] + "/"):
                p.append(f"{svc}: the Kafka cluster CA is not mounted where KAFKA_SSL_TRUSTSTORE_LOCATION points")
    check(f"{render}: a KafkaUser per service (SCRAM), ACLs exactly the README's topic flows", p)

    # --- data store passwords ---------------------------------------------------------------------------------------
    p = []
    for store, kind, clients in (("falkordb", "StatefulSet", ["outreach-api"]), ("redis", "Deployment", ["telegram-auth-service", "lead-ingest"])):
        w = by.get((kind, store))
        if w is None:
            p.append(f"no {kind} {store}")
            continue
        c = w["spec"]["template"]["spec"]["containers"][0]
        args = c.get("args", [])
        env = {e["name"]: e.get("valueFrom", {}).get("secretKeyRef") for e in c.get("env", [])}
        if "--requirepass" not in args:
            p.append(f"{store}: no --requirepass")
            continue
        value = args[args.index("--requirepass") + 1]
        m = re.fullmatch(r"\$\((\w+)\)", value)
        ref = env.get(m.group(1)) if m else None
        if not ref:
            p.append(f"{store}: the password is not taken from a Secret ({value!r})")
            continue
        if env.get("REDISCLI_AUTH") != ref:
            p.append(f"{store}: REDISCLI_AUTH (for the redis-cli probes) is not the same Secret key")
        for client in clients:
            d = by.get(("Deployment", client))
            cenv = {e["name"]: e.get("valueFrom", {}).get("secretKeyRef")
                    for e in d["spec"]["template"]["spec"]["containers"][0].get("env", [])} if d else {}
            if cenv.get("QUARKUS_REDIS_PASSWORD") != ref:
                p.append(f"{client} does not get {store}'s password (QUARKUS_REDIS_PASSWORD from {ref})")
        if store == "falkordb":
            for o in objs:
                if o["kind"] == "CronJob" and o["metadata"]["name"] == "falkordb-backup":
                    bc = o["spec"]["jobTemplate"]["spec"]["template"]["spec"]["containers"][0]
                    benv = {e["name"]: e.get("valueFrom", {}).get("secretKeyRef") for e in bc.get("env", [])}
                    if benv.get("REDISCLI_AUTH") != ref:
                        p.append(f"falkordb-backup does not get FalkorDB's password (REDISCLI_AUTH from {ref})")
    check(f"{render}: FalkorDB and Redis require a password from a Secret; their clients have it", p)

    # --- network policies -------------------------------------------------------------------------------------------
    p = []
    policies = [o for o in objs if o["kind"] == "NetworkPolicy"]
    if not any(o["spec"].get("podSelector") == {} and set(o["spec"].get("policyTypes", [])) == {"Ingress", "Egress"}
               and not o["spec"].get("ingress") and not o["spec"].get("egress") for o in policies):
        p.append("no default-deny NetworkPolicy (podSelector {}, Ingress and Egress, no rules)")

    def labels_of(name):
        w = by.get(("Deployment", name)) or by.get(("StatefulSet", name))
        return w["spec"]["template"]["metadata"]["labels"] if w else {"app.kubernetes.io/name": name}

    kafka_pod = ("pod", {"strimzi.io/cluster": cluster, "strimzi.io/kind": "Kafka", "strimzi.io/name": f"{cluster}-kafka"})
    nginx = ("ns", {"kubernetes.io/metadata.name": "ingress-nginx"}, {"app.kubernetes.io/name": "ingress-nginx"})
    dns = ("ns", {"kubernetes.io/metadata.name": "kube-system"}, {"k8s-app": "kube-dns"})
    must = [(f"{s} -> Kafka :9093", ("pod", labels_of(s)), kafka_pod, 9093, None) for s in SERVICES]
    must += [(f"{s} -> DNS", ("pod", labels_of(s)), dns, 53, None) for s in SERVICES]
    must += [("outreach-api -> FalkorDB", ("pod", labels_of("outreach-api")), ("pod", labels_of("falkordb")), 6379, None),
             ("falkordb-backup -> FalkorDB", ("pod", {"app.kubernetes.io/name": "falkordb-backup"}), ("pod", labels_of("falkordb")), 6379, None),
             ("telegram-auth-service -> Redis", ("pod", labels_of("telegram-auth-service")), ("pod", labels_of("redis")), 6379, None),
             ("lead-ingest -> Redis", ("pod", labels_of("lead-ingest")), ("pod", labels_of("redis")), 6379, None),
             ("reply-monitor -> Telegram", ("pod", labels_of("reply-monitor")), ("internet",), 443, None),
             ("telegram-auth-service -> Telegram", ("pod", labels_of("telegram-auth-service")), ("internet",), 443, None),
             ("message-generator -> Anthropic", ("pod", labels_of("message-generator")), ("internet",), 443, None),
             ("Kafka -> Kafka", kafka_pod, kafka_pod, 9091, None)]
    for o in objs:
        if o["kind"] == "Ingress":
            for rule in o["spec"]["rules"]:
                for path in rule["http"]["paths"]:
                    svc = path["backend"]["service"]["name"]
                    port = next((cp["containerPort"] for c in (by.get(("Deployment", svc)) or {"spec": {"template": {"spec": {"containers": []}}}})
                                 ["spec"]["template"]["spec"]["containers"] for cp in c.get("ports", [])
                                 if cp.get("name") == path["backend"]["service"]["port"].get("name")), None)
                    must.append((f"Ingress controller -> {svc}", nginx, ("pod", labels_of(svc)), port, "http"))
    must_not = [(f"{s} -> FalkorDB", ("pod", labels_of(s)), ("pod", labels_of("falkordb")), 6379, None)
                for s in SERVICES if s != "outreach-api"]
    must_not += [(f"{s} -> Redis", ("pod", labels_of(s)), ("pod", labels_of("redis")), 6379, None)
                 for s in SERVICES if s not in ("telegram-auth-service", "lead-ingest")]
    must_not += [("another namespace -> FalkorDB", ("ns", {"kubernetes.io/metadata.name": "other"}, {}), ("pod", labels_of("falkordb")), 6379, None),
                 ("the internet -> outreach-api", ("internet",), ("pod", labels_of("outreach-api")), 8080, "http"),
                 ("lead-ingest -> the internet", ("pod", labels_of("lead-ingest")), ("internet",), 443, None),
                 ("outreach-api -> the internet", ("pod", labels_of("outreach-api")), ("internet",), 443, None),
                 ("reply-monitor -> message-generator", ("pod", labels_of("reply-monitor")), ("pod", labels_of("message-generator")), 8083, "http")]
    for name, src, dst, port, named in must:
        if not flow(policies, src, dst, port, named):
            p.append(f"needed flow blocked: {name}")
    for name, src, dst, port, named in must_not:
        if flow(policies, src, dst, port, named):
            p.append(f"flow not denied: {name}")
    check(f"{render}: NetworkPolicies: default deny; only the suite's flows ({len(must)} allowed, {len(must_not)} denied checked)", p)
