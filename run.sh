#!/usr/bin/env bash
# Runs Kite: installs missing prerequisites, then starts the AppHost (dashboard on :18888, API on :8080).
set -euo pipefail
cd "$(dirname "$0")"
./scripts/install-prerequisites.sh
exec dotnet run --project AppHost -- "$@"
