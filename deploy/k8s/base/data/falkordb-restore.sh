#!/bin/sh
# Puts an RDB snapshot (a backup) in place as FalkorDB's data, for a FalkorDB that is STOPPED:
#   falkordb-restore.sh DATA_DIR SNAPSHOT.rdb
# The current data is moved aside to DATA_DIR/replaced-<UTC stamp>/ (never deleted). The snapshot becomes the
# base of a fresh AOF (appendonlydir/ + manifest, as falkordb.conf names them): with appendonly on, redis-server
# ignores a lone dump.rdb and would start EMPTY, so copying dump.rdb alone is not a restore.
# Used by deploy/local/restore and by the falkordb-restore job in Kubernetes (POSIX sh: the image has no bash).
set -eu
data="$1"
snapshot="$2"
[ -s "$snapshot" ] || { echo "restore: $snapshot is missing or empty" >&2; exit 1; }
head -c 5 "$snapshot" | grep -q '^REDIS' || { echo "restore: $snapshot is not an RDB file" >&2; exit 1; }
stamp="$(date -u +%Y%m%d-%H%M%S)"
mkdir -p "$data"
aside="$data/replaced-$stamp"
mkdir -p "$aside"
for f in appendonlydir dump.rdb; do
  [ -e "$data/$f" ] && mv "$data/$f" "$aside/"
done
mkdir -p "$data/appendonlydir"
cp "$snapshot" "$data/appendonlydir/appendonly.aof.1.base.rdb"
printf 'file appendonly.aof.1.base.rdb seq 1 type b\n' > "$data/appendonlydir/appendonly.aof.manifest"
cp "$snapshot" "$data/dump.rdb"
echo "restore: $snapshot is FalkorDB's data in $data (what was there is in $aside)"
