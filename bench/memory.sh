#!/usr/bin/env bash
# Resident memory under load (issue 15 item 6, docs/performance.md): starts each side on its own fresh copy of the
# 100,000-topic database, then reports its RSS idle (3 s after ready) and after each load in turn — the topic list
# (32 connections), replies (16 writers, bench/reply.lua), the search of a common word (32 connections), D seconds
# each —, and what the resident memory is made of at the end (/proc/PID/smaps: mapped code, JIT-compiled code, the
# GC heap and other anonymous memory, malloc). Sides alternate; medians per side. Markdown to stdout.
#
#   bench/memory.sh [options] NAME="SPEC" [NAME="SPEC" ...]
#     SPEC is space-separated words, as bench/ab.sh's: DLL=/path/Salon.WebApi.dll (default: this tree's Release
#     build) and NAME=VALUE environment settings for that server.
#   --db FILE (bench/http.sh's database, seeded when missing)  --reps N (2)  --duration S (10)
#
#   bench/memory.sh plain="" r2r="DLL=$TMPDIR/salon-startup/salon/Salon.WebApi.dll"
#   bench/memory.sh r2r="DLL=…" arenas="DLL=… MALLOC_ARENA_MAX=2"
set -euo pipefail
cd "$(dirname "$0")/.."
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
# shellcheck source=salon-settings.sh
source bench/salon-settings.sh

db="${TMPDIR:-/tmp}/salon-http.db" reps=2 duration=10
declare -a sides=()
while [ $# -gt 0 ]; do
  case "$1" in
    --db) db=$2; shift ;;
    --reps) reps=$2; shift ;;
    --duration) duration=$2; shift ;;
    -h|--help) sed -n '2,14p' "$0"; exit 0 ;;
    *=*) sides+=("$1") ;;
    *) echo "unknown argument $1 (--help)" >&2; exit 2 ;;
  esac
  shift
