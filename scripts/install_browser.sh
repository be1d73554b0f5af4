#!/usr/bin/env bash
# Debian's Chromium for the dashboard's browser test (Playwright drives /usr/bin/chromium;
# `playwright install` is never used: it downloads a browser build, which is not allowed).
# Idempotent and quiet: does nothing when the browser is already there.
set -euo pipefail

if [ -x /usr/bin/chromium ]; then
    exit 0
fi
if ! command -v apt-get >/dev/null 2>&1; then
    echo "install_browser: no apt-get; install Chromium as /usr/bin/chromium by hand" >&2
    exit 1
fi
SUDO=""
if [ "$(id -u)" -ne 0 ]; then
    SUDO="sudo"
fi
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq >/dev/null
$SUDO apt-get install -y -qq --no-install-recommends chromium >/dev/null
test -x /usr/bin/chromium
