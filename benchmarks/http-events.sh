#!/usr/bin/env bash
# Live events with many open streams (docs/benchmarks.md): starts the server jar, registers USERS users, opens
# STREAMS GET /api/v1/events streams over them (one session and connection each), then times posted log lines to
# their events on the users' streams, and reads the server's resident memory before and after opening the streams.
# Usage: benchmarks/http-events.sh [--quick]   (--quick: 100 streams, 50 samples)
# Needs bootstrap/target/research-vault.jar and benchmarks/target/classpath.txt (benchmarks/run.sh builds both).
set -euo pipefail
cd "$(dirname "$0")/.."
PORT=${BENCH_PORT:-18085}
USERS=10 STREAMS=1000 SAMPLES=500
if [ "${1:-}" = "--quick" ]; then STREAMS=100 SAMPLES=50; fi
CLASSPATH="benchmarks/target/classes:$(cat benchmarks/target/classpath.txt)"
source benchmarks/server.sh
start_server events "$PORT" -Xmx1g -Dvault.kdf.memory-kib=1024 -Dvault.kdf.iterations=1
java -cp "$CLASSPATH" dev.researchvault.benchmarks.events.EventTiming "$BASE" "$SERVER" "$USERS" "$STREAMS" \
  "$SAMPLES" 2>"$WORK/client.err" || { cat "$WORK/client.err" >&2; tail -20 "$WORK/server.log" >&2; exit 1; }
echo "server log: $(grep -c ' ERROR ' "$WORK/server.log" || true) ERROR lines, $(grep -c ' WARN ' "$WORK/server.log" || true) WARN lines" >&2
