#!/usr/bin/env python3
"""Offline checks of the rendered kustomizations (deploy/k8s/validate renders them first).

usage: validate_manifests.py ROOT NAME=RENDERED.yaml [NAME=RENDERED.yaml ...]

Every check is a named test; the run ends with 'N passed, N failed' and exits 1 if any failed.
"""
import copy
import fnmatch
import glob
import os
import re
import sys

import jsonschema
import kubernetes_validate
import yaml

K8S_VERSIONS = ["1.30.0", "1.37.0"]  # oldest and newest Kubernetes we claim to support
SERVICES = {  # service -> default HTTP port (also checked against application.properties)
    "outreach-api": 8080,
    "telegram-auth-service": 8081,
    "reply-monitor": 8082,
    "message-generator": 8083,
    "lead-ingest": 8084,
}
TDLIB_SERVICES = {"telegram-auth-service", "reply-monitor"}
HPA_SERVICES = {"outreach-api", "message-generator"}
ENV_NAME = re.compile(r"^[A-Z_][A-Z0-9_]*$")

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from security_checks import security_checks  # noqa: E402

ROOT = sys.argv[1]
RENDERS = dict(arg.split("=", 1) for arg in sys.argv[2:])
HERE = os.path.dirname(os.path.abspath(__file__))

results = []  # (name, ok, detail)


def check(name, problems):
    problems = [p for p in problems if p]
    results.append((name, not problems, problems))


def load(path):
    with open(path) as f:
        return [d for d in yaml.safe_load_all(f) if d]


def index(objs):
    return {(o["kind"], o["metadata"]["name"]): o for o in objs}


# ---------------------------------------------------------------- schemas ------------------------------------------
def strict_crd_schema(schema):
    """Kubernetes prunes fields a structural schema does not declare; treat them as errors instead."""
    s = copy.deepcopy(schema)

    def walk(node):
        if not isinstance(node, dict):
            return
        if node.get("type") == "object" and "properties" in node and "additionalProperties" not in node \
                and not node.get("x-kubernetes-preserve-unknown-fields"):
            node["additionalProperties"] = False
        for key in ("properties", "patternProperties"):
            for child in node.get(key, {}).values():
                walk(child)
        for key in ("items", "additionalProperties", "not"):
            if isinstance(node.get(key), dict):
                walk(node[key])
        for key in ("allOf", "anyOf", "oneOf"):
            for child in node.get(key, []):
                walk(child)
    walk(s)
    return s


CRD_SCHEMAS = {}
for path in glob.glob(os.path.join(HERE, "crds", "*", "*.yaml")):
    for crd in load(path):
        group, kind = crd["spec"]["group"], crd["spec"]["names"]["kind"]
        for version in crd["spec"]["versions"]:
            if version.get("served"):
                CRD_SCHEMAS[(f"{group}/{version['name']}", kind)] = strict_crd_schema(
                    version["schema"]["openAPIV3Schema"])

DNS_SUBDOMAIN = re.compile(r"^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$")


def schema_problems(obj):
    api, kind, name = obj.get("apiVersion"), obj.get("kind"), obj.get("metadata", {}).get("name")
    where = f"{kind}/{name}"
    if (api, kind) in CRD_SCHEMAS:
        problems = []
        if not name or len(name) > 253 or not DNS_SUBDOMAIN.match(name):
            problems.append(f"{where}: metadata.name is not a DNS subdomain")
        body = {k: v for k, v in obj.items() if k != "metadata"}
        validator = jsonschema.Draft7Validator(CRD_SCHEMAS[(api, kind)])
        for err in sorted(validator.iter_errors(body), key=lambda e: list(e.path)):
            problems.append(f"{where} ({api} CRD schema): {'/'.join(map(str, err.path))}: {err.message}")
        return problems
    if api and api.startswith("kafka.strimzi.io/"):
        return [f"{where}: no vendored CRD schema for {api} {kind}"]
    problems = []
    for version in K8S_VERSIONS:
        try:
            kubernetes_validate.validate(obj, version, strict=True)
        except kubernetes_validate.ValidationError as e:
            problems.append(f"{where} (Kubernetes {version}): {'/'.join(map(str, e.path))}: {e.message}")
        except kubernetes_validate.SchemaNotFoundError as e:
            problems.append(f"{where} (Kubernetes {version}): no schema: {e}")
    return problems


# ---------------------------------------------------------------- env vars -----------------------------------------
def references(text):
    """${VAR} / ${VAR:default} references; yields (var, default-or-None), recursing into defaults."""
    i = 0
    while True:
        start = text.find("${", i)
        if start < 0:
            return
        depth, j = 0, start
        while j < len(text):
            if text.startswith("${", j):
                depth += 1
                j += 2
                continue
            if text[j] == "}":
                depth -= 1
                if depth == 0:
                    break
            j += 1
        inner = text[start + 2:j]
        name, sep, default = inner.partition(":")
        yield name, (default if sep else None)
        i = j + 1


SHARED_PROPERTIES = os.path.join(ROOT, "service-defaults/src/main/resources/META-INF/microprofile-config.properties")


