#!/usr/bin/env bash
# Runs every test of DealerCrm: unit, web (real SQLite files) and browser journeys (Playwright
# driving Debian's Chromium). Installs what the browser tests need when it is missing:
# Chromium itself and a CJK font (without one, Chromium draws Chinese as empty boxes).
set -euo pipefail
cd "$(dirname "$0")"

missing=()
command -v chromium >/dev/null 2>&1 || missing+=(chromium)
[ -d /usr/share/fonts/opentype/noto ] || missing+=(fonts-noto-cjk)
if [ ${#missing[@]} -gt 0 ]; then
  echo "Installing ${missing[*]} for the browser tests..."
  sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

dotnet test DealerCrm.sln -c Release "$@"
