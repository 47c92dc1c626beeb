#!/usr/bin/env bash
# Runs every test: unit, integration (real PostgreSQL and RabbitMQ) and end-to-end (the whole suite via the AppHost).
# Extra arguments go to `dotnet test` (for example --filter). Ends with a line "N passed, N failed".
set -uo pipefail
cd "$(dirname "$0")"
results="TestResults"
rm -rf "$results"
dotnet test Suite.sln --logger "trx" --results-directory "$results" "$@"
code=$?
passed=0
failed=0
for trx in "$results"/*.trx; do
  [ -f "$trx" ] || continue
  counters=$(grep -o '<Counters [^>]*>' "$trx" | head -n 1)
  p=$(sed -n 's/.* passed="\([0-9]*\)".*/\1/p' <<<"$counters")
  f=$(sed -n 's/.* failed="\([0-9]*\)".*/\1/p' <<<"$counters")
  passed=$((passed + ${p:-0}))
  failed=$((failed + ${f:-0}))
done
if [ "$code" -ne 0 ] && [ "$failed" -eq 0 ]; then
  echo "dotnet test exited with code $code (a build error, or a test host that crashed)" >&2
  failed=$((failed + 1))
fi
echo "$passed passed, $failed failed"
exit "$code"