def property_env_refs(service):
    """Env vars referenced by the production-relevant lines of application.properties and of the shared defaults
    (service-defaults, a config source on every service's classpath): {var: [(line, has_default)]}."""
    refs = {}
    for path in (os.path.join(ROOT, service, "src/main/resources/application.properties"), SHARED_PROPERTIES):
        with open(path) as f:
            for line in f:
                line = line.strip()
                if not line or line.startswith("#") or "=" not in line:
                    continue
                key, value = line.split("=", 1)
                profile = re.match(r"^%([\w,-]+)\.", key)
                if profile and "prod" not in profile.group(1).split(","):
                    continue  # %dev / %test lines never apply in the cluster
                for name, default in references(value):
                    if ENV_NAME.match(name):
                        refs.setdefault(name, []).append((key, default))
    return refs


def getenv_refs(service):
    """System.getenv("X") in the service's main sources and in the libraries it uses from this repo."""
    modules = [service, "common-model"] + (["telegram-client"] if service in TDLIB_SERVICES else [])
    found = {}
    for module in modules:
        for path in glob.glob(os.path.join(ROOT, module, "src/main/java/**/*.java"), recursive=True):
            text = open(path, encoding="utf-8").read()
            for m in re.finditer(r'getenv\(\s*"([A-Z0-9_]+)"', text):
                found.setdefault(m.group(1), set()).add(os.path.relpath(path, ROOT))
            for m in re.finditer(r'env\.get\(\s*"([A-Z0-9_]+)"', text):
                found.setdefault(m.group(1), set()).add(os.path.relpath(path, ROOT))
            for m in re.finditer(r'getenv\(\s*([A-Za-z_.]+\.)?ENV_FLAG\s*\)', text):
                found.setdefault("TELEGRAM_SIMULATED_I_UNDERSTAND", set()).add(os.path.relpath(path, ROOT))
    return found


def mapping_prefixes(service):
    """@ConfigMapping prefixes of the service and of the libraries it uses from this repo (telegram.* lives in
    telegram-client)."""
    prefixes = set()
    modules = [service] + (["telegram-client"] if service in TDLIB_SERVICES else [])
    paths = [p for m in modules for p in glob.glob(os.path.join(ROOT, m, "src/main/java/**/*.java"), recursive=True)]
    for path in paths:
        for m in re.finditer(r'@ConfigMapping\(\s*prefix\s*=\s*"([^"]+)"', open(path, encoding="utf-8").read()):
            prefixes.add(re.sub(r"[^A-Za-z0-9]", "_", m.group(1)).upper() + "_")
    return prefixes


def table(name):
    rows = []
    with open(os.path.join(HERE, name)) as f:
        for line in f:
            if line.strip() and not line.startswith("#"):
                service, var, reason = line.split(None, 2)
                rows.append((service, var, reason.strip()))
    return rows


ALLOW = table("env-allowlist.txt")
EXTRA = table("env-extra.txt")


def allowed(service, var):
    return any(var == v and s in ("*", service) for s, v, _ in ALLOW)


def provided_env(deploy, objs, render):
    """{VAR: source} for the first container of a Deployment, through its ConfigMaps and Secrets."""
    by = index(objs)
    provided, problems = {}, []
    container = deploy["spec"]["template"]["spec"]["containers"][0]
    for ref in container.get("envFrom", []):
        for kind, key in (("ConfigMap", "configMapRef"), ("Secret", "secretRef")):
            if key in ref:
                target = by.get((kind, ref[key]["name"]))
                if target is None:
                    if not ref[key].get("optional"):
                        problems.append(f"{render}: {kind} {ref[key]['name']} (envFrom) is not in the render")
                    continue
                data = dict(target.get("data", {}))
                data.update(target.get("stringData", {}))
                for var in data:
                    provided[ref.get("prefix", "") + var] = f"{kind}/{ref[key]['name']}"
    for env in container.get("env", []):
        source = "env"
        vf = env.get("valueFrom", {})
        for kind, key in (("ConfigMap", "configMapKeyRef"), ("Secret", "secretKeyRef")):
            if key in vf:
                target = by.get((kind, vf[key]["name"]))
                data = {} if target is None else {**target.get("data", {}), **target.get("stringData", {})}
                if vf[key]["key"] not in data and not vf[key].get("optional"):
                    problems.append(f"{render}: env {env['name']} -> {kind} {vf[key]['name']} key {vf[key]['key']} missing")
                source = f"{kind}/{vf[key]['name']}"
        provided[env["name"]] = source
    return provided, problems


def config_value(deploy, objs, var):
    by = index(objs)
    container = deploy["spec"]["template"]["spec"]["containers"][0]
    for env in container.get("env", []):
        if env["name"] == var and "value" in env:
            return env["value"]
    for ref in container.get("envFrom", []):
        if "configMapRef" in ref:
            cm = by.get(("ConfigMap", ref["configMapRef"]["name"]))
            if cm and var in cm.get("data", {}):
                return cm["data"][var]
    return None


ENV_REPORT = {}


