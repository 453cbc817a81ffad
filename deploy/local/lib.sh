# Sourced by the deploy/local scripts (after env.sh): starting a process of the stack, the FalkorDB command
# line, and a minimal Redis-protocol client for FalkorDB (no redis-cli here).
port_busy() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
running() { local f="$RUN_DIR/$1.pid"; [ -f "$f" ] && kill -0 "$(cat "$f")" 2>/dev/null; }
start() { # name, command...
  local name="$1"; shift
  if running "$name"; then echo "up: $name already running (pid $(cat "$RUN_DIR/$name.pid"))"; return; fi
  mkdir -p "$RUN_DIR" "$LOG_DIR"
  nohup "$@" >>"$LOG_DIR/$name.log" 2>&1 &
  echo $! >"$RUN_DIR/$name.pid"
  disown $!   # stopped by its pid file; no job-control notices when it is killed
}
# stops one process by its recorded pid (TERM, then KILL after 10 s)
stop() {
  local name="$1" pid
  pid="$(cat "$RUN_DIR/$name.pid" 2>/dev/null)" || return 0
  if [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null; then
    kill "$pid" 2>/dev/null
    for _ in $(seq 1 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.2; done
    kill -0 "$pid" 2>/dev/null && kill -9 "$pid" 2>/dev/null
    echo "stopped $name (pid $pid)"
  fi
  rm -f "$RUN_DIR/$name.pid"
}

# FalkorDB: the persistence settings shared with Kubernetes (falkordb.conf), then what differs on this machine.
# EFFECTS_THRESHOLD 0 (a module argument, so not in falkordb.conf; the StatefulSet passes the same, which
# deploy/k8s/validate checks): FalkorDB writes the EFFECTS of each write query to the AOF instead of the query
# text. A restart then applies them instead of running every query again - replaying query texts ran each MERGE
# without its index, ~quadratic: 805 s for 63k leads (deploy/bench/recovery measures both).
FALKORDB_CONF="$ROOT/deploy/k8s/base/data/falkordb.conf"
FALKORDB_DATA="$STACK_HOME/falkordb-data"
FALKORDB_MODULE_ARGS=(EFFECTS_THRESHOLD 0)
falkordb_command() { # data dir, port -> FALKORDB_CMD
  FALKORDB_CMD=("$FALKORDB_HOME/redis-server" "$FALKORDB_CONF" --bind 127.0.0.1 --port "$2" --dir "$1"
    --loadmodule "$FALKORDB_HOME/falkordb.so" "${FALKORDB_MODULE_ARGS[@]}")
}
falkordb_command "$FALKORDB_DATA" "$FALKORDB_PORT"
start_falkordb() { mkdir -p "$FALKORDB_DATA"; start falkordb "${FALKORDB_CMD[@]}"; }

# resp PORT ARG... : sends one command and prints the reply (simple, integer and bulk values one per line, arrays
# flattened); an error reply goes to stderr and returns 1, as does a connection that cannot be opened
resp() {
  local LC_ALL=C port="$1" fd a req rc=0
  shift
  { exec {fd}<>"/dev/tcp/127.0.0.1/$port"; } 2>/dev/null || return 1
  req="*$#"$'\r\n'
  for a in "$@"; do req+="\$${#a}"$'\r\n'"$a"$'\r\n'; done
  printf '%s' "$req" >&"$fd"
  resp_read "$fd" || rc=1
  exec {fd}>&-
  return $rc
}
resp_read() {
  local fd="$1" line data i
  IFS= read -r line <&"$fd" || return 1
  line="${line%$'\r'}"
  case "$line" in
    [+:]*) printf '%s\n' "${line:1}" ;;
    -*) printf '%s\n' "${line:1}" >&2; return 1 ;;
    '$-1'|'*-1') ;;
    \$*) IFS= read -r -N "${line:1}" data <&"$fd"; read -r -N 2 <&"$fd"; printf '%s\n' "$data" ;;
    \**) for ((i = 0; i < ${line:1}; i++)); do resp_read "$fd" || return 1; done ;;
    *) printf 'unexpected reply: %s\n' "$line" >&2; return 1 ;;
  esac
}
# info_field PORT SECTION FIELD : one field of INFO SECTION
info_field() { resp "$1" INFO "$2" | tr -d '\r' | awk -F: -v k="$3" '$1 == k { print $2 }'; }
# waits until FalkorDB answers PING (it answers -LOADING while it loads its data), up to $2 s
await_falkordb() {
  local port="$1" deadline=$((SECONDS + ${2:-300}))
  until [ "$(resp "$port" PING 2>/dev/null)" = PONG ]; do
    [ $SECONDS -ge $deadline ] && { echo "FalkorDB on $port did not answer within ${2:-300} s" >&2; return 1; }
    sleep 0.2
  done
}
