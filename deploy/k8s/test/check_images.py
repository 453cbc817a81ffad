#!/usr/bin/env python3
"""Checks the JVM Dockerfiles in deploy/images without a Docker engine.

usage: check_images.py ROOT

For every service: the Dockerfile exists; its base image is a pinned eclipse-temurin 25 JRE; every COPY source
exists in the tree the Maven build left (target/quarkus-app: lib/, *.jar, app/, quarkus/) and is let through by the
Dockerfile's own .dockerignore; EXPOSE equals the service's default HTTP port; it runs as user 185, listens on
0.0.0.0, starts quarkus-run.jar; the TDLib services get libtdjson.so, TDLIB_PATH and --enable-native-access.
Ends with 'N passed, N failed'.
"""
import glob
import os
import re
import shlex
import sys

ROOT = sys.argv[1]
IMAGES = os.environ.get("IMAGES_DIR", os.path.join(ROOT, "deploy/images"))  # the selftest points it at broken copies
SERVICES = {"outreach-api": 8080, "telegram-auth-service": 8081, "reply-monitor": 8082,
            "message-generator": 8083, "lead-ingest": 8084}
TDLIB_SERVICES = {"telegram-auth-service", "reply-monitor"}
FAST_JAR_PARTS = ["lib/", "*.jar", "app/", "quarkus/"]

results = []


def instructions(path):
    """(INSTRUCTION, rest) with continuation lines joined and comments dropped."""
    out, buf = [], ""
    for line in open(path):
        stripped = line.strip()
        if not buf and (not stripped or stripped.startswith("#")):
            continue
        if stripped.endswith("\\"):
            buf += stripped[:-1] + " "
            continue
        buf += stripped
        word, _, rest = buf.partition(" ")
        out.append((word.upper(), rest.strip()))
        buf = ""
    return out


def expand(text, args):
    return re.sub(r"\$\{(\w+)\}|\$(\w+)", lambda m: args.get(m.group(1) or m.group(2), m.group(0)), text)


def ignore_allows(ignore_file, source):
    """Dockerfile-specific .dockerignore: later lines win; '!' re-includes (prefix match is enough here)."""
    if not os.path.exists(ignore_file):
        return True
    allowed = True
    for line in open(ignore_file):
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        negate = line.startswith("!")
        pattern = line[1:] if negate else line
        src = source.rstrip("/")
        if pattern == "*" or src == pattern or src.startswith(pattern.rstrip("/") + "/") \
                or re.fullmatch(pattern.replace(".", r"\.").replace("*", "[^/]*"), src):
            allowed = negate
    return allowed


def check_service(service, port):
    problems = []
    dockerfile = os.path.join(IMAGES, f"{service}.Dockerfile")
    if not os.path.exists(dockerfile):
        return [f"{dockerfile} missing"]
    ignore = dockerfile + ".dockerignore"
    args, env, exposed, user, entry, copies = {}, {}, [], None, None, []
    base = None
    for word, rest in instructions(dockerfile):
        if word == "ARG":
            name, _, default = rest.partition("=")
            args.setdefault(name.strip(), default.strip().strip('"'))
        elif word == "FROM":
            base = expand(rest.split()[0], args)
        elif word == "ENV":
            for item in shlex.split(rest):
                k, _, v = item.partition("=")
                env[k] = v
        elif word == "EXPOSE":
            exposed += [int(p.split("/")[0]) for p in rest.split()]
        elif word == "USER":
            user = rest.strip()
        elif word == "ENTRYPOINT":
            entry = rest
        elif word in ("COPY", "ADD"):
            parts = shlex.split(rest)
            flags = [p for p in parts if p.startswith("--")]
            paths = [p for p in parts if not p.startswith("--")]
            if any(f.startswith("--from") for f in flags):
                continue
            copies.append(([expand(s, args) for s in paths[:-1]], expand(paths[-1], {**args, **env})))
    if not base or not re.fullmatch(r"eclipse-temurin:25(\.\d+)+_\d+-jre(-[a-z]+)?", base):
        problems.append(f"base image {base} is not a pinned eclipse-temurin 25 JRE tag (e.g. 25.0.3_9-jre-noble)")
    app = f"{service}/target/quarkus-app/"
    copied_parts = set()
    for sources, dest in copies:
        for src in sources:
            matches = glob.glob(os.path.join(ROOT, src))
            if not matches:
                problems.append(f"COPY source {src} does not exist (run the Maven build / deploy/local/fetch first)")
            elif src.endswith("/") and not os.path.isdir(matches[0]):
                problems.append(f"COPY source {src} is not a directory")
            if not ignore_allows(ignore, src):
                problems.append(f"COPY source {src} is excluded by {os.path.basename(ignore)}")
            if src.startswith(app):
                copied_parts.add(src[len(app):])
            elif not src.startswith(".local-stack/tdlib/"):
                problems.append(f"COPY source {src} is neither the module's quarkus-app nor TDLib")
    for part in FAST_JAR_PARTS:
        if part not in copied_parts:
            problems.append(f"fast-jar part {app}{part} is not copied")
    if not glob.glob(os.path.join(ROOT, app, "quarkus-run.jar")):
        problems.append(f"{app}quarkus-run.jar missing: not a fast-jar build")
    props = open(os.path.join(ROOT, service, "src/main/resources/application.properties")).read()
    m = re.search(r"^quarkus\.http\.port=\$\{[A-Z_]+:(\d+)\}", props, re.M)
    if not m or int(m.group(1)) != port:
        problems.append(f"application.properties default port is not {port}")
    if exposed != [port]:
        problems.append(f"EXPOSE {exposed} differs from the service's port {port}")
    if user != "185":
        problems.append(f"USER is {user}, expected 185")
    if env.get("HTTP_HOST") != "0.0.0.0":
        problems.append("ENV HTTP_HOST=0.0.0.0 missing")
    if not entry or "/deployments/quarkus-run.jar" not in entry:
        problems.append("ENTRYPOINT does not start /deployments/quarkus-run.jar")
    if not any(dest.rstrip("/") == "/deployments" and any(s.endswith("*.jar") for s in srcs) for srcs, dest in copies):
        problems.append("quarkus-run.jar is not copied to /deployments")
    native = "--enable-native-access=ALL-UNNAMED" in env.get("JAVA_OPTS", "")
    tdlib = [(s, d) for srcs, d in copies for s in srcs if s.endswith("libtdjson.so")]
    if service in TDLIB_SERVICES:
        if not native:
            problems.append("JAVA_OPTS lacks --enable-native-access=ALL-UNNAMED")
        if not tdlib:
            problems.append("libtdjson.so is not copied into the image")
        elif env.get("TDLIB_PATH") != tdlib[0][1]:
            problems.append(f"TDLIB_PATH {env.get('TDLIB_PATH')} is not where libtdjson.so is copied ({tdlib[0][1]})")
    elif tdlib:
        problems.append("libtdjson.so copied into a service that does not use TDLib")
    return problems


def main():
    for service, port in SERVICES.items():
        problems = check_service(service, port)
        results.append((service, problems))
    extra = set(os.path.basename(p)[:-len(".Dockerfile")] for p in glob.glob(os.path.join(IMAGES, "*.Dockerfile")))
    stray = sorted(extra - set(SERVICES))
    results.append(("no Dockerfile for an unknown service", [f"deploy/images/{s}.Dockerfile" for s in stray]))
    failed = 0
    for name, problems in results:
        print(("PASS " if not problems else "FAIL ") + f"image {name}")
        for p in problems:
            print("     - " + p)
        failed += bool(problems)
    print(f"images: {len(results) - failed} passed, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