def env_checks(render, objs):
    by = index(objs)
    for service in SERVICES:
        deploy = by.get(("Deployment", service))
        if deploy is None:
            check(f"{render}: {service} Deployment exists", [f"no Deployment {service}"])
            continue
        provided, problems = provided_env(deploy, objs, render)
        read = {}
        for var, uses in property_env_refs(service).items():
            read.setdefault(var, []).append("application.properties " + ", ".join(k for k, _ in uses))
        for var, files in getenv_refs(service).items():
            read.setdefault(var, []).append("System.getenv in " + ", ".join(sorted(files)))
        for s, var, why in EXTRA:
            if s == service:
                read.setdefault(var, []).append("env-extra.txt: " + why)
        # a var that only appears inside the default of a provided var is not needed
        nested_only = set()
        path = os.path.join(ROOT, service, "src/main/resources/application.properties")
        outer_vars, inner_vars = set(), {}
        for line in open(path):
            line = line.strip()
            if line.startswith("#") or "=" not in line or re.match(r"^%(?!prod)", line):
                continue
            for name, default in references(line.split("=", 1)[1]):
                outer_vars.add(name)
                for inner, _ in references(default or ""):
                    inner_vars.setdefault(inner, set()).add(name)
        for inner, outers in inner_vars.items():
            if inner not in outer_vars - {inner} and all(o in provided for o in outers):
                nested_only.add(inner)
        for var, why in sorted(read.items()):
            if var in provided:
                if allowed(service, var):
                    problems.append(f"{var} is allow-listed as not provided, but the Deployment provides it")
                continue
            if allowed(service, var) or var in nested_only:
                continue
            problems.append(f"{service} reads {var} ({'; '.join(why)}) but its Deployment does not provide it")
        if "TELEGRAM_SIMULATED_I_UNDERSTAND" in provided:
            problems.append("TELEGRAM_SIMULATED_I_UNDERSTAND must never be set in a cluster")
        if config_value(deploy, objs, "TELEGRAM_MODE") not in (None, "real"):
            problems.append("TELEGRAM_MODE must be real in a cluster")
        if render == "prod" and config_value(deploy, objs, "OUTREACH_UI_DEV_SIGN_IN") not in (None, "false"):
            problems.append("OUTREACH_UI_DEV_SIGN_IN must be false in production")
        # every variable of the service's own ConfigMap is read by something (typos)
        prefixes = mapping_prefixes(service) | {"QUARKUS_"}
        own = by.get(("ConfigMap", next((r["configMapRef"]["name"] for r in
                                          deploy["spec"]["template"]["spec"]["containers"][0].get("envFrom", [])
                                          if "configMapRef" in r and r["configMapRef"]["name"].startswith(service)),
                                         "")))
        for var in (own or {}).get("data", {}):
            if var in read or var == "JAVA_OPTS" or any(var.startswith(p) for p in prefixes):
                continue
            problems.append(f"ConfigMap of {service} sets {var}, which nothing in {service} reads")
        if render == "prod":
            ENV_REPORT[service] = {var: provided.get(var, "NOT SET (allow-listed)" if allowed(service, var) or var in nested_only else "MISSING")
                                   for var in sorted(read)}
        check(f"{render}: every env var {service} reads is provided", problems)


