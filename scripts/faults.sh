#!/usr/bin/env bash
# Long fault and abuse runs (RELIABILITY.md). Builds release itself; prints one figure a line:
#   dual-hub: refused=yes|no lost=L
#   kill9: cycles=C acked=A stored=S lost=L duplicates=D
#   node-restart: queued=Q delivered=D lost=L
#   partition: seconds=S detected_ms=T lost=L
#   fuzz: execs=N crashes=C
#   fuzz-live: frames=N valid=M acknowledged=A hub_crashes=C
#   disk-full: acked_while_full=N lost=L resumed=yes|no
#   slow-subscriber: peak_rss_mb=M
#   auth: ... (from scripts/fault-auth.sh when present)
# Details (logs, databases) stay in $FAULTS_KEEP or a temporary folder removed at the end.
# Knobs: KILL9_CYCLES (50), PARTITION_SECONDS (30), FUZZ_RUNS (2000000), FUZZ_SECONDS (120).
# disk-full needs root (mount -t tmpfs); without it the line says skipped.
set -uo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
KILL9_CYCLES=${KILL9_CYCLES:-50}
PARTITION_SECONDS=${PARTITION_SECONDS:-30}
FUZZ_RUNS=${FUZZ_RUNS:-2000000}
FUZZ_SECONDS=${FUZZ_SECONDS:-120}
START=$(date +%s)

bash scripts/setup.sh
echo "faults: building release (quiet)..." >&2
swift build -c release --product klimatnav >/dev/null 2>&1 || swift build -c release --product klimatnav || exit 1
swift build -c release --product wire-fuzz >/dev/null 2>&1 || true
K="$ROOT/.build/release/klimatnav"

W=${FAULTS_KEEP:-$(mktemp -d /tmp/klimatnav-faults.XXXXXX)}
mkdir -p "$W"
PIDS=()
MOUNTED=""
cleanup() {
  for p in "${PIDS[@]}"; do kill -9 "$p" 2>/dev/null; done
  exec 7>&- 2>/dev/null
  if [ -n "$MOUNTED" ]; then umount "$MOUNTED" 2>/dev/null || umount -l "$MOUNTED" 2>/dev/null; fi
  if [ -z "${FAULTS_KEEP:-}" ]; then rm -rf "$W"; fi
}
trap cleanup EXIT
now_ms() { date +%s%3N; }

# start_hub NAME DB BIND [extra args...]: starts a hub, waits for its banner; sets HUB_PID,
# HUB_EP (router endpoint) and HUB_PUB (publisher endpoint, if any).
start_hub() {
  local name=$1 db=$2 bind=$3
  shift 3
  "$K" hub --bind "$bind" --db "$db" --verbose "$@" >"$W/$name.out" 2>>"$W/$name.log" &
  HUB_PID=$!
  PIDS+=("$HUB_PID")
  for _ in $(seq 1 600); do
    if grep -q "hub listening on" "$W/$name.out" 2>/dev/null; then break; fi
    if ! kill -0 "$HUB_PID" 2>/dev/null; then echo "faults: hub $name did not start (see $W/$name.log)" >&2; return 1; fi
    sleep 0.05
  done
  local banner
  banner=$(grep "hub listening on" "$W/$name.out" | tail -1)
  HUB_EP=$(echo "$banner" | awk '{print $4}' | tr -d ',')
  HUB_PUB=$(echo "$banner" | awk '{print $7}')
}

# field LINE KEY: the value of key=value in LINE.
field() { echo "$1" | tr ' ' '\n' | grep "^$2=" | head -1 | cut -d= -f2; }

wait_pids() { for p in "$@"; do wait "$p" 2>/dev/null; done; }

# ---------------------------------------------------------------- kill9
kill9() {
  local d="$W/kill9" parties=(goteborg malmo lund stockholm) rate=60 count pids=()
  mkdir -p "$d"
  count=$((rate * KILL9_CYCLES * 3 / 2 + 200))
  start_hub kill9-hub "$d/hub.db" "tcp://127.0.0.1:*" || return
  local ep=$HUB_EP
  for p in "${parties[@]}"; do
    "$K" stream --party "$p" --connect "$ep" --count "$count" --rate "$rate" --outbox "$d/$p.outbox" --timeout 900 \
      >"$d/$p.out" 2>"$d/$p.log" &
    pids+=($!)
    PIDS+=($!)
  done
  local cycle
  for cycle in $(seq 1 "$KILL9_CYCLES"); do
    sleep "0.$((RANDOM % 9 + 1))$((RANDOM % 10))"
    kill -9 "$HUB_PID" 2>/dev/null
    wait "$HUB_PID" 2>/dev/null
    start_hub kill9-hub "$d/hub.db" "$ep" || return
  done
  wait_pids "${pids[@]}"
  kill -TERM "$HUB_PID"
  wait "$HUB_PID" 2>/dev/null
  local args=() line
  for p in "${parties[@]}"; do args+=(--outbox "$p:$d/$p.outbox"); done
  line=$("$K" fault-check --db "$d/hub.db" "${args[@]}")
  echo "kill9: cycles=$KILL9_CYCLES acked=$(field "$line" acked) stored=$(field "$line" stored) lost=$(field "$line" lost) duplicates=$(field "$line" duplicates)"
}

