#!/usr/bin/env bash
# Login time vs one bare KDF run (production default parameters), alternating, against a server started
# here with the production KDF. Usage: benchmarks/login.sh [samples, default 41]. Prints table rows.
set -euo pipefail
cd "$(dirname "$0")/.."
PORT=${BENCH_PORT:-18081}
WORK=$(mktemp -d /tmp/rv-bench-login-XXXXXX)
java -Xmx1g -Dvault.data-dir="$WORK/data" -Dmicronaut.server.port="$PORT" -jar bootstrap/target/research-vault.jar \
  >"$WORK/server.log" 2>&1 &
SERVER=$!
trap 'status=$?; kill $SERVER 2>/dev/null; wait $SERVER 2>/dev/null || true; rm -rf "$WORK"; exit $status' EXIT
for _ in $(seq 1 120); do
  curl -s -o /dev/null "http://127.0.0.1:$PORT/openapi.yml" && break
  sleep 0.5
done
java -cp "benchmarks/target/classes:$(cat benchmarks/target/classpath.txt)" dev.researchvault.benchmarks.LoginTiming \
  "http://127.0.0.1:$PORT" "${1:-41}" 2>/dev/null
