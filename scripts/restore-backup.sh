#!/usr/bin/env bash
# Restores a nightly backup of the embedded SQLite database (see docs/operations.md):
#   ./scripts/restore-backup.sh <backup file> [data directory, default src/DealerCrm.Web/App_Data]
# Stop the site first. The database being replaced (with its -wal/-shm) is kept beside it as
# dealercrm.db.before-restore-<UTC time>, so a restore can itself be undone.
set -euo pipefail
backup=${1:?usage: restore-backup.sh <backup file> [data directory]}
data=${2:-"$(dirname "$0")/../src/DealerCrm.Web/App_Data"}
if [ ! -f "$backup" ] || [ "$(head -c 15 "$backup")" != "SQLite format 3" ]; then
  echo "not a SQLite backup: $backup" >&2
  exit 1
fi
mkdir -p "$data"
target="$data/dealercrm.db"
stamp=$(date -u +%Y%m%dT%H%M%SZ)
for suffix in "" -wal -shm; do
  if [ -e "$target$suffix" ]; then
    mv "$target$suffix" "$target.before-restore-$stamp$suffix"
  fi
done
# Copied under another name first: the site never finds a half-copied database.
cp "$backup" "$target.restoring"
mv "$target.restoring" "$target"
echo "restored $backup to $target"
