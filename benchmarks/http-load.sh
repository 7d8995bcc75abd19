#!/usr/bin/env bash
# HTTP under load (docs/benchmarks.md): starts the server jar on a temporary data directory with a cheap KDF,
# seeds 50 users, runs wrk against three endpoints with 1 user and with 50 users, prints table rows.
# Usage: benchmarks/http-load.sh [seconds per run, default 10]. Needs bootstrap/target/research-vault.jar
# (benchmarks/run.sh builds it) and wrk (installed from Debian when missing and running as root).
set -euo pipefail
cd "$(dirname "$0")/.."
SECONDS_PER_RUN=${1:-10}
CONNECTIONS=${BENCH_CONNECTIONS:-50}
PORT=${BENCH_PORT:-18080}
source benchmarks/server.sh

if ! command -v wrk >/dev/null; then
  apt-get update -qq >&2 && apt-get install -y -qq wrk >&2
fi

start_server http "$PORT" -Xmx1g -Dvault.kdf.memory-kib=1024 -Dvault.kdf.iterations=1

python3 benchmarks/http/seed.py "$BASE" 50 "$WORK/users50.txt"
head -n 1 "$WORK/users50.txt" >"$WORK/users1.txt"

goal() { # target users → minimum req/s
  case "$1/$2" in
    settings/50) echo 10000 ;; research/50) echo 5000 ;; logs/50) echo 2000 ;; *) echo 0 ;;
  esac
}

measure() { # target users → sets requests, seconds, p50_ms, p99_ms, socket_errors, non2xx and rate
  # A short warm-up run lets the JIT compile the request path before the measured run.
  BENCH_USERS="$WORK/users$2.txt" BENCH_TARGET=$1 wrk -t2 -c"$CONNECTIONS" -d3s \
    -s benchmarks/http/load.lua "$BASE" >/dev/null
  line=$(BENCH_USERS="$WORK/users$2.txt" BENCH_TARGET=$1 wrk -t2 -c"$CONNECTIONS" \
    -d"${SECONDS_PER_RUN}s" --latency -s benchmarks/http/load.lua "$BASE" | grep '^RESULT')
  eval "$(echo "$line" | sed 's/^RESULT //')"
  rate=$(awk -v r="$requests" -v s="$seconds" 'BEGIN { printf "%.0f", r / s }')
}

# Micronaut's own floor: the same server, wrk settings and tokens, on an endpoint that does no work of ours.
measure floor 50
floor_rate=$rate
echo "| http | floor: GET /health/live (no storage, event loop), 50 users' tokens, $CONNECTIONS connections | $rate req/s, p50 $p50_ms ms, p99 $p99_ms ms, errors $socket_errors socket + $non2xx non-2xx | — | — |"

for target in settings research logs; do
  for users in 1 50; do
    measure $target $users
    min=$(goal $target $users)
    verdict=met
    if [ "$min" -gt 0 ] && [ "$rate" -lt "$min" ]; then verdict=MISSED; fi
    if awk -v p="$p99_ms" 'BEGIN { exit !(p >= 50) }'; then verdict=MISSED; fi
    if [ "$socket_errors" -gt 0 ] || [ "$non2xx" -gt 0 ]; then verdict=MISSED; fi
    goaltext="p99 < 50 ms, 0 errors"
    [ "$min" -gt 0 ] && goaltext="≥ $min req/s, $goaltext"
    echo "| http | $target, $users user(s), $CONNECTIONS connections | $rate req/s, p50 $p50_ms ms, p99 $p99_ms ms, errors $socket_errors socket + $non2xx non-2xx | $goaltext | $verdict |"
    if [ "$users" = 50 ] && [ "$target" != logs ]; then
      ratio=$(awk -v r="$rate" -v f="$floor_rate" 'BEGIN { printf "%.2f", r / f }')
      echo "| http | $target, 50 users, as a ratio of the floor | ${ratio}× | ≥ 0.7× | $(awk -v x="$ratio" 'BEGIN { print (x >= 0.7) ? "met" : "MISSED" }') |"
    fi
  done
done
locked=$(grep -c "database is locked" "$WORK/server.log" || true)
echo "| http | \"database is locked\" in the server log | $locked | 0 | $([ "$locked" -eq 0 ] && echo met || echo MISSED) |"
