#!/usr/bin/env bash
# Sameness check for a change on the request path: the same requests to two servers (e.g. the
# build before and after, both on the database bench/api-load.sh kept) must answer with the same
# status, the same headers (Date aside) and byte-identical bodies.
#
#   bench/api-compare.sh http://127.0.0.1:18091 http://127.0.0.1:18092 lst_…   [urls file]
#
# Exit 0 when every answer matches, 1 otherwise.
set -euo pipefail
A=$1 B=$2 TOKEN=$3 URLS=${4:-$(dirname "$0")/api-compare-urls.txt}
OUT=$(mktemp -d)
trap 'rm -rf "$OUT"' EXIT
n=0 bad=0
while read -r u; do
  [[ -n "$u" ]] || continue
  n=$((n + 1))
  for side in a b; do
    base=$A; [[ $side == b ]] && base=$B
    curl -s -D "$OUT/$side.h" -o "$OUT/$side.b" -H "Authorization: Bearer $TOKEN" \
      -H 'Accept: application/json' "$base$u"
    grep -vi '^date:' "$OUT/$side.h" >"$OUT/$side.hh"
  done
  if ! cmp -s "$OUT/a.b" "$OUT/b.b" || ! cmp -s "$OUT/a.hh" "$OUT/b.hh"; then
    bad=$((bad + 1))
    echo "differs: $u"
  fi
done <"$URLS"
echo "$n requests, $bad differ"
[[ $bad == 0 ]]
