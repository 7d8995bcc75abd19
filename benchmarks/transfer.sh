#!/usr/bin/env bash
# Export and import of one large vault through HTTP (docs/benchmarks.md, "export and import"): starts the server
# jar with a small heap and a GC log, seeds one user, times GET /api/v1/export and POST /api/v1/import of the
# archive into a fresh user, and reads the largest heap after a collection during each (benchmarks/http/transfer.py).
# Usage: benchmarks/transfer.sh [research] [messages] [file MiB] [heap]   (defaults: 10000 50000 1024 256m)
# Needs bootstrap/target/research-vault.jar (benchmarks/run.sh builds it) and python3.
set -euo pipefail
cd "$(dirname "$0")/.."
RESEARCH=${1:-10000} MESSAGES=${2:-50000} FILE_MIB=${3:-1024} HEAP=${4:-256m}
PORT=${BENCH_PORT:-18091}
WORK=$(mktemp -d /tmp/rv-bench-transfer-XXXXXX)
source benchmarks/server.sh
# Imports of a large vault need both limits raised: the framework's request size (40MB as shipped) and ours.
start_server transfer "$PORT" "-Xmx$HEAP" "-Xlog:gc:file=$WORK/gc.log" -Dvault.kdf.memory-kib=1024 -Dvault.kdf.iterations=1 \
  -Dmicronaut.server.max-request-size=8GB -Dtransfer.max-import-size=8GB

PYTHONDONTWRITEBYTECODE=1 python3 benchmarks/http/transfer.py "$BASE" "$WORK" "$WORK/gc.log" "$RESEARCH" "$MESSAGES" "$FILE_MIB"
