#!/usr/bin/env bash
# Adds a migration to both providers' sets: ./scripts/add-migration.sh AddCustomers
set -euo pipefail
name=${1:?usage: add-migration.sh <MigrationName>}
cd "$(dirname "$0")/.."
dotnet tool restore >/dev/null
for provider in Sqlite SqlServer; do
  dotnet ef migrations add "$name" \
    --project src/DealerCrm.Infrastructure --startup-project src/DealerCrm.Infrastructure \
    --context "${provider}DealerCrmDbContext" --output-dir "Migrations.${provider}" --namespace "DealerCrm.Infrastructure.Migrations.${provider}"
done
