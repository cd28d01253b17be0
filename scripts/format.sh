#!/usr/bin/env bash
# Formats the Swift sources with the toolchain's swift-format and .swift-format;
# `--check` only reports what would change and exits 1 if anything would.
set -euo pipefail
cd "$(dirname "$0")/.."
if [ "${1:-}" = "--check" ]; then
  out=$(swift format lint --recursive Sources Tests Package.swift 2>&1 || true)
  if [ -n "$out" ]; then printf '%s\n' "$out"; echo "format: $(printf '%s\n' "$out" | wc -l) findings" >&2; exit 1; fi
  echo "format: clean"
else
  swift format --in-place --recursive Sources Tests Package.swift
fi
