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
# trust auth), COUNT (1000000), RATE (200), DURATION (60), WARMUP (90: the JIT is still compiling
# the request path after 20 s, which shows in p99), PORT (18080),
# SERVER_XMX (1g), SERVER_OPTS and GENERATOR_OPTS (extra JVM options for the server and the load
# generator, e.g. a JFR recording), LEAST_JAR and BENCH_JAR (the jars to run, by default the ones
# built here: to compare builds on the same database), KEEP_DB (0), SKIP_LOAD (0), SKIP_BUILD (0). Output and the server log go to
# bench-data/api-load/ (git-ignored). Exit 0 when p99 < 50 ms with zero errors, 1 otherwise.
set -euo pipefail
cd "$(dirname "$0")/.."

DB=${DB:-least_bench}
export PGHOST=${PGHOST:-127.0.0.1} PGPORT=${PGPORT:-5432} PGUSER=${PGUSER:-postgres}
COUNT=${COUNT:-1000000}
RATE=${RATE:-200}
DURATION=${DURATION:-60}
WARMUP=${WARMUP:-90}
PORT=${PORT:-18080}
SERVER_XMX=${SERVER_XMX:-1g}
SERVER_OPTS=${SERVER_OPTS:-}
GENERATOR_OPTS=${GENERATOR_OPTS:-}
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
cp "${LEAST_JAR:-least-app/target/least.jar}" "$OUT/least.jar"
cp "${BENCH_JAR:-least-benchmarks/target/least-benchmarks.jar}" "$OUT/least-benchmarks.jar"
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
  java -Xmx"$SERVER_XMX" -XX:-UseDynamicNumberOfCompilerThreads $SERVER_OPTS -jar "$OUT/least.jar" serve --port "$PORT" --db-url "$DB_URL" \
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
# the server's threads' CPU in ticks, per thread: "tid kind ticks", kind jit (C1/C2 compiler
# threads), gc or other
server_threads() {
  for t in /proc/"$SERVER_PID"/task/*; do
    comm=$(cat "$t/comm" 2>/dev/null) || continue
    case "$comm" in
      C1\ Compiler*|C2\ Compiler*) kind=jit ;;
      GC\ Thread*|G1\ *|VM\ Thread) kind=gc ;;
      *) kind=other ;;
    esac
    # fields after the ")" that ends the thread's name: utime and stime are the 12th and 13th
    sed 's/.*) //' "$t/stat" 2>/dev/null | awk -v id="${t##*/}" -v k="$kind" '{print id, k, $12 + $13}'
  done
}
# the CPU of the PostgreSQL backends serving the database (the server's pool): per pid, in ticks
db_pids() { psql -d postgres -Atc "SELECT pid FROM pg_stat_activity WHERE datname = '$DB'"; }
db_cpu() { for p in "$@"; do awk -v p="$p" '{print p, $14 + $15}' "/proc/$p/stat" 2>/dev/null; done; }
TICKS=$(getconf CLK_TCK)
CPU0=$(server_cpu)
# shellcheck disable=SC2046
DB_CPU0=$(db_cpu $(db_pids))
LOAD0=$(cut -d' ' -f1-3 /proc/loadavg)
echo "== load: ${WARMUP}s warm-up + ${DURATION}s at $RATE req/s (load average $LOAD0)"
set +e
rm -f "$OUT/generator.err" # so that the wait below sees this run's generator, not the last one's
/usr/bin/time -f "generator: wall %e s, user %U s, sys %S s, max RSS %M KB" \
  java $GENERATOR_OPTS -cp "$OUT/least-benchmarks.jar" dev.least.bench.server.ListLoadGenerator --url "$BASE" --token "$TOKEN" \
  --min-id "$MIN_ID" --max-id "$MAX_ID" --rate "$RATE" --duration "$DURATION" --warmup "$WARMUP" \
  >"$OUT/result.txt" 2>"$OUT/generator.err" &
