#!/usr/bin/env bash
# Flood run: one source (wrk, from 127.0.0.1) sends reports as fast as it can, far past its
# per-source limit, while a second source (curl from 127.0.0.2) sends one every 15 s, within its
# own. Prints wrk's figures (almost all of them 429s), the second source's statuses, the counts
# from /metrics and the server's peak resident memory. Release build, default limits.
# Usage: scripts/flood_bench.sh [seconds] [connections]
# SMOKE=1 (CI, seconds): the debug binary; in place of wrk, twenty reports at once with curl from
# one source, some of which must be refused (429), then one from the second source, which must be
# taken (201), and the refusals counted in /metrics.
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/lib.sh
seconds="${1:-60}"; conns="${2:-32}"
smoke || need wrk "apt-get install wrk"
work="$(mktemp -d)"; server=""
trap finish EXIT
bin=$(homeward_binary)
export HOMEWARD_DATA_DIR="$work/data" HOMEWARD_DATABASE__URL="sqlite://$work/data/homeward.db" \
  HOMEWARD_SERVER__PORT=18083 HOMEWARD_LOG__FILTER=warn \
  HOMEWARD_METRICS__ENABLED=true HOMEWARD_METRICS__PORT=19464
must_be_free http://127.0.0.1:18083
"$bin" serve & server=$!
wait_healthy http://127.0.0.1:18083
send() { # [curl options...]: one report; prints its status
  curl -s -o /dev/null -w '%{http_code}\n' "$@" -H 'Content-Type: application/json' \
    --data '{"narrative":"sent at a sane rate","location":{"country":"KH"}}' \
    http://127.0.0.1:18083/api/v1/reports
}
if smoke; then
  flood=$(for _ in $(seq 1 20); do send & done; wait)
  steady=$(send --interface 127.0.0.2)
  echo "smoke: flood statuses $(echo "$flood" | sort | uniq -c | tr -s ' ' | tr '\n' ' '), second source $steady"
  echo "$flood" | grep -q '^429$' || { echo "smoke: the flood was never refused" >&2; exit 1; }
  [ "$steady" = 201 ] || { echo "smoke: the second source got $steady" >&2; exit 1; }
  # Read whole before searching: grep -q stopping early would cut curl off (a failure under pipefail).
  metrics=$(curl -fs http://127.0.0.1:19464/metrics)
  grep -q 'homeward_reports_refused_total{listener="public",reason="source_limit"}' <<<"$metrics" ||
    { echo "smoke: /metrics does not count the refusals" >&2; exit 1; }
  exit 0
fi
steady() {
  for _ in $(seq 1 $((seconds / 15))); do
    send --interface 127.0.0.2 -w '%{http_code} %{time_total}s\n'
    sleep 15
  done
}
steady > "$work/steady" & steady_pid=$!
wrk -t2 -c"$conns" -d"${seconds}s" --latency -s scripts/report.lua http://127.0.0.1:18083/api/v1/reports
wait "$steady_pid"
echo "second source (status, time):"; cat "$work/steady"
curl -s localhost:19464/metrics | grep -E '^homeward_reports_(accepted|refused)_total'
grep -E 'VmHWM|VmRSS' "/proc/$server/status"
