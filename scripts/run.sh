#!/usr/bin/env bash
# The main job: installs what is missing, builds, and runs Klimatnav on the embedded
# Klimatkontrakt 2030 playbook. Extra arguments go to `klimatnav run`.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
swift build -c release --product klimatnav >&2
exec .build/release/klimatnav run "$@"
