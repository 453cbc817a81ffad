# Sourced by the deploy/bench commands: their own stack (fresh OUTREACH_STACK_HOME, ports given by the caller),
# machine facts, and restarting one service with different settings.
# Ports stay below 32768 (Linux ephemeral ports start there: a listening port above it can be taken by any client socket).
BENCH_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
# the checkout whose built services (and deploy/local) a bench runs: this one, or BENCH_APPS_ROOT (an older commit's
# worktree, for before/after figures)
BENCH_APPS_ROOT="$(cd "${BENCH_APPS_ROOT:-$BENCH_ROOT}" && pwd)"
bench_stack_env() { # name port-base-digits
  local name="$1" b="$2"
  BENCH_STAMP="${BENCH_STAMP:-$(date -u +%Y%m%d-%H%M%S)}"
  export OUTREACH_STACK_HOME="$BENCH_ROOT/.local-stack/bench-$name-$BENCH_STAMP"
  export OUTREACH_CACHE_HOME="$BENCH_ROOT/.local-stack"
  if [ "${BENCH_PORTS_FROM_ENV:-0}" != 1 ]; then   # =1: keep the ports already exported (e.g. an engineer's own set)
    export OUTREACH_API_PORT=${b}080 TELEGRAM_AUTH_PORT=${b}081 REPLY_MONITOR_PORT=${b}082 MESSAGE_GENERATOR_PORT=${b}083
    export LEAD_INGEST_PORT=${b}084 KAFKA_PORT=$((b + 1))092 KAFKA_CONTROLLER_PORT=$((b + 1))093
    export FALKORDB_PORT=$((b - 2))379 REDIS_PORT=$((b - 2))380
  fi
  export OUTREACH_UI_DEV_SIGN_IN=false
  mkdir -p "$OUTREACH_STACK_HOME"
  BENCH_APPS="$OUTREACH_STACK_HOME/root"   # the private copy (bench_snapshot_apps); deploy/local runs from there
  source "$BENCH_ROOT/deploy/local/env.sh"
}
# Other engineers rebuild the services in this tree all the time (a rebuild deletes and rewrites
# target/quarkus-app/lib while a JVM starts from it). So the benchmark runs a private copy: deploy/local and the five
# quarkus-app directories (+ the telegram-client jar, FalkorDB's falkordb.conf), copied when no jar changed for 20 s, under $BENCH_APPS; its
# deploy/local/up then starts the services from there (env.sh derives ROOT from its own place).
bench_snapshot_apps() {
  local s i stamp_before stamp_after
  bench_jars_fresh
  stamps() { for s in lead-ingest outreach-api telegram-auth-service reply-monitor message-generator; do
      stat -c %Y "$BENCH_APPS_ROOT/$s/target/quarkus-app/quarkus-run.jar" 2>/dev/null || echo missing; done
    ls "$BENCH_APPS_ROOT"/telegram-client/target/telegram-client-*.jar 2>/dev/null | xargs -r stat -c %Y; }
  for i in $(seq 1 60); do
    stamp_before="$(stamps)"
    if ! grep -q missing <<<"$stamp_before" && [ $(( $(date +%s) - $(sort -n <<<"$stamp_before" | tail -1) )) -ge 20 ]; then
      rm -rf "$BENCH_APPS"; mkdir -p "$BENCH_APPS/deploy" "$BENCH_APPS/telegram-client/target"
      cp -r "$BENCH_APPS_ROOT/deploy/local" "$BENCH_APPS/deploy/"
      mkdir -p "$BENCH_APPS/deploy/k8s/base/data"   # FalkorDB's settings file, shared with Kubernetes
      cp "$BENCH_APPS_ROOT/deploy/k8s/base/data/falkordb.conf" "$BENCH_APPS/deploy/k8s/base/data/"
      for s in lead-ingest outreach-api telegram-auth-service reply-monitor message-generator; do
        mkdir -p "$BENCH_APPS/$s/target" && cp -r "$BENCH_APPS_ROOT/$s/target/quarkus-app" "$BENCH_APPS/$s/target/" 2>/dev/null || true
      done
      cp "$BENCH_APPS_ROOT"/telegram-client/target/telegram-client-*.jar "$BENCH_APPS/telegram-client/target/" 2>/dev/null || true
      stamp_after="$(stamps)"
      [ "$stamp_before" = "$stamp_after" ] && { echo "bench: running a private copy of the services in $BENCH_APPS" >&2; return 0; }
    fi
    echo "bench: the services are being rebuilt by someone; waiting for the jars to settle ..." >&2
    sleep 5
  done
  echo "bench: the jars did not settle for 5 min" >&2; return 1
}
bench_up() { "$BENCH_APPS/deploy/local/up" --detach; }
bench_down() {
  "$BENCH_APPS/deploy/local/down" >/dev/null 2>&1 || "$BENCH_ROOT/deploy/local/down" >/dev/null 2>&1 || true
  rm -rf "$OUTREACH_STACK_HOME/kafka/data" "$OUTREACH_STACK_HOME/falkordb-data" "$OUTREACH_STACK_HOME/redis-data" \
    "$OUTREACH_STACK_HOME/sim-world"
}
bench_pid() { cat "$RUN_DIR/$1.pid"; }
bench_rss_mb() { awk '/VmRSS/{printf "%.0f", $2/1024}' "/proc/$(bench_pid "$1")/status"; }
# stops one service of this stack (by its recorded pid) and starts it again with local.env as it is now
bench_restart() {
  local name="$1" pid
  pid="$(bench_pid "$name")"
  kill "$pid" 2>/dev/null || true
  for _ in $(seq 1 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.2; done
  kill -0 "$pid" 2>/dev/null && kill -9 "$pid"
  rm -f "$RUN_DIR/$name.pid"
  bench_up >/dev/null
}
bench_machine() { # one Markdown line
  printf '%s cores (%s), %s GiB RAM, %s, kernel %s; `uptime` at start: %s' "$(nproc)" \
    "$(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)" "$(free -g | awk '/Mem:/{print $2}')" \
    "$("$JAVA" -version 2>&1 | head -1)" "$(uname -r)" "$(uptime | sed 's/.*load/load/')"
}
bench_load() { uptime | sed 's/.*load average: //'; }
bench_jars_fresh() {
  # the jars are shared with other engineers' builds: a missing jar usually means someone is rebuilding right now,
  # so wait for it (up to 5 min) before building ourselves (-o offline, -Dskip.ui: the UI is someone else's work)
  local s missing waited=0
  while :; do
    missing=""
    for s in lead-ingest outreach-api telegram-auth-service reply-monitor message-generator; do
      [ -f "$BENCH_APPS_ROOT/$s/target/quarkus-app/quarkus-run.jar" ] || missing="$missing $s"
    done
    [ -z "$missing" ] && return 0
    [ $waited -ge 300 ] && break
    echo "bench: waiting for$missing to be built (another build may be running) ..." >&2
    sleep 10; waited=$((waited + 10))
  done
  echo "bench: building the services (./mvnw -B -q -o install -DskipTests -Dskip.ui)" >&2
  (cd "$BENCH_APPS_ROOT" && ./mvnw -B -q -o install -DskipTests -Dskip.ui) >&2
}
