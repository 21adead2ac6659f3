#!/usr/bin/env bash
# A/B of two Salon builds (or two settings of one build) on one HTTP case, alternating, in the same run: what
# ADRs 0032 to 0034 report (issue 15). Each side starts its own server on the same database, is warmed up, then
# measured with wrk; it prints requests/s, p99, the server's CPU time per request (/proc/<pid>/stat) and its RSS
# after the measurement.
#
#   bench/ab.sh [options] PATH CONNECTIONS
#     --a "SPEC"   side A; SPEC is space-separated words: DLL=/path/Salon.WebApi.dll (default: this tree's Release
#     --b "SPEC"   build), DB=/path/file.db (default: --db; e.g. a copy with another index), and NAME=VALUE environment
#                  settings for that server, e.g. --b "Database__X=100"
#     --db FILE    the database (default: bench/http.sh's, seeded by it when missing)
#     --reps N (2)  --duration S (10)  --warmup S (15: tiered JIT settles)  --lua FILE (POSTs: bench/reply.lua)
#     --alloc      also bytes allocated per request (the runtime's own counter, read with dotnet-counters, which is
#                  installed under $TMPDIR/salon-bench-tools when missing); unlike CPU time it barely moves with load
#     --env FILE   the seed's variables (TOKEN, BOARD, HOT_TOPIC: what Salon.Bench --http-env wrote when it seeded --db)
#                  from FILE instead of a new session: for a database moved to PostgreSQL, whose sessions are the moved ones
#     --members    with --lua bench/reply.lua: each request by the next of the seed's 64 writers (WRITER_TOKENS), not
#                  all by one member (sides on the seeded database only: a DB= copy has sessions of its own)
#     --db-cpu     also the CPU time of the PostgreSQL server's processes per request (the cluster on the SPEC's Port=), for sides whose
#                  SPEC runs Salon on PostgreSQL: Database__Provider=Postgres Database__ConnectionString=Host=…;Port=…
#
#   bench/ab.sh --a "DLL=/tmp/old/Salon.WebApi.dll" --reps 3 --lua bench/reply.lua '/api/topics/-/replies' 16
#   bench/ab.sh '/api/boards/$BOARD/topics?limit=20' 32          # $BOARD, $HOT_TOPIC from the seed
# Writes go to the database: copy it first when the next measurement needs it as it was.
set -euo pipefail
cd "$(dirname "$0")/.."
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
# shellcheck source=salon-settings.sh
source bench/salon-settings.sh

a='' b='' db="${TMPDIR:-/tmp}/salon-http.db" reps=2 duration=10 warmup=15 lua='' alloc='' db_cpu='' seed_env='' members=''
while [ $# -gt 0 ]; do
  case "$1" in
    --a) a=$2; shift ;;
    --b) b=$2; shift ;;
    --db) db=$2; shift ;;
    --reps) reps=$2; shift ;;
    --duration) duration=$2; shift ;;
    --warmup) warmup=$2; shift ;;
    --lua) lua=$2; shift ;;
    --alloc) alloc=1 ;;
    --db-cpu) db_cpu=1 ;;
    --members) members=1 ;;
    --env) seed_env=$2; shift ;;
    *) break ;;
  esac
  shift
