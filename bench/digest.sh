#!/usr/bin/env bash
# Digest benchmark (docs/performance.md): builds Release, seeds a fresh SQLite database through the real
# migrations with N members (confirmed addresses, last-seen times, follows, a month of topics and replies),
# times one digest run through the real mediator pipeline, then publishes one announcement and times the delivery
# of its notices (every delivery transaction, beside a raw INSERT of the same rows), and writes Markdown to stdout.
#
#   bench/digest.sh                 # 10,000 members
#   bench/digest.sh 100000          # 100,000 members
#   bench/digest.sh 100000 --only announcement   # the announcement only (issue 15: no transaction over 200 ms)
set -euo pipefail
cd "$(dirname "$0")/.."

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
members="${1:-10000}"
shift || true

dotnet build bench/Salon.Bench/Salon.Bench.csproj -c Release --nologo -v quiet >&2

echo "## Machine"
echo
echo "- Date: $(date -u '+%Y-%m-%d %H:%M UTC')"
echo "- Commit: $(git rev-parse --short HEAD 2>/dev/null || echo unknown)"
echo "- Command: \`bench/digest.sh $members${*:+ $*}\`"
echo "- \`nproc\`: $(nproc); CPU: $(lscpu | sed -n 's/^Model name:[[:space:]]*//p' | head -n1); load average at start (1, 5, 15 min): $(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || echo unknown)"
echo "- \`dotnet --version\`: $(dotnet --version)"
echo

dotnet bench/Salon.Bench/bin/Release/net10.0/Salon.Bench.dll --digest-members "$members" --db "${TMPDIR:-/tmp}/salon-digest-bench-$members.db" "$@"
