#!/usr/bin/env bash
# Installs what MedInfo needs on a fresh Debian machine with the .NET SDK: restores NuGet packages and
# the local dotnet tools. Safe to run again; does nothing that is already done.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"

dotnet --version >/dev/null 2>&1 || { echo "The .NET 10 SDK is needed: https://dotnet.microsoft.com/download" >&2; exit 1; }
dotnet tool restore >/dev/null
dotnet restore MedInfo.sln --nologo -v quiet
