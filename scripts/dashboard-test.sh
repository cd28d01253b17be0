#!/usr/bin/env bash
# The dashboard in a real headless browser (Debian's Chromium, driven by Selenium).
#
#   bash scripts/dashboard-test.sh            # builds, tests, writes docs/screenshots/*.png
#
# Installs chromium, chromium-driver (apt) and Selenium (pip, in a venv) when missing; builds
# (skipped when KLIMATNAV_BIN names a built binary); plays the seed playbook into a fresh
# database; makes CURVE keys (the hub, Energimyndigheten, a read-only dashboard subscriber)
# and starts `klimatnav hub` on the database with CURVE and a PUB endpoint, and
# `klimatnav serve --hub --key --hub-key` on that; checks in Chromium that the gap counts shown
# equal `klimatnav gaps --format json`; makes a live gap event happen (a node with its key sends
# scripts/dashboard-live.yaml: Energimyndigheten claims a topic, which resolves a governance
# gap) and checks the open page shows it without a reload; stops the hub and checks the "Live"
# badge turns off, restarts it and checks the badge turns on again by itself; serves the
# illustrative scenario (two closed revisions) too, for the revision diff; runs axe-core on every
# page in both languages (zero WCAG A/AA violations) and checks keyboard access; plays
# `run sverige` into a third database for the counties, a county and a municipality page with
# its emissions chart; saves screenshots.
# Exits non-zero on any failure.
# Environment: KLIMATNAV_BIN (skip the build), SCRATCH (swift build --scratch-path, default
# .build), SCREENSHOTS (default docs/screenshots), DASHBOARD_VENV (default /tmp/klimatnav-dashboard-venv).
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
SCREENSHOTS=${SCREENSHOTS:-$ROOT/docs/screenshots}
VENV=${DASHBOARD_VENV:-/tmp/klimatnav-dashboard-venv}

DASHBOARD_VENV="$VENV" bash scripts/setup-browser.sh

if [ -z "${KLIMATNAV_BIN:-}" ]; then
    bash scripts/setup.sh > /dev/null
    swift build --scratch-path "${SCRATCH:-.build}" --product klimatnav
    KLIMATNAV_BIN="$(swift build --scratch-path "${SCRATCH:-.build}" --show-bin-path)/klimatnav"
fi

WORK=$(mktemp -d /tmp/klimatnav-dashboard-XXXXXX)
PIDS=()
cleanup() {
    for pid in "${PIDS[@]}"; do kill "$pid" 2> /dev/null || true; done
    for pid in "${PIDS[@]}"; do wait "$pid" 2> /dev/null || true; done
    rm -rf "$WORK"
}
trap cleanup EXIT

free_port() { "$VENV/bin/python" -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }
# Waits until FILE has a line containing TEXT (the process's banner), at most 30 s.
wait_for_line() {
    for _ in $(seq 300); do
        grep -q "$2" "$1" 2> /dev/null && return 0
        sleep 0.1
    done
    echo "dashboard-test: no '$2' from $1:"; cat "$1"; return 1
}

DB=$WORK/hub.db
"$KLIMATNAV_BIN" run --db "$DB" > "$WORK/run.txt"
# The HTML report of the seed, both languages, for the accessibility checks of the report.
"$KLIMATNAV_BIN" report --db "$DB" --out "$WORK/report" > /dev/null
# CURVE, as across machines (README "Several machines"): the hub's keys, Energimyndigheten's,
# and a read-only subscriber key for the dashboard.
"$KLIMATNAV_BIN" keys generate --hub --dir "$WORK/hub-keys" > /dev/null
"$KLIMATNAV_BIN" keys generate --party energimyndigheten --dir "$WORK/node-keys" > /dev/null
"$KLIMATNAV_BIN" keys generate --subscriber dashboard --dir "$WORK/dash-keys" > /dev/null
mkdir -p "$WORK/authorized"
cp "$WORK/node-keys/energimyndigheten.pub" "$WORK/dash-keys/dashboard.subscriber.pub" "$WORK/authorized/"
ROUTER_PORT=$(free_port); PUB_PORT=$(free_port); HTTP_PORT=$(free_port)
HUB_COMMAND=("$KLIMATNAV_BIN" hub --bind "tcp://127.0.0.1:$ROUTER_PORT" --publish "tcp://127.0.0.1:$PUB_PORT" --db "$DB"
    --keys "$WORK/authorized" --secret-key "$WORK/hub-keys/hub.key")
"${HUB_COMMAND[@]}" > "$WORK/hub.txt" 2>&1 &
HUB_PID=$!
PIDS+=($HUB_PID)
wait_for_line "$WORK/hub.txt" "hub listening"
grep -q "CURVE" "$WORK/hub.txt" || { echo "dashboard-test: the hub does not run CURVE:"; cat "$WORK/hub.txt"; exit 1; }
"$KLIMATNAV_BIN" serve --db "$DB" --hub "tcp://127.0.0.1:$PUB_PORT" --http "127.0.0.1:$HTTP_PORT" \
    --key "$WORK/dash-keys/dashboard.subscriber.key" --hub-key "$WORK/hub-keys/hub.pub" > "$WORK/serve.txt" 2>&1 &
PIDS+=($!)
wait_for_line "$WORK/serve.txt" "dashboard at"
# A second database with two closed revisions (2021, 2022), for the revision diff.
SCENARIO_DB=$WORK/lund.db
"$KLIMATNAV_BIN" run "$ROOT/Playbooks/scenarios/lund-adopts-2022.yaml" --db "$SCENARIO_DB" > "$WORK/run-lund.txt"
SCENARIO_PORT=$(free_port)
"$KLIMATNAV_BIN" serve --db "$SCENARIO_DB" --http "127.0.0.1:$SCENARIO_PORT" > "$WORK/serve-lund.txt" 2>&1 &
PIDS+=($!)
wait_for_line "$WORK/serve-lund.txt" "dashboard at"

# The Swedish national run (290 municipalities with their emissions), for the county and
# municipality pages.
SVERIGE_DB=$WORK/sverige.db
"$KLIMATNAV_BIN" run sverige --db "$SVERIGE_DB" > "$WORK/run-sverige.txt"
"$KLIMATNAV_BIN" report --db "$SVERIGE_DB" --out "$WORK/report-sverige" --lang sv > /dev/null
SVERIGE_PORT=$(free_port)
"$KLIMATNAV_BIN" serve --db "$SVERIGE_DB" --http "127.0.0.1:$SVERIGE_PORT" > "$WORK/serve-sverige.txt" 2>&1 &
PIDS+=($!)
wait_for_line "$WORK/serve-sverige.txt" "dashboard at"

mkdir -p "$SCREENSHOTS"
"$VENV/bin/python" scripts/dashboard_browser.py \
    --url "http://127.0.0.1:$HTTP_PORT" --klimatnav "$KLIMATNAV_BIN" --db "$DB" \
    --router "tcp://127.0.0.1:$ROUTER_PORT" --live-playbook "$ROOT/scripts/dashboard-live.yaml" \
    --node-key "$WORK/node-keys/energimyndigheten.key" --hub-key "$WORK/hub-keys/hub.pub" \
    --hub-pid "$HUB_PID" --hub-command "$(printf '%q ' "${HUB_COMMAND[@]}")" --hub-log "$WORK/hub-again.txt" \
    --scenario-url "http://127.0.0.1:$SCENARIO_PORT" --sverige-url "http://127.0.0.1:$SVERIGE_PORT" \
    --reports "$WORK/report" "$WORK/report-sverige" --screenshots "$SCREENSHOTS"
