#!/usr/bin/env bash
# Installs what the browser tests (least-app *BrowserIT) need: Debian's chromium and its
# chromedriver. Idempotent: does nothing when both are on the PATH. Needs root (CI runs as root).
set -euo pipefail
if command -v chromium >/dev/null && command -v chromedriver >/dev/null; then
  exit 0
fi
if ! command -v apt-get >/dev/null; then
  echo "install-browser-test-deps: no apt-get here; install chromium and chromium-driver yourself" >&2
  exit 1
fi
SUDO=""
if [[ $(id -u) -ne 0 ]]; then
  SUDO="sudo"
fi
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -q
$SUDO apt-get install -y -q --no-install-recommends chromium chromium-driver
