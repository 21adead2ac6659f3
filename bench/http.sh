#!/usr/bin/env bash
# HTTP benchmark (issue 15, docs/performance.md): Salon in Release over real HTTP, each case back to back
# with a reference in the same run — the raw baseline app (bench/Salon.Baseline: same SQL work over plain
# Microsoft.Data.Sqlite, same JSON shape) or another Salon request — alternating, N repetitions, with wrk.
# Reports requests/s, p50/p99, the ratio A/B and the server's CPU time per request (/proc/<pid>/stat),
# then start-up time to /health/ready and RSS. Markdown goes to stdout, progress to stderr, raw wrk
# output to --raw FILE.
#
#   bench/http.sh                       # 100,000 topics (seeded once, then reused), 3 × 10 s per side
#   bench/http.sh --quick               # 10,000 topics, 2 × 3 s: for iterating
#   bench/http.sh --cases 'list|tags'   # only cases whose name matches the regex
#   bench/http.sh --postgres --cases 'search|list-32'   # Salon on PostgreSQL (the same data, moved there)
#
# Options: --quick, --topics N, --db PATH (default $TMPDIR/salon-http.db), --fresh (reseed),
#   --reps N, --duration S, --warmup S, --cases REGEX, --no-build, --raw FILE, --starts N (start-up runs),
#   --postgres: Salon runs on a throwaway PostgreSQL (scripts/pg-temp.sh) holding the seeded database, copied there
#   with Salon's own `move-to-postgres` verb (1.5–2 minutes at 100,000 topics); the raw baseline's reply case runs on
#   that PostgreSQL database too (its --postgres), its topic list stays on the SQLite file (same data). The CPU column
#   then adds PostgreSQL's own processes' CPU per request ("app + db").
#
# Adding a case: one `case_add` line in define_cases below:
#   case_add NAME CONNECTIONS "A side" "B side" [wrk-lua-script]
# where a side is "SERVER AUTH PATH": SERVER is salon or baseline, AUTH is member (sends the seeded viewer's
# bearer token) or anon. Paths may use $BOARD, $HOT_TOPIC, $VIEWER (from the seed, see define_cases). A lua
# script (for POSTs) is passed to wrk with -s on both sides; it can read os.getenv("WRK_TOKEN").
set -euo pipefail
cd "$(dirname "$0")/.."
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

topics=100000 reps=3 duration=10 warmup=3 starts=3 build=1 fresh=0 cases_filter='.' postgres=0
db="${TMPDIR:-/tmp}/salon-http.db"
raw="${TMPDIR:-/tmp}/salon-http-raw.txt"
while (($#)); do
  case "$1" in
    --quick) topics=10000 reps=2 duration=3 warmup=1 starts=1 ;;
    --topics) topics=$2; shift ;;
    --db) db=$2; shift ;;
    --fresh) fresh=1 ;;
    --reps) reps=$2; shift ;;
    --duration) duration=$2; shift ;;
    --warmup) warmup=$2; shift ;;
    --starts) starts=$2; shift ;;
    --cases) cases_filter=$2; shift ;;
    --no-build) build=0 ;;
    --raw) raw=$2; shift ;;
    --postgres) postgres=1 ;;
    -h|--help) sed -n '2,24p' "$0"; exit 0 ;;
    *) echo "unknown option $1 (--help)" >&2; exit 2 ;;
  esac
  shift
done

log() { echo "[http] $*" >&2; }

if ! command -v wrk >/dev/null; then
  log "installing wrk"
  # A fresh machine has no package lists yet: update first, as .ci/run and scripts/pg-temp.sh do.
  apt_get() { if [ "$(id -u)" = 0 ]; then env DEBIAN_FRONTEND=noninteractive apt-get "$@"; else sudo env DEBIAN_FRONTEND=noninteractive apt-get "$@"; fi; }
  apt_get update -qq >&2 && apt_get install -y -qq --no-install-recommends wrk >&2 || { echo "could not install wrk" >&2; exit 1; }
fi

