#!/usr/bin/env bash
# Start-up and idle memory (issue 15 item 6, docs/performance.md): publishes Salon as docs/deploy.md says (Release,
# ReadyToRun) and the raw baseline app (bench/Salon.Baseline) the same way, then starts each N times, alternating,
# on the 100,000-topic database of bench/http.sh (seeded once, then reused), and reports
#   - milliseconds from the process start to the first 200 from /health/ready (the baseline: its first response),
#   - RSS 2 s after ready (idle), MiB,
#   - the CPU time the process used until ready,
# with medians and the ratio to the baseline measured in the same run. Markdown to stdout, progress to stderr.
#
#   bench/startup.sh                         # 5 starts of each
#   bench/startup.sh --starts 9 --no-publish # reuse the last publish ($TMPDIR/salon-startup/)
#   bench/startup.sh --also before=/path/to/other/publish   # measure another published Salon in the same run
#
# Options: --starts N, --db PATH (default $TMPDIR/salon-http.db, bench/http.sh's), --topics N (when seeding),
#   --no-publish, --out DIR (publish folder, default $TMPDIR/salon-startup), --also NAME=DIR (repeatable),
#   --env NAME=VALUE (an environment variable for every Salon start, repeatable; e.g. DOTNET_gcServer=0).
set -euo pipefail
cd "$(dirname "$0")/.."
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

starts=5 topics=100000 publish=1
db="${TMPDIR:-/tmp}/salon-http.db"
out="${TMPDIR:-/tmp}/salon-startup"
declare -a also=() extra_env=()
while (($#)); do
  case "$1" in
    --starts) starts=$2; shift ;;
    --db) db=$2; shift ;;
    --topics) topics=$2; shift ;;
    --no-publish) publish=0 ;;
    --out) out=$2; shift ;;
    --also) also+=("$2"); shift ;;
    --env) extra_env+=("$2"); shift ;;
    -h|--help) sed -n '2,17p' "$0"; exit 0 ;;
    *) echo "unknown option $1 (--help)" >&2; exit 2 ;;
  esac
  shift
done
log() { echo "[startup] $*" >&2; }

rid="linux-$(uname -m | sed 's/x86_64/x64/; s/aarch64/arm64/')"
if ((publish)); then
  # The command docs/deploy.md gives (the baseline published the same way).
  log "publishing Salon and the baseline (Release, ReadyToRun, $rid) to $out"
  rm -rf "$out/salon" "$out/baseline"
  dotnet publish src/WebApi/Salon.WebApi.csproj -c Release -r "$rid" --self-contained false -p:PublishReadyToRun=true -o "$out/salon" --nologo -v quiet >&2
  dotnet publish bench/Salon.Baseline/Salon.Baseline.csproj -c Release -r "$rid" --self-contained false -p:PublishReadyToRun=true -o "$out/baseline" --nologo -v quiet >&2
fi

# The database: bench/http.sh's, seeded by Salon.Bench when missing (a stamp file says which options made it).
if [ ! -f "$db.seed.env" ] || [ ! -f "$db" ]; then
  log "no seeded database at $db: seeding $topics topics (this takes a while)"
  dotnet build bench/Salon.Bench/Salon.Bench.csproj -c Release --nologo -v quiet >&2
  envfile=$(mktemp)
  dotnet bench/Salon.Bench/bin/Release/net10.0/Salon.Bench.dll --topics "$topics" --db "$db" --http-env "$envfile" >&2
  rm -f "$envfile"
fi
# shellcheck disable=SC1090
source <(grep -E '^(SEEDED_WITH|VIEWER)=' "$db.seed.env")

port=${SALON_PORT:-5190}
clk=$(getconf CLK_TCK)
pid=''
trap '[ -n "$pid" ] && kill "$pid" 2>/dev/null || true' EXIT

# start KIND DIR: starts one server in the background (pid in $pid).
start() {
  local kind=$1 dir=$2
  if [ "$kind" = baseline ]; then
    dotnet "$dir/Salon.Baseline.dll" --db "$db" --viewer "$VIEWER" --session "$(cat /proc/sys/kernel/random/uuid)" \
      --urls "http://127.0.0.1:$port" >"$out/baseline.log" 2>&1 &
  else
    # As bench/http.sh runs Salon: production settings, a Benchmark environment, warnings only.
    env ASPNETCORE_URLS="http://127.0.0.1:$port" ASPNETCORE_ENVIRONMENT=Benchmark \
      Database__ConnectionString="Data Source=$db" Logging__LogLevel__Default=Warning "${extra_env[@]}" \
      dotnet "$dir/Salon.WebApi.dll" >"$out/$kind.log" 2>&1 &
  fi
  pid=$!
}

