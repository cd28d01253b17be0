#!/usr/bin/env bash
# ZeroMQ layer benchmark: raw C PUSH/PULL loop against the Swift layer (async and sync),
# 100 B and 1 KB messages over tcp loopback, DEALER -> ROUTER throughput with 100 B messages
# (raw C against the async layer, as klimatnav-bench measures it; `--only dealerrouter`), and
# DEALER/ROUTER round-trip latency (raw C against the async layer); medians of 5 interleaved runs.
# Usage: scripts/bench-zmq.sh [--runs N] [--scale F]   (arguments go to zmq-bench)
# Output lines: `name: value unit`, e.g. `zmq.pushpull.100B.ratio: 0.85` (Swift async / raw).
set -euo pipefail
cd "$(dirname "$0")/.."
scratch="${ZMQ_BENCH_SCRATCH:-.build-zmq}"

echo "building (release)..." >&2
swift build -c release --product zmq-bench --scratch-path "$scratch" >&2
raw="$scratch/raw_pushpull"
gcc -O2 -o "$raw" scripts/bench/raw_pushpull.c -lzmq -lpthread
rawRoundTrip="$scratch/raw_roundtrip"
gcc -O2 -o "$rawRoundTrip" scripts/bench/raw_roundtrip.c -lzmq -lpthread
rawDealerRouter="$scratch/raw_dealerrouter"
gcc -O2 -o "$rawDealerRouter" scripts/bench/raw_dealerrouter.c -lzmq -lpthread

echo "cpus: $(nproc), load: $(cut -d' ' -f1-3 /proc/loadavg)" >&2
"$scratch/release/zmq-bench" --raw "$raw" --raw-roundtrip "$rawRoundTrip" --raw-dealerrouter "$rawDealerRouter" "$@"
