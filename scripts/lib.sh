# Shared by the scripts in this folder (sourced, not run).
#
# SMOKE=1 runs a script's smoke mode: seconds, not minutes, on the debug binary `cargo test`
# builds (built here if missing), with only what this machine has (bash, curl, python3), checking
# that the run still works rather than measuring it. .ci/run runs every script so, to keep them
# from rotting. Without SMOKE, a script measures: a release build and its own tools (wrk,
# schemathesis), which it asks for by name when they are missing.

smoke() { [ "${SMOKE:-0}" = 1 ]; }

# The binary to run: the debug one for a smoke run, a fresh release build otherwise.
homeward_binary() {
  if smoke; then
    test -x target/debug/homeward || cargo build --locked -q --bin homeward
    echo target/debug/homeward
  else
    cargo build --release --locked -q --bin homeward
    echo target/release/homeward
  fi
}

# Waits up to 20 s for the server at $1 to answer /healthz; gives up at once if the process $2
# (default: $server) is gone.
wait_healthy() {
  local pid="${2:-${server:-}}"
  for _ in $(seq 1 100); do
    curl -fs "$1/healthz" >/dev/null && return 0
    if [ -n "$pid" ] && ! kill -0 "$pid" 2>/dev/null; then
      echo "the server exited before answering at $1" >&2
      return 1
    fi
    sleep 0.2
  done
  echo "the server did not answer at $1" >&2
  return 1
}

# Fails naming the tool when a measuring run lacks it.
need() {
  command -v "$1" >/dev/null || { echo "$0 needs $1 ($2); SMOKE=1 runs without it" >&2; exit 1; }
}

# The JSON report in scripts/report.lua (wrk's body), for curl.
report_body() { sed -n '/^wrk.body = \[\[/,/\]\]$/p' scripts/report.lua | sed 's/^wrk.body = \[\[//; s/\]\]$//'; }
