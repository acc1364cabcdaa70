#!/usr/bin/env bash
# Load run: starts a release build on a fresh database, prints the Argon2id cost with the
# configured parameters, runs wrk against POST /api/v1/reports and samples the server's memory.
# Usage: scripts/loadtest.sh sqlite|postgres [seconds] [connections]
set -euo pipefail
cd "$(dirname "$0")/.."
engine="${1:-sqlite}"; seconds="${2:-30}"; conns="${3:-16}"
work="$(mktemp -d)"; trap 'kill "$server" 2>/dev/null || true; rm -rf "$work"' EXIT
cargo build --release -q
bin=target/release/homeward
# Throughput, not flood limits, is measured here: one wrk source must not be held to its share.
export HOMEWARD_LIMITS__SUBMISSIONS_PER_MINUTE=100000000 HOMEWARD_LIMITS__GLOBAL_SUBMISSIONS_PER_MINUTE=100000000
export HOMEWARD_DATA_DIR="$work/data" HOMEWARD_SERVER__PORT=18080 HOMEWARD_LOG__FILTER=warn
if [ "$engine" = postgres ]; then
  db="homeward_load_$$"
  psql postgres://postgres@127.0.0.1:5432/postgres -qc "CREATE DATABASE $db"
  trap 'kill "$server" 2>/dev/null || true; rm -rf "$work"; psql postgres://postgres@127.0.0.1:5432/postgres -qc "DROP DATABASE IF EXISTS $db"' EXIT
  export HOMEWARD_DATABASE__URL="postgres://postgres@127.0.0.1:5432/$db"
  export HOMEWARD_SECRETS_FILE="$work/secrets.toml"
  "$bin" secrets generate --out "$HOMEWARD_SECRETS_FILE" >/dev/null
  # PostgreSQL refuses the demo desk: declare a desk with a throwaway key.
  key=$("$bin" queue keygen | sed -n 's/^public_key = //p')
  printf '[[organisation]]\nid = "load"\nname = "Load"\nkind = "ngo"\n\n[[queue]]\nid = "desk"\norganisation = "load"\nkind = "desk"\npublic_key = %s\n' "$key" > "$work/queues.toml"
  export HOMEWARD_ROUTING_FILE="$work/queues.toml"
else
  export HOMEWARD_DATABASE__URL="sqlite://$work/data/homeward.db"
fi
"$bin" kdf-cost --rounds 20
"$bin" serve & server=$!
for _ in $(seq 1 50); do curl -fs localhost:18080/healthz >/dev/null && break; sleep 0.2; done
if [ "$engine" = postgres ]; then
  # Stands in for the coordinator's key import, after which a queue receives reports.
  psql "$HOMEWARD_DATABASE__URL" -qc "UPDATE queues SET key_imported_at = 0 WHERE id = 'desk'"
fi
rss() { awk '/VmRSS/ {print $2}' "/proc/$server/status"; }
echo "rss before: $(rss) KiB"
( for _ in $(seq 1 "$seconds"); do sleep 1; rss; done ) > "$work/rss" & sampler=$!
wrk -t2 -c"$conns" -d"${seconds}s" --latency -s scripts/report.lua http://127.0.0.1:18080/api/v1/reports
wait "$sampler"
echo "rss during (KiB): min $(sort -n "$work/rss" | head -1), max $(sort -n "$work/rss" | tail -1), last $(tail -1 "$work/rss")"
