#!/usr/bin/env bash
# Generate the sample application packets for every sample profile into out/.
set -euo pipefail
cd "$(dirname "$0")/.."
for profile in profiles/*.yaml; do
  appkit resume "$profile" --guide clinical-coordinator -o out
done