if ((build)); then
  log "building Release (Salon.WebApi, Salon.Bench, Salon.Baseline)"
  dotnet build src/WebApi/Salon.WebApi.csproj -c Release --nologo -v quiet >&2
  dotnet build bench/Salon.Bench/Salon.Bench.csproj -c Release --nologo -v quiet >&2
  dotnet build bench/Salon.Baseline/Salon.Baseline.csproj -c Release --nologo -v quiet >&2
fi
# SALON_DLL: another build of Salon to measure (e.g. a copy of the bin folder of an older commit).
salon_dll=${SALON_DLL:-src/WebApi/bin/Release/net10.0/Salon.WebApi.dll}
baseline_dll=bench/Salon.Baseline/bin/Release/net10.0/Salon.Baseline.dll

if ((fresh)); then rm -f "$db" "$db-wal" "$db-shm" "$db.seed.env"; fi
envfile=$(mktemp)
log "seeding or reusing $db ($topics topics)"
dotnet bench/Salon.Bench/bin/Release/net10.0/Salon.Bench.dll --topics "$topics" --db "$db" --http-env "$envfile" >&2
# shellcheck disable=SC1090
source "$envfile"
rm -f "$envfile"
export WRK_TOKEN=$TOKEN

salon_port=${SALON_PORT:-5180}
baseline_port=${BASELINE_PORT:-5181}
clk=$(getconf CLK_TCK)
salon_pid='' baseline_pid=''
cleanup() {
  for pid in $salon_pid $baseline_pid; do kill "$pid" 2>/dev/null || true; done
  if ((postgres)) && declare -F pg_temp_stop >/dev/null; then pg_temp_stop; fi
}
trap cleanup EXIT

# Salon as in production, minus the limits that would refuse the load (issue 15).
# shellcheck source=salon-settings.sh
source bench/salon-settings.sh
salon_database=(Database__ConnectionString="Data Source=$db")
baseline_database=()
database_said="$db"
if ((postgres)); then
  # shellcheck source=../scripts/pg-temp.sh
  source scripts/pg-temp.sh
  pg_temp_start
  pg_db="${SALON_TEST_POSTGRES/Database=postgres/Database=salon_bench}"
  pg_port=$(sed 's/.*Port=\([0-9]*\).*/\1/' <<<"$SALON_TEST_POSTGRES")
  # shellcheck disable=SC2086
  $PG_TEMP_RUN "$PG_TEMP_BIN/psql" -h 127.0.0.1 -p "$pg_port" -U postgres -d postgres -v ON_ERROR_STOP=1 -qAt \
    -c 'CREATE DATABASE salon_bench' >&2
  log "moving $db to PostgreSQL (move-to-postgres)"
  env "${SALON_BENCH_SETTINGS[@]}" Database__ConnectionString="Data Source=$db" dotnet "$salon_dll" move-to-postgres --to "$pg_db" \
    | tail -n 1 >&2
  salon_database=(Database__Provider=Postgres Database__ConnectionString="$pg_db")
  database_said="PostgreSQL $("$PG_TEMP_BIN/postgres" --version | awk '{print $3}') (throwaway, fsync off), $db moved there with move-to-postgres; the baseline's replies there too, its topic list on $db"
  baseline_database=(--postgres "$pg_db")
fi
start_salon() {
  env "${SALON_BENCH_SETTINGS[@]}" ASPNETCORE_URLS="http://127.0.0.1:$salon_port" "${salon_database[@]}" \
    dotnet "$salon_dll" >"${TMPDIR:-/tmp}/salon-http-server.log" 2>&1 &
  salon_pid=$!
}

start_baseline() {
  dotnet "$baseline_dll" --db "$db" --viewer "$VIEWER" --session "$SESSION_ID" --urls "http://127.0.0.1:$baseline_port" \
    --writer-tokens "$WRITER_TOKENS" --writer-sessions "$WRITER_SESSIONS" "${baseline_database[@]}" >"${TMPDIR:-/tmp}/salon-http-baseline.log" 2>&1 &
  baseline_pid=$!
}

