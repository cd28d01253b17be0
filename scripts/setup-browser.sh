#!/usr/bin/env bash
# Installs what the dashboard's browser test needs when missing: Debian's chromium and
# chromium-driver (apt), and Selenium and axe-selenium-python (pip, pinned) in a venv at $DASHBOARD_VENV
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
# axe-selenium-python ships axe-core (3.1.1 in 2.1.6), for the accessibility checks (WCAG 2.1 A/AA).
AXE=axe-selenium-python==2.1.6
if ! "$VENV/bin/python" -c "import selenium, axe_selenium_python" 2> /dev/null; then
    echo "setup-browser: installing selenium and $AXE (pip, in $VENV)" >&2
    /usr/bin/python3 -m venv "$VENV" 2> /dev/null || {
        DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq python3-venv > /dev/null
        /usr/bin/python3 -m venv "$VENV"
    }
    "$VENV/bin/pip" install -q selenium "$AXE"
fi
