#!/usr/bin/env bash
# Load run: starts a release build on a fresh database, prints the Argon2id cost with the
# configured parameters, runs wrk against POST /api/v1/reports and samples the server's memory.
# Usage: scripts/loadtest.sh sqlite|postgres [seconds] [connections]
# SMOKE=1 (CI, seconds): the debug binary, two KDF rounds, and in place of wrk three reports sent
# with curl (scripts/report.lua's body among them), each of which must be taken (201).
# On PostgreSQL the desk is declared as a deployment must: an organisation signing key
# (`homeward org keygen`), the desk's key pair signed by it (`homeward queue keygen`), the
# organisation registered, vetted and countersigned (stood in for with psql), the key imported.
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/lib.sh
engine="${1:-sqlite}"; seconds="${2:-30}"; conns="${3:-16}"
smoke || need wrk "apt-get install wrk"
work="$(mktemp -d)"; server=""
trap finish EXIT
bin=$(homeward_binary)
# Throughput, not flood limits, is measured here: one wrk source must not be held to its share.
export HOMEWARD_LIMITS__SUBMISSIONS_PER_MINUTE=100000000 HOMEWARD_LIMITS__GLOBAL_SUBMISSIONS_PER_MINUTE=100000000
export HOMEWARD_DATA_DIR="$work/data" HOMEWARD_SERVER__PORT=18080 HOMEWARD_LOG__FILTER=warn
url=http://127.0.0.1:18080
b64hex() { # an hwXX1.<base64url> key or signature as PostgreSQL's bytea hex
  local s="${1#*.}"
  while [ $(( ${#s} % 4 )) -ne 0 ]; do s="$s="; done
  printf '%s' "$s" | basenc --base64url -d | od -An -v -tx1 | tr -d ' \n'
}
if [ "$engine" = postgres ]; then
  admin="${HOMEWARD_TEST_POSTGRES_URL:-postgres://postgres@127.0.0.1:5432/postgres}"
  # Named like the test databases, so that CI's sweep drops it too if a run is killed.
  db="homeward_test_load_$$"
  psql "$admin" -qc "CREATE DATABASE $db"
  cleanup() { finish; psql "$admin" -qc "DROP DATABASE IF EXISTS $db" || true; }
  trap cleanup EXIT
  export HOMEWARD_DATABASE__URL="${admin%/*}/$db"
  export HOMEWARD_SECRETS_FILE="$work/secrets.toml"
  "$bin" secrets generate --out "$HOMEWARD_SECRETS_FILE" >/dev/null
  # PostgreSQL refuses the demo desk: the operating organisation ("load") and its signed desk.
  "$bin" org keygen --out "$work/org.key" > "$work/org.txt"
  verifying=$(sed -n 's/^verifying key[^:]*: //p' "$work/org.txt")
  "$bin" queue keygen --id desk --kind desk --signing-key "$work/org.key" --out "$work/desk.key" > "$work/desk.txt"
  countersignature=$("$bin" org countersign --desk-key "$work/org.key" --id load --kind ngo \
    --country TH --verifying-key "$verifying")
  { printf 'desk_signing_key = "%s"\n\n[[queue]]\nid = "desk"\norganisation = "load"\nkind = "desk"\n' "$verifying"
    grep -E '^(public_key|signature) = ' "$work/desk.txt"; } > "$work/queues.toml"
  export HOMEWARD_ROUTING_FILE="$work/queues.toml"
  "$bin" migrate >/dev/null
  # Stands in for the operator (registers and vets) and the desk organisation (countersigns).
  now=$(date +%s)
  psql "$HOMEWARD_DATABASE__URL" -q -v ON_ERROR_STOP=1 <<SQL
INSERT INTO organisations (id, name, kind, country, contact, signing_key, demo, registered_at, updated_at)
  VALUES ('load', 'Load test', 'ngo', 'TH', NULL, '\\x$(b64hex "$verifying")', false, $now, $now);
UPDATE organisations SET vetted_by = 'loadtest', vetting_evidence = 'loadtest', vetted_at = $now,
  countersignature = '\\x$(b64hex "$countersignature")', updated_at = $now WHERE id = 'load';
SQL
else
  export HOMEWARD_DATABASE__URL="sqlite://$work/data/homeward.db"
fi
if smoke; then "$bin" kdf-cost --rounds 2; else "$bin" kdf-cost --rounds 20; fi
must_be_free "$url"
"$bin" serve & server=$!
wait_healthy "$url"
if [ "$engine" = postgres ]; then
  # Stands in for the coordinator's key import, after which a queue receives reports.
  psql "$HOMEWARD_DATABASE__URL" -qc "UPDATE queues SET key_imported_at = $(date +%s) WHERE id = 'desk'"
fi
rss() { awk '/VmRSS/ {print $2}' "/proc/$server/status"; }
echo "rss before: $(rss) KiB"
if smoke; then
  for body in "$(report_body)" '{"narrative":"smoke","location":{"country":"KH"}}' '{"narrative":"smoke again"}'; do
    status=$(curl -s -o "$work/answer" -w '%{http_code}' -H 'Content-Type: application/json' \
      --data "$body" "$url/api/v1/reports")
    [ "$status" = 201 ] || { echo "smoke: a report got $status: $(cat "$work/answer")" >&2; exit 1; }
  done
  echo "smoke: three reports taken on $engine; rss after: $(rss) KiB"
  exit 0
fi
( for _ in $(seq 1 "$seconds"); do sleep 1; rss; done ) > "$work/rss" & sampler=$!
wrk -t2 -c"$conns" -d"${seconds}s" --latency -s scripts/report.lua "$url/api/v1/reports"
wait "$sampler"
echo "rss during (KiB): min $(sort -n "$work/rss" | head -1), max $(sort -n "$work/rss" | tail -1), last $(tail -1 "$work/rss")"