done
[ $# -eq 2 ] || { sed -n '2,20p' "$0" >&2; exit 2; }
path=$1 conns=$2 port=${SALON_PORT:-5182} clk=$(getconf CLK_TCK)
command -v wrk >/dev/null || { echo "wrk is missing (apt-get install wrk)" >&2; exit 1; }
counters=''
if [ -n "$alloc" ]; then
  tools="${TMPDIR:-/tmp}/salon-bench-tools"
  [ -x "$tools/dotnet-counters" ] || dotnet tool install --tool-path "$tools" dotnet-counters >/dev/null
  counters="$tools/dotnet-counters"
fi

if [ -n "$seed_env" ]; then
  # shellcheck disable=SC1090
  source "$seed_env"
else
  envfile=$(mktemp)
  dotnet bench/Salon.Bench/bin/Release/net10.0/Salon.Bench.dll --topics 100000 --db "$db" --http-env "$envfile" >/dev/null 2>&1
  # shellcheck disable=SC1090
  source "$envfile"; rm -f "$envfile"
fi
export WRK_TOKEN=$TOKEN
unset WRK_TOKENS
if [ -n "$members" ]; then
  [ -n "${WRITER_TOKENS:-}" ] || { echo "--members: the seed's variables have no WRITER_TOKENS (an older --env file?)" >&2; exit 2; }
  export WRK_TOKENS=$WRITER_TOKENS
fi
path=${path//\$BOARD/$BOARD}; path=${path//\$HOT_TOPIC/$HOT_TOPIC}


pid=''
trap '[ -n "$pid" ] && kill "$pid" 2>/dev/null || true' EXIT
run() { # NAME SPEC
  local dll=src/WebApi/bin/Release/net10.0/Salon.WebApi.dll side_db=$db settings=() word
  for word in $2; do
    case "$word" in DLL=*) dll=${word#DLL=} ;; DB=*) side_db=${word#DB=} ;; *) settings+=("$word") ;; esac
  done
  local token=$TOKEN
  if [ "$side_db" != "$db" ]; then
    # A copy of the seeded database (with its PATH.seed.env stamp copied too): a session of its own.
    local side_env; side_env=$(mktemp)
    dotnet bench/Salon.Bench/bin/Release/net10.0/Salon.Bench.dll --topics 100000 --db "$side_db" --http-env "$side_env" >/dev/null 2>&1
    token=$(sed -n 's/^TOKEN=//p' "$side_env" | tr -d "'\""); rm -f "$side_env"
  fi
  # The SPEC's settings come last, so that they may name another database (PostgreSQL) than the seeded file.
  env "${SALON_BENCH_SETTINGS[@]}" Database__ConnectionString="Data Source=$side_db" "${settings[@]}" \
    ASPNETCORE_URLS="http://127.0.0.1:$port" dotnet "$dll" >"${TMPDIR:-/tmp}/salon-ab-server.log" 2>&1 &
  pid=$!
  for _ in $(seq 1 600); do curl -fsS -o /dev/null "http://127.0.0.1:$port/health/ready" 2>/dev/null && break; sleep 0.1; done
  if [ -n "$lua" ] && [ -z "${WRK_TOPICS:-}" ]; then
    WRK_TOPICS=$(reply_topics "$port" "$token")
    export WRK_TOPICS
  fi
  local args=(-t"$(( conns < 2 ? conns : 2 ))" -c"$conns" -H "Authorization: Bearer $token")
  [ -n "$lua" ] && args+=(-s "$lua")
  wrk "${args[@]}" -d"${warmup}s" "http://127.0.0.1:$port$path" >/dev/null
  local c0 c1 out n cpid='' csv="${TMPDIR:-/tmp}/salon-ab-counters.csv" bytes=''
  if [ -n "$counters" ]; then
    rm -f "$csv"
    "$counters" collect -p "$pid" --refresh-interval 1 --duration "00:00:00:$((duration - 1))" --counters System.Runtime \
      --format csv -o "$csv" >/dev/null 2>&1 &
    cpid=$!
  fi
  local d0=0 d1=0 database=''
  [ -n "$db_cpu" ] && d0=$(postgres_cluster_ticks "$(sed -n 's/.*Port=\([0-9]*\).*/\1/p' <<<"$2")")
  c0=$(awk '{print $14 + $15}' "/proc/$pid/stat")
  out=$(wrk "${args[@]}" --latency -d"${duration}s" "http://127.0.0.1:$port$path")
  c1=$(awk '{print $14 + $15}' "/proc/$pid/stat")
  [ -n "$db_cpu" ] && d1=$(postgres_cluster_ticks "$(sed -n 's/.*Port=\([0-9]*\).*/\1/p' <<<"$2")")
  n=$(echo "$out" | awk '/requests in/ {print $1}')
  [ -n "$db_cpu" ] && database=$(awk -v a="$d0" -v b="$d1" -v n="$n" -v k="$clk" 'BEGIN {printf " db_cpu_ms_per_req=%.3f", (b - a) * 1000 / k / n}')
  if [ -n "$cpid" ]; then
    wait "$cpid" 2>/dev/null || true
    # The runtime's allocation rate per second (the first second left out: the collector attaches in it), over requests/s.
    bytes=$(awk -F, -v rps="$(echo "$out" | awk '/Requests\/sec/ {print $2}')" \
      '$3 ~ /^dotnet.gc.heap.total_allocated/ { if (seen++) { sum += $5; k++ } }
       END { if (k && rps > 0) printf " alloc_kb_per_req=%.1f", sum / k / rps / 1024; else printf " alloc_kb_per_req=?" }' "$csv")
  fi
  printf '%s rps=%s p50=%s p99=%s cpu_ms_per_req=%s%s%s rss_mib=%s non2xx=%s load=%s\n' "$1" \
    "$(echo "$out" | awk '/Requests\/sec/ {print $2}')" "$(echo "$out" | awk '$1 == "50%" {print $2}')" \
    "$(echo "$out" | awk '$1 == "99%" {print $2}')" \
    "$(awk -v a="$c0" -v b="$c1" -v n="$n" -v k="$clk" 'BEGIN {printf "%.3f", (b - a) * 1000 / k / n}')" "$database" "$bytes" \
    "$(awk '/^VmRSS/ {printf "%.0f", $2 / 1024}' "/proc/$pid/status")" \
    "$(echo "$out" | awk '/Non-2xx or 3xx responses:/ {print $5}' | grep . || echo 0)" "$(cut -d' ' -f1 /proc/loadavg)"
  kill "$pid"; wait "$pid" 2>/dev/null || true; pid=''
}

echo "# bench/ab.sh $(date -u '+%Y-%m-%d %H:%M UTC') $(git rev-parse --short HEAD 2>/dev/null || true): $path, $conns connections"
echo "# A: ${a:-the Release build of this tree}; B: ${b:-the Release build of this tree}"
for _ in $(seq 1 "$reps"); do run A "$a"; run B "$b"; done
