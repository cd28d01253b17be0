#!/usr/bin/env bash
# The test command: installs what is missing, builds, runs every test.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
# Python with pyzmq for the interoperability test (a node written from the spec alone).
venv=.build/interop-venv
if [ ! -x "$venv/bin/python" ] || ! "$venv/bin/python" -c "import zmq, jsonschema" 2>/dev/null; then
  echo "test: preparing Python with pyzmq (and jsonschema) for the interoperability test" >&2
  python3 -m venv "$venv" && "$venv/bin/pip" install -q pyzmq || echo "test: could not install pyzmq; the interoperability test will be skipped" >&2
  # Optional: with it, the interop client validates every body the hub sends (section 13).
  "$venv/bin/pip" install -q jsonschema || echo "test: could not install jsonschema; bodies will not be validated" >&2
fi
if "$venv/bin/python" -c "import zmq" 2>/dev/null; then export KLIMATNAV_PYTHON="$PWD/$venv/bin/python"; fi
# Chromium and Selenium for the dashboard's browser test (KLIMATNAV_SKIP_BROWSER=1 skips it).
if [ "${KLIMATNAV_SKIP_BROWSER:-}" != "1" ]; then
  bash scripts/setup-browser.sh || echo "test: could not install the browser; the browser test will be skipped" >&2
fi
# Every imported module declared: an undeclared one makes incremental builds link stale code.
bash scripts/check-imports.sh
# The tree stays as swift-format writes it (bash scripts/format.sh formats it).
bash scripts/format.sh --check
swift build --build-tests
# A hung test fails the run after 30 minutes instead of holding CI for its whole budget.
timeout 1800 swift test --skip-build
