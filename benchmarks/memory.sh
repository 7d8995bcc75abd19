#!/usr/bin/env bash
# Heap and RSS with many users logged in one after another, then idle, then logged out.
# Usage: benchmarks/memory.sh [users, default 1000]. Needs bootstrap/target/research-vault.jar (run.sh builds it).
# The open-vault cache keeps its default bound (256); idle vaults close after 60 s here (15 min by default), idle
# connections of open vaults after their default 10 s: sampled at 30 s of idle (vaults open, connections closed,
# native heap trimmed) and at 75 s (vaults closed).
set -euo pipefail
cd "$(dirname "$0")/.."
PORT=${BENCH_PORT:-18082}
USERS=${1:-1000}
source benchmarks/server.sh
# MEMORY_JAVA_OPTS (unquoted on purpose: several options) lets a run change engine settings.
# shellcheck disable=SC2086
start_server memory "$PORT" -Xmx512m -XX:NativeMemoryTracking=summary ${MEMORY_JAVA_OPTS:-} \
  -Dvault.kdf.memory-kib=1024 -Dvault.kdf.iterations=1 -Dvault.close-idle-vaults-after=60s
python3 benchmarks/memory.py "$PORT" "$SERVER" "$USERS" 75 30
