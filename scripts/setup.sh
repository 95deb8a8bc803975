#!/usr/bin/env bash
# Installs what MedInfo needs on a fresh Debian machine with the .NET SDK: Debian's Chromium (browser tests,
# PDF export), poppler-utils, aiosmtpd (a local mail server for delivery), nginx (the proxy tests), pgbouncer (the connection-pooler tests), PostgreSQL's server programs (the PostgreSQL store's tests start a throwaway
# server), axe-core from npm for the accessibility tests, NuGet packages and the local dotnet tools. Safe to run
# again; does nothing that is already done.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"

dotnet --version >/dev/null 2>&1 || { echo "The .NET 10 SDK is needed: https://dotnet.microsoft.com/download" >&2; exit 1; }

# Debian packages: only what is missing, and only as root (elsewhere, say what to install).
missing=()
command -v chromium >/dev/null 2>&1 || missing+=(chromium)
command -v pdftotext >/dev/null 2>&1 || missing+=(poppler-utils)
[ -d /usr/share/fonts/truetype/liberation ] || missing+=(fonts-liberation)
compgen -G '/usr/lib/postgresql/*/bin/initdb' >/dev/null || missing+=(postgresql)
# nginx in front of the portal in the proxy tests (and scripts that run several portals).
[ -x /usr/sbin/nginx ] || missing+=(nginx)
# PgBouncer in front of PostgreSQL in the connection-pooler tests.
[ -x /usr/sbin/pgbouncer ] || missing+=(pgbouncer)
# A real SMTP server for delivery: the tests and scripts/run.sh start Debian's aiosmtpd (Debian's own python3).
/usr/bin/python3 -c 'import aiosmtpd' >/dev/null 2>&1 || missing+=(python3-aiosmtpd)
if [ ${#missing[@]} -gt 0 ]; then
  if [ "$(id -u)" = 0 ]; then
    echo "Installing Debian packages: ${missing[*]}"
    export DEBIAN_FRONTEND=noninteractive
    # The programs are what is wanted, not services: nginx, PgBouncer and PostgreSQL would otherwise start at boot-time ports.
    policy=/usr/sbin/policy-rc.d
    if [ ! -e "$policy" ]; then
      printf '#!/bin/sh\nexit 101\n' > "$policy" && chmod +x "$policy"
      trap 'rm -f "$policy"' EXIT
    fi
    apt-get update -qq
    apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  else
    echo "Missing Debian packages: ${missing[*]} (run: sudo apt-get install ${missing[*]}); browser tests need them." >&2
  fi
fi

# axe-core for the accessibility tests (exact versions from the lock file).
axe="$root/tests/MedInfo.Web.Tests/Browser/axe"
if [ ! -f "$axe/node_modules/axe-core/axe.min.js" ]; then
  (cd "$axe" && npm ci --no-audit --no-fund --loglevel=error)
fi

dotnet tool restore >/dev/null
dotnet restore MedInfo.sln --nologo -v quiet