done
[ ${#sides[@]} -gt 0 ] || sides=("salon=")
command -v wrk >/dev/null || { echo "wrk is missing (apt-get install wrk)" >&2; exit 1; }
port=${SALON_PORT:-5183}
work="${TMPDIR:-/tmp}/salon-memory"
mkdir -p "$work"
log() { echo "[memory] $*" >&2; }

# The default side is this tree's Release build: built now, so that a stale one is never measured.
dotnet build bench/Salon.Bench/Salon.Bench.csproj -c Release --nologo -v quiet >&2
dotnet build src/WebApi/Salon.WebApi.csproj -c Release --nologo -v quiet >&2
envfile=$(mktemp)
dotnet bench/Salon.Bench/bin/Release/net10.0/Salon.Bench.dll --topics 100000 --db "$db" --http-env "$envfile" >&2
# shellcheck disable=SC1090
source "$envfile"; rm -f "$envfile"
export WRK_TOKEN=$TOKEN

pid=''
trap '[ -n "$pid" ] && kill "$pid" 2>/dev/null || true' EXIT
rss() { awk '/^VmRSS/ {printf "%.0f", $2 / 1024}' "/proc/$pid/status"; }
# What the resident memory is made of, MiB: code = mapped .dll/.so files, jit = the JIT's double-mapped code (memfd),
# anon = anonymous mappings (GC heap, SQLite's page caches when malloc maps them, thread stacks), heap = malloc's heap.
parts() {
  awk '
    /^[0-9a-f]+-[0-9a-f]+ / { name = $6; for (i = 7; i <= NF; i++) name = name " " $i; kind = "other"
      if (name ~ /\.(dll|so)([.0-9]*)?$/) kind = "code"; else if (name ~ /doublemapper/) kind = "jit"
      else if (name == "") kind = "anon"; else if (name == "[heap]") kind = "heap" }
    /^Rss:/ { kb[kind] += $2 }
    END { printf "code=%.0f jit=%.0f anon=%.0f heap=%.0f other=%.0f", kb["code"]/1024, kb["jit"]/1024, kb["anon"]/1024, kb["heap"]/1024, kb["other"]/1024 }
  ' "/proc/$pid/smaps"
}

declare -A results=()
measure() { # NAME SPEC REP
  local dll=src/WebApi/bin/Release/net10.0/Salon.WebApi.dll settings=() word copy="$work/side.db" idle list reply search
  for word in $2; do
    case "$word" in DLL=*) dll=${word#DLL=} ;; *) settings+=("$word") ;; esac
  done
  rm -f "$copy" "$copy-wal" "$copy-shm"; cp "$db" "$copy"
  if [ -f "$db-wal" ]; then cp "$db-wal" "$copy-wal"; fi
  env "${SALON_BENCH_SETTINGS[@]}" "${settings[@]}" ASPNETCORE_URLS="http://127.0.0.1:$port" \
    Database__ConnectionString="Data Source=$copy" dotnet "$dll" >"$work/server.log" 2>&1 &
  pid=$!
  for _ in $(seq 1 600); do
    curl -fsS -o /dev/null "http://127.0.0.1:$port/health/ready" 2>/dev/null && break
    kill -0 "$pid" 2>/dev/null || { log "$1: the server exited (see $work/server.log)"; exit 1; }
    sleep 0.1
  done
  sleep 3; idle=$(rss)
  local auth=(-t2 -H "Authorization: Bearer $TOKEN")
  # wrk, failing when any answer was not a 2xx (a bad token would measure the 401 path instead).
  load() { local out; out=$(wrk "$@"); if grep -q 'Non-2xx' <<<"$out"; then log "non-2xx answers: $out"; exit 1; fi; }
  load "${auth[@]}" -c32 -d"${duration}s" "http://127.0.0.1:$port/api/boards/$BOARD/topics?limit=20"; list=$(rss)
  WRK_TOPICS=$(reply_topics "$port" "$TOKEN") load "${auth[@]}" -c16 -d"${duration}s" -s bench/reply.lua "http://127.0.0.1:$port/api/topics/-/replies"; reply=$(rss)
  load "${auth[@]}" -c32 -d"${duration}s" "http://127.0.0.1:$port/api/search?q=%E4%B8%BB%E6%B2%BB%E5%8C%BB"; search=$(rss)
  log "$1 rep $3: idle $idle, after list $list, replies $reply, search $search MiB; $(parts)"
  results[$1]+="$idle $list $reply $search $(parts | tr -dc '0-9 ')
"
  kill "$pid"; wait "$pid" 2>/dev/null || true; pid=''
}

for rep in $(seq 1 "$reps"); do
  for side in "${sides[@]}"; do measure "${side%%=*}" "${side#*=}" "$rep"; done
done

echo "### Resident memory (bench/memory.sh)"
echo
echo "- Date: $(date -u '+%Y-%m-%d %H:%M UTC'); commit: $(git rev-parse --short HEAD 2>/dev/null || echo '?')"
echo "- Database: a fresh copy of $db ($(sed -n 's/^SEEDED_WITH=//p' "$db.seed.env" | tr -d "'")) for each start; $reps starts of each side, ${duration} s per load"
echo "- Machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2 / 1048576}' /proc/meminfo); load average at end $(cut -d' ' -f1-3 /proc/loadavg); .NET $(dotnet --list-runtimes | awk '/NETCore.App/ {v=$2} END {print v}')"
echo
echo "| side | spec | idle | after list | after replies | after search | at the end: code / JIT / anon / malloc heap / other |"
echo "|---|---|---:|---:|---:|---:|---|"
for side in "${sides[@]}"; do
  name=${side%%=*}
  printf '| %s | %s | ' "$name" "${side#*=}"
  printf '%s' "${results[$name]}" | awk '
    { for (i = 1; i <= 9; i++) v[i, NR] = $i; n = NR }
    function med(col,   a, k, j, t) { for (k = 1; k <= n; k++) a[k] = v[col, k]
      for (k = 1; k <= n; k++) for (j = k + 1; j <= n; j++) if (a[j] < a[k]) { t = a[k]; a[k] = a[j]; a[j] = t }
      return (n % 2) ? a[(n + 1) / 2] : (a[n / 2] + a[n / 2 + 1]) / 2 }
    function each(col,   k, s) { s = ""; for (k = 1; k <= n; k++) s = s (k > 1 ? "/" : "") v[col, k]; return s }
    END { printf "%s (%s) | %s (%s) | %s (%s) | %s (%s) | %s / %s / %s / %s / %s |\n", med(1), each(1), med(2), each(2), med(3), each(3), med(4), each(4), med(5), med(6), med(7), med(8), med(9) }'
done
echo
echo "MiB. \"code\": mapped .dll and .so files; \"JIT\": code the JIT compiled (double-mapped); \"anon\": anonymous memory (the GC heap, SQLite's page caches, stacks)."
