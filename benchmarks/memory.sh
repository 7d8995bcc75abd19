#!/usr/bin/env bash
# Heap and RSS with many users logged in one after another, then idle, then logged out.
# Usage: benchmarks/memory.sh [users, default 1000]. Needs bootstrap/target/research-vault.jar (run.sh builds it).
# The open-vault cache keeps its default bound (256); idle vaults close after 20 s here (15 min by default).
set -euo pipefail
cd "$(dirname "$0")/.."
PORT=${BENCH_PORT:-18082}
USERS=${1:-1000}
WORK=$(mktemp -d /tmp/rv-bench-memory-XXXXXX)
java -Xmx512m -XX:NativeMemoryTracking=summary ${MEMORY_JAVA_OPTS:-} -Dvault.data-dir="$WORK/data" -Dmicronaut.server.port="$PORT" \
  -Dvault.kdf.memory-kib=1024 -Dvault.kdf.iterations=1 -Dvault.close-idle-vaults-after=20s \
  -jar bootstrap/target/research-vault.jar >"$WORK/server.log" 2>&1 &
SERVER=$!
trap 'status=$?; kill $SERVER 2>/dev/null; wait $SERVER 2>/dev/null || true; rm -rf "$WORK"; exit $status' EXIT
for _ in $(seq 1 120); do
  curl -s -o /dev/null "http://127.0.0.1:$PORT/health" && break
  sleep 0.5
done
python3 benchmarks/memory.py "$PORT" "$SERVER" "$USERS" 30
