#!/usr/bin/env bash
# The compressed weight of every reporter page in every language, gzip and brotli, as a browser
# asking for them gets them. Starts the server on a fresh SQLite database (demo desk).
# Usage: scripts/page_weights.sh [binary]   (default: a release build)
# SMOKE=1 (CI, seconds): the debug binary, English and Khmer only; every page must weigh something
# and the report form stay within its 32 KiB budget.
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/lib.sh
bin="${1:-}"
if [ -z "$bin" ]; then bin=$(homeward_binary); fi
work="$(mktemp -d)"; server=""
trap finish EXIT
export HOMEWARD_DATA_DIR="$work/data" HOMEWARD_SERVER__PORT=18082 HOMEWARD_LOG__FILTER=warn
export HOMEWARD_DATABASE__URL="sqlite://$work/data/homeward.db"
export HOMEWARD_FOLLOWUP__ATTEMPTS_PER_MINUTE=1000
# Each language's receipt is a report sent: one source must not be held to its share.
export HOMEWARD_LIMITS__SUBMISSIONS_PER_MINUTE=100000 HOMEWARD_LIMITS__GLOBAL_SUBMISSIONS_PER_MINUTE=100000
url=http://127.0.0.1:18082
must_be_free "$url"
"$bin" serve 2>/dev/null & server=$!
wait_healthy "$url"
code=$(curl -fs -H 'Content-Type: application/json' -d '{"narrative":"weights"}' "$url/api/v1/reports" \
  | sed -n 's/.*"receipt_code":"\([0-9 ]*\)".*/\1/p' | tr -d ' ')
size() { curl -s -o /dev/null -w '%{size_download}' -H "Accept-Encoding: $1" "${@:2}"; }
post() { size "$1" -H 'Content-Type: application/x-www-form-urlencoded' -d "$2" "$url$3"; }
langs=$(curl -fs "$url/" | grep -o 'hreflang="[^"]*"' | sed 's/hreflang="\(.*\)"/\1/' | tr '\n' ' ')
if smoke; then langs=km; fi
echo "| language | home | report form | follow-up | thread | receipt | not found |"
echo "|---|---|---|---|---|---|---|"
for lang in en $langs; do
  row="| $lang"
  for page in home form followup thread receipt missing; do
    cell=""
    for enc in gzip br; do
      case $page in
        home) n=$(size $enc "$url/?lang=$lang") ;;
        form) n=$(size $enc "$url/report?as=self&lang=$lang") ;;
        followup) n=$(size $enc "$url/followup?lang=$lang") ;;
        thread) n=$(post $enc "lang=$lang&code=$code" /followup) ;;
        receipt) n=$(post $enc "lang=$lang&narrative=weights" /report) ;;
        missing) n=$(size $enc "$url/nowhere?lang=$lang") ;;
      esac
      if smoke && { [ "$n" -eq 0 ] || { [ "$page" = form ] && [ "$n" -gt 32768 ]; }; }; then
        echo "smoke: $page in $lang ($enc) weighs $n bytes" >&2; exit 1
      fi
      cell="$cell${cell:+ / }$(awk "BEGIN {printf \"%.1f\", $n/1024}")"
    done
    row="$row | $cell"
  done
  echo "$row |"
done