# ---------------------------------------------------------------- dual-hub
# Two hubs on one database: the second (and a `run`) must refuse at once, naming the file and
# the first hub's pid, while the first keeps acknowledging; nothing acknowledged is lost.
dual_hub() {
  local d="$W/dual-hub" node refused=yes line lost
  mkdir -p "$d"
  start_hub dual-a "$d/dual.db" "tcp://127.0.0.1:*" || return
  local first=$HUB_PID first_ep=$HUB_EP
  "$K" stream --party lund --connect "$first_ep" --count 3000 --rate 1000 --outbox "$d/lund.outbox" --timeout 120 >"$d/lund.out" 2>"$d/lund.log" &
  node=$!
  PIDS+=("$node")
  sleep 0.5
  for _ in 1 2 3; do
    if "$K" hub --bind "tcp://127.0.0.1:*" --db "$d/dual.db" >"$d/b.out" 2>"$d/b.log"; then refused=no; fi
    grep -q "pid $first" "$d/b.log" || refused=no
    if "$K" run --db "$d/dual.db" >"$d/run.out" 2>"$d/run.log"; then refused=no; fi
    grep -q "pid $first" "$d/run.log" || refused=no
    sleep 0.3
  done
  wait "$node" 2>/dev/null
  kill -TERM "$first"
  wait "$first" 2>/dev/null
  line=$("$K" fault-check --db "$d/dual.db" --outbox "lund:$d/lund.outbox")
  lost=$(( $(field "$line" lost) + $(field "$line" undelivered) + $(field "$line" duplicates) ))
  echo "dual-hub: refused=$refused lost=$lost"
}

# ---------------------------------------------------------------- node-restart
node_restart() {
  local d="$W/node-restart" node
  mkdir -p "$d"
  start_hub nr-hub "$d/hub.db" "tcp://127.0.0.1:*" || return
  "$K" stream --party vaxjo --connect "$HUB_EP" --count 20000 --outbox "$d/vaxjo.outbox" >"$d/1.out" 2>"$d/1.log" &
  node=$!
  PIDS+=("$node")
  sleep 3
  kill -9 "$node"
  wait "$node" 2>/dev/null
  "$K" stream --party vaxjo --connect "$HUB_EP" --count 20000 --outbox "$d/vaxjo.outbox" --timeout 300 >"$d/2.out" 2>"$d/2.log"
  kill -TERM "$HUB_PID"
  wait "$HUB_PID" 2>/dev/null
  local line
  line=$("$K" fault-check --db "$d/hub.db" --outbox "vaxjo:$d/vaxjo.outbox")
  local lost=$(( $(field "$line" undelivered) + $(field "$line" lost) + $(field "$line" duplicates) ))
  echo "node-restart: queued=$(field "$line" queued) delivered=$(field "$line" delivered) lost=$lost"
}

