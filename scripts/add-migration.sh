#!/usr/bin/env bash
# Adds an EF Core migration for BOTH database providers, each in its own folder:
#
#   scripts/add-migration.sh <Name>                    # SQLite and PostgreSQL
#   scripts/add-migration.sh <Name> --only postgres    # one provider (sqlite | postgres)
#
#   SQLite     → src/Infrastructure/Persistence/Migrations/Sqlite    (context SalonDbContext)
#   PostgreSQL → src/Infrastructure/Persistence/Migrations/Postgres  (context PostgresSalonDbContext)
#
# A provider whose model has no pending changes is skipped (no empty migration), so after merging a
# branch that already added its SQLite migration, running this adds only the PostgreSQL one. Pass
# --force to add an empty migration anyway (for hand-written SQL). The script builds once, checks that
# each snapshot stayed in its folder, and ends by checking that no provider has pending model changes
# (the same check as the PendingModelChangesTests).
set -euo pipefail
cd "$(dirname "$0")/.."

usage() { echo "usage: $0 <MigrationName> [--only sqlite|postgres] [--force]" >&2; exit 2; }
[ $# -ge 1 ] || usage
name=$1; shift
[[ "$name" =~ ^[A-Z][A-Za-z0-9]*$ ]] || { echo "migration name must be PascalCase letters and digits: '$name'" >&2; exit 2; }
only=""; force=0
while [ $# -gt 0 ]; do
  case "$1" in
    --only) only=${2:-}; shift 2 || usage ;;
    --force) force=1; shift ;;
    *) usage ;;
  esac
done
case "$only" in ""|sqlite|postgres) ;; *) usage ;; esac

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
dotnet tool restore >/dev/null
dotnet build src/WebApi --nologo -v q >/dev/null

ef() { dotnet ef "$@" --project src/Infrastructure --startup-project src/WebApi --no-build; }

# provider → context, folder
declare -A context=([sqlite]=SalonDbContext [postgres]=PostgresSalonDbContext)
declare -A folder=([sqlite]=Sqlite [postgres]=Postgres)
providers=(sqlite postgres)
[ -n "$only" ] && providers=("$only")

added=()
for p in "${providers[@]}"; do
  ctx=${context[$p]}; dir=${folder[$p]}
  if [ "$force" -eq 0 ] && ef migrations has-pending-model-changes --context "$ctx" >/dev/null 2>&1; then
    echo "$p: no model changes since its last migration; skipped (use --force for an empty one)"
    continue
  fi
  if ls "src/Infrastructure/Persistence/Migrations/$dir/"*"_$name.cs" >/dev/null 2>&1; then
    echo "$p: a migration named $name already exists" >&2; exit 1
  fi
  ef migrations add "$name" --context "$ctx" \
    --output-dir "Persistence/Migrations/$dir" \
    --namespace "Salon.Infrastructure.Persistence.Migrations.$dir" >/dev/null
  added+=("$p")
  echo "$p: added $(ls "src/Infrastructure/Persistence/Migrations/$dir/"*"_$name.cs" | grep -v Designer)"
done

# Snapshots stay where they belong (a wrong --output-dir would leave a second one elsewhere).
stray=$(find src/Infrastructure -name '*ModelSnapshot.cs' \
  ! -path 'src/Infrastructure/Persistence/Migrations/Sqlite/SalonDbContextModelSnapshot.cs' \
  ! -path 'src/Infrastructure/Persistence/Migrations/Postgres/PostgresSalonDbContextModelSnapshot.cs')
if [ -n "$stray" ]; then
  echo "unexpected model snapshot(s):" >&2; echo "$stray" >&2; exit 1
fi

if [ ${#added[@]} -gt 0 ]; then
  dotnet build src/WebApi --nologo -v q >/dev/null
  for p in sqlite postgres; do
    ef migrations has-pending-model-changes --context "${context[$p]}" >/dev/null \
      || { echo "$p: the model still has pending changes" >&2; exit 1; }
  done
fi
if [ ${#added[@]} -eq 0 ]; then
  echo "Nothing added: every provider's migrations match the model."
else
  echo "Review the generated files (the PostgreSQL one for anything SQLite-specific), put the new ids in"
  echo "src/Infrastructure/Persistence/LatestMigrations.cs (a start compares the database with them), then run the tests."
fi