# ---------------------------------------------------------------- workload shape -----------------------------------
def workload_checks(render, objs):
    by = index(objs)
    for service, port in SERVICES.items():
        d = by.get(("Deployment", service))
        if d is None:
            continue
        p = []
        pod = d["spec"]["template"]["spec"]
        c = pod["containers"][0]
        psc, csc = pod.get("securityContext", {}), c.get("securityContext", {})
        if not (psc.get("runAsNonRoot") or csc.get("runAsNonRoot")):
            p.append("runAsNonRoot not set")
        if not csc.get("readOnlyRootFilesystem"):
            p.append("readOnlyRootFilesystem not set")
        if csc.get("allowPrivilegeEscalation") is not False:
            p.append("allowPrivilegeEscalation not false")
        if "ALL" not in csc.get("capabilities", {}).get("drop", []):
            p.append("capabilities do not drop ALL")
        if (psc.get("seccompProfile") or csc.get("seccompProfile") or {}).get("type") != "RuntimeDefault":
            p.append("seccompProfile is not RuntimeDefault")
        for probe, path in (("livenessProbe", "/q/health/live"), ("readinessProbe", "/q/health/ready"),
                            ("startupProbe", None)):
            pr = c.get(probe)
            if not pr:
                p.append(f"no {probe}")
            elif path and pr.get("httpGet", {}).get("path") != path:
                p.append(f"{probe} path is not {path}")
        res = c.get("resources", {})
        for kind in ("requests", "limits"):
            for r in ("cpu", "memory"):
                if r not in res.get(kind, {}):
                    p.append(f"resources.{kind}.{r} missing")
        if not pod.get("terminationGracePeriodSeconds"):
            p.append("terminationGracePeriodSeconds not set")
        if "preStop" not in c.get("lifecycle", {}):
            p.append("no preStop hook")
        mounts = {m["mountPath"]: m["name"] for m in c.get("volumeMounts", [])}
        vols = {v["name"]: v for v in pod.get("volumes", [])}
        if "emptyDir" not in vols.get(mounts.get("/tmp"), {}):
            p.append("/tmp is not an emptyDir")
        for m, name in mounts.items():
            if name not in vols:
                p.append(f"volumeMount {m} names a missing volume {name}")
        for v in vols.values():
            if "secret" in v and ("Secret", v["secret"]["secretName"]) not in by:
                p.append(f"volume {v['name']}: Secret {v['secret']['secretName']} not in render")
        cports = {cp["name"]: cp["containerPort"] for cp in c.get("ports", [])}
        if cports.get("http") != port:
            p.append(f"containerPort http is {cports.get('http')}, expected {port}")
        props = open(os.path.join(ROOT, service, "src/main/resources/application.properties")).read()
        m = re.search(r"^quarkus\.http\.port=\$\{([A-Z_]+):(\d+)\}", props, re.M)
        if not m or int(m.group(2)) != port:
            p.append(f"application.properties default port is not {port}")
        elif (config_value(d, objs, m.group(1)) or str(port)) != str(port):
            p.append(f"{m.group(1)} in the ConfigMap is not {port}")
        host_var = re.search(r"^quarkus\.http\.host=\$\{([A-Z_]+):", props, re.M)
        if host_var and config_value(d, objs, host_var.group(1)) != "0.0.0.0":
            p.append(f"{host_var.group(1)} is not 0.0.0.0 (the service would listen on loopback only)")
        if service in TDLIB_SERVICES:
            tdlib = config_value(d, objs, "TDLIB_PATH")
            if tdlib != "/opt/tdlib/libtdjson.so":
                p.append("TDLIB_PATH is not the path the image puts libtdjson.so at")
            if "--enable-native-access=ALL-UNNAMED" not in (config_value(d, objs, "JAVA_OPTS") or ""):
                p.append("JAVA_OPTS lacks --enable-native-access=ALL-UNNAMED")
            work = config_value(d, objs, "TELEGRAM_AUTH_WORK_DIR" if service == "telegram-auth-service"
                                else "REPLY_MONITOR_WORK_DIR")
            if work not in mounts or "emptyDir" not in vols.get(mounts[work], {}):
                p.append(f"TDLib work dir {work} is not an emptyDir mount")
        svc = by.get(("Service", service))
        if svc is None:
            p.append("no Service")
        else:
            labels = d["spec"]["template"]["metadata"]["labels"]
            if any(labels.get(k) != v for k, v in svc["spec"]["selector"].items()):
                p.append("Service selector does not match the pods")
            if [sp["port"] for sp in svc["spec"]["ports"]] != [port]:
                p.append("Service port differs from the service's port")
        pdbs = [o for o in objs if o["kind"] == "PodDisruptionBudget" and
                all(d["spec"]["template"]["metadata"]["labels"].get(k) == v
                    for k, v in o["spec"]["selector"].get("matchLabels", {}).items())]
        if not pdbs:
            p.append("no PodDisruptionBudget selects its pods")
        for pdb in pdbs:
            if pdb["spec"].get("minAvailable") and pdb["spec"]["minAvailable"] >= d["spec"].get("replicas", 1):
                p.append("PodDisruptionBudget minAvailable >= replicas would block every node drain")
        hpa = by.get(("HorizontalPodAutoscaler", service))
        if service in HPA_SERVICES and (hpa is None or hpa["spec"]["scaleTargetRef"]["name"] != service):
            p.append("no HorizontalPodAutoscaler")
        if service not in HPA_SERVICES and hpa is not None:
            p.append("unexpected HorizontalPodAutoscaler")
        check(f"{render}: {service} Deployment shape (probes, resources, security, shutdown, port)", p)

    # images pinned, everywhere
    p = []
    for o in objs:
        spec = o.get("spec", {}).get("template", {}).get("spec", {})
        if o["kind"] == "CronJob":
            spec = o["spec"]["jobTemplate"]["spec"]["template"]["spec"]
        for c in spec.get("containers", []) + spec.get("initContainers", []):
            img = c["image"]
            tag = img.rsplit(":", 1)[1] if ":" in img.rsplit("/", 1)[-1] else None
            if render == "base" and img.startswith("outreach/"):
                continue  # the services' own images get their registry and tag in the overlays
            if "@sha256:" not in img and (not tag or tag == "latest"):
                p.append(f"{o['kind']}/{o['metadata']['name']}: image {img} is not pinned")
    check(f"{render}: every image is pinned (no :latest, no missing tag)", p)

    # FalkorDB: StatefulSet, PVC, persistence settings, backups
    p = []
    f = by.get(("StatefulSet", "falkordb"))
    if f is None:
        p.append("no StatefulSet falkordb")
    else:
        c = f["spec"]["template"]["spec"]["containers"][0]
        args = c.get("command", []) + c.get("args", [])
        if not c["image"].startswith("falkordb/falkordb:"):
            p.append("image is not falkordb/falkordb")
        settings, problems = falkordb_settings(f, objs)
        p += problems
        for key, want in (("appendonly", "yes"), ("appendfsync", "everysec"), ("aof-use-rdb-preamble", "yes")):
            if settings.get(key) != want:
                p.append(f"{key} is {settings.get(key)!r}, not {want} (AOF with an RDB base, fsync every second)")
        if settings.get("auto-aof-rewrite-percentage", "100") == "0":
            p.append("automatic AOF rewrite is off (auto-aof-rewrite-percentage 0): a restart would replay every write")
        if settings.get("save", "") in ("", '""'):
            p.append("no RDB snapshots (save is empty)")
        module = args[args.index("--loadmodule") + 1:] if "--loadmodule" in args else []
        module_args = []
        for a in module[1:]:
            if a.startswith("--"):
                break
            module_args.append(a)
        local = local_falkordb_module_args()
        if module_args != local:
            p.append(f"module arguments {module_args} differ from deploy/local/lib.sh's FALKORDB_MODULE_ARGS {local}")
        data_dir = args[args.index("--dir") + 1] if "--dir" in args else None
        claims = {t["metadata"]["name"] for t in f["spec"].get("volumeClaimTemplates", [])}
        mounts = {m["mountPath"]: m["name"] for m in c.get("volumeMounts", [])}
        if mounts.get(data_dir) not in claims:
            p.append(f"the data dir {data_dir} is not on a PersistentVolumeClaim")
        startup = c.get("startupProbe", {})
        budget = startup.get("periodSeconds", 10) * startup.get("failureThreshold", 3)
        if budget < FALKORDB_STARTUP_BUDGET_S:
            p.append(f"startupProbe allows {budget} s; loading the data needs up to {FALKORDB_STARTUP_BUDGET_S} s (deploy/bench/recovery)")
        for probe in ("startupProbe", "readinessProbe"):
            command = " ".join(c.get(probe, {}).get("exec", {}).get("command", []))
            if "PONG" not in command:
                p.append(f"{probe} does not wait for PONG (Redis answers -LOADING while it loads)")
        if ("Service", "falkordb") not in by:
            p.append("no Service falkordb")
        url = config_value(by[("Deployment", "outreach-api")], objs, "FALKORDB_URL")
        if url != "redis://falkordb:6379":
            p.append(f"outreach-api FALKORDB_URL {url} does not point at the falkordb Service")
    check(f"{render}: FalkorDB is a StatefulSet with a PVC, AOF + RDB base + automatic rewrite + snapshots", p)
    falkordb_backup_checks(render, objs, f)
    p = []
    if ("Service", "redis") not in by or not (("Deployment", "redis") in by or ("StatefulSet", "redis") in by):
        p.append("no Redis workload + Service")
    if config_value(by[("Deployment", "telegram-auth-service")], objs, "REDIS_URL") != "redis://redis:6379":
        p.append("telegram-auth-service REDIS_URL does not point at the redis Service")
    check(f"{render}: Redis for login state", p)


