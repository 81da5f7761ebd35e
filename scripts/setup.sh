#!/usr/bin/env bash
# Sets up a checkout: the npm packages from package-lock.json (without Electron's binary download,
# which these machines cannot reach) and, for the browser tests, Debian's Chromium.
set -euo pipefail
cd "$(dirname "$0")/.."

# Chromium runs the browser tests; a Japanese font makes the screenshots readable; osslsigncode
# signs the test programs for the publisher check; ansible (with the ansible.windows collection
# it bundles) checks the fleet playbook. The Wine lane (tests/windows/) needs Wine (64-bit),
# MinGW-w64 for its C programs, and the ja_JP locale sources (`locales`: compiled into .cache/locale
# by the lane, no root needed).
need=()
[ -x /usr/bin/chromium ] || need+=(chromium)
command -v osslsigncode >/dev/null || need+=(osslsigncode)
command -v openssl >/dev/null || need+=(openssl)
command -v ansible-playbook >/dev/null || need+=(ansible)
command -v wine >/dev/null || need+=(wine)
command -v wineserver >/dev/null || need+=(wine64)
command -v x86_64-w64-mingw32-gcc >/dev/null && command -v i686-w64-mingw32-gcc >/dev/null || need+=(mingw-w64)
[ -f /usr/share/i18n/locales/ja_JP ] || need+=(locales)
fc-list 2>/dev/null | grep -qi 'ipa\|noto.*cjk' || need+=(fonts-ipafont-gothic)
if [ ${#need[@]} -gt 0 ] && [ "${SKIP_CHROMIUM:-}" != "1" ]; then
  sudo=""
  [ "$(id -u)" = "0" ] || sudo="sudo"
  if [ -z "$sudo" ] || command -v sudo >/dev/null; then
    $sudo apt-get update -qq && $sudo apt-get install -y -qq "${need[@]}" >/dev/null
  else
    echo "setup: please install ${need[*]} (apt-get install -y ${need[*]})" >&2
  fi
fi

export ELECTRON_SKIP_BINARY_DOWNLOAD=1
# npm ci, with npm's EBADENGINE warnings for Electron's and electron-builder's packages (which want
# Node 22.12+, for `npm start` under Electron and `npm run dist:win` only) said as one true note.
node scripts/npm-ci.mjs
