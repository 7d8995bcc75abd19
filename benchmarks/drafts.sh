#!/usr/bin/env bash
# Draft versions (docs/benchmarks.md, "Draft versions"): one 100 KiB draft with 1,000 versions in an encrypted vault;
# a save of its next version against the creation of a draft and the save of a fresh draft's version 2, alternating
# sample by sample, through the ports exactly as DraftService saves. Prints table rows. About 2 minutes.
# Usage: benchmarks/drafts.sh [VERSIONS] [SAMPLES]   (defaults 1000 and 100)
# Needs benchmarks/target/classpath.txt (benchmarks/run.sh builds it).
set -euo pipefail
cd "$(dirname "$0")/.."
CLASSPATH="benchmarks/target/classes:$(cat benchmarks/target/classpath.txt)"
java -cp "$CLASSPATH" dev.researchvault.benchmarks.writing.DraftVersionTiming "${1:-1000}" "${2:-100}"
