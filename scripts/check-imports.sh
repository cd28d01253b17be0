#!/usr/bin/env bash
# Checks that every module a target imports is one of its declared dependencies in
# Package.swift (a target or a product), not only a transitive one.
#
# Why: SwiftPM gives a target's compile command only its declared dependencies' .swiftmodule
# files as inputs. A module imported transitively (KlimatnavNodeTests importing KlimatnavCore
# through KlimatnavNode) is not among them; and swiftc does not rewrite a .swiftmodule whose
# content did not change. So a layout-only change in the transitive module (`enum` ->
# `indirect enum DomainEvent`) leaves the direct dependency's .swiftmodule untouched, the
# importing target is never recompiled, and an incremental build links code built for the
# old layout: memory corruption that crashes anywhere (swift_retain, swift_bridgeObjectRelease).
# Usage: scripts/check-imports.sh   (exit 1 and one line per missing dependency)
set -euo pipefail
cd "$(dirname "$0")/.."
swift package dump-package | python3 -c '
import json, os, re, sys
package = json.load(sys.stdin)
# Modules of the toolchain and the system, never declared.
system = {"Foundation", "FoundationEssentials", "FoundationNetworking", "FoundationXML", "Glibc", "Musl",
          "Darwin", "Dispatch", "Testing", "XCTest", "Synchronization", "Observation", "os"}
pattern = re.compile(r"^\s*(?:@testable\s+|@_spi\([^)]*\)\s+|@preconcurrency\s+|(?:public|package|internal)\s+)*import\s+(?:(?:struct|class|enum|protocol|func|var|let|typealias)\s+)?([A-Za-z_][A-Za-z0-9_]*)", re.M)
missing = []
for target in package["targets"]:
    if target["type"] in ("system", "binary", "plugin", "macro"):
        continue
    declared = set()
    for dependency in target["dependencies"]:
        for kind in ("byName", "target", "product"):
            if kind in dependency:
                declared.add(dependency[kind][0].replace("-", "_"))
    root = target.get("path") or ("Tests" if target["type"] == "test" else "Sources") + "/" + target["name"]
    for directory, _, files in os.walk(root):
        for file in files:
            if not file.endswith(".swift"):
                continue
            path = os.path.join(directory, file)
            for module in sorted(set(pattern.findall(open(path, encoding="utf-8").read()))):
                if module not in system and module not in declared and module != target["name"].replace("-", "_"):
                    missing.append("%s: imports %s (%s) but does not declare it" % (target["name"], module, path))
for line in sorted(set(missing)):
    print(line)
sys.exit(1 if missing else 0)
'
