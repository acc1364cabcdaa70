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

# Every curl here gives up after a while: a hung server must not hang CI.
curl() { command curl --max-time 60 "$@"; }

# Fails if something answers at $1 already (another run's server on the same port): a run must
# never measure someone else's server.
must_be_free() {
  if command curl -s --max-time 2 -o /dev/null "$1/healthz"; then
    echo "something already answers at $1; stop it first" >&2
    exit 1
  fi
}

# An EXIT trap: stops the server if there is one and removes the work folder, whatever failed
# before (every step may fail here; none stops the rest).
finish() {
  set +e
  if [ -n "${server:-}" ]; then
    kill "$server" 2>/dev/null
    wait "$server" 2>/dev/null
  fi
  [ -n "${work:-}" ] && rm -rf "$work"
  return 0
}

# Waits up to 20 s for the server at $1 to answer /healthz; gives up at once if the process $2
# (default: $server) is gone, and counts an answer only while it is alive.
wait_healthy() {
  local pid="${2:-${server:-}}"
  for _ in $(seq 1 100); do
    if curl -fs --max-time 5 "$1/healthz" >/dev/null && { [ -z "$pid" ] || kill -0 "$pid" 2>/dev/null; }; then
      return 0
    fi
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
