#!/usr/bin/env bash
# Server list/filter under load (issue 7), end to end: a fresh PostgreSQL database, `least serve`
# on it (Flyway creates the schema), 1M recommendations loaded with COPY, an API token, then the
# open-loop generator: warm-up, then 60 s at 200 req/s of list/filter requests; server CPU and heap;
# server stopped and database dropped at the end (also on failure or Ctrl-C).
#
#   bench/api-load.sh                                  # 1M recommendations, 200 req/s for 60 s
#   COUNT=100000 DURATION=20 bench/api-load.sh         # quick run
#   KEEP_DB=1 bench/api-load.sh                        # keep least_bench for EXPLAIN ANALYZE
#   SKIP_LOAD=1 KEEP_DB=1 bench/api-load.sh            # reuse a kept database
#
# Settings (environment): DB (least_bench), PGHOST (127.0.0.1), PGPORT (5432), PGUSER (postgres;
# trust auth), COUNT (1000000), RATE (200), DURATION (60), WARMUP (20), PORT (18080),
# SERVER_XMX (1g), KEEP_DB (0), SKIP_LOAD (0), SKIP_BUILD (0). Output and the server log go to
# bench-data/api-load/ (git-ignored). Exit 0 when p99 < 50 ms with zero errors, 1 otherwise.
set -euo pipefail
cd "$(dirname "$0")/.."

DB=${DB:-least_bench}
export PGHOST=${PGHOST:-127.0.0.1} PGPORT=${PGPORT:-5432} PGUSER=${PGUSER:-postgres}
COUNT=${COUNT:-1000000}
RATE=${RATE:-200}
DURATION=${DURATION:-60}
WARMUP=${WARMUP:-20}
PORT=${PORT:-18080}
SERVER_XMX=${SERVER_XMX:-1g}
KEEP_DB=${KEEP_DB:-0}
SKIP_LOAD=${SKIP_LOAD:-0}
SKIP_BUILD=${SKIP_BUILD:-0}
OUT=bench-data/api-load
DB_URL="jdbc:postgresql://$PGHOST:$PGPORT/$DB"
ADMIN_PASSWORD="bench-admin-$(od -An -N8 -tx8 /dev/urandom | tr -d ' ')"
BASE="http://127.0.0.1:$PORT"

if [[ "$SKIP_BUILD" != 1 ]]; then
  echo "== building least.jar and least-benchmarks.jar"
  ./mvnw -B -q -pl least-app,least-benchmarks -am package -DskipTests -Djacoco.skip=true
fi
# run from copies, so that a rebuild during the run cannot change the jars under the JVMs
mkdir -p "$OUT"
cp least-app/target/least.jar "$OUT/least.jar"
cp least-benchmarks/target/least-benchmarks.jar "$OUT/least-benchmarks.jar"
BENCH="java -cp $OUT/least-benchmarks.jar"

echo "== machine"
echo "nproc: $(nproc)"
echo "cpu: $(lscpu | sed -n 's/^Model name: *//p' | head -1)"
echo "memory: $(free -g | awk '/^Mem:/ {print $2 " GiB"}')"
echo "java: $(java -version 2>&1 | head -1)"
echo "postgresql: $(psql -d postgres -Atc 'SHOW server_version')"
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)"

SERVER_PID=
cleanup() {
  if [[ -n "$SERVER_PID" ]] && kill -0 "$SERVER_PID" 2>/dev/null; then
    echo "== stopping the server (pid $SERVER_PID)"
    kill "$SERVER_PID"
    wait "$SERVER_PID" 2>/dev/null || true
  fi
  if [[ "$KEEP_DB" != 1 ]]; then
    echo "== dropping database $DB"
    psql -d postgres -qc "DROP DATABASE IF EXISTS $DB" || true
  else
    echo "== keeping database $DB (KEEP_DB=1)"
  fi
}
trap cleanup EXIT

if [[ "$SKIP_LOAD" != 1 ]]; then
  echo "== creating database $DB"
  psql -d postgres -qc "DROP DATABASE IF EXISTS $DB"
  psql -d postgres -qc "CREATE DATABASE $DB"
fi

