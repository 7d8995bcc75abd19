#!/usr/bin/env bash
# GET /health under a flood (issue 18; docs/benchmarks.md): authenticated reads (settings, 50 users, 50
# connections) alone, then while 100 more connections call GET /health, then GET /health/live. Runs once with
# the default health.reuse-for (5s) and once with 0s (every call runs the storage check, one at a time).
# Prints table rows. Usage: benchmarks/http-health.sh [seconds per run, default 10]. Needs
# bootstrap/target/research-vault.jar (benchmarks/run.sh builds it) and wrk.
set -euo pipefail
cd "$(dirname "$0")/.."
SECONDS_PER_RUN=${1:-10}
PORT=${BENCH_PORT:-18081}
source benchmarks/server.sh

if ! command -v wrk >/dev/null; then
  apt-get update -qq >&2 && apt-get install -y -qq wrk >&2
fi

reads() { # one measured run of authenticated reads; prints wrk's RESULT line
  BENCH_USERS="$WORK/users50.txt" BENCH_TARGET=settings wrk -t2 -c50 -d"${SECONDS_PER_RUN}s" --latency \
    -s benchmarks/http/load.lua "$BASE" | grep '^RESULT'
}

row() { # label, RESULT line
  eval "$(echo "$2" | sed 's/^RESULT //')"
  rate=$(awk -v r="$requests" -v s="$seconds" 'BEGIN { printf "%.0f", r / s }')
  echo "| health | $1 | settings reads $rate req/s, p50 $p50_ms ms, p99 $p99_ms ms, errors $socket_errors socket + $non2xx non-2xx |"
}

run() { # health.reuse-for
  WORK=
  start_server health "$PORT" -Xmx1g -Dvault.kdf.memory-kib=1024 -Dvault.kdf.iterations=1 -Dhealth.reuse-for="$1"
  python3 benchmarks/http/seed.py "$BASE" 50 "$WORK/users50.txt"
  BENCH_USERS="$WORK/users50.txt" BENCH_TARGET=settings wrk -t2 -c50 -d3s -s benchmarks/http/load.lua "$BASE" >/dev/null
  row "reuse-for $1, reads alone" "$(reads)"
  for probe in /health /health/live; do
    wrk -t1 -c100 -d"$((SECONDS_PER_RUN + 2))s" "$BASE$probe" >"$WORK/probe.txt" &
    local flood=$!
    sleep 1
    local line
    line=$(reads)
    wait $flood
    local probes
    probes=$(awk '/Requests\/sec/ { printf "%.0f", $2 }' "$WORK/probe.txt")
    row "reuse-for $1, reads + 100 connections on $probe ($probes req/s there)" "$line"
  done
  kill "$SERVER"; wait "$SERVER" 2>/dev/null || true; rm -rf "$WORK"
  trap - EXIT
}

run 5s
run 0s
