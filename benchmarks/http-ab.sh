#!/usr/bin/env bash
# Two server jars side by side (docs/benchmarks.md, "HTTP against Micronaut's own floor"): starts both on temporary
# data directories with a cheap KDF, seeds 50 users in each, then alternates wrk runs (2 threads, 50 connections,
# 6 s after a 3 s warm-up) over floor / settings / research between them for a number of rounds, so both see the
# same machine load; prints one table row per round with each server's req/s and its ratio to its own floor, then
# the server's own CPU time per request (user + system of its process during the measured run, in µs): on a shared
# machine the req/s of a round move with other work, the CPU a request costs the server much less.
# Usage: benchmarks/http-ab.sh JAR_A JAR_B [rounds, default 3] [seconds per run, default 6]
# AB_TARGETS picks the targets of benchmarks/http/load.lua measured besides the floor (default "settings research";
# "logs" is a JSON write: POST /api/v1/research/{id}/logs); AB_PORTS the two ports (default "18181 18182").
set -euo pipefail
cd "$(dirname "$0")/.."
JAR_A=$1 JAR_B=$2 ROUNDS=${3:-3} SECONDS_PER_RUN=${4:-6}
TARGETS=${AB_TARGETS:-settings research}
read -r PORT_A PORT_B <<<"${AB_PORTS:-18181 18182}"
WORK=$(mktemp -d /tmp/rv-bench-ab-XXXXXX)
pids=()
trap 'status=$?; for p in "${pids[@]}"; do kill "$p" 2>/dev/null; wait "$p" 2>/dev/null || true; done; rm -rf "$WORK"; exit $status' EXIT

start() { # name jar port
  # Another run on this machine may hold the port: seeding its server would spoil both runs (pick AB_PORTS).
  if curl -s -o /dev/null "http://127.0.0.1:$3/health"; then echo "port $3 is taken: set AB_PORTS" >&2; return 1; fi
  java -Xmx1g -Dvault.kdf.memory-kib=1024 -Dvault.kdf.iterations=1 -Dvault.data-dir="$WORK/$1/data" \
    -Dmicronaut.server.port="$3" -jar "$2" >"$WORK/$1.log" 2>&1 &
  pids+=($!)
  for _ in $(seq 1 120); do curl -s -o /dev/null "http://127.0.0.1:$3/health" && return 0; sleep 0.5; done
  echo "server $1 did not start" >&2; cat "$WORK/$1.log" >&2; return 1
}
start a "$JAR_A" "$PORT_A"
start b "$JAR_B" "$PORT_B"
python3 benchmarks/http/seed.py "http://127.0.0.1:$PORT_A" 50 "$WORK/users-a.txt"
python3 benchmarks/http/seed.py "http://127.0.0.1:$PORT_B" 50 "$WORK/users-b.txt"

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

ratio() { awk -v x="$1" -v f="$2" 'BEGIN { printf "%.2f", x / f }'; }
header="| round | load avg before | floor A / B |" rule="|---|---|---|"
cpu_header="| round | server CPU µs per request: floor A / B |"
for target in $TARGETS; do header+=" $target A / B |" rule+="---|" cpu_header+=" $target A / B |"; done
for target in $TARGETS; do header+=" $target ÷ floor A / B |" rule+="---|" cpu_header+=" floor ÷ $target CPU A / B |"; done
echo "$header"
echo "$rule"
cpu_rows=()
for round in $(seq 1 "$ROUNDS"); do
  load=$(cut -d' ' -f1 /proc/loadavg)
  declare -A r=() c=()
  for target in floor $TARGETS; do
    read -r "r[a-$target]" "c[a-$target]" <<<"$(rate a "$PORT_A" "$target" "${pids[0]}")"
    read -r "r[b-$target]" "c[b-$target]" <<<"$(rate b "$PORT_B" "$target" "${pids[1]}")"
  done
  row="| $round | $load | ${r[a-floor]} / ${r[b-floor]} |"
  cpu_row="| $round | ${c[a-floor]} / ${c[b-floor]} |"
  for target in $TARGETS; do
    row+=" ${r[a-$target]} / ${r[b-$target]} |"
    cpu_row+=" ${c[a-$target]} / ${c[b-$target]} |"
  done
  for target in $TARGETS; do
    row+=" $(ratio "${r[a-$target]}" "${r[a-floor]}")× / $(ratio "${r[b-$target]}" "${r[b-floor]}")× |"
    cpu_row+=" $(ratio "${c[a-floor]}" "${c[a-$target]}")× / $(ratio "${c[b-floor]}" "${c[b-$target]}")× |"
  done
  echo "$row"
  cpu_rows+=("$cpu_row")
done
echo
echo "$cpu_header"
echo "${rule#|---}"
printf '%s\n' "${cpu_rows[@]}"