# Milliseconds from the process start to the first 200 from /health/ready.
wait_ready() {
  local port=$1 pid=$2 start=$3
  for _ in $(seq 1 3000); do
    if curl -fsS -o /dev/null "http://127.0.0.1:$port/health/ready" 2>/dev/null; then
      echo $(( ($(date +%s%N) - start) / 1000000 ))
      return 0
    fi
    kill -0 "$pid" 2>/dev/null || { log "server on port $port exited"; return 1; }
    sleep 0.01
  done
  log "server on port $port not ready after 30 s"; return 1
}

rss_mib() { awk '/^VmRSS/ {printf "%.0f", $2 / 1024}' "/proc/$1/status"; }
cpu_ticks() { awk '{print $14 + $15}' "/proc/$1/stat"; }
# CPU ticks of the benchmark's PostgreSQL cluster (bench/salon-settings.sh); 0 without --postgres.
postgres_ticks() {
  if ((postgres)); then postgres_cluster_ticks "$pg_port"; else echo 0; fi
}
median() { sort -g | awk '{a[NR] = $1} END {if (NR == 0) print "n/a"; else if (NR % 2) print a[(NR + 1) / 2]; else print (a[NR / 2] + a[NR / 2 + 1]) / 2}'; }
# The CPU column's median: "APP" or, with --postgres, "APP+DBdb", each part's median on its own.
median_cpu() {
  local values; values=$(cat)
  if [[ "$values" == *db* ]]; then
    echo "$(sed 's/+.*//' <<<"$values" | median) + $(sed 's/.*+//; s/db$//' <<<"$values" | median) db"
  else
    median <<<"$values"
  fi
}
# wrk prints 812.00us, 1.23ms, 2.01s; convert to ms.
to_ms() { awk '{v = $1; if (v ~ /us$/) {sub(/us$/, "", v); v /= 1000} else if (v ~ /ms$/) {sub(/ms$/, "", v)} else if (v ~ /s$/) {sub(/s$/, "", v); v *= 1000}; printf "%.2f", v}'; }

: >"$raw"
{
  echo "# bench/http.sh raw wrk output"
  echo "date: $(date -u '+%Y-%m-%d %H:%M UTC'); commit: $(git rev-parse --short HEAD 2>/dev/null || echo unknown)"
} >>"$raw"

# ---------------------------------------------------------------------------------------------------
# Start-up: process start to /health/ready, and idle RSS, alternating Salon and the baseline.
log "start-up: $starts × (Salon, baseline)"
declare -a su_salon su_base rss_salon rss_base
for i in $(seq 1 "$starts"); do
  t0=$(date +%s%N); start_salon; su_salon+=("$(wait_ready "$salon_port" "$salon_pid" "$t0")")
  sleep 2; rss_salon+=("$(rss_mib "$salon_pid")")
  kill "$salon_pid"; wait "$salon_pid" 2>/dev/null || true; salon_pid=''
  t0=$(date +%s%N); start_baseline; su_base+=("$(wait_ready "$baseline_port" "$baseline_pid" "$t0")")
  sleep 2; rss_base+=("$(rss_mib "$baseline_pid")")
  kill "$baseline_pid"; wait "$baseline_pid" 2>/dev/null || true; baseline_pid=''
done

t0=$(date +%s%N); start_salon; wait_ready "$salon_port" "$salon_pid" "$t0" >/dev/null
t0=$(date +%s%N); start_baseline; wait_ready "$baseline_port" "$baseline_pid" "$t0" >/dev/null

# Same answer check: the baseline must return the page Salon returns (ids, tags, counts, unread counts).
# Times to the microsecond: PostgreSQL keeps microseconds, SQLite (and so the baseline) ticks of 100 ns.
shape='def us: capture("^(?<s>[^.Z]*)(\\.(?<f>[0-9]+))?Z$") | "\(.s).\(((.f // "") + "000000")[0:6])Z";
  [.items[] | {id, boardSlug, title, excerpt, author, isMine, tags: (.tags | sort), status, createdAt: (.createdAt | us),
   lastActivityAt: (.lastActivityAt | us), replyCount, reactionCounts, unreadReplies}]'
