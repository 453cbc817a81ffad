#!/bin/sh
# The falkordb-backup CronJob: a consistent snapshot of the running FalkorDB into $BACKUP_DIR as
# falkordb-<UTC stamp>.rdb (+ .sha256), keeping the newest $BACKUP_KEEP. `redis-cli --rdb` asks the server for a
# fresh snapshot (the one a new replica gets: a fork, point-in-time) and streams it here; FalkorDB keeps answering.
# Restore: the falkordb-restore CronJob (deploy/k8s/README.md).
set -eu
: "${FALKORDB_HOST:?}" "${BACKUP_DIR:?}" "${BACKUP_KEEP:?}"
stamp="$(date -u +%Y%m%d-%H%M%S)"
partial="$BACKUP_DIR/.falkordb-$stamp.rdb.partial"
rm -f "$BACKUP_DIR"/.falkordb-*.rdb.partial   # left by a run that died
redis-cli -h "$FALKORDB_HOST" -p "${FALKORDB_PORT:-6379}" --rdb "$partial"
head -c 5 "$partial" | grep -q '^REDIS' || { echo "backup: the snapshot is not an RDB file" >&2; rm -f "$partial"; exit 1; }
mv "$partial" "$BACKUP_DIR/falkordb-$stamp.rdb"
(cd "$BACKUP_DIR" && sha256sum "falkordb-$stamp.rdb" > "falkordb-$stamp.rdb.sha256")
echo "backup: $BACKUP_DIR/falkordb-$stamp.rdb ($(wc -c < "$BACKUP_DIR/falkordb-$stamp.rdb") bytes)"
ls -1 "$BACKUP_DIR" | grep -E '^falkordb-[0-9]{8}-[0-9]{6}\.rdb$' | sort | head -n -"$BACKUP_KEEP" | while read -r old; do
  rm -f "$BACKUP_DIR/$old" "$BACKUP_DIR/$old.sha256"
  echo "backup: removed $old (keeping $BACKUP_KEEP)"
done