# ---------------------------------------------------------------- partition
partition() {
  local d="$W/partition" node proxy port cut_at detected
  mkdir -p "$d"
  start_hub part-hub "$d/hub.db" "tcp://127.0.0.1:*" || return
  local hub_port=${HUB_EP##*:}
  rm -f "$d/ctl"
  mkfifo "$d/ctl"
  "$K" proxy --to "$hub_port" <"$d/ctl" >"$d/proxy.out" 2>"$d/proxy.log" &
  proxy=$!
  PIDS+=("$proxy")
  exec 7>"$d/ctl"
  for _ in $(seq 1 200); do grep -q "proxy listening" "$d/proxy.out" 2>/dev/null && break; sleep 0.05; done
  port=$(grep "proxy listening" "$d/proxy.out" | awk '{print $4}')
  local count=$(( (PARTITION_SECONDS + 15) * 100 ))
  "$K" stream --party umea --connect "tcp://127.0.0.1:$port" --count "$count" --rate 100 --outbox "$d/umea.outbox" --timeout 600 \
    >"$d/node.out" 2>"$d/node.log" &
  node=$!
  PIDS+=("$node")
  sleep 5
  cut_at=$(now_ms)
  echo pause >&7
  sleep "$PARTITION_SECONDS"
  echo resume >&7
  wait "$node" 2>/dev/null
  echo quit >&7
  exec 7>&-
  kill -TERM "$HUB_PID"
  wait "$HUB_PID" 2>/dev/null
  detected=$(grep -o "hub-silent at_ms=[0-9]*" "$d/node.out" | head -1 | cut -d= -f2)
  local line
  line=$("$K" fault-check --db "$d/hub.db" --outbox "umea:$d/umea.outbox")
  local lost=$(( $(field "$line" undelivered) + $(field "$line" lost) + $(field "$line" duplicates) ))
  echo "partition: seconds=$PARTITION_SECONDS detected_ms=$(( ${detected:-0} - cut_at )) lost=$lost"
}

# ---------------------------------------------------------------- fuzz
fuzz() {
  local d="$W/fuzz" execs crashes
  mkdir -p "$d/corpus" "$d/artifacts"
  "$ROOT/.build/release/wire-fuzz" --seeds Protocols/fixtures/*.hex "$d/corpus" >/dev/null 2>&1
  if swift build -c release --product wire-fuzz --scratch-path "$ROOT/.build-fuzz" \
      -Xswiftc -sanitize=fuzzer -Xswiftc -DWIRE_FUZZER >"$d/build.log" 2>&1; then
    "$ROOT/.build-fuzz/release/wire-fuzz" -runs="$FUZZ_RUNS" -max_total_time="$FUZZ_SECONDS" \
      -artifact_prefix="$d/artifacts/" -print_final_stats=1 "$d/corpus" >"$d/fuzz.log" 2>&1
    execs=$(grep -o "stat::number_of_executed_units: *[0-9]*" "$d/fuzz.log" | grep -o "[0-9]*$")
    crashes=$(find "$d/artifacts" -type f | wc -l)
    echo "fuzz: execs=${execs:-0} crashes=$crashes"
  else
    echo "fuzz: execs=0 crashes=0 (harness did not build with -sanitize=fuzzer; see $d/build.log)"
  fi
  start_hub fuzz-hub "$d/hub.db" "tcp://127.0.0.1:*" || return
  local line
  line=$("$K" fuzz-hub --connect "$HUB_EP" --frames 100000 --valid 2000 --seed "$RANDOM" 2>"$d/live.log")
  local crashed=0
  kill -0 "$HUB_PID" 2>/dev/null || crashed=1
  kill -TERM "$HUB_PID"
  wait "$HUB_PID" 2>/dev/null
  echo "fuzz-live: frames=$(field "$line" frames) valid=$(field "$line" valid) acknowledged=$(field "$line" acknowledged) hub_crashes=$crashed"
}

# ---------------------------------------------------------------- disk-full
disk_full() {
  local d="$W/disk-full" mnt="$W/disk-full/mnt" node full_start full_end
  mkdir -p "$mnt"
  if [ "$(id -u)" -ne 0 ] || ! mount -t tmpfs -o size=24m tmpfs "$mnt" 2>/dev/null; then
    echo "disk-full: skipped (needs root to mount a tmpfs)"
    return
  fi
  MOUNTED=$mnt
  start_hub df-hub "$mnt/hub.db" "tcp://127.0.0.1:*" || return
  "$K" stream --party jarfalla --connect "$HUB_EP" --count 12000 --rate 400 --outbox "$d/jarfalla.outbox" --timeout 300 \
    >"$d/node.out" 2>"$d/node.log" &
  node=$!
  PIDS+=("$node")
  sleep 4
  dd if=/dev/zero of="$mnt/filler" bs=64k 2>/dev/null
  # Commits already in flight may still find room; the full period counts from 2 s later.
  sleep 2
  full_start=$(now_ms)
  sleep 8
  full_end=$(now_ms)
  rm -f "$mnt/filler"
  wait "$node" 2>/dev/null
  local resumed=no
  grep -q "pending=0" "$d/node.out" && resumed=yes
  kill -TERM "$HUB_PID"
  wait "$HUB_PID" 2>/dev/null
  local line
  line=$("$K" fault-check --db "$mnt/hub.db" --outbox "jarfalla:$d/jarfalla.outbox" --window-start-ms "$full_start" --window-end-ms "$full_end")
  echo "disk-full: acked_while_full=$(field "$line" acked_in_window) lost=$(field "$line" lost) resumed=$resumed"
  umount "$mnt" && MOUNTED=""
}

# ---------------------------------------------------------------- slow subscriber
slow_subscriber() {
  local d="$W/slow-sub" pids=() peak
  mkdir -p "$d"
  start_hub ss-hub "$d/hub.db" "tcp://127.0.0.1:*" --publish "tcp://127.0.0.1:*" || return
  "$K" stall-sub --connect "$HUB_PUB" --seconds 40 >/dev/null 2>&1 &
  PIDS+=($!)
  sleep 0.5
  for p in enkoping uppsala; do
    "$K" stream --party "$p" --connect "$HUB_EP" --count 15000 --outbox "$d/$p.outbox" --timeout 120 >"$d/$p.out" 2>&1 &
    pids+=($!)
    PIDS+=($!)
  done
  wait_pids "${pids[@]}"
  peak=$(awk '/VmHWM/ {print $2}' "/proc/$HUB_PID/status")
  kill -TERM "$HUB_PID"
  wait "$HUB_PID" 2>/dev/null
  echo "slow-subscriber: peak_rss_mb=$(( ${peak:-0} / 1024 ))"
}

auth() {
  if [ -x scripts/fault-auth.sh ]; then
    scripts/fault-auth.sh
  else
    echo "auth: skipped (scripts/fault-auth.sh not present)"
  fi
}

for step in ${FAULTS_ONLY:-dual_hub kill9 node_restart partition fuzz disk_full slow_subscriber auth}; do
  "$step"
done
echo "faults: done in $(( $(date +%s) - START )) s" >&2
