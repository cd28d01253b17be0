#!/usr/bin/env bash
# Installs what the dashboard's browser test needs when missing: Debian's chromium and
# chromium-driver (apt), and Selenium (pip) in a venv at $DASHBOARD_VENV
# (default /tmp/klimatnav-dashboard-venv). Safe to run again.
set -euo pipefail
VENV=${DASHBOARD_VENV:-/tmp/klimatnav-dashboard-venv}
sudo=""
if [ "$(id -u)" -ne 0 ]; then sudo="sudo"; fi
if ! command -v chromium > /dev/null || ! command -v chromedriver > /dev/null; then
    echo "setup-browser: installing chromium and chromium-driver (apt)" >&2
    $sudo apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq chromium chromium-driver > /dev/null
fi
if ! "$VENV/bin/python" -c "import selenium" 2> /dev/null; then
    echo "setup-browser: installing selenium (pip, in $VENV)" >&2
    /usr/bin/python3 -m venv "$VENV" 2> /dev/null || {
        DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq python3-venv > /dev/null
        /usr/bin/python3 -m venv "$VENV"
    }
    "$VENV/bin/pip" install -q selenium
fi
