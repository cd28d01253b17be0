// swift-tools-version: 6.1
import PackageDescription

let package = Package(
    name: "klimatnav",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "klimatnav", targets: ["klimatnav"]),
        .library(name: "ZeroMQ", targets: ["ZeroMQ"]),
        .library(name: "KlimatnavCore", targets: ["KlimatnavCore"]),
        .library(name: "KlimatnavReport", targets: ["KlimatnavReport"]),
    ],
    dependencies: [
        .package(url: "https://github.com/groue/GRDB.swift", exact: "7.10.0"),
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle", from: "2.13.0"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
        .package(url: "https://github.com/apple/swift-collections", from: "1.6.0"),
        .package(url: "https://github.com/apple/swift-async-algorithms", from: "1.1.4"),
    ],
    targets: [
        // C shim over the system libzmq (Debian: libzmq3-dev).
        .systemLibrary(name: "CZeroMQ", providers: [.apt(["libzmq3-dev"])]),
        // glibc's malloc.h (mallopt), for the hub process's malloc arena cap.
        .systemLibrary(name: "CMalloc"),
        // A safe Swift layer over libzmq. Knows nothing of climate.
        .target(
            name: "ZeroMQ", dependencies: ["CZeroMQ", .product(name: "DequeModule", package: "swift-collections")],
            exclude: ["README.md"]),
        // Pure core: domain model and gap rules. No I/O.
        .target(name: "KlimatnavCore"),
        // Wire protocol v1 codec (Protocols/klimatnav-wire-v1.md). Pure.
        .target(name: "KlimatnavWire", dependencies: ["KlimatnavCore"]),
        // Playbook loading (YAML), validation and the synthetic generator.
        .target(
            name: "KlimatnavPlaybook",
            dependencies: ["KlimatnavCore", .product(name: "Yams", package: "Yams")],
            // The embedded playbooks: symlinks to Playbooks/*.yaml, compiled into the binary
            // (`PackageResources`), so `klimatnav run` works from any directory and needs no
            // resource bundle beside it. SwiftPM's `.copy`/`.process` would copy the symlinks
            // themselves, which dangle in the bundle; `.embedInCode` reads through them.
            resources: [
                .embedInCode("Resources/klimatkontrakt-2030.yaml"),
                .embedInCode("Resources/responses.yaml"),
                // Sweden (issue 14): the hand-written playbook and the data it is built from.
                .embedInCode("Resources/sverige.yaml"),
                .embedInCode("Resources/sweden-counties.csv"),
                .embedInCode("Resources/sweden-municipalities.csv"),
                .embedInCode("Resources/sweden-programmes.csv"),
                .embedInCode("Resources/sweden-emissions-by-sector.csv"),
            ]
        ),
        // SQLite persistence through GRDB.
        .target(
            name: "KlimatnavStore",
            dependencies: [
                "KlimatnavCore", "KlimatnavWire", .product(name: "GRDB", package: "GRDB.swift"),
                // The SQLite C API, for the group commit's direct binding (RawStatement).
                .product(name: "GRDBSQLite", package: "GRDB.swift"),
            ]
        ),
        // Reports and revision diffs for people: the model read from a hub's database, the
        // Swedish/English string catalogue, HTML/Markdown/SVG renderers. Pure renderers, no network.
        .target(name: "KlimatnavReport", dependencies: ["KlimatnavCore", "KlimatnavStore"]),
        // Actors for every party, the hub, and the ZeroMQ transport between them.
        .target(
            name: "KlimatnavNode",
            dependencies: [
                "ZeroMQ", "KlimatnavCore", "KlimatnavWire", "KlimatnavStore", "KlimatnavPlaybook", "CMalloc",
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                // AsyncChannel: the bounded hand-over between the hub's reader and committer.
                .product(name: "AsyncAlgorithms", package: "swift-async-algorithms"),
            ]
        ),
        // The read-only web dashboard and JSON API (`klimatnav serve`), Hummingbird 2: the report's
        // model, catalogue and HTML sections, plus navigation, filters and the live gap feed.
        .target(
            name: "KlimatnavDashboard",
            dependencies: [
                "ZeroMQ", "KlimatnavCore", "KlimatnavWire", "KlimatnavStore", "KlimatnavReport",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        .executableTarget(
            name: "klimatnav",
            dependencies: [
                "KlimatnavNode", "KlimatnavStore", "KlimatnavPlaybook", "KlimatnavCore", "ZeroMQ", "KlimatnavReport",
                "KlimatnavDashboard", "KlimatnavWire",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "UnixSignals", package: "swift-service-lifecycle"),
            ]
        ),
        // Throughput of the ZeroMQ layer against raw libzmq (scripts/bench-zmq.sh).
        .executableTarget(name: "zmq-bench", dependencies: ["ZeroMQ", "CZeroMQ", "BenchSupport"]),
        // What the benchmark executables share (processor time).
        .target(name: "BenchSupport", dependencies: ["ZeroMQ"]),
        // Performance figures against raw libzmq and raw SQLite, and the targets (scripts/bench.sh).
        .executableTarget(
            name: "klimatnav-bench",
            dependencies: [
                "ZeroMQ", "KlimatnavCore", "KlimatnavWire", "KlimatnavStore", "KlimatnavPlaybook", "KlimatnavNode",
                "BenchSupport",
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        // libFuzzer harness for the wire codec (scripts/faults.sh builds it with -sanitize=fuzzer).
        .executableTarget(name: "wire-fuzz", dependencies: ["KlimatnavWire"]),
        // Micro-benchmark of WireCodec encode/decode per message (release builds).
        .executableTarget(name: "codec-bench", dependencies: ["KlimatnavWire", "KlimatnavCore", "KlimatnavPlaybook"]),
        .testTarget(name: "ZeroMQTests", dependencies: ["ZeroMQ"]),
        .testTarget(name: "KlimatnavCoreTests", dependencies: ["KlimatnavCore"]),
        .testTarget(name: "KlimatnavWireTests", dependencies: ["KlimatnavWire", "KlimatnavCore"]),
        .testTarget(name: "KlimatnavPlaybookTests", dependencies: ["KlimatnavPlaybook", "KlimatnavCore", "KlimatnavWire"]),
        .testTarget(
            name: "KlimatnavStoreTests",
            dependencies: ["KlimatnavStore", "KlimatnavCore", "KlimatnavWire", .product(name: "GRDB", package: "GRDB.swift")]
        ),
        .testTarget(
            name: "KlimatnavNodeTests",
            dependencies: [
                "KlimatnavNode", "ZeroMQ", "KlimatnavCore", "KlimatnavStore", "KlimatnavWire",
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        .testTarget(
            name: "KlimatnavReportTests",
            dependencies: [
                "KlimatnavReport", "KlimatnavCore", "KlimatnavStore", "KlimatnavNode", "KlimatnavPlaybook",
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        // Runs the built `klimatnav` binary as a user would (one and several processes).
        .testTarget(name: "KlimatnavCLITests", dependencies: ["klimatnav", "KlimatnavCore", "KlimatnavStore"]),
        .testTarget(
            name: "KlimatnavDashboardTests",
            dependencies: [
                "KlimatnavDashboard", "KlimatnavReport", "KlimatnavStore", "KlimatnavCore", "KlimatnavWire", "ZeroMQ",
                // The browser test runs the built binary (scripts/dashboard-test.sh).
                "klimatnav",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdTesting", package: "hummingbird"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Yams", package: "Yams"),
            ]
        ),
    ],
    swiftLanguageModes: [.v6]
)
