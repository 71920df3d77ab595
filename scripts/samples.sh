#!/usr/bin/env bash
# Generate the sample application packet for every sample profile into out/<name>/.
set -euo pipefail
cd "$(dirname "$0")/.."
if command -v appkit >/dev/null; then appkit=(appkit); else appkit=(python3 -m appkit); fi
for profile in profiles/*.yaml; do
  "${appkit[@]}" packet "$profile" --guide clinical-coordinator --company "Mercy Valley Health" -o out
done