# ---------------------------------------------------------------- FalkorDB persistence -----------------------------
FALKORDB_STARTUP_BUDGET_S = 300  # the startup probe must allow at least this (see deploy/k8s/README.md)


def falkordb_settings(statefulset, objs):
    """The redis-server settings in effect: the config file (from its ConfigMap) then the command-line options."""
    by = index(objs)
    pod = statefulset["spec"]["template"]["spec"]
    c = pod["containers"][0]
    args = c.get("command", []) + c.get("args", [])
    problems, settings = [], {}
    conf = next((a for a in args[1:] if a.endswith(".conf")), None)
    if conf is None:
        problems.append("redis-server is not started with a config file")
    else:
        mount = next((m for m in c.get("volumeMounts", []) if conf.startswith(m["mountPath"].rstrip("/") + "/")), None)
        volume = next((v for v in pod.get("volumes", []) if mount and v["name"] == mount["name"]), None)
        cm = by.get(("ConfigMap", volume["configMap"]["name"])) if volume and "configMap" in volume else None
        key = conf[len(mount["mountPath"].rstrip("/")) + 1:] if mount else None
        if cm is None or key not in cm.get("data", {}):
            problems.append(f"{conf} is not a key of a ConfigMap mounted there")
        else:
            text = cm["data"][key]
            with open(os.path.join(ROOT, "deploy/k8s/base/data/falkordb.conf")) as f:
                if text != f.read():
                    problems.append(f"{conf} differs from deploy/k8s/base/data/falkordb.conf (the file deploy/local uses)")
            for line in text.splitlines():
                line = line.strip()
                if line and not line.startswith("#"):
                    name, _, value = line.partition(" ")
                    settings[name.lower()] = value.strip()
    i = 0
    while i < len(args):
        if args[i].startswith("--") and i + 1 < len(args):
            settings[args[i][2:].lower()] = args[i + 1]
            i += 2
        else:
            i += 1
    return settings, problems


def local_falkordb_module_args():
    text = open(os.path.join(ROOT, "deploy/local/lib.sh")).read()
    m = re.search(r"^FALKORDB_MODULE_ARGS=\(([^)]*)\)", text, re.M)
    return m.group(1).split() if m else []


