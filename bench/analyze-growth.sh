#!/usr/bin/env bash
# How `least analyze` grows with the number of sign-ins (issue 6): generate a tenant per size,
# analyze it end to end with /usr/bin/time -v (wall, CPU, max RSS), delete it, next size.
#
#   bench/analyze-growth.sh                       # 100k 300k 1M 3M 10M
#   SIZES=20k bench/analyze-growth.sh             # the goal: 20k users / 1.33M sign-ins
#   SIZES="100k 1M" bench/analyze-growth.sh       # a subset
#
# Sizes map to generator settings (13 sign-ins per user and working day, ~10 over a week with
# weekends): up to 1M the window is 5 days and the user count grows; above, 20,000 users and a
# longer window (13 days for 3M, 50 for 10M; 11 and 38 days gave 2.5M and 7.7M).
# Settings (environment): SIZES, XMX (2g; the goal's heap), XMX_LARGE (heap for 3M and 10M,
# 6g), DATA (bench-data/growth), KEEP (0: delete each tenant after measuring).
# Output: one line per size on stdout and bench-data/growth/results.tsv.
set -euo pipefail
cd "$(dirname "$0")/.."

SIZES=${SIZES:-"100k 300k 1M 3M 10M"}
XMX=${XMX:-2g}
XMX_LARGE=${XMX_LARGE:-6g}
DATA=${DATA:-bench-data/growth}
KEEP=${KEEP:-0}
JAR=least-app/target/least.jar

if [[ ! -f "$JAR" ]]; then
  ./mvnw -B -q -pl least-app -am package -DskipTests
fi
mkdir -p "$DATA"
cp "$JAR" "$DATA/least.jar"   # a rebuild during the run cannot change the jar under the JVM
JAR=$DATA/least.jar

echo "== machine: $(nproc) cpu, $(lscpu | sed -n 's/^Model name: *//p' | head -1)," \
  "$(free -g | awk '/^Mem:/ {print $2 " GiB"}'), $(java -version 2>&1 | head -1)"
echo "== df: $(df -h "$DATA" | tail -1)"
RESULTS=$DATA/results.tsv
printf 'size\tusers\tdays\tsign_ins\txmx\twall_s\tcpu_s\tmax_rss_mb\trecommendations\tload_before\tload_after\n' >"$RESULTS"

for size in $SIZES; do
  case $size in
    20k) users=20000 days=5 xmx=$XMX ;; # the issue's goal: 20k users, ~1.33M sign-ins
    100k) users=1500 days=5 xmx=$XMX ;;
    300k) users=4500 days=5 xmx=$XMX ;;
    1M) users=15000 days=5 xmx=$XMX ;;
    3M) users=20000 days=13 xmx=$XMX_LARGE ;;
    10M) users=20000 days=50 xmx=$XMX_LARGE ;;
    *) echo "unknown size $size (20k 100k 300k 1M 3M 10M)" >&2; exit 2 ;;
  esac
  dir=$DATA/$size
  rm -rf "$dir"
  echo "== $size: generate --users $users --days $days --seed 5"
  java -Xmx8g -jar "$JAR" generate --out "$dir/snapshot" --users "$users" --days "$days" \
    --seed 5 >"$dir.generate.log" 2>&1
  signins=$(sed -n 's/.*sign-ins: \([0-9]*\) Entra, \([0-9]*\) Okta.*/\1 \2/p' "$dir.generate.log" \
    | awk '{print $1 + $2}')
  load_before=$(cut -d' ' -f1 /proc/loadavg)
  echo "== $size: analyze ($signins sign-ins, -Xmx$xmx, load $load_before)"
  /usr/bin/time -v java -Xmx"$xmx" -jar "$JAR" analyze "$dir/snapshot" --out "$dir/recs.json" \
    >"$dir.analyze.out" 2>"$dir.analyze.err"
  load_after=$(cut -d' ' -f1 /proc/loadavg)
  wall=$(sed -n 's/.*Elapsed (wall clock) time (h:mm:ss or m:ss): //p' "$dir.analyze.err" \
    | awk -F: '{ if (NF == 3) print $1 * 3600 + $2 * 60 + $3; else print $1 * 60 + $2 }')
  user=$(sed -n 's/.*User time (seconds): //p' "$dir.analyze.err")
  sys=$(sed -n 's/.*System time (seconds): //p' "$dir.analyze.err")
  rss=$(sed -n 's/.*Maximum resident set size (kbytes): //p' "$dir.analyze.err")
  recs=$(sed -n 's/^\([0-9]*\) recommendation(s) written.*/\1/p' "$dir.analyze.err")
  cpu=$(awk -v u="$user" -v s="$sys" 'BEGIN { printf "%.1f", u + s }')
  rss_mb=$(( rss / 1024 ))
  printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$size" "$users" "$days" "$signins" \
    "$xmx" "$wall" "$cpu" "$rss_mb" "$recs" "$load_before" "$load_after" | tee -a "$RESULTS"
  grep -E '^  [a-z_(]' "$dir.analyze.err" >"$dir.per-analyzer.txt" || true
  if [[ $KEEP == 0 ]]; then
    rm -rf "$dir"
  fi
done
echo "== results in $RESULTS"
