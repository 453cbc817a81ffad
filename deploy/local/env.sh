# Sourced by the deploy/local scripts: where things live and which ports they use.
# Every port can be overridden from the environment.
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
STACK_HOME="${OUTREACH_STACK_HOME:-$ROOT/.local-stack}"
if [ -z "${JAVA_HOME:-}" ] || ! "$JAVA_HOME/bin/java" -version 2>&1 | grep -qE 'version "(2[2-9]|[3-9][0-9])'; then
  for candidate in /usr/lib/jvm/temurin-25-jdk-amd64 /usr/lib/jvm/temurin-25-jdk /usr/lib/jvm/java-25-openjdk-amd64; do
    [ -x "$candidate/bin/java" ] && { JAVA_HOME="$candidate"; break; }
  done
fi
export JAVA_HOME
JAVA="$JAVA_HOME/bin/java"

OUTREACH_API_PORT="${OUTREACH_API_PORT:-8080}"
TELEGRAM_AUTH_PORT="${TELEGRAM_AUTH_PORT:-8081}"
REPLY_MONITOR_PORT="${REPLY_MONITOR_PORT:-8082}"
MESSAGE_GENERATOR_PORT="${MESSAGE_GENERATOR_PORT:-8083}"
LEAD_INGEST_PORT="${LEAD_INGEST_PORT:-8084}"
KAFKA_PORT="${KAFKA_PORT:-9092}"
KAFKA_CONTROLLER_PORT="${KAFKA_CONTROLLER_PORT:-9093}"
FALKORDB_PORT="${FALKORDB_PORT:-6379}"

# downloaded binaries may be shared by several stacks (the benchmark runs its own); state is per stack
CACHE_HOME="${OUTREACH_CACHE_HOME:-$ROOT/.local-stack}"
FALKORDB_HOME="$CACHE_HOME/falkordb"
KAFKA_LIBS="$CACHE_HOME/kafka/libs"
TDLIB_HOME="$CACHE_HOME/tdlib"
KEYS_DIR="$STACK_HOME/keys"
RUN_DIR="$STACK_HOME/run"
LOG_DIR="$STACK_HOME/logs"
JWT_ISSUER="${JWT_ISSUER:-https://missiondeck.local}"
JWT_AUDIENCE="${JWT_AUDIENCE:-outreach-suite}"
