#!/usr/bin/env bash
# The whole benchmark suite (docs/benchmarks.md): builds, runs the JMH storage comparison, blob throughput,
# list growth, HTTP load (wrk), login timing, HTTP files and growth, the usage report and the document list, and prints one
# Markdown table. Takes about 30 minutes.
# Usage: benchmarks/run.sh [--quick]   (--quick: 1 JMH round, shorter HTTP runs; for trying it out)
set -euo pipefail
cd "$(dirname "$0")/.."
ROUNDS=3 HTTP_SECONDS=10 SAMPLES=15
if [ "${1:-}" = "--quick" ]; then ROUNDS=1 HTTP_SECONDS=3 SAMPLES=5; fi

./mvnw -B -q package -DskipTests >&2
echo "machine: $(nproc) cores, $(lscpu | sed -n 's/^Model name: *//p' | head -1), $(java -version 2>&1 | head -1), $(date -u +%Y-%m-%dT%H:%MZ)"
echo
echo "| area | measure | median (min–max) | goal | verdict |"
echo "|---|---|---|---|---|"
java -cp "benchmarks/target/classes:$(cat benchmarks/target/classpath.txt)" dev.researchvault.benchmarks.BenchmarkSuite \
  --rounds "$ROUNDS" --samples "$SAMPLES" 2>/tmp/rv-bench-suite.err
benchmarks/http-load.sh "$HTTP_SECONDS"
benchmarks/login.sh
if [ "${1:-}" = "--quick" ]; then benchmarks/http-files.sh --quick; else benchmarks/http-files.sh; fi
if [ "${1:-}" = "--quick" ]; then benchmarks/http-usage.sh --quick; else benchmarks/http-usage.sh; fi
if [ "${1:-}" = "--quick" ]; then benchmarks/drafts.sh 1000 20; else benchmarks/drafts.sh; fi
if [ "${1:-}" = "--quick" ]; then benchmarks/http-documents.sh --quick; else benchmarks/http-documents.sh; fi
