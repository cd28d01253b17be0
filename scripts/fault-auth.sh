#!/usr/bin/env bash
# Hostile authentication attempts against a CURVE hub.
#
# Builds the release binary if needed, starts `klimatnav hub` with CURVE keys in a temporary
# folder, makes N hostile attempts with `klimatnav probe` (unknown keys, plain clients, TCP
# garbage, forged HELLO, forged sender field, replay under another key), stops the hub and
# counts, from the hub's database, the messages accepted (must be 0) and the refusals audited
# (ZAP denials included). Prints exactly one line on standard output:
#
#   auth: attempts=N accepted=A audited=U
#
# Exit status: 0 when A is 0, 1 otherwise, 2 when the run itself failed.
# Usage: scripts/fault-auth.sh [N]      (default 200; run from anywhere inside the repository)
set -euo pipefail

attempts="${1:-200}"
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"

swift build -c release --product klimatnav >/dev/null 2>&1 || { echo "fault-auth: release build failed" >&2; exit 2; }
bin="$(swift build -c release --show-bin-path)/klimatnav"
if ! command -v sqlite3 >/dev/null; then
    echo "fault-auth: installing sqlite3 (apt)" >&2
    apt-get update -qq >&2 && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq sqlite3 >&2
fi

work="$(mktemp -d "${TMPDIR:-/tmp}/klimatnav-fault-auth.XXXXXX")"
hub_pid=""
cleanup() {
    if [[ -n "$hub_pid" ]] && kill -0 "$hub_pid" 2>/dev/null; then kill "$hub_pid" 2>/dev/null || true; wait "$hub_pid" 2>/dev/null || true; fi
    rm -rf "$work"
}
trap cleanup EXIT

# Keys: the hub's pair, two authorized parties (the insider and a second key for replays).
"$bin" keys generate --hub --dir "$work/hub" >/dev/null
mkdir -p "$work/authorized"
for party in goteborg enkoping; do
    "$bin" keys generate --party "$party" --dir "$work/nodes" >/dev/null
    cp "$work/nodes/$party.pub" "$work/authorized/"
done

"$bin" hub --bind 'tcp://127.0.0.1:*' --db "$work/hub.db" --durability normal \
    --keys "$work/authorized" --secret-key "$work/hub/hub.key" >"$work/hub.out" 2>"$work/hub.err" &
hub_pid=$!
for _ in $(seq 1 200); do
    grep -q "hub listening on" "$work/hub.out" 2>/dev/null && break
    kill -0 "$hub_pid" 2>/dev/null || { echo "fault-auth: the hub did not start: $(cat "$work/hub.err")" >&2; exit 2; }
    sleep 0.05
done
endpoint="$(sed -n 's/^hub listening on \(tcp:\/\/[^ ,]*\).*/\1/p' "$work/hub.out" | head -1)"
[[ -n "$endpoint" ]] || { echo "fault-auth: no endpoint in the hub's banner" >&2; exit 2; }

"$bin" probe --connect "$endpoint" --hub-key "$work/hub/hub.pub" \
    --key "$work/nodes/goteborg.key" --party goteborg \
    --other-key "$work/nodes/enkoping.key" --other enkoping \
    --attempts "$attempts" 2>"$work/probe.err" || { echo "fault-auth: probe failed: $(cat "$work/probe.err")" >&2; exit 2; }

sleep 0.5   # the hub writes ZAP denials to the audit every 100 ms
kill -TERM "$hub_pid"
wait "$hub_pid" 2>/dev/null || true
hub_pid=""

accepted="$(sqlite3 "$work/hub.db" 'SELECT COUNT(*) FROM message')"
audited="$(sqlite3 "$work/hub.db" 'SELECT COUNT(*) FROM rejected')"
if [[ -n "${FAULT_AUTH_VERBOSE:-}" ]]; then
    cat "$work/probe.err" >&2
    sqlite3 "$work/hub.db" 'SELECT code, COUNT(*) FROM rejected GROUP BY code' >&2
fi
echo "auth: attempts=$attempts accepted=$accepted audited=$audited"
[[ "$accepted" == 0 ]]
