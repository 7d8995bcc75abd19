#!/usr/bin/env bash
# Streamed files (issue 17, docs/benchmarks.md "Streamed files"): the blob port's streamed save and read of 10 MiB and
# 200 MiB (StreamThroughput), then, in the same run on the same machine, the server jar started with -Xmx256m and
# benchmarks/http/streams.py: raw uploads and downloads of the same sizes through HTTP as ratios of the port's figures,
# and 8 concurrent 200 MiB uploads then downloads with the server's live heap read during each.
# Usage: benchmarks/http-streaming.sh [SAMPLES]   (default 5). Needs python3 and the JDK's jcmd.
# WARM_SMALL (default 2000) cycles of a 1.1 MiB file, then WARMUP (default 5) unrecorded rounds per size before the
# samples, on both sides alike (environment). MODE=kept (default) or cycle: see benchmarks/http/streams.py.
# Builds first: the stale shaded jar is deleted and the server packaged through the reactor (never from a stale jar).
# Side by side: benchmarks/http-streaming.sh SAMPLES ROUNDS JAR...   measures the port once, then, ROUNDS times, the
# throughput part against each given jar in turn (alternating, each on a fresh server and data directory; no
# concurrent part), so builds of two commits are compared under the same load. Packages only the benchmarks.
set -euo pipefail
cd "$(dirname "$0")/.."
SAMPLES=${1:-5}
PORT=${BENCH_PORT:-18087}
ROUNDS=${2:-}
JARS=("${@:3}")
if [ -z "$ROUNDS" ]; then
  rm -f bootstrap/target/*.jar
  ./mvnw -B -o -q package -DskipTests -pl bootstrap,benchmarks -am >&2
else
  ./mvnw -B -o -q package -DskipTests -pl benchmarks -am >&2
fi
echo "machine: $(nproc) cores, $(lscpu | sed -n 's/^Model name: *//p' | head -1), $(java -version 2>&1 | head -1)," \
  "$(date -u +%Y-%m-%dT%H:%MZ), commit $(git rev-parse --short HEAD)"
export WARMUP=${WARMUP:-5} WARM_SMALL=${WARM_SMALL:-2000} MODE=${MODE:-kept}
PORT_FIGURES=$(java -Xmx1g -Dwarmup="$WARMUP" -DwarmSmall="$WARM_SMALL" -Dmode="$MODE" -cp "benchmarks/target/classes:$(cat benchmarks/target/classpath.txt)" \
  dev.researchvault.benchmarks.StreamThroughput "$SAMPLES" 10 200 2>/dev/null)
echo "port (MiB, save MB/s, read MB/s): $(echo "$PORT_FIGURES" | tr '\n' ';')"
source benchmarks/server.sh
if [ -n "$ROUNDS" ]; then
  for round in $(seq 1 "$ROUNDS"); do
    for jar in "${JARS[@]}"; do
      echo "round $round, $jar, load: $(cut -d' ' -f1-3 /proc/loadavg)"
      # A subshell per server: its exit stops that server and removes its data directory (server.sh's trap).
      ( SERVER_JAR=$jar start_server streams "$PORT" -Xmx256m -Dvault.kdf.memory-kib=1024 -Dvault.kdf.iterations=1 \
          -Dfiles.max-file-size=300MB
        PYTHONDONTWRITEBYTECODE=1 python3 benchmarks/http/streams.py "$BASE" "$SERVER" "$PORT_FIGURES" "$SAMPLES" \
          throughput )
    done
  done
  exit 0
fi
start_server streams "$PORT" -Xmx256m -Dvault.kdf.memory-kib=1024 -Dvault.kdf.iterations=1 \
  -Dfiles.max-file-size=300MB
PYTHONDONTWRITEBYTECODE=1 python3 benchmarks/http/streams.py "$BASE" "$SERVER" "$PORT_FIGURES" "$SAMPLES"
