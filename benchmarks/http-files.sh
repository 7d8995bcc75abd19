#!/usr/bin/env bash
# Blobs and list growth through HTTP (docs/benchmarks.md): starts the server jar on a temporary data directory
# with a cheap KDF, then benchmarks/http/files.py uploads and downloads 1 MiB and 10 MiB message files against
# a plain file, and times the research and chat lists of one user grown to 10, 1,000 and 100,000 rows.
# Prints table rows, the growth curve and a line on seeding. Takes about 6 minutes (seeding 200,000 rows is most of it).
# Usage: benchmarks/http-files.sh [--quick]   (--quick: fewer samples, grows to 10,000 rows; ~1 minute)
# Needs bootstrap/target/research-vault.jar (benchmarks/run.sh builds it) and python3.
set -euo pipefail
cd "$(dirname "$0")/.."
PORT=${BENCH_PORT:-18083}
source benchmarks/server.sh
start_server files "$PORT" -Xmx1g -Dvault.kdf.memory-kib=1024 -Dvault.kdf.iterations=1

PYTHONDONTWRITEBYTECODE=1 python3 benchmarks/http/files.py "$BASE" "$WORK" "$WORK/server.log" "$@"