def falkordb_backup_checks(render, objs, falkordb):
    by = index(objs)
    p = []
    job = by.get(("CronJob", "falkordb-backup"))
    if job is None:
        p.append("no CronJob falkordb-backup")
    else:
        spec = job["spec"]
        pod = spec["jobTemplate"]["spec"]["template"]["spec"]
        c = pod["containers"][0]
        env = {e["name"]: e.get("value") for e in c.get("env", [])}
        if spec.get("concurrencyPolicy") != "Forbid":
            p.append("concurrencyPolicy is not Forbid (two backups at once)")
        if not str(env.get("BACKUP_KEEP", "")).isdigit() or int(env["BACKUP_KEEP"]) < 1:
            p.append("BACKUP_KEEP is not a positive number")
        if falkordb is not None and c["image"] != falkordb["spec"]["template"]["spec"]["containers"][0]["image"]:
            p.append("the backup image is not FalkorDB's (redis-cli of the same version)")
        if "falkordb-backup.sh" not in " ".join(c.get("command", []) + c.get("args", [])):
            p.append("the job does not run falkordb-backup.sh")
        mounts = {m["mountPath"]: m["name"] for m in c.get("volumeMounts", [])}
        vols = {v["name"]: v for v in pod.get("volumes", [])}
        backups = vols.get(mounts.get(env.get("BACKUP_DIR")), {})
        claim = backups.get("persistentVolumeClaim", {}).get("claimName")
        if claim is None or ("PersistentVolumeClaim", claim) not in by:
            p.append(f"BACKUP_DIR {env.get('BACKUP_DIR')} is not on a PersistentVolumeClaim of the render")
        psc, csc = pod.get("securityContext", {}), c.get("securityContext", {})
        if not (psc.get("runAsNonRoot") or csc.get("runAsNonRoot")) or not csc.get("readOnlyRootFilesystem") \
                or "ALL" not in csc.get("capabilities", {}).get("drop", []):
            p.append("the backup container is not non-root / read-only root / no capabilities")
        for res in ("requests", "limits"):
            if not c.get("resources", {}).get(res):
                p.append(f"resources.{res} missing")
    restore = by.get(("CronJob", "falkordb-restore"))
    if restore is None:
        p.append("no CronJob falkordb-restore (the restore template)")
    elif restore["spec"].get("suspend") is not True:
        p.append("falkordb-restore is not suspended: it would overwrite the graph on a schedule")
    check(f"{render}: FalkorDB backups (CronJob keeping N copies on a volume, a suspended restore job)", p)


