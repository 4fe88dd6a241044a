#!/usr/bin/env bash
# Sign-in ingest, side by side (issue 3): Least vs a bare Jackson token walk, jq and DuckDB
# read_json over the same generated snapshot, in one run; then Least's heap for HEAP_EVENTS.
#
#   bench/ingest.sh                          # 1M events (500k Entra + 500k Okta), heap at 10M
#   EVENTS=200000 HEAP_EVENTS=0 bench/ingest.sh   # quick run, no heap step
#
# Settings (environment): EVENTS (1000000), RUNS (3), WARMUP (1), JQ_RUNS (1),
# HEAP_EVENTS (10000000; 0 skips), HEAP_XMX (2g), KEEP_HEAP_DATA (0: delete the heap corpus after),
# SKIP (comma list of least,jq,duckdb). Data goes to bench-data/ (git-ignored).
set -euo pipefail
cd "$(dirname "$0")/.."

EVENTS=${EVENTS:-1000000}
RUNS=${RUNS:-3}
WARMUP=${WARMUP:-1}
JQ_RUNS=${JQ_RUNS:-1}
HEAP_EVENTS=${HEAP_EVENTS:-10000000}
HEAP_XMX=${HEAP_XMX:-2g}
KEEP_HEAP_DATA=${KEEP_HEAP_DATA:-0}
SKIP=${SKIP:-none}
JAR=least-benchmarks/target/least-benchmarks.jar
MAIN=dev.least.bench.IngestBenchmark

if ! command -v jq >/dev/null 2>&1; then
  echo "== installing jq (Debian package)"
  apt-get update -qq
  apt-get install -y -qq jq
fi

echo "== building $JAR"
./mvnw -B -q -pl least-benchmarks -am package -DskipTests
# run from a copy, so that a rebuild during a long run cannot change the jar under the JVM
mkdir -p bench-data
cp "$JAR" bench-data/least-benchmarks.jar
JAR=bench-data/least-benchmarks.jar

# generate DIR N: a snapshot folder of N events, half Entra, half Okta; kept if already there
generate() {
  local dir=$1 n=$2
  local entra=$(( n - n / 2 )) okta=$(( n / 2 ))
  if [[ -f "$dir/manifest.json" ]] && grep -q "entra=$entra okta=$okta " "$dir/manifest.json"; then
    echo "== reusing $dir"
  else
    echo "== generating $dir ($n events)"
    java -cp "$JAR" "$MAIN" generate --out "$dir" --entra "$entra" --okta "$okta"
  fi
}

echo "== machine"
echo "nproc: $(nproc)"
echo "cpu: $(lscpu | sed -n 's/^Model name: *//p' | head -1)"
echo "memory: $(free -g | awk '/^Mem:/ {print $2 " GiB"}')"
echo "java: $(java -version 2>&1 | head -1)"
echo "jq: $(jq --version)"
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)"

DATA=bench-data/ingest-$EVENTS
generate "$DATA" "$EVENTS"

echo "== side by side (one thread each unless said; jq pinned with taskset -c 0)"
java -Xms4g -Xmx4g -cp "$JAR" "$MAIN" run --data "$DATA" --runs "$RUNS" --warmup "$WARMUP" \
  --jq-runs "$JQ_RUNS" --skip "$SKIP" | tee bench-data/ingest-$EVENTS.txt

if [[ "$HEAP_EVENTS" -gt 0 ]] && grep -q '^Least column pending' bench-data/ingest-$EVENTS.txt; then
  echo "== heap step skipped: Least normalized no events above, so there is no snapshot to weigh"
elif [[ "$HEAP_EVENTS" -gt 0 ]]; then
  HEAP_DATA=bench-data/heap-$HEAP_EVENTS
  need=$(( HEAP_EVENTS * 4500 / 1024 / 1024 ))   # ~4.4 KB per event on average
  have=$(df -Pm bench-data | awk 'NR==2 {print $4}')
  if [[ ! -f "$HEAP_DATA/manifest.json" && "$have" -lt $(( need + 2048 )) ]]; then
    echo "== heap step skipped: needs ~${need} MB of disk for $HEAP_EVENTS events, ${have} MB free"
  else
    generate "$HEAP_DATA" "$HEAP_EVENTS"
    echo "== heap: Least reads $HEAP_EVENTS events with -Xmx$HEAP_XMX"
    java -Xmx"$HEAP_XMX" -cp "$JAR" "$MAIN" heap --data "$HEAP_DATA" | tee bench-data/heap-$HEAP_EVENTS.txt
    if [[ "$KEEP_HEAP_DATA" != 1 ]]; then
      rm -rf "$HEAP_DATA"
    fi
  fi
fi
