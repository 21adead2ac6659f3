#!/usr/bin/env bash
# Search latency of two Salon builds (or two settings of one build) side by side, one connection, query by query: both
# servers run at once on the same database, and each query's first and second page, newest first and by relevance, is
# asked of A and B in alternating rounds (4 × 15 requests each after 10 to warm up); the medians and B/A are printed.
# Where bench/ab.sh measures one path's throughput under load, this shows which queries a change of the search
# statements makes faster or slower (ADR 0054).
#
#   bench/search-ab.sh [--a "SPEC"] [--b "SPEC"] [--db FILE] [--env FILE] [QUERY ...]
#     SPEC, --db and --env as in bench/ab.sh (DLL=/path/Salon.WebApi.dll and NAME=VALUE settings, e.g.
#     Database__Provider=Postgres Database__ConnectionString=Host=…;Port=…;Username=postgres;Database=salon)
#     QUERY: the search words (default: 薬 家族 の 鬱 主治医 ありがとう グループホーム ㍿ ていまし)
#
#   bench/search-ab.sh --a "DLL=/tmp/old/Salon.WebApi.dll" --env /tmp/moved.env 薬 主治医
set -euo pipefail
cd "$(dirname "$0")/.."
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
# shellcheck source=salon-settings.sh
source bench/salon-settings.sh

a='' b='' db="${TMPDIR:-/tmp}/salon-http.db" seed_env=''
while [ $# -gt 0 ]; do
  case "$1" in
    --a) a=$2; shift ;;
    --b) b=$2; shift ;;
    --db) db=$2; shift ;;
    --env) seed_env=$2; shift ;;
    --*) sed -n '2,15p' "$0" >&2; exit 2 ;;
    *) break ;;
  esac
  shift
done
[ $# -gt 0 ] || set -- 薬 家族 の 鬱 主治医 ありがとう グループホーム ㍿ ていまし

if [ -n "$seed_env" ]; then
  # shellcheck disable=SC1090
  source "$seed_env"
else
  envfile=$(mktemp)
  dotnet bench/Salon.Bench/bin/Release/net10.0/Salon.Bench.dll --topics 100000 --db "$db" --http-env "$envfile" >/dev/null 2>&1
  # shellcheck disable=SC1090
  source "$envfile"; rm -f "$envfile"
fi

pids=()
trap 'for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done' EXIT
start() { # SPEC PORT
  local dll=src/WebApi/bin/Release/net10.0/Salon.WebApi.dll settings=() word
  for word in $1; do
    case "$word" in DLL=*) dll=${word#DLL=} ;; *) settings+=("$word") ;; esac
  done
  env "${SALON_BENCH_SETTINGS[@]}" \
    Database__ConnectionString="Data Source=$db" "${settings[@]}" ASPNETCORE_URLS="http://127.0.0.1:$2" \
    dotnet "$dll" >"${TMPDIR:-/tmp}/salon-search-ab-$2.log" 2>&1 &
  pids+=($!)
}
port_a=${SALON_PORT:-5182} port_b=$(( ${SALON_PORT:-5182} + 1 ))
start "$a" "$port_a"
start "$b" "$port_b"
for _ in $(seq 1 600); do
  curl -fsS -o /dev/null "http://127.0.0.1:$port_a/health/ready" 2>/dev/null \
    && curl -fsS -o /dev/null "http://127.0.0.1:$port_b/health/ready" 2>/dev/null && break
  sleep 0.1
done

echo "# bench/search-ab.sh $(date -u '+%Y-%m-%d %H:%M UTC') $(git rev-parse --short HEAD 2>/dev/null || true), load $(cut -d' ' -f1 /proc/loadavg)"
echo "# A: ${a:-the Release build of this tree}; B: ${b:-the Release build of this tree}"
TOKEN=$TOKEN python3 - "$port_a" "$port_b" "$@" <<'PY'
import http.client, json, os, statistics, sys, time, urllib.parse
token = os.environ["TOKEN"]
conns = {"A": http.client.HTTPConnection("127.0.0.1", int(sys.argv[1])), "B": http.client.HTTPConnection("127.0.0.1", int(sys.argv[2]))}

def get(side, url):
    conns[side].request("GET", url, headers={"Authorization": "Bearer " + token})
    response = conns[side].getresponse()
    body = response.read()
    if response.status != 200:
        sys.exit(f"{side} {url}: {response.status}")
    return body

for query in sys.argv[3:]:
    for sort in ("newest", "relevance"):
        first = f"/api/search?q={urllib.parse.quote(query)}&sort={sort}&limit=20"
        pages = [first]
        cursor = json.loads(get("B", first)).get("nextCursor")
        if cursor:
            pages.append(first + "&cursor=" + urllib.parse.quote(cursor))
        for number, url in enumerate(pages, 1):
            times = {"A": [], "B": []}
            for side in ("A", "B"):
                for _ in range(10):
                    get(side, url)
            for _ in range(4):
                for side in ("A", "B"):
                    for _ in range(15):
                        started = time.perf_counter()
                        get(side, url)
                        times[side].append((time.perf_counter() - started) * 1000)
            a, b = statistics.median(times["A"]), statistics.median(times["B"])
            print(f"{query} {sort} page {number}: A {a:.2f} ms, B {b:.2f} ms, B/A {b / a:.2f}", flush=True)
PY
