#!/usr/bin/env bash
# Install everything appkit needs on a fresh Debian/Ubuntu machine (run as root).
#   scripts/install.sh         system packages + appkit
#   scripts/install.sh --test  the same, plus the test tools, as an editable install
set -euo pipefail
cd "$(dirname "$0")/.."

# WeasyPrint needs Pango; libharfbuzz-subset0 makes it ~5x faster (see `appkit doctor`).
# The fonts are the ones the built-in templates name, so output does not depend on the machine;
# Noto covers names in other scripts (CJK, Devanagari, Thai...) that Lato and DejaVu lack, and
# Noto Color Emoji the emoji (without it they print as empty boxes; `appkit doctor` checks).
packages=(libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz-subset0 fontconfig
          fonts-lato fonts-crosextra-carlito fonts-liberation2 fonts-dejavu-core
          fonts-noto-core fonts-noto-cjk fonts-noto-color-emoji poppler-utils)
# The tests also lay each DOCX out with LibreOffice (headless) to compare its pages with the PDF.
if [ "${1:-}" = "--test" ]; then packages+=(libreoffice-writer-nogui); fi
missing=()
for p in "${packages[@]}"; do dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p"); done
if [ ${#missing[@]} -gt 0 ]; then
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi

python3 -m pip install --quiet --upgrade pip >/dev/null 2>&1 || true
if [ "${1:-}" = "--test" ]; then
  python3 -m pip install --quiet -e ".[test]"
else
  python3 -m pip install --quiet .
fi
