#!/usr/bin/env bash
# Installs the system packages Klimatnav needs (libzmq3-dev, libsqlite3-dev, pkg-config)
# when any of them is missing. Safe to run again: it does nothing when all are present.
set -euo pipefail
needed=(libzmq3-dev libsqlite3-dev pkg-config)
missing=()
for p in "${needed[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -eq 0 ]; then exit 0; fi
echo "setup: installing ${missing[*]}" >&2
sudo=""
if [ "$(id -u)" -ne 0 ]; then sudo="sudo"; fi
$sudo apt-get update -qq
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${missing[@]}" >/dev/null
