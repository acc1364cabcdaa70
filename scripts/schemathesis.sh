#!/usr/bin/env bash
# Property-based run of schemathesis against the served OpenAPI document: no 5xx, no response that
# breaks its schema, no undocumented status code or content type. Outside CI (pip install
# schemathesis). Usage: scripts/schemathesis.sh [max-examples]
set -euo pipefail
cd "$(dirname "$0")/.."
examples="${1:-50}"
work="$(mktemp -d)"; trap 'kill "$server" 2>/dev/null || true; rm -rf "$work"' EXIT
cargo build -q --bin homeward
# Limits high, so that the run explores the API rather than the limits (tested on their own).
export HOMEWARD_DATA_DIR="$work/data" HOMEWARD_DATABASE__URL="sqlite://$work/data/homeward.db" \
  HOMEWARD_SERVER__PORT=18090 HOMEWARD_LOG__FILTER=warn \
  HOMEWARD_LIMITS__SUBMISSIONS_PER_MINUTE=100000000 HOMEWARD_LIMITS__GLOBAL_SUBMISSIONS_PER_MINUTE=100000000 \
  HOMEWARD_FOLLOWUP__ATTEMPTS_PER_MINUTE=100000000 HOMEWARD_FOLLOWUP__GLOBAL_ATTEMPTS_PER_MINUTE=100000000 \
  HOMEWARD_SESSIONS__LOGIN_ATTEMPTS_PER_MINUTE=100000
target/debug/homeward serve & server=$!
st run http://127.0.0.1:18090/api/v1/openapi.json --wait-for-schema 30 \
  --checks not_a_server_error,response_schema_conformance,status_code_conformance,content_type_conformance \
  --max-examples "$examples" --workers 1
