#!/usr/bin/env bash
# Sets up a checkout: the npm packages from package-lock.json (without Electron's binary download,
# which these machines cannot reach) and, for the browser tests, Debian's Chromium.
set -euo pipefail
cd "$(dirname "$0")/.."

# Chromium runs the browser tests; a Japanese font makes the screenshots readable; osslsigncode
# signs the test programs for the publisher check; ansible (with the ansible.windows collection
# it bundles) checks the fleet playbook.
need=()
[ -x /usr/bin/chromium ] || need+=(chromium)
command -v osslsigncode >/dev/null || need+=(osslsigncode)
command -v openssl >/dev/null || need+=(openssl)
command -v ansible-playbook >/dev/null || need+=(ansible)
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
npm ci --no-audit --no-fund
