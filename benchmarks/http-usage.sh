#!/usr/bin/env bash
# The usage report over one user's large history (docs/benchmarks.md): seeds 100,000 messages and 10,000 agent
# executions with usage into one user's vault through the ports (UsageTiming seed; also times what usage adds
# to a write), starts the server jar on that data directory, then times GET /api/v1/usage by model and by day
# over 30 and 365 days over HTTP and through the port, alternating. Prints table rows. About 4 minutes.
# Usage: benchmarks/http-usage.sh [--quick]   (--quick: 10,000 messages, 1,000 executions, fewer samples)
# Needs bootstrap/target/research-vault.jar and benchmarks/target/classpath.txt (benchmarks/run.sh builds both).
set -euo pipefail
cd "$(dirname "$0")/.."
PORT=${BENCH_PORT:-18084}
MESSAGES=100000 EXECUTIONS=10000 SAMPLES=200 WRITE_SAMPLES=20
if [ "${1:-}" = "--quick" ]; then MESSAGES=10000 EXECUTIONS=1000 SAMPLES=30 WRITE_SAMPLES=5; fi
CLASSPATH="benchmarks/target/classes:$(cat benchmarks/target/classpath.txt)"
WORK=$(mktemp -d /tmp/rv-bench-usage-XXXXXX)
trap 'rm -rf "$WORK"' EXIT

java -cp "$CLASSPATH" dev.researchvault.benchmarks.usage.UsageTiming seed "$WORK/data" \
  "$MESSAGES" "$EXECUTIONS" "$WRITE_SAMPLES" 2>"$WORK/seed.err" || { cat "$WORK/seed.err" >&2; exit 1; }
grep '^usage:' "$WORK/seed.err" >&2 || true
source benchmarks/server.sh
start_server usage "$PORT" -Xmx1g -Dvault.kdf.memory-kib=1024 -Dvault.kdf.iterations=1
java -cp "$CLASSPATH" dev.researchvault.benchmarks.usage.UsageTiming measure "$WORK/data" "$BASE" \
  "$SAMPLES" "$((MESSAGES + EXECUTIONS))" 2>"$WORK/measure.err" || { cat "$WORK/measure.err" >&2; exit 1; }
