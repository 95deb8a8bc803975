#!/usr/bin/env bash
# The benchmark harness: every hot path against its peer, in one run, then a table (also written to
# bench/out/report.md). Installs its peers (Debian's hugo and wrk) when run as root. Synthetic letters only,
# written under bench/out/, never content/. Options: --letters N (default 10000), --large N (100000),
# --only import,search,postgres,parse,http,pages,inbox,pdf,memory,cluster; --requests N (100000) for the inbox.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
"$root/scripts/setup.sh"
missing=()
command -v hugo >/dev/null 2>&1 || missing+=(hugo)
command -v wrk >/dev/null 2>&1 || missing+=(wrk)
if [ ${#missing[@]} -gt 0 ]; then
  if [ "$(id -u)" = 0 ]; then
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  else
    echo "The benchmarks need: ${missing[*]} (sudo apt-get install ${missing[*]})" >&2
    exit 1
  fi
fi
dotnet build MedInfo.sln -c Release --nologo -v quiet
exec dotnet bench/MedInfo.Bench/bin/Release/net10.0/MedInfo.Bench.dll "$@"
