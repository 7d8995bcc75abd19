#!/usr/bin/env bash
# Login time vs one bare KDF run (production default parameters), alternating, against a server started
# here with the production KDF. Usage: benchmarks/login.sh [samples, default 41]. Prints table rows.
set -euo pipefail
cd "$(dirname "$0")/.."
PORT=${BENCH_PORT:-18081}
source benchmarks/server.sh
start_server login "$PORT" -Xmx1g
java -cp "benchmarks/target/classes:$(cat benchmarks/target/classpath.txt)" dev.researchvault.benchmarks.LoginTiming \
  "$BASE" "${1:-41}" 2>/dev/null