# measure KIND DIR: prints "ms_to_ready rss_mib cpu_ms".
measure() {
  local kind=$1 dir=$2 t0 ms cpu rss
  t0=$(date +%s%N)
  start "$kind" "$dir"
  for _ in $(seq 1 6000); do
    if curl -fsS -o /dev/null "http://127.0.0.1:$port/health/ready" 2>/dev/null; then break; fi
    kill -0 "$pid" 2>/dev/null || { log "$kind exited; see $out/$kind.log"; tail -5 "$out/$kind.log" >&2; exit 1; }
    sleep 0.005
  done
  ms=$(( ($(date +%s%N) - t0) / 1000000 ))
  cpu=$(awk -v c="$clk" '{printf "%.0f", ($14 + $15) * 1000 / c}' "/proc/$pid/stat")
  sleep 2
  rss=$(awk '/^VmRSS/ {printf "%.0f", $2 / 1024}' "/proc/$pid/status")
  kill "$pid"; wait "$pid" 2>/dev/null || true; pid=''
  echo "$ms $rss $cpu"
}

median() { sort -g | awk '{a[NR] = $1} END {if (NR == 0) print "n/a"; else if (NR % 2) print a[(NR + 1) / 2]; else print (a[NR / 2] + a[NR / 2 + 1]) / 2}'; }

declare -a names=(salon baseline) dirs=("$out/salon" "$out/baseline")
for a in "${also[@]}"; do names+=("${a%%=*}"); dirs+=("${a#*=}"); done
# One start of each first, not counted: it applies pending migrations and brings the files into the page cache.
for k in "${!names[@]}"; do
  log "warm-up start of ${names[$k]}"; measure "${names[$k]}" "${dirs[$k]}" >/dev/null
done
declare -A ms rss cpu
for i in $(seq 1 "$starts"); do
  for k in "${!names[@]}"; do
    name=${names[$k]}
    read -r m r c <<<"$(measure "$name" "${dirs[$k]}")"
    log "start $i $name: ${m} ms to ready, RSS ${r} MiB, CPU ${c} ms"
    ms[$name]+="$m "; rss[$name]+="$r "; cpu[$name]+="$c "
  done
done

size() { du -sm "$1" | cut -f1; }
base_ms=$(tr ' ' '\n' <<<"${ms[baseline]}" | grep . | median)
base_rss=$(tr ' ' '\n' <<<"${rss[baseline]}" | grep . | median)
echo "## Start-up bench (bench/startup.sh)"
echo
echo "- Date: $(date -u '+%Y-%m-%d %H:%M UTC'); commit: $(git rev-parse --short HEAD 2>/dev/null || echo unknown)$(git diff --quiet HEAD -- src bench 2>/dev/null || echo ' (uncommitted changes)')"
echo "- Database: $db (${SEEDED_WITH:-?}), $(du -m "$db" | cut -f1) MiB; $starts starts of each, alternating"
echo "- Machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo), $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'); load average at end $(cut -d' ' -f1-3 /proc/loadavg); .NET $(dotnet --list-runtimes | awk '/Microsoft.NETCore.App/ {v=$2} END {print v}')"
[ ${#extra_env[@]} -gt 0 ] && echo "- Extra environment for Salon: ${extra_env[*]}"
echo
echo "| app (published folder, MiB) | start → ready, ms: median (each) | × baseline | CPU until ready, ms | RSS idle, MiB: median (each) | × baseline |"
echo "|---|---:|---:|---:|---:|---:|"
for k in "${!names[@]}"; do
  name=${names[$k]}
  m=$(tr ' ' '\n' <<<"${ms[$name]}" | grep . | median); r=$(tr ' ' '\n' <<<"${rss[$name]}" | grep . | median)
  c=$(tr ' ' '\n' <<<"${cpu[$name]}" | grep . | median)
  echo "| $name (${dirs[$k]}, $(size "${dirs[$k]}")) | $m ($(echo ${ms[$name]} | tr ' ' /)) | $(awk -v a="$m" -v b="$base_ms" 'BEGIN {printf "%.1f", a / b}') | $c | $r ($(echo ${rss[$name]} | tr ' ' /)) | $(awk -v a="$r" -v b="$base_rss" 'BEGIN {printf "%.1f", a / b}') |"
done