echo "== starting least serve on $DB_URL (-Xmx$SERVER_XMX)"
LEAST_ADMIN_PASSWORD="$ADMIN_PASSWORD" LEAST_DB_USER="$PGUSER" \
  MANAGEMENT_ENDPOINTS_WEB_EXPOSURE_INCLUDE=health,info,metrics \
  java -Xmx"$SERVER_XMX" -jar "$OUT/least.jar" serve --port "$PORT" --db-url "$DB_URL" \
  --data-dir "$OUT/server-data" >"$OUT/server.log" 2>&1 &
SERVER_PID=$!
# up = answering HTTP (a kept database's admin has another password: 401 counts as up)
up() { [[ "$(curl -s -o /dev/null -w '%{http_code}' "$BASE/actuator/health")" =~ ^(200|401)$ ]]; }
for _ in $(seq 1 240); do
  if up; then
    break
  fi
  if ! kill -0 "$SERVER_PID" 2>/dev/null; then
    echo "the server exited; the end of $OUT/server.log:" >&2
    tail -n 40 "$OUT/server.log" >&2
    exit 3
  fi
  sleep 1
done
up || { echo "the server did not answer within 240 s; see $OUT/server.log" >&2; exit 3; }

if [[ "$SKIP_LOAD" != 1 ]]; then
  echo "== loading $COUNT recommendations (load average $(cut -d' ' -f1-3 /proc/loadavg))"
  /usr/bin/time -f "loader: wall %e s, user %U s, sys %S s, max RSS %M KB" \
    $BENCH dev.least.bench.server.RecommendationLoader --db-url "$DB_URL" --db-user "$PGUSER" \
    --count "$COUNT" --templates "$OUT/templates.json"
  psql -d "$DB" -Atc "SELECT 'table: ' || pg_size_pretty(pg_total_relation_size('recommendations'))
    || ' (heap+toast+indexes), indexes ' || pg_size_pretty(pg_indexes_size('recommendations'))"
fi

if [[ "$SKIP_LOAD" != 1 ]]; then
  TOKEN=$(curl -sf -u "admin:$ADMIN_PASSWORD" -X POST -H 'Content-Type: application/json' \
    -d '{"name":"api-load"}' "$BASE/api/v1/tokens" | sed -n 's/.*"token":"\([^"]*\)".*/\1/p')
else
  # a kept database's admin has the password of the run that created it: add a token directly
  # (the server stores only the token's SHA-256)
  TOKEN="lst_bench$(od -An -N16 -tx1 /dev/urandom | tr -d ' \n')"
  psql -d "$DB" -qc "INSERT INTO api_tokens (token_hash, username, name, created_at, revoked)
    VALUES ('$(printf '%s' "$TOKEN" | sha256sum | cut -d' ' -f1)', 'admin', 'api-load', now(), false)"
fi
[[ -n "$TOKEN" ]] || { echo "could not create an API token" >&2; exit 3; }
read -r MIN_ID MAX_ID < <(psql -d "$DB" -AtF' ' -c "SELECT min(id), max(id) FROM recommendations")

server_cpu() { awk '{print $14 + $15}' "/proc/$SERVER_PID/stat"; }
TICKS=$(getconf CLK_TCK)
CPU0=$(server_cpu)
LOAD0=$(cut -d' ' -f1-3 /proc/loadavg)
echo "== load: ${WARMUP}s warm-up + ${DURATION}s at $RATE req/s (load average $LOAD0)"
set +e
/usr/bin/time -f "generator: wall %e s, user %U s, sys %S s, max RSS %M KB" \
  $BENCH dev.least.bench.server.ListLoadGenerator --url "$BASE" --token "$TOKEN" \
  --min-id "$MIN_ID" --max-id "$MAX_ID" --rate "$RATE" --duration "$DURATION" --warmup "$WARMUP" \
  | tee "$OUT/result.txt"
STATUS=${PIPESTATUS[0]}
set -e
CPU1=$(server_cpu)
echo "server CPU during warm-up + run: $(awk "BEGIN {printf \"%.1f\", ($CPU1 - $CPU0) / $TICKS}") s over $((WARMUP + DURATION)) s"
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg) (before: $LOAD0)"
echo "== server heap (jcmd GC.heap_info)"
jcmd "$SERVER_PID" GC.heap_info 2>/dev/null | sed -n '2,4p' || echo "(jcmd unavailable)"
exit "$STATUS"
