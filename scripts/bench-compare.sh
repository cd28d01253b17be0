#!/usr/bin/env bash
# The current tree against an older commit, in one interleaved run:
#   bash scripts/bench-compare.sh OLD_COMMIT [ROUNDS] [SECTIONS]
# (defaults: 5 rounds; sections durable,transport). Builds klimatnav-bench in release mode for
# both (the old one in a detached git worktree under .build-compare/), compiles the raw C
# baselines once, then runs the two binaries alternately, the order flipped every round, so
# that both see the same machine and the same hour. Each run is one `klimatnav-bench --only
# SECTIONS --scales 1 --runs 1`. Prints, per figure, the median of the rounds for each side and
# new/old. CPU per acknowledged message (durable.*.hub_cpu and nodes_cpu) is the steadiest
# figure on a shared machine; rates and transport ratios move by +-15 % from run to run.
set -euo pipefail
cd "$(dirname "$0")/.."
old="${1:?usage: bash scripts/bench-compare.sh OLD_COMMIT [ROUNDS] [SECTIONS]}"
rounds="${2:-5}"
sections="${3:-durable,transport}"
work=".build-compare"
mkdir -p "$work"

if ! pkg-config --exists libzmq sqlite3 2>/dev/null || ! command -v gcc >/dev/null; then
    echo "installing libzmq3-dev libsqlite3-dev pkg-config gcc..." >&2
    apt-get update -qq >&2 && apt-get install -y -qq libzmq3-dev libsqlite3-dev pkg-config gcc >&2
fi

# BENCH_OLD_TREE: an existing checkout of OLD_COMMIT to build in (its .build-bench is reused).
oldTree="${BENCH_OLD_TREE:-$work/old-$(git rev-parse --short "$old")}"
if [ ! -d "$oldTree" ]; then
    git worktree add --detach "$oldTree" "$old" >&2
fi
echo "building the old commit $(git -C "$oldTree" rev-parse --short HEAD) (release)..." >&2
(cd "$oldTree" && swift build -c release --product klimatnav-bench --scratch-path .build-bench >&2)
oldBin="$(cd "$oldTree" && swift build -c release --scratch-path .build-bench --show-bin-path)/klimatnav-bench"
echo "building the current tree $(git rev-parse --short HEAD)$(git diff --quiet || echo '+changes') (release)..." >&2
swift build -c release --product klimatnav-bench --scratch-path .build-bench >&2
newBin="$(swift build -c release --scratch-path .build-bench --show-bin-path)/klimatnav-bench"

raw="$work/raw"
mkdir -p "$raw"
gcc -O2 -o "$raw/raw_pushpull" scripts/bench/raw_pushpull.c -lzmq -lpthread
gcc -O2 -o "$raw/raw_dealerrouter" scripts/bench/raw_dealerrouter.c -lzmq -lpthread
gcc -O2 -o "$raw/raw_sqlite" scripts/bench/raw_sqlite.c -lsqlite3
args=(--raw-pushpull "$raw/raw_pushpull" --raw-dealerrouter "$raw/raw_dealerrouter" --raw-sqlite "$raw/raw_sqlite"
    --only "$sections" --scales 1 --runs 1)

results="${BENCH_RESULTS:-$work/results-$(date +%Y%m%d-%H%M%S).txt}"
: >"$results"
echo "cpus: $(nproc), load: $(cut -d' ' -f1-3 /proc/loadavg); results in $results" >&2
for round in $(seq 1 "$rounds"); do
    if [ $((round % 2)) -eq 1 ]; then order="old new"; else order="new old"; fi
    for side in $order; do
        bin="$oldBin"
        [ "$side" = new ] && bin="$newBin"
        echo "round $round/$rounds: $side" >&2
        "$bin" "${args[@]}" 2>/dev/null | sed -n "s|^\([A-Za-z0-9_./-]*\): \([0-9.]*\) \(.*\)$|$side \1 \2 \3|p" >>"$results"
    done
done

# Per figure: medians and the median per-round ratio (scripts/bench/compare.awk).
awk -f scripts/bench/compare.awk "$results"
