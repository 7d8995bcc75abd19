#!/usr/bin/env bash
# The document list at 10, 1,000 and 100,000 documents (docs/benchmarks.md, issue 15): for each size, seeds one
# user's library through the port (DocumentListTiming seed: rows only, the list reads no bytes), starts the server
# jar on that data directory, then times the first page, a page after a cursor in the middle, and a status-filtered
# page after a cursor, over HTTP and through the port, alternating. Prints table rows.
# Usage: benchmarks/http-documents.sh [--quick]   (--quick: fewer samples)
# Needs bootstrap/target/research-vault.jar and benchmarks/target/classpath.txt (benchmarks/run.sh builds both).
set -euo pipefail
cd "$(dirname "$0")/.."
PORT=${BENCH_PORT:-18085}
SAMPLES=200
if [ "${1:-}" = "--quick" ]; then SAMPLES=30; fi
CLASSPATH="benchmarks/target/classes:$(cat benchmarks/target/classpath.txt)"
source benchmarks/server.sh
for COUNT in 10 1000 100000; do
  WORK=$(mktemp -d /tmp/rv-bench-documents-XXXXXX)
  java -cp "$CLASSPATH" dev.researchvault.benchmarks.documents.DocumentListTiming seed "$WORK/data" "$COUNT" \
    2>"$WORK/seed.err" || { cat "$WORK/seed.err" >&2; exit 1; }
  grep '^documents:' "$WORK/seed.err" >&2 || true
  start_server "documents-$COUNT" "$PORT" -Xmx1g -Dvault.kdf.memory-kib=1024 -Dvault.kdf.iterations=1
  java -cp "$CLASSPATH" dev.researchvault.benchmarks.documents.DocumentListTiming measure "$WORK/data" "$BASE" \
    "$SAMPLES" 2>"$WORK/measure.err" || { cat "$WORK/measure.err" >&2; exit 1; }
  kill "$SERVER"; wait "$SERVER" 2>/dev/null || true
  # start_server's trap would kill a server that is gone, failing the script under set -e
  trap 'rm -rf "$WORK"' EXIT
  rm -rf "$WORK"
done
