#!/usr/bin/env bash
# Runs every test of MedInfo, after installing what the tests need.
# Ends with the line "N passed, N failed"; exits non-zero if anything failed or did not build.
set -uo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
# The tests make their own stores (temporary SQLite files, a throwaway PostgreSQL server): a store named in the
# shell that runs them must not leak in.
unset MEDINFO_POSTGRES MEDINFO_DATA_DIR

"$root/scripts/setup.sh" || { echo "0 passed, 1 failed"; exit 1; }

results="$root/artifacts/test-results"
rm -rf "$results"
mkdir -p "$results"

if ! dotnet build MedInfo.sln -c Release --nologo -v quiet; then
  echo "The build failed (warnings are errors)."
  echo "0 passed, 1 failed"
  exit 1
fi

# One results folder per test project, so no two TRX files can collide.
status=0
for project in tests/*/*.csproj; do
  name=$(basename "$project" .csproj)
  dotnet test "$project" -c Release --no-build --nologo \
    --logger "trx;LogFileName=$name.trx" --logger "console;verbosity=minimal" \
    --results-directory "$results/$name" || status=1
done

# Add up the counters of every project's TRX file: <Counters total=".." passed=".." failed=".." ...>
passed=0
failed=0
for trx in "$results"/*/*.trx; do
  [ -e "$trx" ] || continue
  counters=$(grep -o '<Counters [^>]*>' "$trx" | head -n 1)
  p=$(printf '%s' "$counters" | sed -n 's/.* passed="\([0-9]*\)".*/\1/p')
  f=$(printf '%s' "$counters" | sed -n 's/.* failed="\([0-9]*\)".*/\1/p')
  passed=$((passed + ${p:-0}))
  failed=$((failed + ${f:-0}))
done
if [ "$status" -ne 0 ] && [ "$failed" -eq 0 ]; then
  failed=1 # the runner failed without a counted test failure (a crash): never report green
fi
echo "$passed passed, $failed failed"
exit "$status"
