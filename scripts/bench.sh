#!/usr/bin/env bash
# Every performance figure and the targets, in one command:
#   bash scripts/bench.sh [klimatnav-bench arguments, e.g. --runs 3 --scales 1,4,16 --only gaps,run]
# Builds klimatnav and klimatnav-bench in release mode, compiles the raw C baselines with
# gcc -O2 (libzmq PUSH/PULL and DEALER/ROUTER loops; a SQLite group-commit insert loop), runs
# them interleaved with the Swift figures, and prints one `name: value unit` line per figure,
# ending with one `target NAME: measured X, needs Y, ok|short` line per target
# (among them `target run.sverige.wall`: `klimatnav run sverige`, all 290 municipalities with
# 13 years x 9 sectors of inventories, whole process, needs < 2 s; and `run.seed.wall`, < 1 s).
# Progress goes to standard error. Medians of several runs; on a small shared machine the
# figures vary by +-20 % from run to run.
set -euo pipefail
cd "$(dirname "$0")/.."
scratch="${BENCH_SCRATCH:-.build-bench}"

if ! pkg-config --exists libzmq sqlite3 2>/dev/null || ! command -v gcc >/dev/null; then
    echo "installing libzmq3-dev libsqlite3-dev pkg-config gcc..." >&2
    apt-get update -qq >&2 && apt-get install -y -qq libzmq3-dev libsqlite3-dev pkg-config gcc >&2
fi

echo "building (release)..." >&2
swift build -c release --product klimatnav --scratch-path "$scratch" >&2
swift build -c release --product klimatnav-bench --scratch-path "$scratch" >&2
bin="$(swift build -c release --scratch-path "$scratch" --show-bin-path)"

raw="$scratch/raw"
mkdir -p "$raw"
gcc -O2 -o "$raw/raw_pushpull" scripts/bench/raw_pushpull.c -lzmq -lpthread
gcc -O2 -o "$raw/raw_dealerrouter" scripts/bench/raw_dealerrouter.c -lzmq -lpthread
gcc -O2 -o "$raw/raw_sqlite" scripts/bench/raw_sqlite.c -lsqlite3

echo "cpus: $(nproc), load: $(cut -d' ' -f1-3 /proc/loadavg)" >&2
"$bin/klimatnav-bench" \
    --raw-pushpull "$raw/raw_pushpull" --raw-dealerrouter "$raw/raw_dealerrouter" --raw-sqlite "$raw/raw_sqlite" \
    --klimatnav "$bin/klimatnav" "$@"
