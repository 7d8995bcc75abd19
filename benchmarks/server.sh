# Sourced by the benchmark scripts: starts the packaged server on a temporary data directory and stops it (and
# removes the directory) when the script exits, however it exits.
# Usage: start_server NAME PORT [java options...]   (heap, KDF cost, etc.: everything but data dir, port and jar)
# Sets WORK (the temporary directory; the server log is $WORK/server.log), SERVER (its pid) and BASE (its URL).
# A WORK set before the call is used (its data directory already seeded) and removed the same way.
# SERVER_JAR, when set, names the jar to start (a packaged copy of another commit, for side-by-side runs).
start_server() {
  local name=$1 port=$2
  shift 2
  WORK=${WORK:-$(mktemp -d "/tmp/rv-bench-$name-XXXXXX")}
  BASE=http://127.0.0.1:$port
  java "$@" -Dvault.data-dir="$WORK/data" -Dmicronaut.server.port="$port" \
    -jar "${SERVER_JAR:-bootstrap/target/research-vault.jar}" >"$WORK/server.log" 2>&1 &
  SERVER=$!
  trap 'status=$?; kill $SERVER 2>/dev/null; wait $SERVER 2>/dev/null || true; rm -rf "$WORK"; exit $status' EXIT
  for _ in $(seq 1 120); do
    curl -s -o /dev/null "$BASE/health" && return 0
    sleep 0.5
  done
  echo "the server did not answer on $BASE within 60 s; see its log above" >&2
  cat "$WORK/server.log" >&2
  return 1
}
