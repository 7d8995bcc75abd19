#!/usr/bin/env bash
# Full-text search as the index grows, and the write cost of the index (docs/benchmarks.md). Through the ports,
# on a temporary data directory. About 10 minutes (most of it growing the vault to 1,000,000 messages).
# Usage: benchmarks/search.sh [--quick]   (--quick: up to 100,000 rows, fewer samples)
# Needs benchmarks/target/classpath.txt (benchmarks/run.sh builds it).
set -euo pipefail
cd "$(dirname "$0")/.."
ROWS=1000000 SAMPLES=50
if [ "${1:-}" = "--quick" ]; then ROWS=100000 SAMPLES=20; fi
CLASSPATH="benchmarks/target/classes:$(cat benchmarks/target/classpath.txt)"
WORK=$(mktemp -d /tmp/rv-bench-search-XXXXXX)
trap 'rm -rf "$WORK"' EXIT
java -Xmx2g -cp "$CLASSPATH" dev.researchvault.benchmarks.search.SearchTiming "$WORK/data" "$ROWS" "$SAMPLES" \
  2>"$WORK/err" || { cat "$WORK/err" >&2; exit 1; }
grep '^search:' "$WORK/err" >&2 || true
