#!/usr/bin/env bash
# Flood run: one source (wrk, from 127.0.0.1) sends reports as fast as it can, far past its
# per-source limit, while a second source (curl from 127.0.0.2) sends one every 15 s, within its
# own. Prints wrk's figures (almost all of them 429s), the second source's statuses, the counts
# from /metrics and the server's peak resident memory. Release build, default limits.
# Usage: scripts/flood_bench.sh [seconds] [connections]
set -euo pipefail
cd "$(dirname "$0")/.."
seconds="${1:-60}"; conns="${2:-32}"
work="$(mktemp -d)"; trap 'kill "$server" 2>/dev/null || true; rm -rf "$work"' EXIT
cargo build --release -q --bin homeward
export HOMEWARD_DATA_DIR="$work/data" HOMEWARD_DATABASE__URL="sqlite://$work/data/homeward.db" \
  HOMEWARD_SERVER__PORT=18083 HOMEWARD_LOG__FILTER=warn \
  HOMEWARD_METRICS__ENABLED=true HOMEWARD_METRICS__PORT=19464
target/release/homeward serve & server=$!
for _ in $(seq 1 50); do curl -fs localhost:18083/healthz >/dev/null && break; sleep 0.2; done
steady() {
  for _ in $(seq 1 $((seconds / 15))); do
    curl -s -o /dev/null -w '%{http_code} %{time_total}s\n' --interface 127.0.0.2 \
      -H 'Content-Type: application/json' \
      --data '{"narrative":"sent at a sane rate","location":{"country":"KH"}}' \
      http://127.0.0.1:18083/api/v1/reports
    sleep 15
  done
}
steady > "$work/steady" & steady_pid=$!
wrk -t2 -c"$conns" -d"${seconds}s" --latency -s scripts/report.lua http://127.0.0.1:18083/api/v1/reports
wait "$steady_pid"
echo "second source (status, time):"; cat "$work/steady"
curl -s localhost:19464/metrics | grep -E '^homeward_reports_(accepted|refused)_total'
grep -E 'VmHWM|VmRSS' "/proc/$server/status"
