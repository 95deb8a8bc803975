#!/usr/bin/env bash
# Runs the portal on the embedded SQLite store (./data/medinfo.db, or $MEDINFO_DATA_DIR) at http://127.0.0.1:5080
# (or $MEDINFO_URLS). On first start the store is created by its migrations and content/ is imported.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
"$root/scripts/setup.sh"
urls="${MEDINFO_URLS:-http://127.0.0.1:5080}"
echo "MedInfo: open ${urls%%;*} (Ctrl+C stops it)"
exec dotnet run --project src/MedInfo.Web -c Release -- --urls "$urls"
