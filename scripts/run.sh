#!/usr/bin/env bash
# Runs the portal on the embedded SQLite store (./data/medinfo.db, or $MEDINFO_DATA_DIR) at http://127.0.0.1:5080
# (or $MEDINFO_URLS). On first start the store is created by its migrations and content/ is imported.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
"$root/scripts/setup.sh"
urls="${MEDINFO_URLS:-http://127.0.0.1:5080}"

# Email goes to a local SMTP server this script starts (aiosmtpd), which keeps each message in data/mail (a
# Maildir: one file per message in data/mail/new), unless MedInfo__Mail__Host names a real one.
if [ -z "${MedInfo__Mail__Host:-}" ] && [ -x /usr/bin/python3 ] && /usr/bin/python3 -c 'import aiosmtpd' >/dev/null 2>&1; then
  maildir="${MEDINFO_DATA_DIR:-$root/data}/mail"
  mkdir -p "$maildir/tmp" "$maildir/new" "$maildir/cur"
  /usr/bin/python3 -m aiosmtpd -n -l 127.0.0.1:2525 -c aiosmtpd.handlers.Mailbox "$maildir" &
  smtp=$!
  trap 'kill $smtp 2>/dev/null || true' EXIT
  export MedInfo__Mail__Host=127.0.0.1 MedInfo__Mail__Port=2525 MedInfo__Mail__Security=None
  export MedInfo__Mail__PublicUrl="${urls%%;*}"
  echo "MedInfo: email is delivered to a local SMTP server; messages are kept in $maildir/new"
fi

echo "MedInfo: open ${urls%%;*} (Ctrl+C stops it)"
dotnet run --project src/MedInfo.Web -c Release -- --urls "$urls"