same_answer="yes"
answer_salon=$(curl -fsS -H "Authorization: Bearer $TOKEN" "http://127.0.0.1:$salon_port/api/boards/$BOARD/topics?limit=20" | jq -S "$shape" || true)
answer_base=$(curl -fsS -H "Authorization: Bearer $TOKEN" "http://127.0.0.1:$baseline_port/api/boards/$BOARD/topics?limit=20" | jq -S "$shape" || true)
if [ -z "$answer_salon" ] || [ "$answer_salon" = "[]" ] || [ -z "$answer_base" ] || [ "$answer_base" = "[]" ]; then
  same_answer="NO (an empty or failed answer)"
  log "the topic list came back empty or failed on one side"
elif ! diff <(echo "$answer_salon") <(echo "$answer_base") >>"$raw"; then
  same_answer="NO (the differences are in $raw)"
  log "the baseline's topic list differs from Salon's; see $raw"
fi

# ---------------------------------------------------------------------------------------------------
declare -a case_lines=()
case_add() { case_lines+=("$1|$2|$3|$4|${5:-}"); }

define_cases() {
  case_add list-32 32 "salon member /api/boards/$BOARD/topics?limit=20" "baseline member /api/boards/$BOARD/topics?limit=20"
  case_add list-4 4 "salon member /api/boards/$BOARD/topics?limit=20" "baseline member /api/boards/$BOARD/topics?limit=20"
  case_add tags-signed-in-vs-401 32 "salon member /api/tags" "salon anon /api/tags"
  # The same endpoint signed in and not (it takes both): what authentication alone costs a request.
  case_add safety-signed-in-vs-anon 32 "salon member /api/safety/resources" "salon anon /api/safety/resources"
  case_add topic-vs-list 32 "salon member /api/topics/$HOT_TOPIC" "salon member /api/boards/$BOARD/topics?limit=20"
  # Writes (16 writers, spread over the first 100 topics of the board; see bench/reply.lua).
  case_add reply-16 16 "salon member /api/topics/-/replies" "baseline member /api/topics/-/replies" bench/reply.lua
  # The same, each request by the next of 64 members (the seed's WRITER_TOKENS): writers that are mostly different people
  # queue far less on one member's row lock, which Salon takes for every post (docs/adr/0018) and the baseline does not.
  case_add reply-16-members 16 "salon member /api/topics/-/replies" "baseline member /api/topics/-/replies" bench/reply.lua
  # Search has no raw baseline: B is the topic list, a reference measured in the same run.
  case_add search-common-1 1 "salon member /api/search?q=$Q_COMMON" "salon member /api/boards/$BOARD/topics?limit=20"
  case_add search-common-32 32 "salon member /api/search?q=$Q_COMMON" "salon member /api/boards/$BOARD/topics?limit=20"
  case_add search-rare-32 32 "salon member /api/search?q=$Q_RARE" "salon member /api/boards/$BOARD/topics?limit=20"
  case_add search-1char-32 32 "salon member /api/search?q=$Q_ONE" "salon member /api/boards/$BOARD/topics?limit=20"
  case_add search-1char-relevance-32 32 "salon member /api/search?q=$Q_ONE&sort=relevance" "salon member /api/boards/$BOARD/topics?limit=20"
  # Worst cases for one request's work (docs/adr/0037): a common word in relevance order (every match to rank), two
  # common characters never adjacent in the seeded text (every candidate fails), two common trigrams never adjacent.
  case_add search-common-relevance-32 32 "salon member /api/search?q=$Q_COMMON&sort=relevance" "salon member /api/boards/$BOARD/topics?limit=20"
  case_add search-pair-apart-32 32 "salon member /api/search?q=$Q_APART" "salon member /api/boards/$BOARD/topics?limit=20"
  case_add search-trigrams-apart-32 32 "salon member /api/search?q=$Q_TRIGRAMS_APART" "salon member /api/boards/$BOARD/topics?limit=20"
}