# ---------------------------------------------------------------- Kafka -------------------------------------------
def kafka_checks(render, objs):
    by = index(objs)
    p = []
    kafkas = [o for o in objs if o["kind"] == "Kafka"]
    pools = [o for o in objs if o["kind"] == "KafkaNodePool"]
    if len(kafkas) != 1:
        p.append(f"expected one Kafka, found {len(kafkas)}")
        check(f"{render}: Kafka (Strimzi, KRaft with node pools)", p)
        return
    kafka = kafkas[0]
    name = kafka["metadata"]["name"]
    if "zookeeper" in kafka["spec"]:
        p.append("ZooKeeper configured; KRaft only")
    roles = set()
    brokers = 0
    for pool in pools:
        if pool["metadata"].get("labels", {}).get("strimzi.io/cluster") != name:
            p.append(f"KafkaNodePool {pool['metadata']['name']} not labelled for {name}")
        roles |= set(pool["spec"]["roles"])
        if "broker" in pool["spec"]["roles"]:
            brokers += pool["spec"]["replicas"]
    if roles != {"broker", "controller"}:
        p.append(f"node pools cover roles {sorted(roles)}, need broker and controller")
    listeners = kafka["spec"]["kafka"]["listeners"]
    for l in listeners:
        if not l.get("tls") or l.get("authentication", {}).get("type") != "scram-sha-512":
            p.append(f"listener {l['name']} is not TLS with SCRAM-SHA-512 authentication")
    if kafka["spec"]["kafka"].get("authorization", {}).get("type") != "simple":
        p.append("Kafka authorization is not 'simple' (KafkaUser ACLs would not be enforced)")
    if "userOperator" not in kafka["spec"].get("entityOperator", {}):
        p.append("no User Operator: the KafkaUsers would never get credentials")
    common = by.get(("ConfigMap", next((o["metadata"]["name"] for o in objs if o["kind"] == "ConfigMap"
                                        and o["metadata"]["name"].startswith("outreach-common")), "")))
    expected = f"{name}-kafka-bootstrap:{listeners[0]['port'] if listeners else '?'}"
    if common is not None:
        for key, want in (("KAFKA_SECURITY_PROTOCOL", "SASL_SSL"), ("KAFKA_SASL_MECHANISM", "SCRAM-SHA-512"),
                          ("KAFKA_SSL_TRUSTSTORE_TYPE", "PEM")):
            if common["data"].get(key) != want:
                p.append(f"{key} is not {want}")
    if common is None or common["data"].get("KAFKA_BOOTSTRAP_SERVERS") != expected:
        p.append(f"KAFKA_BOOTSTRAP_SERVERS is not {expected}")
    cfg = kafka["spec"]["kafka"].get("config", {})
    for key in ("offsets.topic.replication.factor", "transaction.state.log.replication.factor",
                "default.replication.factor", "min.insync.replicas"):
        if int(cfg.get(key, 1)) > brokers:
            p.append(f"{key}={cfg.get(key)} exceeds {brokers} broker(s)")
    if cfg.get("auto.create.topics.enable") not in (False, "false"):
        p.append("auto.create.topics.enable should be false (topics are declared)")
    check(f"{render}: Kafka (Strimzi, KRaft with node pools)", p)

    p = []
    expected_topics = {}
    with open(os.path.join(ROOT, "deploy/local/topics.txt")) as f:
        for line in f:
            if line.strip() and not line.startswith("#"):
                t, parts, policy = line.split()[:3]
                expected_topics[t] = (int(parts), policy)
    topics = {o.get("spec", {}).get("topicName", o["metadata"]["name"]): o for o in objs if o["kind"] == "KafkaTopic"}
    for t, (parts, policy) in expected_topics.items():
        for name_, want_parts, want_policy in ((t, parts, policy), (t + ".dlq", None, "delete")):
            o = topics.get(name_)
            if o is None:
                p.append(f"KafkaTopic {name_} missing")
                continue
            if want_parts is not None and o["spec"]["partitions"] != want_parts:
                p.append(f"{name_}: {o['spec']['partitions']} partitions, topics.txt says {want_parts}")
            if o["spec"].get("config", {}).get("cleanup.policy") != want_policy:
                p.append(f"{name_}: cleanup.policy is not {want_policy}")
    for t, o in topics.items():
        if t not in expected_topics and not (t.endswith(".dlq") and t[:-4] in expected_topics):
            p.append(f"KafkaTopic {t} is not in topics.txt")
        if o["metadata"].get("labels", {}).get("strimzi.io/cluster") != name:
            p.append(f"KafkaTopic {t} is not labelled strimzi.io/cluster={name}")
        if o["spec"].get("replicas", 1) > brokers:
            p.append(f"KafkaTopic {t}: replicas {o['spec']['replicas']} > {brokers} broker(s)")
    check(f"{render}: a KafkaTopic for every topic of topics.txt and its .dlq; compacted ones compacted", p)

    p = []
    rm = by.get(("Deployment", "reply-monitor"))
    grants = topics.get("telegram.session-grants")
    if rm and grants:
        if rm["spec"].get("replicas", 1) > grants["spec"]["partitions"]:
            p.append("reply-monitor replicas exceed the partitions of telegram.session-grants")
        ru = rm["spec"].get("strategy", {}).get("rollingUpdate", {})
        if rm["spec"].get("strategy", {}).get("type", "RollingUpdate") == "RollingUpdate" and ru.get("maxSurge", 1) not in (0, "0", "0%"):
            p.append("reply-monitor may surge above its replica count during a rollout (maxSurge must be 0)")
        if ("HorizontalPodAutoscaler", "reply-monitor") in by:
            p.append("reply-monitor must not autoscale beyond the partitions")
    check(f"{render}: reply-monitor replicas <= partitions of telegram.session-grants", p)


# ---------------------------------------------------------------- Ingress ------------------------------------------
def ingress_checks(render, objs):
    rules = []  # (path, type, service, annotations)
    for o in objs:
        if o["kind"] != "Ingress":
            continue
        ann = o["metadata"].get("annotations", {})
        for rule in o["spec"]["rules"]:
            for path in rule["http"]["paths"]:
                rules.append((path["path"], path["pathType"], path["backend"]["service"]["name"], ann))
    regex_host = any(a.get("nginx.ingress.kubernetes.io/use-regex") == "true" for *_, a in rules)

    def route(url):
        """ingress-nginx: with use-regex on the host every path is a case-insensitive prefix regex, longest first."""
        best = None
        for path, ptype, svc, ann in rules:
            if regex_host:
                ok = re.match(path, url, re.I) is not None
            elif ptype == "Prefix":
                ok = url == path or url.startswith(path.rstrip("/") + "/") or path == "/"
            elif ptype == "Exact":
                ok = url == path
            else:
                ok = False
            if ok and (best is None or len(path) > len(best[0])):
                best = (path, svc)
        return best and best[1]

    cases = {
        "/api/outreach/telegram/qr-start": "telegram-auth-service",
        "/api/outreach/telegram/qr-check/AbC_123": "telegram-auth-service",
        "/api/outreach/telegram/qr-password/AbC_123": "telegram-auth-service",
        "/api/outreach/telegram/qr/AbC_123": "telegram-auth-service",
        "/api/leads/import": "lead-ingest",
        "/api/leads/imports/42": "lead-ingest",
        "/api/generator/status": "message-generator",
        "/api/generator/preview": "outreach-api",
        "/api/outreach/queue": "outreach-api",
        "/api/outreach/generate-message/c1": "outreach-api",
        "/api/outreach/telegram/sessions": "outreach-api",
        "/": "outreach-api",
        "/q/health/ready": "outreach-api",
    }
    p = [f"{url} routes to {route(url)}, expected {want}" for url, want in cases.items() if route(url) != want]
    for path, ptype, svc, ann in rules:
        if ptype == "ImplementationSpecific" and ann.get("nginx.ingress.kubernetes.io/use-regex") != "true":
            p.append(f"{path}: ImplementationSpecific without ingress-nginx use-regex")
    check(f"{render}: Ingress routes qr-* to auth, /api/leads to lead-ingest, /api/generator/status to the "
          f"generator, the rest to outreach-api", p)


