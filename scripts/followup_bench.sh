#!/usr/bin/env bash
# Follow-up measurements on a release build with the default settings (SQLite, demo desk):
#  1. the time a receipt code takes to open a visit when it is right, when its secret is wrong and
#     when its locator is unknown (each costs one Argon2id derivation);
#  2. the server's memory while several large attachments upload at once.
# Usage: scripts/followup_bench.sh [rounds] [concurrent uploads] [file MiB] [upload rounds]
# SMOKE=1 (CI, seconds): the debug binary, two rounds, two 1 MiB uploads at once, one upload
# round; the right code must open a visit and every upload must be taken.
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/lib.sh
rounds="${1:-20}"; uploads="${2:-8}"; mib="${3:-5}"; batches="${4:-3}"
if smoke; then rounds=2; uploads=2; mib=1; batches=1; fi
work="$(mktemp -d)"; server=""
trap finish EXIT
bin=$(homeward_binary)
# Throughput, not flood limits, is measured here: one wrk source must not be held to its share.
export HOMEWARD_LIMITS__SUBMISSIONS_PER_MINUTE=100000000 HOMEWARD_LIMITS__GLOBAL_SUBMISSIONS_PER_MINUTE=100000000
export HOMEWARD_DATA_DIR="$work/data" HOMEWARD_SERVER__PORT=18081 HOMEWARD_LOG__FILTER=warn
export HOMEWARD_DATABASE__URL="sqlite://$work/data/homeward.db"
export HOMEWARD_FOLLOWUP__ATTEMPTS_PER_MINUTE=100000 HOMEWARD_FOLLOWUP__GLOBAL_ATTEMPTS_PER_MINUTE=100000
export HOMEWARD_SERVER__MAX_BODY_BYTES=$((1024 * 1024))
# A full 1 MiB body on every connection is a worst case start refuses past the default bound.
export HOMEWARD_SERVER__MEMORY_BOUND_MIB=4096
url=http://127.0.0.1:18081
must_be_free "$url"
"$bin" serve & server=$!
wait_healthy "$url"
code=$(curl -fs -H 'Content-Type: application/json' -d '{"narrative":"bench","location":{"country":"KH"}}' \
  "$url/api/v1/reports" | sed -n 's/.*"receipt_code":"\([0-9 ]*\)".*/\1/p' | tr -d ' ')
wrong_secret="${code:0:19}$(( (${code:19:1} + 1) % 10 ))"
unknown_locator="$(printf '%06d' $(( (10#${code:0:6} + 1) % 1000000 )))${code:6}"
timed() {
  for _ in $(seq 1 "$rounds"); do
    curl -s -o /dev/null -w '%{time_total}\n' -H 'Content-Type: application/x-www-form-urlencoded' \
      -d "code=$1" "$url/followup"
  done | sort -n | awk '{a[NR]=$1} END {printf "p50 %.1f ms, p90 %.1f ms, max %.1f ms\n", a[int(NR*0.5)+1]*1000, a[int(NR*0.9)]*1000, a[NR]*1000}'
}
[ -n "$code" ] || { echo "no receipt code came back" >&2; exit 1; }
if smoke; then
  status=$(curl -s -o /dev/null -w '%{http_code}' -H 'Content-Type: application/x-www-form-urlencoded' \
    -d "code=$code" "$url/followup")
  [ "$status" = 200 ] || { echo "smoke: the right code got $status" >&2; exit 1; }
fi
echo "right code:      $(timed "$code")"
echo "wrong secret:    $(timed "$wrong_secret")"
echo "unknown locator: $(timed "$unknown_locator")"

# A JPEG's structure around $mib MiB of scan data, so that cleaning keeps it all.
python3 - "$work/big.jpg" "$mib" <<'PY'
import sys
seg = lambda m, c: bytes([0xFF, m]) + (len(c) + 2).to_bytes(2, "big") + c
scan = bytes((i % 200) + 1 for i in range(int(sys.argv[2]) * 1024 * 1024 - 400))
body = (b"\xFF\xD8" + seg(0xDB, bytes(65)) + seg(0xC0, bytes([8, 0, 200, 1, 44, 1, 1, 0x11, 0]))
        + seg(0xC4, bytes(29)) + seg(0xDA, bytes([1, 1, 0, 0, 63, 0])) + scan + b"\xFF\xD9")
open(sys.argv[1], "wb").write(body)
PY
rss() { awk '/VmRSS/ {print $2}' "/proc/$server/status"; }
echo "rss before uploads: $(rss) KiB"
# Several rounds of concurrent uploads: memory is flat when a round's peak does not grow.
for round in $(seq 1 "$batches"); do
  ( while kill -0 "$server" 2>/dev/null; do rss; sleep 0.05; done ) > "$work/rss" & sampler=$!
  start=$(date +%s.%N)
  statuses=$(for i in $(seq 1 "$uploads"); do
    curl -s -o /dev/null -w '%{http_code}\n' -F "narrative=upload $i" -F "location.country=KH" \
      -F "attachments=@$work/big.jpg;type=image/jpeg" "$url/report" &
  done | sort | uniq -c | tr -s ' ' | tr '\n' ' ')
  took=$(echo "$(date +%s.%N) - $start" | bc)
  kill "$sampler" 2>/dev/null || true
  echo "round $round: $uploads × ${mib} MiB at once, statuses [$statuses] in ${took} s; rss max $(sort -n "$work/rss" | tail -1) KiB, after $(rss) KiB"
  if smoke && [ "$statuses" != " $uploads 200 " ]; then
    echo "smoke: not every upload was taken: [$statuses]" >&2; exit 1
  fi
done
