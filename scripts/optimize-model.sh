#!/usr/bin/env bash
# Regenerates the EF Core compiled models of BOTH database providers (docs/adr/0028):
#
#   scripts/optimize-model.sh
#
#   SQLite     → src/Infrastructure/Persistence/CompiledModels/Sqlite    (context SalonDbContext)
#   PostgreSQL → src/Infrastructure/Persistence/CompiledModels/Postgres  (context PostgresSalonDbContext)
#
# Run it after any change to the model (entities, configurations, OnModelCreating), usually right after
# scripts/add-migration.sh; CompiledModelTests fail until it has run. The app finds the compiled models by their
# [assembly: DbContextModel] attributes, so the old ones are deleted first: the project then builds even when the
# model changed in a way the old generated code no longer compiles against, and the models are built from
# OnModelCreating for the generation.
set -euo pipefail
cd "$(dirname "$0")/.."
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
dotnet tool restore >/dev/null

declare -A context=([Sqlite]=SalonDbContext [Postgres]=PostgresSalonDbContext)
rm -rf src/Infrastructure/Persistence/CompiledModels/Sqlite src/Infrastructure/Persistence/CompiledModels/Postgres
dotnet build src/WebApi --nologo -v q >/dev/null
for dir in Sqlite Postgres; do
  dotnet ef dbcontext optimize --no-build --context "${context[$dir]}" \
    --project src/Infrastructure --startup-project src/WebApi \
    --output-dir "Persistence/CompiledModels/$dir" \
    --namespace "Salon.Infrastructure.Persistence.CompiledModels.$dir" >/dev/null
  echo "$dir: $(ls src/Infrastructure/Persistence/CompiledModels/$dir | wc -l) files in src/Infrastructure/Persistence/CompiledModels/$dir"
done
dotnet build src/WebApi --nologo -v q >/dev/null
echo "Regenerated. Commit the changes with the model change; CompiledModelTests check they match."
