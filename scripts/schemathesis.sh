#!/usr/bin/env bash
# Property-based run of schemathesis against the served OpenAPI document: no 5xx, no response that
# breaks its schema, no undocumented status code or content type. Outside CI (pip install
# schemathesis). Usage: scripts/schemathesis.sh [max-examples]
# SMOKE=1 (CI, seconds): schemathesis is not installed here, and installing it (and its Python
# dependencies) on every CI run would cost more than the run, so the smoke mode checks what the
# run stands on, with curl: the server starts as below and serves an OpenAPI 3 document that
# describes POST /api/v1/reports. If `st` is present, it also runs with five examples.
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/lib.sh
examples="${1:-50}"
smoke && examples=5
smoke || need st "pip install schemathesis"
work="$(mktemp -d)"; server=""
trap finish EXIT
test -x target/debug/homeward && smoke || cargo build --locked -q --bin homeward
# Limits high, so that the run explores the API rather than the limits (tested on their own).
export HOMEWARD_DATA_DIR="$work/data" HOMEWARD_DATABASE__URL="sqlite://$work/data/homeward.db" \
  HOMEWARD_SERVER__PORT=18090 HOMEWARD_LOG__FILTER=warn \
  HOMEWARD_LIMITS__SUBMISSIONS_PER_MINUTE=100000000 HOMEWARD_LIMITS__GLOBAL_SUBMISSIONS_PER_MINUTE=100000000 \
  HOMEWARD_FOLLOWUP__ATTEMPTS_PER_MINUTE=100000000 HOMEWARD_FOLLOWUP__GLOBAL_ATTEMPTS_PER_MINUTE=100000000 \
  HOMEWARD_SESSIONS__LOGIN_ATTEMPTS_PER_MINUTE=100000
must_be_free http://127.0.0.1:18090
target/debug/homeward serve & server=$!
wait_healthy http://127.0.0.1:18090
if smoke; then
  curl -fs http://127.0.0.1:18090/api/v1/openapi.json | python3 -c '
import json, sys
doc = json.load(sys.stdin)
assert doc["openapi"].startswith("3."), doc["openapi"]
assert "post" in doc["paths"]["/api/v1/reports"], "POST /api/v1/reports is not described"
print("smoke: the OpenAPI document describes", len(doc["paths"]), "paths")'
  command -v st >/dev/null || { echo "smoke: schemathesis (st) is not installed; its run was skipped"; exit 0; }
fi
st run http://127.0.0.1:18090/api/v1/openapi.json --wait-for-schema 30 \
  --checks not_a_server_error,response_schema_conformance,status_code_conformance,content_type_conformance \
  --max-examples "$examples" --workers 1