GEN_PID=$!
# the measured window's CPU apart from the warm-up's (JIT compilation is most of the warm-up's):
# sampled when the generator says its measured window starts (or, from a generator that does not
# say, about when it should)
GEN_START=$SECONDS
until grep -q "measured window starts" "$OUT/generator.err" 2>/dev/null \
  || ! kill -0 "$GEN_PID" 2>/dev/null || ((SECONDS - GEN_START > WARMUP + 2)); do
  sleep 0.05
done
CPU_MID=$(server_cpu)
THREADS_MID=$(server_threads)
# shellcheck disable=SC2046
DB_CPU_MID=$(db_cpu $(db_pids))
wait "$GEN_PID"
STATUS=$?
cat "$OUT/generator.err" >&2
cat "$OUT/result.txt"
set -e
CPU1=$(server_cpu)
THREADS1=$(server_threads)
# shellcheck disable=SC2046
DB_CPU1=$(db_cpu $(db_pids))
db_used() { # before after: seconds of CPU the backends used between the two samples
  printf '%s\n%s\n' "$1" "$2" | awk -v t="$TICKS" -v first="$(printf '%s\n' "$1" | wc -l)" '
    NR <= first { before[$1] = $2; next } { used += $2 - before[$1] } END { printf "%.1f", used / t }'
}
# per request served: warm-up included (a generator that does not say: per request due), and in
# the measured window alone
SERVED=$(sed -n 's/.*completedWithWarmup=\([0-9]*\).*/\1/p' "$OUT/result.txt")
[[ -n "$SERVED" && "$SERVED" != 0 ]] || SERVED=$(awk "BEGIN {print int($RATE * ($WARMUP + $DURATION))}")
OK=$(sed -n 's/.* ok=\([0-9]*\) .*/\1/p' "$OUT/result.txt")
[[ -n "$OK" && "$OK" != 0 ]] || OK=1
SERVER_ALL=$(awk "BEGIN {printf \"%.1f\", ($CPU1 - $CPU0) / $TICKS}")
SERVER_RUN=$(awk "BEGIN {printf \"%.1f\", ($CPU1 - $CPU_MID) / $TICKS}")
DB_ALL=$(db_used "$DB_CPU0" "$DB_CPU1")
DB_RUN=$(db_used "$DB_CPU_MID" "$DB_CPU1")
per() { awk "BEGIN {printf \"%.2f\", $1 * 1000 / $2}"; }
echo "server CPU: warm-up + run $SERVER_ALL s over $((WARMUP + DURATION)) s ($(per "$SERVER_ALL" "$SERVED") ms per request served); measured window $SERVER_RUN s ($(per "$SERVER_RUN" "$OK") ms per request)"
# JIT compilation in the measured window (compiler threads stay alive: see the java command), and
# the server's CPU without it: JIT is warm-up work, and on a busy machine it runs late
JIT_RUN=$(printf '%s\n%s\n' "$THREADS_MID" "$THREADS1" | awk -v t="$TICKS" \
  -v first="$(printf '%s\n' "$THREADS_MID" | wc -l)" '
  NR <= first { before[$1] = $3; next } $2 == "jit" { used += $3 - before[$1] } END { printf "%.1f", used / t }')
NO_JIT=$(awk "BEGIN {printf \"%.1f\", $SERVER_RUN - $JIT_RUN}")
echo "server CPU in the measured window without JIT compilation: $NO_JIT s ($(per "$NO_JIT" "$OK") ms per request; JIT $JIT_RUN s)"
echo "PostgreSQL backends' CPU: warm-up + run $DB_ALL s ($(per "$DB_ALL" "$SERVED") ms per request served); measured window $DB_RUN s ($(per "$DB_RUN" "$OK") ms per request)"
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg) (before: $LOAD0)"
echo "== server heap (jcmd GC.heap_info)"
jcmd "$SERVER_PID" GC.heap_info 2>/dev/null | sed -n '2,4p' || echo "(jcmd unavailable)"
exit "$STATUS"
