#!/usr/bin/env bash
# Query-plan and latency benchmark of the topic list, topic view and search (docs/performance.md).
# Builds Release, seeds a fresh SQLite database with 100,000 topics through the real migrations, and
# writes a Markdown report to stdout (progress goes to stderr). Extra arguments go to Salon.Bench,
# e.g. bench/run.sh --topics 20000 --db /tmp/other.db  (bench/run.sh --help lists them).
#
#   bench/run.sh > /tmp/perf.md
set -euo pipefail
cd "$(dirname "$0")/.."

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

dotnet build bench/Salon.Bench/Salon.Bench.csproj -c Release --nologo -v quiet >&2

args=(--topics 100000 --replies-per-topic 3 --db "${TMPDIR:-/tmp}/salon-bench.db" "$@")

echo "## Machine"
echo
echo "- Date: $(date -u '+%Y-%m-%d %H:%M UTC')"
changed=$(git status --porcelain -- src 2>/dev/null | awk '{print $2}' | paste -sd ' ' - || true)
echo "- Commit: $(git rev-parse --short HEAD 2>/dev/null || echo unknown)${changed:+; uncommitted changes under src/: $changed}"
echo "- Command: \`bench/run.sh${*:+ $*}\` → \`Salon.Bench ${args[*]}\`"
echo "- \`nproc\`: $(nproc); load average at start (1, 5, 15 min): $(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || echo unknown)"
echo "- \`dotnet --version\`: $(dotnet --version)"
echo
echo '```text'
free -h
echo
lscpu | head -n 15
echo '```'
echo

start=$(date +%s)
dotnet bench/Salon.Bench/bin/Release/net10.0/Salon.Bench.dll "${args[@]}"
echo
echo "Total bench time (seeding, ANALYZE, all cases): $(( $(date +%s) - start )) s."
