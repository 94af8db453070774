#!/usr/bin/env bash
# Sets up a fresh Debian/Ubuntu machine for Sidecar: Debian's Chromium (never a Playwright browser download) and npm ci.
set -euo pipefail
cd "$(dirname "$0")/.."

if ! command -v chromium >/dev/null 2>&1 && [ -z "${CHROME_PATH:-}" ]; then
  SUDO=""
  if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
  export DEBIAN_FRONTEND=noninteractive
  $SUDO apt-get update -qq
  $SUDO apt-get install -y -qq chromium >/dev/null
fi

npm ci --no-audit --no-fund