# Search words (bench/Salon.Bench/QueryBench.cs's): common 「主治医」, rare 「グループホーム」, one character 「薬」; and
# 「。ま」 and 「ていまし」, whose parts are common and never adjacent in the seeded text.
Q_COMMON=$(jq -rn --arg q '主治医' '$q|@uri') Q_RARE=$(jq -rn --arg q 'グループホーム' '$q|@uri') Q_ONE=$(jq -rn --arg q '薬' '$q|@uri')
Q_APART=$(jq -rn --arg q '。ま' '$q|@uri') Q_TRIGRAMS_APART=$(jq -rn --arg q 'ていまし' '$q|@uri')
# The reply case's topics: the first 100 of the board that take replies.
WRK_TOPICS=$(reply_topics "$salon_port" "$TOKEN")
export WRK_TOPICS

# One wrk run; prints "rps p50 p99 cpu_ms_per_request non2xx requests".
run_side() {
  local name=$1 conns=$2 side=$3 lua=$4 secs=$5
  local server auth path port pid threads
  read -r server auth path <<<"$side"
  if [ "$server" = salon ]; then port=$salon_port pid=$salon_pid; else port=$baseline_port pid=$baseline_pid; fi
  threads=$(( conns < 2 ? 1 : 2 ))
  local args=(-t"$threads" -c"$conns" -d"${secs}s" --latency --timeout 10s)
  [ "$auth" = member ] && args+=(-H "Authorization: Bearer $TOKEN")
  [ -n "$lua" ] && args+=(-s "$lua")
  local before after out db_before db_after
  before=$(cpu_ticks "$pid"); db_before=$(postgres_ticks)
  out=$(wrk "${args[@]}" "http://127.0.0.1:$port$path")
  after=$(cpu_ticks "$pid"); db_after=$(postgres_ticks)
  printf '\n## %s — %s (%s connections, %s s)\n%s\n' "$name" "$side" "$conns" "$secs" "$out" >>"$raw"
  local rps p50 p99 requests non2xx
  rps=$(awk '/^Requests\/sec:/ {print $2}' <<<"$out")
  p50=$(awk '$1 == "50%" {print $2}' <<<"$out" | to_ms)
  p99=$(awk '$1 == "99%" {print $2}' <<<"$out" | to_ms)
  requests=$(awk '/requests in/ {print $1}' <<<"$out")
  non2xx=$(awk '/Non-2xx or 3xx responses:/ {print $5}' <<<"$out"); non2xx=${non2xx:-0}
  local errors; errors=$(awk '/Socket errors:/ {print $0}' <<<"$out" | sed 's/^ *Socket errors: //')
  local cpu; cpu=$(awk -v b="$before" -v a="$after" -v c="$clk" -v n="$requests" 'BEGIN {printf "%.3f", (n > 0) ? (a - b) * 1000 / c / n : 0}')
  if ((postgres)); then
    cpu="$cpu+$(awk -v b="$db_before" -v a="$db_after" -v c="$clk" -v n="$requests" 'BEGIN {printf "%.3f", (n > 0) ? (a - b) * 1000 / c / n : 0}')db"
  fi
  echo "$rps $p50 $p99 $cpu $non2xx ${errors:+socket-errors:${errors// /}}"
}

