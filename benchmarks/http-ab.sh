#!/usr/bin/env bash
# Two server jars side by side (docs/benchmarks.md, "HTTP against Micronaut's own floor"): starts both on temporary
# data directories with a cheap KDF, seeds 50 users in each, then alternates wrk runs (2 threads, 50 connections,
# 6 s after a 3 s warm-up) over floor / settings / research between them for a number of rounds, so both see the
# same machine load; prints one table row per round with each server's req/s and its ratio to its own floor, then
# the server's own CPU time per request (user + system of its process during the measured run, in µs): on a shared
# machine the req/s of a round move with other work, the CPU a request costs the server much less.
# Usage: benchmarks/http-ab.sh JAR_A JAR_B [rounds, default 3] [seconds per run, default 6]
set -euo pipefail
cd "$(dirname "$0")/.."
JAR_A=$1 JAR_B=$2 ROUNDS=${3:-3} SECONDS_PER_RUN=${4:-6}
WORK=$(mktemp -d /tmp/rv-bench-ab-XXXXXX)
pids=()
trap 'status=$?; for p in "${pids[@]}"; do kill "$p" 2>/dev/null; wait "$p" 2>/dev/null || true; done; rm -rf "$WORK"; exit $status' EXIT

start() { # name jar port
  java -Xmx1g -Dvault.kdf.memory-kib=1024 -Dvault.kdf.iterations=1 -Dvault.data-dir="$WORK/$1/data" \
    -Dmicronaut.server.port="$3" -jar "$2" >"$WORK/$1.log" 2>&1 &
  pids+=($!)
  for _ in $(seq 1 120); do curl -s -o /dev/null "http://127.0.0.1:$3/health" && return 0; sleep 0.5; done
  echo "server $1 did not start" >&2; cat "$WORK/$1.log" >&2; return 1
}
start a "$JAR_A" 18181
start b "$JAR_B" 18182
python3 benchmarks/http/seed.py http://127.0.0.1:18181 50 "$WORK/users-a.txt"
python3 benchmarks/http/seed.py http://127.0.0.1:18182 50 "$WORK/users-b.txt"

cpu_ticks() { # pid → user + system clock ticks of that process so far
  awk '{ print $14 + $15 }' "/proc/$1/stat"
}

rate() { # server port target pid → "req/s cpu-µs-per-request" of one measured run (after a warm-up)
  BENCH_USERS="$WORK/users-$1.txt" BENCH_TARGET=$3 wrk -t2 -c50 -d3s -s benchmarks/http/load.lua "http://127.0.0.1:$2" >/dev/null
  local ticks_before
  ticks_before=$(cpu_ticks "$4")
  line=$(BENCH_USERS="$WORK/users-$1.txt" BENCH_TARGET=$3 wrk -t2 -c50 -d"${SECONDS_PER_RUN}s" \
    -s benchmarks/http/load.lua "http://127.0.0.1:$2" | grep '^RESULT')
  eval "$(echo "$line" | sed 's/^RESULT //')"
  [ "$socket_errors" -eq 0 ] && [ "$non2xx" -eq 0 ] || echo "errors on $1 $3: $socket_errors socket, $non2xx non-2xx" >&2
  awk -v r="$requests" -v s="$seconds" -v t="$(( $(cpu_ticks "$4") - ticks_before ))" -v hz="$(getconf CLK_TCK)" \
    'BEGIN { printf "%.0f %.1f", r / s, t / hz * 1e6 / r }'
}

echo "| round | load avg before | floor A / B | settings A / B | research A / B | settings ÷ floor A / B | research ÷ floor A / B |"
echo "|---|---|---|---|---|---|---|"
cpu_rows=()
for round in $(seq 1 "$ROUNDS"); do
  load=$(cut -d' ' -f1 /proc/loadavg)
  declare -A r=() c=()
  for target in floor settings research; do
    read -r "r[a-$target]" "c[a-$target]" <<<"$(rate a 18181 $target "${pids[0]}")"
    read -r "r[b-$target]" "c[b-$target]" <<<"$(rate b 18182 $target "${pids[1]}")"
  done
  ratio() { awk -v x="$1" -v f="$2" 'BEGIN { printf "%.2f", x / f }'; }
  echo "| $round | $load | ${r[a-floor]} / ${r[b-floor]} | ${r[a-settings]} / ${r[b-settings]} | ${r[a-research]} / ${r[b-research]} |" \
    "$(ratio "${r[a-settings]}" "${r[a-floor]}")× / $(ratio "${r[b-settings]}" "${r[b-floor]}")× |" \
    "$(ratio "${r[a-research]}" "${r[a-floor]}")× / $(ratio "${r[b-research]}" "${r[b-floor]}")× |"
  cpu_rows+=("| $round | ${c[a-floor]} / ${c[b-floor]} | ${c[a-settings]} / ${c[b-settings]} | ${c[a-research]} / ${c[b-research]} |\
 $(ratio "${c[a-floor]}" "${c[a-research]}")× / $(ratio "${c[b-floor]}" "${c[b-research]}")× |")
done
echo
echo "| round | server CPU µs per request: floor A / B | settings A / B | research A / B | floor ÷ research CPU A / B |"
echo "|---|---|---|---|---|"
printf '%s\n' "${cpu_rows[@]}"
