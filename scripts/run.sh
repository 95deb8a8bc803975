#!/usr/bin/env bash
# Imports content/ into the embedded SQLite store (./data/medinfo.db, or $MEDINFO_DATA_DIR) and lists the letters.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
"$root/scripts/setup.sh"
dotnet run --project src/MedInfo.Cli -c Release -- import content/
dotnet run --project src/MedInfo.Cli -c Release --no-build -- list