define_cases
summary=()
details=()
for line in "${case_lines[@]}"; do
  IFS='|' read -r name conns side_a side_b lua <<<"$line"
  [[ "$name" =~ $cases_filter ]] || continue
  # bench/reply.lua sends each request as the next writer when WRK_TOKENS is set: only for the "-members" cases.
  if [[ "$name" == *-members ]]; then export WRK_TOKENS=$WRITER_TOKENS; else unset WRK_TOKENS; fi
  log "case $name: warm-up"
  run_side "$name" "$conns" "$side_a" "$lua" "$warmup" >/dev/null
  run_side "$name" "$conns" "$side_b" "$lua" "$warmup" >/dev/null
  a_rps=() b_rps=() a_p50=() b_p50=() a_p99=() b_p99=() a_cpu=() b_cpu=()
  for rep in $(seq 1 "$reps"); do
    for which in a b; do
      side=$side_a; [ "$which" = b ] && side=$side_b
      log "case $name rep $rep: $side"
      read -r rps p50 p99 cpu non2xx errs <<<"$(run_side "$name" "$conns" "$side" "$lua" "$duration")"
      details+=("| $name | $rep | \`$side\` | $rps | $p50 | $p99 | $cpu | $non2xx${errs:+ $errs} |")
      eval "${which}_rps+=($rps) ${which}_p50+=($p50) ${which}_p99+=($p99) ${which}_cpu+=($cpu)"
    done
  done
  ma=$(printf '%s\n' "${a_rps[@]}" | median); mb=$(printf '%s\n' "${b_rps[@]}" | median)
  ratio=$(awk -v a="$ma" -v b="$mb" 'BEGIN {printf "%.2f", (b > 0) ? a / b : 0}')
  summary+=("| $name | $conns | \`$side_a\` | $ma ($(printf '%s\n' "${a_rps[@]}" | sort -g | paste -sd/ -)) | $(printf '%s\n' "${a_p50[@]}" | median) / $(printf '%s\n' "${a_p99[@]}" | median) | $(printf '%s\n' "${a_cpu[@]}" | median_cpu) | \`$side_b\` | $mb | $(printf '%s\n' "${b_p50[@]}" | median) / $(printf '%s\n' "${b_p99[@]}" | median) | $(printf '%s\n' "${b_cpu[@]}" | median_cpu) | **${ratio}×** |")
done

rss_load_salon=$(rss_mib "$salon_pid"); rss_load_base=$(rss_mib "$baseline_pid")

echo "## HTTP bench"
echo
echo "- Date: $(date -u '+%Y-%m-%d %H:%M UTC'); commit: $(git rev-parse --short HEAD 2>/dev/null || echo unknown)$(git diff --quiet HEAD -- src bench 2>/dev/null || echo ' (uncommitted changes)')"
echo "- Salon build measured: $salon_dll"
echo "- Database: $database_said, ${SEEDED_WITH:-?}; $reps repetitions × $duration s per side, alternating A/B, after $warmup s warm-up of each"
echo "- Baseline's topic list equal to Salon's (ids, authors, tags, counts, unread): $same_answer"
echo "- nproc $(nproc); load average at end: $(cut -d' ' -f1-3 /proc/loadavg); wrk $(wrk -v 2>&1 | head -1 | awk '{print $2}')"
echo
echo "Medians over the repetitions (all repetitions' requests/s in brackets). Latency in ms; CPU = the server process's user+system CPU time per request$( ((postgres)) && echo ', + that of PostgreSQL'\''s processes (db)')."
echo
echo "| case | conns | A | A req/s | A p50 / p99 ms | A CPU ms/req | B | B req/s | B p50 / p99 ms | B CPU ms/req | A/B |"
echo "|---|---:|---|---:|---:|---:|---|---:|---:|---:|---:|"
printf '%s\n' "${summary[@]}"
echo
su_s=$(printf '%s\n' "${su_salon[@]}" | median); su_b=$(printf '%s\n' "${su_base[@]}" | median)
echo "| start-up and memory | Salon | baseline |"
echo "|---|---:|---:|"
echo "| process start → /health/ready, ms (median of $starts: each) | $su_s ($(IFS=/; echo "${su_salon[*]}")) | $su_b ($(IFS=/; echo "${su_base[*]}")) |"
echo "| RSS idle 2 s after ready, MiB (median) | $(printf '%s\n' "${rss_salon[@]}" | median) | $(printf '%s\n' "${rss_base[@]}" | median) |"
echo "| RSS after the load, MiB | $rss_load_salon | $rss_load_base |"
echo
echo "<details><summary>Every repetition</summary>"
echo
echo "| case | rep | side | req/s | p50 ms | p99 ms | CPU ms/req | non-2xx |"
echo "|---|---:|---|---:|---:|---:|---:|---:|"
printf '%s\n' "${details[@]}"
echo
echo "</details>"
log "raw wrk output: $raw"