# ---------------------------------------------------------------- references / secrets -----------------------------
def reference_checks(render, objs):
    by = index(objs)
    p = []
    for o in objs:
        if o["kind"] == "HorizontalPodAutoscaler":
            t = o["spec"]["scaleTargetRef"]
            if (t["kind"], t["name"]) not in by:
                p.append(f"HPA {o['metadata']['name']} targets missing {t['kind']}/{t['name']}")
        if o["kind"] == "Ingress":
            for rule in o["spec"]["rules"]:
                for path in rule["http"]["paths"]:
                    svc = by.get(("Service", path["backend"]["service"]["name"]))
                    if svc is None:
                        p.append(f"Ingress {o['metadata']['name']} -> missing Service {path['backend']['service']['name']}")
                    elif path["backend"]["service"]["port"].get("name") not in [sp.get("name") for sp in svc["spec"]["ports"]]:
                        p.append(f"Ingress {o['metadata']['name']} -> Service port not found")
        if o["kind"] == "Service" and o["spec"].get("selector"):
            sel = o["spec"]["selector"]
            pods = [w for w in objs if w["kind"] in ("Deployment", "StatefulSet")
                    and all(w["spec"]["template"]["metadata"]["labels"].get(k) == v for k, v in sel.items())]
            if not pods:
                p.append(f"Service {o['metadata']['name']} selects no pods")
            for sp in o["spec"]["ports"]:
                if isinstance(sp.get("targetPort"), str):
                    names = [cp.get("name") for w in pods for c in w["spec"]["template"]["spec"]["containers"]
                             for cp in c.get("ports", [])]
                    if sp["targetPort"] not in names:
                        p.append(f"Service {o['metadata']['name']}: targetPort {sp['targetPort']} not a container port")
    check(f"{render}: cross references (HPA targets, Ingress backends, Service selectors and ports)", p)
    if render == "base":
        p = []
        for o in objs:
            if o["kind"] == "Secret" and "validate/made-by" not in o["metadata"].get("annotations", {}):
                import base64
                for k, v in o.get("data", {}).items():
                    if base64.b64decode(v).decode() != "REPLACE_ME":
                        p.append(f"base Secret {o['metadata']['name']} key {k} holds something else than REPLACE_ME")
        check("base: Secrets are placeholders only", p)


def operator_made_secrets(objs):
    """The Secrets Strimzi's operators create from the render (not in it): <cluster>-cluster-ca-cert for each Kafka and,
    for each SCRAM KafkaUser, a Secret of the user's name. References to them are valid; they hold no placeholders."""
    made = []
    for o in objs:
        name = o["metadata"]["name"]
        if o["kind"] == "Kafka":
            made.append((f"{name}-cluster-ca-cert", ["ca.crt", "ca.p12", "ca.password"]))
        if o["kind"] == "KafkaUser" and o["spec"].get("authentication", {}).get("type") == "scram-sha-512":
            made.append((name, ["password", "sasl.jaas.config"]))
    return [{"apiVersion": "v1", "kind": "Secret",
             "metadata": {"name": n, "annotations": {"validate/made-by": "strimzi"}},
             "data": {k: "" for k in keys}} for n, keys in made]


def main():
    for render, path in RENDERS.items():
        objs = load(path)
        problems = []
        for o in objs:
            problems += schema_problems(o)
        kinds = sorted({o["kind"] for o in objs})
        check(f"{render}: {len(objs)} objects valid against Kubernetes {' and '.join(K8S_VERSIONS)} (strict) "
              f"and the Strimzi CRD schemas ({', '.join(kinds)})", problems)
        objs = objs + operator_made_secrets(objs)
        env_checks(render, objs)
        workload_checks(render, objs)
        kafka_checks(render, objs)
        ingress_checks(render, objs)
        reference_checks(render, objs)
        security_checks(render, objs, ROOT, check)

    # no secret material tracked by git under deploy/k8s
    import subprocess
    tracked = subprocess.run(["git", "-C", ROOT, "ls-files", "deploy/k8s/overlays"], capture_output=True, text=True).stdout.split()
    check("no secret files tracked under deploy/k8s/overlays/*/secrets (only *.example and README.md)",
          [f for f in tracked if "/secrets/" in f and not (f.endswith(".example") or f.endswith("README.md"))])

    failed = 0
    for name, ok, problems in results:
        print(("PASS " if ok else "FAIL ") + name)
        for pr in problems[:40]:
            print("     - " + pr)
        failed += not ok
    if os.environ.get("VALIDATE_ENV_REPORT"):
        with open(os.environ["VALIDATE_ENV_REPORT"], "w") as f:
            for service, env in ENV_REPORT.items():
                f.write(f"{service}\n")
                for var, src in env.items():
                    f.write(f"  {var:40s} {src}\n")
    print(f"manifests: {len(results) - failed} passed, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
